package ru.rossgram.imaging;

/**
 * An original decoded into memory, possibly shrunk.
 *
 * @param image    opaque RGB in the stored orientation, at most the original's size
 * @param hadAlpha some pixels were transparent and have been composited over white
 */
record DecodedOriginal(RgbImage image, boolean hadAlpha) {
}
