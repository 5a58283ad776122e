package ru.rossgram.imaging;

import static ru.rossgram.imaging.Bytes.u16be;
import static ru.rossgram.imaging.Bytes.u8;

import java.util.Optional;

/**
 * Our own JPEG decoder, for the one thing no Java API offers: decoding at 1/2, 1/4 or 1/8 of the size straight from
 * the DCT coefficients ({@link ScaledIdct}), libjpeg's shrink-on-load. A photo reduced 4x this way skips nearly all
 * of the inverse DCT and colour work of a full decode. Baseline and extended sequential images stream one row of
 * MCUs at a time into a {@link BoxShrinker}; progressive ones (and sequential ones split into several scans) keep
 * only the coefficients the scale needs until their last scan, then stream the same way.
 *
 * <p>Handles 8-bit Huffman-coded grey, YCbCr and RGB with sampling factors of 1, 2 or 4. Everything else (12-bit,
 * arithmetic coding, lossless, CMYK and YCCK, factors of 3, tables it was never given) it declines, and the caller
 * decodes with ImageIO. Damage it refuses, as the rest of the pipeline does: libjpeg would return a grey half.
 */
final class DctJpegDecoder {
    /** Coefficients a progressive image may keep on the heap; larger ones go to libjpeg, as before. */
    static final long STORED_COEFFICIENT_BUDGET = 64L * 1024 * 1024;
    private static final int[] ONES = ones();

    private final byte[] data;
    private final int scale;
    private final int boxFactor;
    private final JpegTables tables = new JpegTables();

    private JpegComponent[] components;
    private boolean progressive;
    private int width;
    private int height;
    private int maxH;
    private int maxV;
    private int mcusAcross;
    private int mcusDown;
    private boolean stored;
    private int scans;
    private BoxShrinker shrinker;
    private JpegRowWriter writer;

    private DctJpegDecoder(byte[] data, int scale, int boxFactor) {
        this.data = data;
        this.scale = scale;
        this.boxFactor = boxFactor;
    }

    /**
     * @param scale     1, 2, 4 or 8: the inverse DCT's reduction (8 keeps only each block's DC coefficient)
     * @param boxFactor a further integer box average of the scaled rows (1 = none)
     * @return the original reduced by {@code scale x boxFactor} (each side {@code ceil(ceil(side / scale) /
     *         boxFactor)}), in the JPEG's own colour space with its ICC profile attached (YCbCr images stay YCbCr,
     *         {@link RgbImage#isYcc()}, for the renditions to convert when small); empty when this decoder
     *         does not handle the variant, and the caller should use ImageIO
     * @throws ImageRejectedException {@code CORRUPT} when the data is truncated or damaged; {@code TOO_MANY_PIXELS}
     *         when even the reduced image would be larger than a working image may be
     */
    static Optional<RgbImage> decode(byte[] jpeg, int scale, int boxFactor) throws ImageRejectedException {
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8 || boxFactor < 1) {
            throw new IllegalArgumentException("scale " + scale + ", box " + boxFactor);
        }
        try {
            return new DctJpegDecoder(jpeg, scale, boxFactor).run();
        } catch (Declined declined) {
            return Optional.empty();
        }
    }

    private Optional<RgbImage> run() throws ImageRejectedException {
        if (data.length < 4 || u8(data, 0) != 0xFF || u8(data, 1) != 0xD8) {
            throw Rejections.corrupt("The JPEG does not start with a start-of-image marker.");
        }
        int pos = 2;
        while (true) {
            while (pos < data.length && u8(data, pos) != 0xFF) {
                pos++; // junk between segments, as libjpeg skips it
            }
            while (pos < data.length && u8(data, pos) == 0xFF) {
                pos++;
            }
            if (pos >= data.length) {
                throw Rejections.corrupt("The JPEG ends before its end-of-image marker.");
            }
            int marker = u8(data, pos++);
            if (marker == 0xD9) {
                return finish();
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                continue; // no length
            }
            if (pos + 2 > data.length || u16be(data, pos) < 2 || pos + u16be(data, pos) > data.length) {
                throw Rejections.corrupt("The JPEG's segments are cut short.");
            }
            int length = u16be(data, pos);
            int at = pos + 2;
            int end = pos + length;
            switch (marker) {
                case 0xC4 -> tables.huffman(data, at, end);
                case 0xDB -> tables.quantisation(data, at, end);
                case 0xDD -> tables.restartInterval(data, at, end);
                case 0xC0, 0xC1, 0xC2 -> {
                    if (!frame(marker, at, end)) {
                        return Optional.empty();
                    }
                }
                case 0xDA -> {
                    if (!scanHeaderSupported(at, end)) {
                        return Optional.empty();
                    }
                    pos = scan(at, end);
                    continue;
                }
                case 0xE0 -> tables.jfif(data, at);
                case 0xE2 -> tables.iccChunk(data, at, end);
                case 0xEE -> tables.adobe(data, at, end);
                default -> {
                    if (marker >= 0xC3 && marker <= 0xCF) {
                        return Optional.empty(); // lossless, hierarchical or arithmetic-coded
                    }
                }
            }
            pos = end;
        }
    }

    /** Reads the frame header; false when it is a kind this decoder leaves to ImageIO. */
    private boolean frame(int marker, int at, int end) throws ImageRejectedException {
        if (components != null) {
            throw Rejections.corrupt("The JPEG has two frame headers.");
        }
        if (end - at < 6) {
            throw Rejections.corrupt("The JPEG's frame header is cut short.");
        }
        int precision = u8(data, at);
        height = u16be(data, at + 1);
        width = u16be(data, at + 3);
        int count = u8(data, at + 5);
        if (precision != 8 || (count != 1 && count != 3)) {
            return false;
        }
        if (end - at < 6 + 3 * count || width == 0 || height == 0) {
            throw Rejections.corrupt("The JPEG's frame header is malformed.");
        }
        JpegComponent[] parsed = new JpegComponent[count];
        maxH = 1;
        maxV = 1;
        for (int i = 0; i < count; i++) {
            int p = at + 6 + 3 * i;
            int h = count == 1 ? 1 : u8(data, p + 1) >> 4; // a lone component's scan ignores its factors
            int v = count == 1 ? 1 : u8(data, p + 1) & 15;
            int table = u8(data, p + 2);
            if (h < 1 || h > 4 || v < 1 || v > 4 || table > 3) {
                throw Rejections.corrupt("The JPEG's frame header has impossible sampling factors or tables.");
            }
            parsed[i] = new JpegComponent(u8(data, p), h, v, table);
            maxH = Math.max(maxH, h);
            maxV = Math.max(maxV, v);
        }
        for (JpegComponent c : parsed) {
            if (Integer.bitCount(c.horizontal) != 1 || Integer.bitCount(c.vertical) != 1
                    || maxH % c.horizontal != 0 || maxV % c.vertical != 0) {
                return false; // factors of 3: rare, and left to libjpeg
            }
        }
        progressive = marker == 0xC2;
        mcusAcross = JpegComponent.ceilDiv(width, 8 * maxH);
        mcusDown = JpegComponent.ceilDiv(height, 8 * maxV);
        int outWidth = JpegComponent.ceilDiv(width, scale);
        int outHeight = JpegComponent.ceilDiv(height, scale);
        long working = (long) JpegComponent.ceilDiv(outWidth, boxFactor) * JpegComponent.ceilDiv(outHeight, boxFactor);
        if (working > RenditionPlan.WORKING_BUDGET_PIXELS) {
            throw new ImageRejectedException(ImageRejectedException.Reason.TOO_MANY_PIXELS,
                    "The JPEG is " + width + " x " + height + ", too large to decode at 1/" + scale + ".");
        }
        for (JpegComponent c : parsed) {
            c.layout(scale, maxH, maxV, mcusAcross, mcusDown, width, height);
        }
        components = parsed;
        return true;
    }

    /** False when the scan needs a table the file never defines (an abbreviated stream): ImageIO has defaults. */
    private boolean scanHeaderSupported(int at, int end) throws ImageRejectedException {
        if (components == null) {
            throw Rejections.corrupt("The JPEG has image data before its frame header.");
        }
        int count = end - at >= 1 ? u8(data, at) : 0;
        if (count < 1 || count > 4 || end - at < 4 + 2 * count) {
            throw Rejections.corrupt("The JPEG's scan header is malformed.");
        }
        int start = u8(data, at + 1 + 2 * count);
        for (int i = 0; i < count; i++) {
            int ids = u8(data, at + 2 + 2 * i);
            boolean needsDc = !progressive || start == 0;
            boolean needsAc = !progressive || start > 0;
            if (needsDc && tables.dc(ids >> 4) == null || needsAc && tables.ac(ids) == null) {
                return false;
            }
        }
        return true;
    }

    /** Decodes one scan; returns where the next marker starts. */
    private int scan(int at, int end) throws ImageRejectedException {
        int count = u8(data, at);
        JpegComponent[] inScan = new JpegComponent[count];
        for (int i = 0; i < count; i++) {
            int id = u8(data, at + 1 + 2 * i);
            int ids = u8(data, at + 2 + 2 * i);
            JpegComponent c = component(id);
            for (int j = 0; j < i; j++) {
                if (inScan[j] == c) {
                    throw Rejections.corrupt("The JPEG's scan names a component twice.");
                }
            }
            c.dcTable = tables.dc(ids >> 4);
            c.acTable = tables.ac(ids);
            inScan[i] = c;
        }
        int p = at + 1 + 2 * count;
        int start = u8(data, p);
        int stop = u8(data, p + 1);
        int high = u8(data, p + 2) >> 4;
        int low = u8(data, p + 2) & 15;
        if (progressive) {
            boolean dc = start == 0;
            if (dc ? stop != 0 : stop < start || stop > 63 || count != 1) {
                throw Rejections.corrupt("The JPEG's progressive scan covers an impossible band.");
            }
            if (high > 13 || low > 13 || high != 0 && low != high - 1) {
                throw Rejections.corrupt("The JPEG's progressive scan has an impossible precision.");
            }
        } else {
            start = 0;
            stop = 63;
            high = 0;
            low = 0;
        }
        scans++;
        if (scans == 1) {
            // Any APP14 or JFIF marker has been seen by now, so the colour transform is known.
            int outWidth = JpegComponent.ceilDiv(width, scale);
            int outHeight = JpegComponent.ceilDiv(height, scale);
            shrinker = new BoxShrinker(outWidth, outHeight, boxFactor, components.length == 1 ? 1 : 3);
            writer = new JpegRowWriter(components, tables.colour(components), outWidth, outHeight, maxV * 8 / scale, shrinker);
            stored = progressive || count != components.length;
            if (stored) {
                long bytes = 0;
                for (JpegComponent c : components) {
                    bytes += c.storedBytes();
                }
                if (bytes > STORED_COEFFICIENT_BUDGET) {
                    throw new Declined();
                }
                for (JpegComponent c : components) {
                    c.store();
                }
            }
        } else if (!stored) {
            throw Rejections.corrupt("The JPEG has more scans than its frame allows.");
        }
        for (JpegComponent c : inScan) {
            if (c.quantisation == null) {
                c.quantisation = tables.quantisation(c.quantTable);
                if (c.quantisation == null) {
                    throw Rejections.corrupt("The JPEG uses a quantisation table it never defines.");
                }
            }
        }
        JpegBitReader in = new JpegBitReader(data, end);
        JpegScanDecoder decoder = new JpegScanDecoder(in, start, stop, high, low);
        decoder.restart(inScan);
        if (count == 1) {
            singleComponent(in, decoder, inScan[0], start == 0);
        } else {
            interleaved(in, decoder, inScan, start == 0);
        }
        return in.finish();
    }

    private JpegComponent component(int id) throws ImageRejectedException {
        for (JpegComponent c : components) {
            if (c.id == id) {
                return c;
            }
        }
        throw Rejections.corrupt("The JPEG's scan names a component its frame does not have.");
    }

    /** MCUs of one block of each component's sampling; the only layout a frame streamed row by row has. */
    private void interleaved(JpegBitReader in, JpegScanDecoder decoder, JpegComponent[] inScan, boolean dc)
            throws ImageRejectedException {
        int[] block = new int[64];
        float[] work = new float[64];
        int mcu = 0;
        for (int my = 0; my < mcusDown; my++) {
            for (int mx = 0; mx < mcusAcross; mx++, mcu++) {
                restartIfDue(in, decoder, inScan, mcu);
                for (JpegComponent c : inScan) {
                    for (int by = 0; by < c.vertical; by++) {
                        for (int bx = 0; bx < c.horizontal; bx++) {
                            int blockX = mx * c.horizontal + bx;
                            int blockY = my * c.vertical + by;
                            if (!stored) {
                                decoder.sequential(c, block, c.quantisation);
                                ScaledIdct.inverse(c.blockSize, block, work, c.rows,
                                        by * c.blockSize * c.rowStride + blockX * c.blockSize, c.rowStride);
                            } else {
                                decodeStored(decoder, c, blockY * c.blocksAcross + blockX, dc, block);
                            }
                        }
                    }
                }
            }
            endOfDataCheck(in);
            if (!stored) {
                writer.write(my);
            }
        }
    }

    /** A scan of one component alone: its blocks in raster order, only those inside the image. */
    private void singleComponent(JpegBitReader in, JpegScanDecoder decoder, JpegComponent c, boolean dc)
            throws ImageRejectedException {
        int[] block = new int[64];
        float[] work = new float[64];
        JpegComponent[] inScan = {c};
        int mcu = 0;
        for (int by = 0; by < c.scanBlocksDown; by++) {
            for (int bx = 0; bx < c.scanBlocksAcross; bx++, mcu++) {
                restartIfDue(in, decoder, inScan, mcu);
                if (!stored) {
                    // Only a grey frame streams a lone component: one block per MCU, one block row per MCU row.
                    decoder.sequential(c, block, c.quantisation);
                    ScaledIdct.inverse(c.blockSize, block, work, c.rows, bx * c.blockSize, c.rowStride);
                } else {
                    decodeStored(decoder, c, by * c.blocksAcross + bx, dc, block);
                }
            }
            endOfDataCheck(in);
            if (!stored) {
                writer.write(by);
            }
        }
    }

    /**
     * Stops at the first row decoded from made-up bits: a small file claiming a huge frame would otherwise have us
     * decode millions of blocks of zeros before the scan's end tells us it was cut short.
     */
    private static void endOfDataCheck(JpegBitReader in) throws ImageRejectedException {
        if (in.ranOut()) {
            throw JpegBitReader.truncated();
        }
    }

    private void decodeStored(JpegScanDecoder decoder, JpegComponent c, int blockIndex, boolean dc, int[] block)
            throws ImageRejectedException {
        if (progressive) {
            if (dc) {
                decoder.dc(c, blockIndex);
            } else {
                decoder.ac(c, blockIndex);
            }
            return;
        }
        // A sequential scan of some components only: keep the block until every component has arrived.
        int kept = c.blockSize * c.blockSize;
        decoder.sequential(c, block, ONES);
        int at = blockIndex * kept;
        for (int i = 0; i < kept; i++) {
            c.coefficients[at + i] = (short) block[i];
            block[i] = 0;
        }
    }

    private void restartIfDue(JpegBitReader in, JpegScanDecoder decoder, JpegComponent[] inScan, int mcu)
            throws ImageRejectedException {
        if (tables.restartInterval > 0 && mcu > 0 && mcu % tables.restartInterval == 0) {
            in.restart((mcu / tables.restartInterval - 1) & 7);
            decoder.restart(inScan);
        }
    }

    private Optional<RgbImage> finish() throws ImageRejectedException {
        if (components == null || scans == 0) {
            throw Rejections.corrupt("The JPEG has no image data.");
        }
        if (stored) {
            writeStored();
        }
        if (!shrinker.isComplete()) {
            throw JpegBitReader.truncated();
        }
        return Optional.of(shrinker.image(tables.profile(components.length), writer.keepsYcc()));
    }

    /** Every block from its kept coefficients, dequantised, one row of MCUs at a time. */
    private void writeStored() {
        int[] block = new int[64];
        float[] work = new float[64];
        for (JpegComponent c : components) {
            if (c.quantisation == null) {
                c.quantisation = tables.quantisation(c.quantTable) == null ? ONES : tables.quantisation(c.quantTable);
            }
        }
        for (int my = 0; my < mcusDown; my++) {
            for (JpegComponent c : components) {
                int size = c.blockSize;
                int kept = size * size;
                int[] multipliers = new int[kept];
                for (int k = 0; k < 64; k++) {
                    if (c.keptIndex[k] >= 0) {
                        multipliers[c.keptIndex[k]] = c.quantisation[k];
                    }
                }
                for (int by = 0; by < c.vertical; by++) {
                    int blockRow = (my * c.vertical + by) * c.blocksAcross;
                    for (int bx = 0; bx < c.blocksAcross; bx++) {
                        int at = (blockRow + bx) * kept;
                        for (int i = 0; i < kept; i++) {
                            block[i] = c.coefficients[at + i] * multipliers[i];
                        }
                        ScaledIdct.inverse(size, block, work, c.rows, by * size * c.rowStride + bx * size, c.rowStride);
                    }
                }
            }
            writer.write(my);
        }
    }

    private static int[] ones() {
        int[] ones = new int[64];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    /** Thrown inside to give up quietly: the caller decodes with ImageIO. */
    private static final class Declined extends RuntimeException {
        Declined() {
            super(null, null, false, false);
        }
    }
}
