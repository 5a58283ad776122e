package ru.rossgram.imaging;

/**
 * The <a href="https://github.com/woltapp/blurhash/blob/master/Algorithm.md">BlurHash</a> encoder: a few
 * cosine components of the image in linear light, quantised into a short base-83 string. The apps have
 * decoders for it on both platforms. Follows the reference TypeScript implementation, rounding included.
 */
final class BlurHash {
    private static final String BASE83 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
    private static final double[] LINEAR = new double[256];

    static {
        for (int i = 0; i < 256; i++) {
            double v = i / 255.0;
            LINEAR[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
    }

    private BlurHash() {
    }

    /** Four components along the longer side, three along the shorter: about 28 characters. */
    static String encode(RgbImage image) {
        boolean landscape = image.width() >= image.height();
        return encode(image, landscape ? 4 : 3, landscape ? 3 : 4);
    }

    static String encode(RgbImage image, int componentsX, int componentsY) {
        int w = image.width();
        int h = image.height();
        byte[] rgb = image.rgb();
        double[][] factors = new double[componentsX * componentsY][];
        for (int j = 0; j < componentsY; j++) {
            for (int i = 0; i < componentsX; i++) {
                double normalisation = (i == 0 && j == 0) ? 1 : 2;
                double r = 0;
                double g = 0;
                double b = 0;
                for (int y = 0; y < h; y++) {
                    double cosY = Math.cos(Math.PI * j * y / h);
                    for (int x = 0; x < w; x++) {
                        double basis = normalisation * Math.cos(Math.PI * i * x / w) * cosY;
                        int p = (y * w + x) * 3;
                        r += basis * LINEAR[rgb[p] & 0xFF];
                        g += basis * LINEAR[rgb[p + 1] & 0xFF];
                        b += basis * LINEAR[rgb[p + 2] & 0xFF];
                    }
                }
                double scale = 1.0 / (w * h);
                factors[j * componentsX + i] = new double[] {r * scale, g * scale, b * scale};
            }
        }

        StringBuilder hash = new StringBuilder();
        base83(hash, (componentsX - 1) + (componentsY - 1) * 9, 1);
        double maximum;
        if (factors.length > 1) {
            double actualMaximum = 0;
            for (int k = 1; k < factors.length; k++) {
                for (double v : factors[k]) {
                    actualMaximum = Math.max(actualMaximum, Math.abs(v));
                }
            }
            int quantised = (int) Math.floor(Math.max(0, Math.min(82, Math.floor(actualMaximum * 166 - 0.5))));
            maximum = (quantised + 1) / 166.0;
            base83(hash, quantised, 1);
        } else {
            maximum = 1;
            base83(hash, 0, 1);
        }
        double[] dc = factors[0];
        base83(hash, (toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4);
        for (int k = 1; k < factors.length; k++) {
            double[] ac = factors[k];
            base83(hash, quantiseAc(ac[0], maximum) * 19 * 19 + quantiseAc(ac[1], maximum) * 19
                    + quantiseAc(ac[2], maximum), 2);
        }
        return hash.toString();
    }

    private static int quantiseAc(double value, double maximum) {
        return (int) Math.floor(Math.max(0, Math.min(18, Math.floor(signPow(value / maximum, 0.5) * 9 + 9.5))));
    }

    private static double signPow(double value, double exponent) {
        return Math.copySign(Math.pow(Math.abs(value), exponent), value);
    }

    private static int toSrgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return v <= 0.0031308
                ? (int) (v * 12.92 * 255 + 0.5)
                : (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static void base83(StringBuilder into, int value, int length) {
        for (int i = 1; i <= length; i++) {
            int digit = (value / (int) Math.pow(83, length - i)) % 83;
            into.append(BASE83.charAt(digit));
        }
    }
}
