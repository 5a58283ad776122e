package ru.rossgram.thumbnails;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;
import ru.rossgram.imaging.ThumbnailSpec;

/**
 * What the thumbnail function makes ({@code ROSSGRAM_THUMBNAILS_*}).
 *
 * @param widths        a post photo's renditions, {@code w<width>} each (comma-separated in the environment)
 * @param squareSize    a post photo's centre crop for the profile grid, {@code square<size>}
 * @param avatarSize    an avatar's one square rendition, {@code square<size>}
 * @param previewWidth  a paid post photo's blurred preview, {@code preview}, what non-buyers see
 * @param jpegQuality   0 to 1
 * @param maxMegapixels originals whose header claims more are refused before decoding (decompression bombs)
 */
@ConfigurationProperties("rossgram.thumbnails")
public record ThumbnailConfig(
        @Bindable(defaultValue = "1080,640,320") List<Integer> widths,
        @Bindable(defaultValue = "150") int squareSize,
        @Bindable(defaultValue = "320") int avatarSize,
        @Bindable(defaultValue = "320") int previewWidth,
        @Bindable(defaultValue = "0.82") float jpegQuality,
        @Bindable(defaultValue = "100") int maxMegapixels) {

    /** The renditions of a post's photo. */
    public ThumbnailSpec postSpec() {
        return common().widths(widths).squareSize(squareSize).build();
    }

    /** The renditions of a paid post's photo: a post photo's, and the blurred preview. */
    public ThumbnailSpec paidPostSpec() {
        return common().widths(widths).squareSize(squareSize).previewWidth(previewWidth).build();
    }

    /** The renditions of an avatar: one square. */
    public ThumbnailSpec avatarSpec() {
        return common().widths(List.of()).squareSize(avatarSize).build();
    }

    private ThumbnailSpec.Builder common() {
        return ThumbnailSpec.builder().jpegQuality(jpegQuality).maxPixels(maxMegapixels * 1_000_000L);
    }
}
