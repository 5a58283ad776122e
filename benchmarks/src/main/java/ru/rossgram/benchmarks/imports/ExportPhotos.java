package ru.rossgram.benchmarks.imports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The photos of a generated export: a pool of distinct 1080 px JPEGs (square and 4:5 portrait, as Instagram stores
 * them) drawn from varied content, gradients, shapes, text and sensor-like grain, so each compresses like a photo
 * rather than a flat test card; and the repository's lossy WebP fixture. The JDK writes no WebP, so every WebP of the
 * export is that small fixture.
 */
final class ExportPhotos {
    private static final Path WEBP_FIXTURE = Path.of("imaging/src/test/resources/fixtures/lossy.webp");

    private final List<byte[]> jpegs;
    private final byte[] webp;

    private ExportPhotos(List<byte[]> jpegs, byte[] webp) {
        this.jpegs = jpegs;
        this.webp = webp;
    }

    /** {@code distinct} JPEGs from {@code seed}; run from the repository root (the WebP fixture is read from there). */
    static ExportPhotos generate(int distinct, long seed) throws IOException {
        Random random = new Random(seed);
        List<byte[]> jpegs = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            jpegs.add(jpeg(random, 1080, i % 3 == 0 ? 1350 : 1080));
        }
        return new ExportPhotos(jpegs, Files.readAllBytes(WEBP_FIXTURE));
    }

    byte[] jpeg(int n) {
        return jpegs.get(Math.floorMod(n, jpegs.size()));
    }

    byte[] webp() {
        return webp;
    }

    long averageJpegBytes() {
        return (long) jpegs.stream().mapToInt(b -> b.length).average().orElse(0);
    }

    private static byte[] jpeg(Random random, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, color(random), width, height, color(random)));
        g.fillRect(0, 0, width, height);
        for (int shape = 0; shape < 40; shape++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 60 + random.nextInt(160)));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int w = 20 + random.nextInt(width / 2);
            int h = 20 + random.nextInt(height / 2);
            switch (random.nextInt(3)) {
                case 0 -> g.fillOval(x - w / 2, y - h / 2, w, h);
                case 1 -> g.fillRect(x - w / 2, y - h / 2, w, h);
                default -> {
                    g.setStroke(new BasicStroke(2 + random.nextInt(20)));
                    g.drawLine(x, y, random.nextInt(width), random.nextInt(height));
                }
            }
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48 + random.nextInt(60)));
        g.drawString("Казань " + random.nextInt(10_000), 40 + random.nextInt(200), 100 + random.nextInt(height - 200));
        g.dispose();
        grain(image, random);
        return encode(image);
    }

    /** A sensor's grain: what makes a real photo's JPEG a few hundred KB rather than tens. */
    private static void grain(BufferedImage image, Random random) {
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < row.length; x++) {
                int noise = random.nextInt(13) - 6;
                int r = clamp(((row[x] >> 16) & 0xFF) + noise);
                int gr = clamp(((row[x] >> 8) & 0xFF) + noise);
                int b = clamp((row[x] & 0xFF) + noise);
                row[x] = (r << 16) | (gr << 8) | b;
            }
            image.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static Color color(Random random) {
        return Color.getHSBColor(random.nextFloat(), 0.3f + random.nextFloat() * 0.6f, 0.3f + random.nextFloat() * 0.7f);
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f); // about what Instagram keeps
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
