package ru.rossgram.imaging;

import java.util.ArrayList;
import java.util.List;

/**
 * What to make from each original, and what to refuse. Immutable; {@link #defaults()} is what the feed needs.
 *
 * @param widths         one rendition per width, named {@code w<width>}; an original narrower than a width
 *                       gives that rendition at the original's width (never upscaled)
 * @param squareSize     the grid's centre crop, named {@code square<size>}, at most the original's shorter side;
 *                       0 for none
 * @param previewWidth   a paid post's locked preview, named {@value #PREVIEW}: what non-buyers see, blurred until
 *                       no detail or text in it can be made out, this wide (at most the original's width); 0 for
 *                       none, which is the default
 * @param jpegQuality    0 to 1, as {@link javax.imageio.ImageWriteParam#setCompressionQuality}; 0.82 by default
 * @param maxPixels      originals whose header claims more pixels are refused before decoding; 100 megapixels
 * @param maxSourceBytes originals longer than this are refused before reading further; 32 MiB (uploads stop at 25)
 */
public record ThumbnailSpec(List<Integer> widths, int squareSize, int previewWidth, float jpegQuality,
                            long maxPixels, long maxSourceBytes) {
    /** The locked preview's rendition name. */
    public static final String PREVIEW = "preview";

    /** @throws IllegalArgumentException for sizes below 1, duplicate widths, or a quality outside (0, 1] */
    public ThumbnailSpec {
        widths = List.copyOf(widths);
        if (widths.stream().anyMatch(w -> w < 1) || widths.stream().distinct().count() != widths.size()) {
            throw new IllegalArgumentException("widths must be positive and distinct: " + widths);
        }
        if (squareSize < 0 || previewWidth < 0) {
            throw new IllegalArgumentException("squareSize and previewWidth must be 0 (none) or positive");
        }
        if (widths.isEmpty() && squareSize == 0 && previewWidth == 0) {
            throw new IllegalArgumentException("a spec must ask for at least one rendition");
        }
        if (!(jpegQuality > 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("jpegQuality must be in (0, 1]: " + jpegQuality);
        }
        if (maxPixels < 1 || maxSourceBytes < 1) {
            throw new IllegalArgumentException("maxPixels and maxSourceBytes must be positive");
        }
    }

    /** Widths 1080, 640 and 320, a 150 square, no locked preview, quality 0.82, 100 MP, 32 MiB. */
    public static ThumbnailSpec defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().widths(widths).squareSize(squareSize).previewWidth(previewWidth)
                .jpegQuality(jpegQuality).maxPixels(maxPixels).maxSourceBytes(maxSourceBytes);
    }

    public static final class Builder {
        private List<Integer> widths = List.of(1080, 640, 320);
        private int squareSize = 150;
        private int previewWidth = 0;
        private float jpegQuality = 0.82f;
        private long maxPixels = 100_000_000L;
        private long maxSourceBytes = 32L * 1024 * 1024;

        private Builder() {
        }

        public Builder widths(List<Integer> widths) {
            this.widths = new ArrayList<>(widths);
            return this;
        }

        public Builder widths(Integer... widths) {
            return widths(List.of(widths));
        }

        public Builder squareSize(int squareSize) {
            this.squareSize = squareSize;
            return this;
        }

        /**
         * Adds a paid post's locked preview, 320 pixels wide: it holds no more detail than a 64-pixel image, so a
         * larger one would only cost bytes; the apps stretch it.
         */
        public Builder withLockedPreview() {
            return previewWidth(320);
        }

        public Builder previewWidth(int previewWidth) {
            this.previewWidth = previewWidth;
            return this;
        }

        public Builder jpegQuality(float jpegQuality) {
            this.jpegQuality = jpegQuality;
            return this;
        }

        public Builder maxPixels(long maxPixels) {
            this.maxPixels = maxPixels;
            return this;
        }

        public Builder maxSourceBytes(long maxSourceBytes) {
            this.maxSourceBytes = maxSourceBytes;
            return this;
        }

        public ThumbnailSpec build() {
            return new ThumbnailSpec(widths, squareSize, previewWidth, jpegQuality, maxPixels, maxSourceBytes);
        }
    }
}
