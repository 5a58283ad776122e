package ru.rossgram.imaging;

import java.util.ArrayList;
import java.util.List;

/**
 * The renditions a spec asks of one original, sized from its upright dimensions and never larger than it,
 * plus the small sample the colour and placeholder are computed from.
 */
record RenditionPlan(List<Target> targets, Target colourSample) {
    /** The colour sample's longer side: plenty for a BlurHash and a dominant colour. */
    static final int SAMPLE_SIZE = 64;
    /** Keeps the working image within about 72 MB, whatever widths a spec asks for. */
    static final long WORKING_BUDGET_PIXELS = 24_000_000L;
    /**
     * What a scaled inverse DCT leaves the final filter: at least this reduction still to do. Less than the 2x a box
     * average needs, because the scaled transform already drops the frequencies above its new size (measured on a
     * 20 MP photo: w1080 from 1/4 instead of 1/2 is as close to libvips's w1080, 32.1 against 32.5 dB, and a third
     * faster to make; docs/imaging-benchmark.md).
     */
    static final double DCT_HEADROOM = 1.25;

    enum Kind {
        /** The whole frame at a width. */
        FULL,
        /** The centred square of the shorter side. */
        SQUARE,
        /** The whole frame, shrunk to {@link Target#blurSample}, blurred there, and enlarged again: a locked preview. */
        BLURRED
    }

    /** A locked preview keeps no more detail than an image {@value #BLUR_SAMPLE_SIZE} pixels on its longer side. */
    static final int BLUR_SAMPLE_SIZE = 64;

    /** One output, upright. */
    record Target(String name, Kind kind, int width, int height) {
        /** The size a blurred target is blurred at: its shape, the longer side at most {@link #BLUR_SAMPLE_SIZE}. */
        Target blurSample() {
            return fitted(name, kind, width, height, BLUR_SAMPLE_SIZE);
        }

        /**
         * Whether {@code other} can be made from this whole-frame target's pixels at a reduction: it is smaller
         * (a square smaller than this one's shorter side, a blurred preview always).
         */
        boolean contains(Target other) {
            return switch (other.kind) {
                case FULL -> other.width < width;
                case SQUARE -> other.width < Math.min(width, height);
                case BLURRED -> true;
            };
        }
    }

    /** The widest whole-frame target: every other rendition can be made from it. */
    Target largestFull() {
        Target largest = colourSample;
        for (Target target : targets) {
            if (target.kind() == Kind.FULL && target.width() > largest.width()) {
                largest = target;
            }
        }
        return largest;
    }

    static RenditionPlan of(ThumbnailSpec spec, int uprightWidth, int uprightHeight) {
        List<Target> targets = new ArrayList<>();
        for (int width : spec.widths()) {
            int w = Math.min(width, uprightWidth);
            targets.add(new Target("w" + width, Kind.FULL, w, proportionalHeight(uprightWidth, uprightHeight, w)));
        }
        if (spec.squareSize() > 0) {
            int side = Math.min(spec.squareSize(), Math.min(uprightWidth, uprightHeight));
            targets.add(new Target("square" + spec.squareSize(), Kind.SQUARE, side, side));
        }
        if (spec.previewWidth() > 0) {
            int w = Math.min(spec.previewWidth(), uprightWidth);
            targets.add(new Target(ThumbnailSpec.PREVIEW, Kind.BLURRED, w, proportionalHeight(uprightWidth, uprightHeight, w)));
        }
        return new RenditionPlan(List.copyOf(targets), fitted("sample", Kind.FULL, uprightWidth, uprightHeight, SAMPLE_SIZE));
    }

    /** {@code width x height} scaled down, if need be, so that its longer side is at most {@code longest}. */
    private static Target fitted(String name, Kind kind, int width, int height, int longest) {
        double fit = Math.min(1.0, (double) longest / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * fit));
        return new Target(name, kind, w, proportionalHeight(width, height, w));
    }

    static int proportionalHeight(int width, int height, int newWidth) {
        return (int) Math.max(1, Math.round((double) height * newWidth / width));
    }

    /**
     * How much the original may shrink while loading: the largest integer that leaves every target at least
     * twice its size in the working image, so the final filter still has a factor of two to work with; more
     * if the working image would exceed its memory budget.
     */
    int shrinkFactor(int uprightWidth, int uprightHeight) {
        int shrink = (int) Math.max(1, Math.floor(reduction(uprightWidth, uprightHeight) / 2));
        return withinBudget(uprightWidth, uprightHeight, shrink, 1);
    }

    /**
     * How a JPEG decoded by {@link DctJpegDecoder} shrinks while loading: by its inverse DCT, to the smallest of
     * 1/2, 1/4 and 1/8 that leaves every target at least {@link #DCT_HEADROOM} times its size (a scaled inverse DCT
     * is itself a low-pass filter, unlike a box average, so the final filter needs less room after it), then by a box
     * average if {@link #shrinkFactor} asks for more, or the memory budget does.
     */
    JpegLoad jpegLoad(int uprightWidth, int uprightHeight) {
        double reduction = reduction(uprightWidth, uprightHeight);
        int scale = 8;
        while (scale > 1 && reduction / scale < DCT_HEADROOM) {
            scale /= 2;
        }
        int box = Math.max(1, shrinkFactor(uprightWidth, uprightHeight) / scale);
        return new JpegLoad(scale, withinBudget(uprightWidth, uprightHeight, box, scale));
    }

    /** A JPEG's reduction while loading: {@code dctScale} (1, 2, 4 or 8) by its inverse DCT, then a box average. */
    record JpegLoad(int dctScale, int boxFactor) {
    }

    /** The largest reduction every target allows: how many times larger than it its region of the original is. */
    private double reduction(int uprightWidth, int uprightHeight) {
        double factor = Double.MAX_VALUE;
        for (Target target : targets) {
            double regionWidth = target.kind() == Kind.SQUARE ? Math.min(uprightWidth, uprightHeight) : uprightWidth;
            double regionHeight = target.kind() == Kind.SQUARE ? regionWidth : uprightHeight;
            Target sized = target.kind() == Kind.BLURRED ? target.blurSample() : target;
            factor = Math.min(factor, Math.min(regionWidth / sized.width(), regionHeight / sized.height()));
        }
        return factor;
    }

    /** {@code shrink}, raised until the working image, {@code before} times smaller first, fits its budget. */
    private static int withinBudget(int uprightWidth, int uprightHeight, int shrink, int before) {
        long pixels = (long) uprightWidth * uprightHeight;
        while (pixels / ((long) shrink * shrink * before * before) > WORKING_BUDGET_PIXELS) {
            shrink++;
        }
        return shrink;
    }
}
