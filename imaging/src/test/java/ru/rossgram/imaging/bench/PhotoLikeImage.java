package ru.rossgram.imaging.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/**
 * A synthetic photo: a sky gradient, rolling hills of low-frequency noise, soft and hard-edged shapes, fine
 * stripes (detail that aliases if downscaled badly) and per-pixel sensor noise. Compresses like a real photo
 * (about 3 bits per pixel at quality 90), unlike a flat colour, and is the same for the same seed.
 */
public final class PhotoLikeImage {
    private PhotoLikeImage() {
    }

    public static BufferedImage generate(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        double[] phases = new double[6];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = random.nextDouble() * Math.PI * 2;
        }
        for (int y = 0; y < height; y++) {
            double v = (double) y / height;
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double hill = 0.55 + 0.08 * Math.sin(u * 7 + phases[0]) + 0.04 * Math.sin(u * 19 + phases[1])
                        + 0.02 * Math.sin(u * 53 + phases[2]);
                int r;
                int g;
                int b;
                if (v < hill) { // sky: deep blue to pale near the horizon
                    double t = v / hill;
                    r = (int) (60 + 150 * t);
                    g = (int) (110 + 110 * t);
                    b = (int) (200 + 45 * t);
                } else { // ground: greens and browns with texture
                    double t = (v - hill) / (1 - hill);
                    double texture = Math.sin(u * 300 + Math.sin(v * 40 + phases[3]) * 3) * 0.5 + 0.5;
                    r = (int) (70 + 60 * t + 30 * texture);
                    g = (int) (110 - 30 * t + 25 * texture);
                    b = (int) (40 + 20 * t);
                }
                int i = (y * width + x) * 3;
                bgr[i] = (byte) b;
                bgr[i + 1] = (byte) g;
                bgr[i + 2] = (byte) r;
            }
        }
        drawShapes(image, random);
        addNoise(bgr, random);
        return image;
    }

    private static void drawShapes(BufferedImage image, Random random) {
        int w = image.getWidth();
        int h = image.getHeight();
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < 40; i++) { // soft blobs: foliage, clouds
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 90 + random.nextInt(120)));
            double size = (0.02 + random.nextDouble() * 0.15) * w;
            g.fill(new Ellipse2D.Double(random.nextDouble() * w, random.nextDouble() * h, size, size * (0.5 + random.nextDouble())));
        }
        for (int i = 0; i < 12; i++) { // buildings: hard edges
            g.setColor(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200)));
            int bw = (int) ((0.03 + random.nextDouble() * 0.08) * w);
            int bh = (int) ((0.05 + random.nextDouble() * 0.25) * h);
            g.fillRect(random.nextInt(w), (int) (h * 0.6) - bh, bw, bh);
        }
        g.setStroke(new BasicStroke(Math.max(1, w / 4000f)));
        g.setColor(new Color(30, 30, 30));
        int left = w / 10;
        int top = h / 10;
        for (int x = 0; x < w / 6; x += Math.max(2, w / 2000)) { // fine stripes: fences, fabric, moire bait
            g.drawLine(left + x, top, left + x, top + h / 8);
        }
        Path2D road = new Path2D.Double();
        road.moveTo(w * 0.45, h);
        road.curveTo(w * 0.5, h * 0.8, w * 0.55, h * 0.75, w * 0.52, h * 0.62);
        g.setStroke(new BasicStroke(w / 60f));
        g.setColor(new Color(90, 85, 80));
        g.draw(road);
        g.dispose();
    }

    /** Sensor-like noise, a Gaussian of 4 levels: what makes real photos expensive to compress and to decode. */
    private static void addNoise(byte[] bgr, Random random) {
        byte[] noise = new byte[4096];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) Math.round(random.nextGaussian() * 4);
        }
        int state = random.nextInt() | 1;
        for (int i = 0; i < bgr.length; i++) {
            state ^= state << 13; // xorshift: a fresh index per sample, fast enough for 48 megapixels
            state ^= state >>> 17;
            state ^= state << 5;
            int v = (bgr[i] & 0xFF) + noise[state & (noise.length - 1)];
            bgr[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }
}
