package ru.rossgram.imaging;

/**
 * Makes each rendition's pixels from the working image: resampled in the stored orientation (the
 * working image is never turned; only the small results are), converted to sRGB, then turned upright.
 * Not thread-safe: one per original.
 */
final class RenditionRenderer {
    /** Three box passes of this radius on the 64-pixel sample: a Gaussian of about 4.5 pixels, 7% of the longer side. */
    private static final int BLUR_RADIUS = 4;
    private static final int BLUR_PASSES = 3;

    private final Pyramid working;
    private final int storedWidth;
    private final int storedHeight;
    private final Orientation orientation;
    private final SrgbConverter srgb = new SrgbConverter();

    /** @param working the decoded original at any reduction; {@code storedWidth x storedHeight} is its true size */
    RenditionRenderer(RgbImage working, int storedWidth, int storedHeight, Orientation orientation) {
        this.working = new Pyramid(working);
        this.storedWidth = storedWidth;
        this.storedHeight = storedHeight;
        this.orientation = orientation;
    }

    /** The target's upright sRGB pixels, exactly {@code target.width() x target.height()}. */
    RgbImage render(RenditionPlan.Target target) {
        int width = orientation.swapsAxes() ? target.height() : target.width();
        int height = orientation.swapsAxes() ? target.width() : target.height();
        RgbImage stored = switch (target.kind()) {
            case FULL -> working.resize(width, height);
            case SQUARE -> working.resize(centreSquare(), width, height);
            case BLURRED -> blurred(target, width, height);
        };
        return orientation.apply(srgb.toSrgb(stored));
    }

    /** The centred square of the original's shorter side, in working-image pixels (the same upright or not). */
    private Resampler.Region centreSquare() {
        double side = Math.min(storedWidth, storedHeight);
        double scaleX = (double) working.base().width() / storedWidth;
        double scaleY = (double) working.base().height() / storedHeight;
        return new Resampler.Region((storedWidth - side) / 2 * scaleX, (storedHeight - side) / 2 * scaleY,
                side * scaleX, side * scaleY);
    }

    /** Down to a tiny sample, blurred there (cheap, and detail is gone for good), then up to the target size. */
    private RgbImage blurred(RenditionPlan.Target target, int width, int height) {
        RenditionPlan.Target sample = target.blurSample();
        RgbImage small = orientation.swapsAxes()
                ? working.resize(sample.height(), sample.width())
                : working.resize(sample.width(), sample.height());
        return Resampler.resize(BoxBlur.blur(small, BLUR_RADIUS, BLUR_PASSES), width, height);
    }
}
