package ru.rossgram.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Turns whatever a reader returned (8- or 16-bit, grey, palette, with or without alpha, any colour space) into
 * opaque sRGB over white, the way a JPEG must carry it. Grey samples are taken as they are: Java's CS_GRAY
 * is linear, but the grey in PNGs and JPEGs is gamma-encoded like sRGB, and converting would wash it out.
 */
final class Flattener {
    private static final int WHITE = 255;

    private Flattener() {
    }

    static DecodedOriginal flatten(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        boolean grey = space.getType() == ColorSpace.TYPE_GRAY;
        if (!grey && !space.isCS_sRGB()) {
            image = toSrgb(image);
        }
        if (image.getColorModel() instanceof ComponentColorModel model && !model.isAlphaPremultiplied()
                && (model.getTransferType() == DataBuffer.TYPE_BYTE || model.getTransferType() == DataBuffer.TYPE_USHORT)) {
            return fromSamples(image, model, grey);
        }
        return fromArgb(image);
    }

    /** Straight from the raster's samples, scaled to 8 bits; alpha, when present, is the last band. */
    private static DecodedOriginal fromSamples(BufferedImage image, ComponentColorModel model, boolean grey) {
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean alpha = model.hasAlpha();
        int[] bits = model.getComponentSize();
        RgbImage out = RgbImage.blank(w, h, null);
        byte[] rgb = out.rgb();
        int[] row = new int[w * bands];
        boolean transparent = false;
        int o = 0;
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0, i = 0; x < w; x++, i += bands) {
                int r = to8Bits(row[i], bits[0]);
                int g = grey ? r : to8Bits(row[i + 1], bits[1]);
                int b = grey ? r : to8Bits(row[i + 2], bits[2]);
                int a = alpha ? to8Bits(row[i + bands - 1], bits[bands - 1]) : WHITE;
                transparent |= putOverWhite(rgb, o, r, g, b, a);
                o += 3;
            }
        }
        return new DecodedOriginal(out, transparent);
    }

    /** Through {@link BufferedImage#getRGB}: palettes, packed ints, premultiplied alpha. */
    private static DecodedOriginal fromArgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        RgbImage out = RgbImage.blank(w, h, null);
        byte[] rgb = out.rgb();
        int[] row = new int[w];
        boolean transparent = false;
        int o = 0;
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int argb : row) {
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                transparent |= putOverWhite(rgb, o, r, g, b, a);
                o += 3;
            }
        }
        return new DecodedOriginal(out, transparent);
    }

    private static BufferedImage toSrgb(BufferedImage image) {
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage srgb = new BufferedImage(image.getWidth(), image.getHeight(), type);
        new ColorConvertOp(null).filter(image, srgb);
        return srgb;
    }

    private static int to8Bits(int sample, int bits) {
        return bits == 8 ? sample : (sample * 255 + ((1 << bits) - 1) / 2) / ((1 << bits) - 1);
    }

    /** Colour {@code c} at opacity {@code a} over white, rounded. */
    /** Writes one pixel composited over white at {@code rgb[o..o+2]}; true when it was not opaque. */
    private static boolean putOverWhite(byte[] rgb, int o, int r, int g, int b, int a) {
        boolean transparent = a != WHITE;
        rgb[o] = (byte) (transparent ? overWhite(r, a) : r);
        rgb[o + 1] = (byte) (transparent ? overWhite(g, a) : g);
        rgb[o + 2] = (byte) (transparent ? overWhite(b, a) : b);
        return transparent;
    }

    static int overWhite(int c, int a) {
        return (c * a + WHITE * (WHITE - a) + 127) / 255;
    }
}
