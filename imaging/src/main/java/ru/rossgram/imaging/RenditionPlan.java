package ru.rossgram.imaging;

import java.util.ArrayList;
import java.util.List;

/**
 * The renditions a spec asks of one original, sized from its upright dimensions and never larger than it,
 * plus the small preview the colour and placeholder are computed from.
 */
record RenditionPlan(List<Target> targets, Target preview) {
    /** The preview's longer side: plenty for a BlurHash and a dominant colour. */
    static final int PREVIEW_SIZE = 64;
    /** Keeps the working image within about 72 MB, whatever widths a spec asks for. */
    static final long WORKING_BUDGET_PIXELS = 24_000_000L;

    enum Kind {
        /** The whole frame at a width. */
        FULL,
        /** The centred square of the shorter side. */
        SQUARE,
        /** The whole frame, shrunk to {@link #BLUR_SAMPLE_WIDTH}, blurred, and enlarged again. */
        BLURRED
    }

    /** A paid post's preview keeps no more detail than a 64-pixel-wide image holds. */
    static final int BLUR_SAMPLE_WIDTH = 64;

    /** One output, upright. */
    record Target(String name, Kind kind, int width, int height) {
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
        if (spec.blurredWidth() > 0) {
            int w = Math.min(spec.blurredWidth(), uprightWidth);
            targets.add(new Target("blurred", Kind.BLURRED, w, proportionalHeight(uprightWidth, uprightHeight, w)));
        }
        double fit = Math.min(1.0, (double) PREVIEW_SIZE / Math.max(uprightWidth, uprightHeight));
        int previewWidth = Math.max(1, (int) Math.round(uprightWidth * fit));
        Target preview = new Target("preview", Kind.FULL, previewWidth,
                proportionalHeight(uprightWidth, uprightHeight, previewWidth));
        return new RenditionPlan(List.copyOf(targets), preview);
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
        double factor = Double.MAX_VALUE;
        for (Target target : targets) {
            double regionWidth = target.kind() == Kind.SQUARE ? Math.min(uprightWidth, uprightHeight) : uprightWidth;
            double regionHeight = target.kind() == Kind.SQUARE ? regionWidth : uprightHeight;
            int width = target.width();
            int height = target.height();
            if (target.kind() == Kind.BLURRED) {
                width = Math.min(width, BLUR_SAMPLE_WIDTH);
                height = proportionalHeight(uprightWidth, uprightHeight, width);
            }
            factor = Math.min(factor, Math.min(regionWidth / (2.0 * width), regionHeight / (2.0 * height)));
        }
        int shrink = (int) Math.max(1, Math.floor(factor));
        long pixels = (long) uprightWidth * uprightHeight;
        while (pixels / ((long) shrink * shrink) > WORKING_BUDGET_PIXELS) {
            shrink++;
        }
        return shrink;
    }
}
