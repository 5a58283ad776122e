package ru.rossgram.imaging;

import java.awt.Point;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;

/**
 * A full-size destination that stores nothing: the JDK's JPEG reader copies each decoded scanline into its
 * destination with {@link #setRect(int, int, Raster)}, and this hands the line straight to a {@link BoxShrinker}.
 * That is how a 48-megapixel original is read whole, at full quality, in a few megabytes.
 *
 * <p>Any other way of writing would find no storage behind this raster (it holds one row). That is by design:
 * such a reader leaves the shrinker incomplete, and the caller falls back to an ordinary decode.
 */
final class RowSinkRaster extends WritableRaster {
    private final BoxShrinker shrinker;
    private final int rowBytes;
    private byte[] copied;

    RowSinkRaster(SampleModel fullSize, BoxShrinker shrinker) {
        super(fullSize, new DataBufferByte(fullSize.getWidth() * fullSize.getNumBands()), new Point(0, 0));
        this.shrinker = shrinker;
        this.rowBytes = fullSize.getWidth() * fullSize.getNumBands();
    }

    @Override
    public void setRect(int dx, int dy, Raster row) {
        if (dx != 0 || row.getWidth() != getWidth() || row.getHeight() != 1 || row.getNumBands() != getNumBands()) {
            throw new UnsupportedOperationException("a row sink takes whole rows");
        }
        shrinker.accept(dy, packedBytes(row), 0);
    }

    /** The row's bytes, packed band after band: the reader's own buffer when it is laid out that way. */
    private byte[] packedBytes(Raster row) {
        if (row.getDataBuffer() instanceof DataBufferByte buffer
                && row.getSampleModel() instanceof ComponentSampleModel layout
                && layout.getPixelStride() == getNumBands()
                && isIdentity(layout.getBandOffsets())
                && row.getSampleModelTranslateX() == 0 && row.getSampleModelTranslateY() == 0
                && buffer.getOffset() == 0 && buffer.getData().length >= rowBytes) {
            return buffer.getData();
        }
        if (copied == null) {
            copied = new byte[rowBytes];
        }
        return (byte[]) row.getDataElements(0, 0, row.getWidth(), 1, copied);
    }

    private static boolean isIdentity(int[] offsets) {
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] != i) {
                return false;
            }
        }
        return true;
    }
}
