package ru.rossgram.imaging;

import java.awt.Point;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Pixels the pipeline works on: 8-bit R, G, B interleaved, rows top to bottom, no alpha (already composited).
 * Colours are in {@link #profile()}'s space, or sRGB when that is null: conversion waits until the image is small.
 */
final class RgbImage {
    private static final ColorModel SRGB = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false, false, ColorModel.OPAQUE, DataBuffer.TYPE_BYTE);
    private static final int[] RGB_OFFSETS = {0, 1, 2};

    private final int width;
    private final int height;
    private final byte[] rgb;
    private final ICC_Profile profile;
    private final boolean ycc;

    RgbImage(int width, int height, byte[] rgb, ICC_Profile profile) {
        this(width, height, rgb, profile, false);
    }

    /**
     * @param ycc the samples are JFIF Y, Cb, Cr, not R, G, B: a JPEG's working image stays in YCbCr until it is
     *            small, where conversion costs a fraction (the resampling filters are linear, so the order of the
     *            two does not matter)
     */
    RgbImage(int width, int height, byte[] rgb, ICC_Profile profile, boolean ycc) {
        if (width < 1 || height < 1 || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("pixels do not match " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.rgb = rgb;
        this.profile = profile;
        this.ycc = ycc;
    }

    static RgbImage blank(int width, int height, ICC_Profile profile) {
        return new RgbImage(width, height, new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)], profile);
    }

    /** A new image of the same colour encoding as this one, with {@code pixels}. */
    RgbImage derived(int width, int height, byte[] pixels) {
        return new RgbImage(width, height, pixels, profile, ycc);
    }

    /** A blank image of the same colour encoding as this one. */
    RgbImage blankLike(int width, int height) {
        return derived(width, height, new byte[Math.multiplyExact(Math.multiplyExact(width, height), 3)]);
    }

    /** Whether the samples are YCbCr, to be converted by {@link YccToRgb} before anything but resampling. */
    boolean isYcc() {
        return ycc;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The pixels themselves, shared, not copied: callers that write own the image. */
    byte[] rgb() {
        return rgb;
    }

    /** The colour space of the samples; null for sRGB. */
    ICC_Profile profile() {
        return profile;
    }

    /** The pixel at (x, y) as {@code 0xRRGGBB}. */
    int rgbAt(int x, int y) {
        int i = (y * width + x) * 3;
        return ((rgb[i] & 0xFF) << 16) | ((rgb[i + 1] & 0xFF) << 8) | (rgb[i + 2] & 0xFF);
    }

    /** The same pixels as a raster, for colour conversion and encoding; no copy. */
    WritableRaster asRaster() {
        return Raster.createInterleavedRaster(new DataBufferByte(rgb, rgb.length), width, height, width * 3, 3,
                RGB_OFFSETS, new Point(0, 0));
    }

    /** The same pixels as an sRGB image, for encoding; no copy. */
    BufferedImage asSrgbImage() {
        if (profile != null || ycc) {
            throw new IllegalStateException("convert to sRGB first");
        }
        return new BufferedImage(SRGB, asRaster(), false, null);
    }
}
