package ru.rossgram.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Forged JPEGs, each a small real one with one thing wrong that a decoder must survive: sizes, Huffman and
 * quantisation tables, sampling factors, scans and progressive sequences, restarts, markers where data belongs,
 * early ends, and segments repeated thousands of times. Named for what is wrong, so a failure says which.
 */
final class HostileJpegs {
    private final JpegSegments baseline;
    private final JpegSegments progressive;
    private final JpegSegments restarts;
    private final Map<String, byte[]> forged = new LinkedHashMap<>();

    private HostileJpegs(byte[] baseline, byte[] progressive, byte[] restarts) {
        this.baseline = JpegSegments.parse(baseline);
        this.progressive = JpegSegments.parse(progressive);
        this.restarts = JpegSegments.parse(restarts);
    }

    /** @param baseline, progressive, restarts 4:2:0 JPEGs; the last with a DRI and RSTn markers */
    static Map<String, byte[]> forge(byte[] baseline, byte[] progressive, byte[] restarts) {
        HostileJpegs h = new HostileJpegs(baseline, progressive, restarts);
        h.sizes();
        h.huffmanTables();
        h.quantisationTables();
        h.frames();
        h.scans();
        h.progressiveSequences();
        h.restartIntervals();
        h.markersInEntropyData();
        h.earlyEnds();
        h.repeats();
        h.lengthsAndProfiles();
        return h.forged;
    }

    private void sizes() {
        frame("claims 65535x65535", f -> size(f, 65535, 65535));
        frame("claims 0x0", f -> size(f, 0, 0));
        frame("claims width 0", f -> size(f, 0, 67));
        frame("claims height 0 (DNL)", f -> size(f, 99, 0));
        frame("claims 1x1 over 99x67 data", f -> size(f, 1, 1));
        frame("claims 10000x10000 over 99x67 data", f -> size(f, 10000, 10000));
        frame("claims 65535x1 over 99x67 data", f -> size(f, 65535, 1));
        frame("claims 1x65535 over 99x67 data", f -> size(f, 1, 65535));
    }

    private void huffmanTables() {
        dht("DHT 300 symbols", counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 200, 100), 300);
        dht("DHT 16 codes of length 1", counts(16), 16);
        dht("DHT lengths overflow the code space", counts(2, 3, 5), 10);
        dht("DHT 255 codes of length 16", counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255), 255);
        dht("DHT no codes at all", counts(), 0);
        dht("DHT counts promise 100 symbols, holds 3", counts(0, 0, 100), 3);
        dht("DHT one code of length 1", counts(1), 1);
        dht("DHT all-ones code only (length 16)", counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), 1);
        segment(baseline, "DHT table id 7", 0xC4, p -> {
            p[0] = 0x07;
            return p;
        });
        segment(baseline, "DHT class 2", 0xC4, p -> {
            p[0] = 0x20;
            return p;
        });
        byte[] symbols = new byte[12];
        Arrays.fill(symbols, (byte) 0xFF); // DC categories of 255: shifts far past an int
        forged.put("DHT DC symbols 255", replaceFirst(baseline, 0xC4, join(new byte[] {0x00}, counts(0, 12), symbols)));
        Arrays.fill(symbols, (byte) 0x1F); // AC run 1, size 15: beyond the 11 bits an 8-bit coefficient needs
        forged.put("DHT AC size 15 symbols", replaceAll(baseline, 0xC4, join(new byte[] {0x10}, counts(0, 12), symbols)));
    }

    private void quantisationTables() {
        byte[] sixteenBit = new byte[1 + 128];
        sixteenBit[0] = 0x10;
        for (int i = 1; i < sixteenBit.length; i += 2) {
            sixteenBit[i] = (byte) 0xFF;
            sixteenBit[i + 1] = (byte) 0xFF;
        }
        forged.put("DQT 16-bit table of 65535", replaceFirst(baseline, 0xDB, sixteenBit));
        segment(baseline, "DQT precision 2", 0xDB, p -> {
            p[0] = 0x20;
            return p;
        });
        segment(baseline, "DQT table id 5", 0xDB, p -> {
            p[0] = 0x05;
            return p;
        });
        segment(baseline, "DQT all zero", 0xDB, p -> {
            Arrays.fill(p, 1, p.length, (byte) 0);
            return p;
        });
        segment(baseline, "DQT cut to 10 values", 0xDB, p -> Arrays.copyOf(p, 11));
        frame("SOF uses quantisation table 3, never defined", f -> {
            f[8] = 3;
            return f;
        });
    }

    private void frames() {
        frame("sampling 0x0 on luma", f -> sampling(f, 0, 0x00));
        frame("sampling 5x5 on luma", f -> sampling(f, 0, 0x55));
        frame("sampling 15x15 on luma", f -> sampling(f, 0, 0xFF));
        frame("chroma 2x2, luma 1x1", f -> sampling(sampling(f, 0, 0x11), 1, 0x22));
        frame("sampling 3x3 on luma", f -> sampling(f, 0, 0x33));
        frame("sampling 4x4 on every component", f -> sampling(sampling(sampling(f, 0, 0x44), 1, 0x44), 2, 0x44));
        frame("sampling 4x4 luma, 1x1 chroma (18 blocks per MCU)", f -> sampling(f, 0, 0x44));
        frame("sampling 1x4 on luma", f -> sampling(f, 0, 0x14));
        frame("precision 12 over 8-bit data", f -> {
            f[0] = 12;
            return f;
        });
        frame("precision 0", f -> {
            f[0] = 0;
            return f;
        });
        frame("0 components", f -> Arrays.copyOf(withComponentCount(f, 0), 6));
        frame("2 components", f -> Arrays.copyOf(withComponentCount(f, 2), 12));
        frame("255 components claimed, 3 present", f -> withComponentCount(f, 255));
        frame("component ids all 1", f -> {
            f[6] = 1;
            f[9] = 1;
            f[12] = 1;
            return f;
        });
        JpegSegments twoFrames = baseline.copy();
        int frame = twoFrames.frameIndex();
        twoFrames.segments().add(frame, twoFrames.segments().get(frame));
        forged.put("two start-of-frame segments", twoFrames.bytes());
        JpegSegments progressiveAfterBaseline = baseline.copy();
        progressiveAfterBaseline.segments().add(frame, new JpegSegments.Segment(0xC2, progressive.payload(0xC2)));
        forged.put("progressive frame then baseline frame", progressiveAfterBaseline.bytes());
    }

    private void scans() {
        scan(baseline, "SOS DC table 3, never defined", s -> {
            s[2] = 0x30;
            return s;
        });
        scan(baseline, "SOS AC table 2, never defined", s -> {
            s[2] = 0x02;
            return s;
        });
        scan(baseline, "SOS names component 9", s -> {
            s[1] = 9;
            return s;
        });
        scan(baseline, "SOS names luma twice", s -> {
            s[3] = s[1];
            return s;
        });
        scan(baseline, "SOS of 0 components", s -> new byte[] {0, 0, 63, 0});
        scan(baseline, "SOS claims 5 components", s -> {
            s[0] = 5;
            return s;
        });
        scan(baseline, "SOS claims 4 of 3 components", s -> {
            s[0] = 4;
            return s;
        });
        scan(baseline, "baseline SOS Ss 1", s -> {
            s[s.length - 3] = 1;
            return s;
        });
        scan(baseline, "baseline SOS Se 0", s -> {
            s[s.length - 2] = 0;
            return s;
        });
        scan(baseline, "baseline SOS Ah Al 0xFF", s -> {
            s[s.length - 1] = (byte) 0xFF;
            return s;
        });
        scan(baseline, "SOS cut to 2 bytes", s -> Arrays.copyOf(s, 2));
    }

    private void progressiveSequences() {
        for (int[] change : new int[][] {{0, 70}, {1, 80}, {1, 255}, {2, 0xE0}, {2, 0x0F}, {2, 0xEE}}) {
            int field = change[0];
            int value = change[1];
            for (int scanNumber : new int[] {0, 1, 3}) {
                forged.put("progressive scan " + scanNumber + " " + new String[] {"Ss", "Se", "AhAl"}[field] + " " + value,
                        editScan(progressive, scanNumber, s -> {
                            s[s.length - 3 + field] = (byte) value;
                            return s;
                        }));
            }
        }
        JpegSegments noDc = progressive.copy();
        int firstScan = noDc.indexOf(0xDA);
        noDc.segments().remove(firstScan);
        noDc.segments().remove(firstScan);
        forged.put("progressive AC scans with no DC scan", noDc.bytes());
        forged.put("progressive refinement as the first scan", editScan(progressive, 0, s -> {
            s[s.length - 1] = 0x10;
            return s;
        }));
        forged.put("progressive AC scan of two components", editScan(progressive, 1, s -> {
            byte[] two = new byte[s.length + 2];
            two[0] = 2;
            System.arraycopy(s, 1, two, 1, 2);
            two[3] = 2;
            two[4] = s[2];
            System.arraycopy(s, 3, two, 5, 3);
            return two;
        }));
        forged.put("progressive DC scan with Se 5", editScan(progressive, 0, s -> {
            s[s.length - 2] = 5;
            return s;
        }));
        JpegSegments onlyFirst = progressive.copy();
        int second = nthScanIndex(onlyFirst, 1);
        onlyFirst.segments().subList(second, onlyFirst.segments().size() - 1).clear();
        forged.put("progressive, only the DC scan", onlyFirst.bytes());
        JpegSegments repeated = progressive.copy();
        int last = nthScanIndex(repeated, 1);
        for (int i = 0; i < 200; i++) {
            repeated.segments().add(last, repeated.segments().get(last + 2 * i + 1));
            repeated.segments().add(last, repeated.segments().get(last + 2 * i + 1));
        }
        forged.put("progressive, one scan repeated 200 times", repeated.bytes());
    }

    private void restartIntervals() {
        forged.put("DRI but no RSTn markers", mapEntropy(restarts, HostileJpegs::withoutRestartMarkers));
        forged.put("RSTn all numbered 0", mapEntropy(restarts, e -> renumberRestarts(e, n -> 0)));
        forged.put("RSTn numbered backwards", mapEntropy(restarts, e -> renumberRestarts(e, n -> 7 - n)));
        segment(restarts, "DRI 0", 0xDD, p -> new byte[] {0, 0});
        segment(restarts, "DRI 65535", 0xDD, p -> new byte[] {(byte) 0xFF, (byte) 0xFF});
        segment(restarts, "DRI cut to 1 byte", 0xDD, p -> new byte[] {1});
        JpegSegments driOnPlain = baseline.copy();
        driOnPlain.segments().add(driOnPlain.frameIndex(), new JpegSegments.Segment(0xDD, new byte[] {0, 1}));
        forged.put("DRI 1 over data without restarts", driOnPlain.bytes());
        JpegSegments driInProgressive = progressive.copy();
        driInProgressive.segments().add(driInProgressive.frameIndex(), new JpegSegments.Segment(0xDD, new byte[] {0, 2}));
        forged.put("DRI 2 over progressive data without restarts", driInProgressive.bytes());
    }

    private void markersInEntropyData() {
        forged.put("EOI halfway through entropy data", mapEntropy(baseline, e -> insert(e, e.length / 2, 0xFF, 0xD9)));
        forged.put("DHT marker inside entropy data", mapEntropy(baseline, e -> insert(e, e.length / 3, 0xFF, 0xC4)));
        forged.put("SOS marker inside entropy data", mapEntropy(baseline, e -> insert(e, e.length / 3, 0xFF, 0xDA)));
        forged.put("RST5 inside plain entropy data", mapEntropy(baseline, e -> insert(e, e.length / 2, 0xFF, 0xD5)));
        byte[] fill = new byte[5000];
        Arrays.fill(fill, (byte) 0xFF);
        forged.put("5000 fill bytes inside entropy data", mapEntropy(baseline, e -> insert(e, e.length / 2, fill)));
        forged.put("entropy data all 0xFF00", mapEntropy(baseline, e -> repeat(new byte[] {(byte) 0xFF, 0}, e.length / 2)));
        forged.put("entropy data all zero", mapEntropy(baseline, e -> new byte[e.length]));
        forged.put("entropy data all zero, progressive", mapEntropy(progressive, e -> new byte[e.length]));
        forged.put("entropy data all 0x7F", mapEntropy(baseline, e -> repeat(new byte[] {0x7F}, e.length)));
    }

    private void earlyEnds() {
        for (JpegSegments jpeg : new JpegSegments[] {baseline, progressive, restarts}) {
            String kind = jpeg == baseline ? "baseline" : jpeg == progressive ? "progressive" : "restarts";
            for (int count = 1; count < jpeg.segments().size(); count++) {
                byte[] cut = jpeg.bytesOfFirst(count);
                forged.put(kind + " cut after piece " + count, cut);
                forged.put(kind + " EOI after piece " + count, join(cut, new byte[] {(byte) 0xFF, (byte) 0xD9}));
            }
            byte[] whole = jpeg.bytes();
            for (int cut = whole.length - 40; cut < whole.length; cut += 3) {
                forged.put(kind + " cut " + (whole.length - cut) + " bytes before the end", Arrays.copyOf(whole, cut));
            }
        }
        forged.put("only SOI", new byte[] {(byte) 0xFF, (byte) 0xD8});
        forged.put("SOI EOI", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        forged.put("SOI then garbage", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5, 6, 7, 8});
    }

    private void repeats() {
        forged.put("DHT repeated 3000 times", repeatSegment(baseline, 0xC4, 3000));
        forged.put("DQT repeated 3000 times", repeatSegment(baseline, 0xDB, 3000));
        forged.put("SOF repeated 1000 times", repeatSegment(baseline, baseline.segments().get(baseline.frameIndex()).marker(), 1000));
        forged.put("DRI repeated 3000 times", repeatSegment(restarts, 0xDD, 3000));
        forged.put("APP1 repeated 5000 times", repeatSegment(withSegment(baseline, 0xE1, new byte[64]), 0xE1, 5000));
        forged.put("COM of 65533 bytes repeated 40 times", repeatSegment(withSegment(baseline, 0xFE, new byte[65533]), 0xFE, 40));
    }

    private void lengthsAndProfiles() {
        byte[] whole = baseline.bytes();
        int frameAt = offsetOf(whole, baseline.segments().get(baseline.frameIndex()).marker());
        for (int length : new int[] {0, 1, 2, 3, 0xFFFF}) {
            byte[] copy = whole.clone();
            copy[frameAt + 2] = (byte) (length >> 8);
            copy[frameAt + 3] = (byte) length;
            forged.put("SOF length " + length, copy);
            byte[] dht = whole.clone();
            int dhtAt = offsetOf(dht, 0xC4);
            dht[dhtAt + 2] = (byte) (length >> 8);
            dht[dhtAt + 3] = (byte) length;
            forged.put("DHT length " + length, dht);
        }
        byte[] tag = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        forged.put("ICC profile of garbage", plusSegment(baseline, 0xE2, join(tag, new byte[] {1, 1}, new byte[500])));
        forged.put("ICC chunk 3 of 2", plusSegment(baseline, 0xE2, join(tag, new byte[] {3, 2}, new byte[100])));
        forged.put("ICC chunk 0 of 0", plusSegment(baseline, 0xE2, join(tag, new byte[] {0, 0}, new byte[100])));
        forged.put("ICC chunk 1 of 1, header only", plusSegment(baseline, 0xE2, tag));
        forged.put("ICC chunk 1 of 255 (60 KB) repeated 300 times",
                repeatSegment(withSegment(baseline, 0xE2, join(tag, new byte[] {1, (byte) 255}, new byte[60000])), 0xE2, 300));
        byte[] claimsHuge = new byte[128];
        claimsHuge[0] = 0x7F; // profile size 2 GB in the ICC header
        forged.put("ICC header claiming 2 GB", plusSegment(baseline, 0xE2, join(tag, new byte[] {1, 1}, claimsHuge)));
        forged.put("Adobe transform 1 on RGB ids", plusSegment(baseline, 0xEE,
                join("Adobe".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 100, 0, 0, 0, 0, 1})));
        forged.put("Adobe segment cut short", plusSegment(baseline, 0xEE, "Adobe".getBytes(StandardCharsets.US_ASCII)));
    }

    // ---- the editing kit ----

    private void frame(String name, UnaryOperator<byte[]> edit) {
        for (JpegSegments jpeg : new JpegSegments[] {baseline, progressive}) {
            JpegSegments copy = jpeg.copy();
            int i = copy.frameIndex();
            copy.segments().set(i, copy.segments().get(i).withPayload(edit.apply(copy.segments().get(i).payload().clone())));
            forged.put(name + (jpeg == baseline ? "" : ", progressive"), copy.bytes());
        }
    }

    private void segment(JpegSegments jpeg, String name, int marker, UnaryOperator<byte[]> edit) {
        forged.put(name, jpeg.copy().set(marker, edit.apply(jpeg.payload(marker))).bytes());
    }

    private void scan(JpegSegments jpeg, String name, UnaryOperator<byte[]> edit) {
        forged.put(name, editScan(jpeg, 0, edit));
    }

    private void dht(String name, byte[] counts, int symbolCount) {
        byte[] symbols = new byte[symbolCount];
        for (int i = 0; i < symbolCount; i++) {
            symbols[i] = (byte) i;
        }
        forged.put(name + " (DC)", replaceFirst(baseline, 0xC4, join(new byte[] {0x00}, counts, symbols)));
        forged.put(name + " (AC)", replaceAll(baseline, 0xC4, join(new byte[] {0x10}, counts, symbols)));
        forged.put(name + " (progressive)", replaceAll(progressive, 0xC4, join(new byte[] {0x10}, counts, symbols)));
    }

    private static byte[] editScan(JpegSegments jpeg, int scanNumber, UnaryOperator<byte[]> edit) {
        JpegSegments copy = jpeg.copy();
        int i = nthScanIndex(copy, scanNumber);
        copy.segments().set(i, copy.segments().get(i).withPayload(edit.apply(copy.segments().get(i).payload().clone())));
        return copy.bytes();
    }

    private static int nthScanIndex(JpegSegments jpeg, int n) {
        for (int i = 0, seen = 0; i < jpeg.segments().size(); i++) {
            if (jpeg.segments().get(i).marker() == 0xDA && seen++ == n) {
                return i;
            }
        }
        throw new AssertionError("no scan " + n);
    }

    private static byte[] replaceFirst(JpegSegments jpeg, int marker, byte[] payload) {
        return jpeg.copy().set(marker, payload).bytes();
    }

    /** Every segment with {@code marker} gets the payload, with the table class and id of the one it replaces. */
    private static byte[] replaceAll(JpegSegments jpeg, int marker, byte[] payload) {
        JpegSegments copy = jpeg.copy();
        for (int i = 0; i < copy.segments().size(); i++) {
            JpegSegments.Segment s = copy.segments().get(i);
            if (s.marker() == marker) {
                byte[] p = payload.clone();
                p[0] = s.payload()[0];
                copy.segments().set(i, s.withPayload(p));
            }
        }
        return copy.bytes();
    }

    private static byte[] mapEntropy(JpegSegments jpeg, UnaryOperator<byte[]> edit) {
        JpegSegments copy = jpeg.copy();
        int i = copy.indexOf(JpegSegments.ENTROPY);
        copy.segments().set(i, copy.segments().get(i).withPayload(edit.apply(copy.segments().get(i).payload().clone())));
        return copy.bytes();
    }

    private static byte[] repeatSegment(JpegSegments jpeg, int marker, int times) {
        JpegSegments copy = jpeg.copy();
        int i = copy.indexOf(marker);
        for (int n = 1; n < times; n++) {
            copy.segments().add(i, copy.segments().get(i));
        }
        return copy.bytes();
    }

    private static JpegSegments withSegment(JpegSegments jpeg, int marker, byte[] payload) {
        JpegSegments copy = jpeg.copy();
        copy.segments().add(1, new JpegSegments.Segment(marker, payload));
        return copy;
    }

    private static byte[] plusSegment(JpegSegments jpeg, int marker, byte[]... payload) {
        return withSegment(jpeg, marker, join(payload)).bytes();
    }

    private static byte[] size(byte[] frame, int width, int height) {
        frame[1] = (byte) (height >> 8);
        frame[2] = (byte) height;
        frame[3] = (byte) (width >> 8);
        frame[4] = (byte) width;
        return frame;
    }

    private static byte[] sampling(byte[] frame, int component, int factors) {
        frame[6 + 3 * component + 1] = (byte) factors;
        return frame;
    }

    private static byte[] withComponentCount(byte[] frame, int count) {
        frame[5] = (byte) count;
        return frame;
    }

    private static byte[] counts(int... perLength) {
        byte[] counts = new byte[16];
        for (int i = 0; i < perLength.length; i++) {
            counts[i] = (byte) perLength[i];
        }
        return counts;
    }

    private static byte[] withoutRestartMarkers(byte[] entropy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < entropy.length; i++) {
            if (i + 1 < entropy.length && (entropy[i] & 0xFF) == 0xFF && (entropy[i + 1] & 0xF8) == 0xD0) {
                i++;
            } else {
                out.write(entropy[i]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] renumberRestarts(byte[] entropy, UnaryOperator<Integer> number) {
        byte[] copy = entropy.clone();
        for (int i = 0; i + 1 < copy.length; i++) {
            if ((copy[i] & 0xFF) == 0xFF && (copy[i + 1] & 0xF8) == 0xD0) {
                copy[i + 1] = (byte) (0xD0 | number.apply(copy[i + 1] & 7));
            }
        }
        return copy;
    }

    private static byte[] insert(byte[] data, int at, int... bytes) {
        byte[] inserted = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            inserted[i] = (byte) bytes[i];
        }
        return insert(data, at, inserted);
    }

    private static byte[] insert(byte[] data, int at, byte[] inserted) {
        return join(Arrays.copyOf(data, at), inserted, Arrays.copyOfRange(data, at, data.length));
    }

    private static byte[] repeat(byte[] unit, int times) {
        byte[] out = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    private static int offsetOf(byte[] jpeg, int marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }

    static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
