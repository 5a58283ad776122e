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
 * @param blurredWidth   the paid-post preview, named {@code blurred}: heavily blurred, this wide (at most the
 *                       original's width); 0 for none, which is the default
 * @param jpegQuality    0 to 1, as {@link javax.imageio.ImageWriteParam#setCompressionQuality}; 0.82 by default
 * @param maxPixels      originals whose header claims more pixels are refused before decoding; 100 megapixels
 * @param maxSourceBytes originals longer than this are refused before reading further; 32 MiB (uploads stop at 25)
 */
public record ThumbnailSpec(List<Integer> widths, int squareSize, int blurredWidth, float jpegQuality,
                            long maxPixels, long maxSourceBytes) {

    /** @throws IllegalArgumentException for sizes below 1, duplicate widths, or a quality outside (0, 1] */
    public ThumbnailSpec {
        widths = List.copyOf(widths);
        if (widths.stream().anyMatch(w -> w < 1) || widths.stream().distinct().count() != widths.size()) {
            throw new IllegalArgumentException("widths must be positive and distinct: " + widths);
        }
        if (squareSize < 0 || blurredWidth < 0) {
            throw new IllegalArgumentException("squareSize and blurredWidth must be 0 (none) or positive");
        }
        if (widths.isEmpty() && squareSize == 0 && blurredWidth == 0) {
            throw new IllegalArgumentException("a spec must ask for at least one rendition");
        }
        if (!(jpegQuality > 0f && jpegQuality <= 1f)) {
            throw new IllegalArgumentException("jpegQuality must be in (0, 1]: " + jpegQuality);
        }
        if (maxPixels < 1 || maxSourceBytes < 1) {
            throw new IllegalArgumentException("maxPixels and maxSourceBytes must be positive");
        }
    }

    /** Widths 1080, 640 and 320, a 150 square, no blurred preview, quality 0.82, 100 MP, 32 MiB. */
    public static ThumbnailSpec defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().widths(widths).squareSize(squareSize).blurredWidth(blurredWidth)
                .jpegQuality(jpegQuality).maxPixels(maxPixels).maxSourceBytes(maxSourceBytes);
    }

    public static final class Builder {
        private List<Integer> widths = List.of(1080, 640, 320);
        private int squareSize = 150;
        private int blurredWidth = 0;
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

        /** Adds the paid-post preview at 640 pixels wide. */
        public Builder withBlurredPreview() {
            return blurredWidth(640);
        }

        public Builder blurredWidth(int blurredWidth) {
            this.blurredWidth = blurredWidth;
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
            return new ThumbnailSpec(widths, squareSize, blurredWidth, jpegQuality, maxPixels, maxSourceBytes);
        }
    }
}
