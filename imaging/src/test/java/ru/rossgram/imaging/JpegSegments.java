package ru.rossgram.imaging;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A JPEG cut into its pieces, for tests that forge files: each marker segment (marker, payload without the length),
 * and each scan's entropy-coded data as a piece of its own (marker {@link #ENTROPY}, restart markers kept inside).
 * {@link #bytes()} writes them back with lengths recomputed, so an edit to one payload stays a well-formed file.
 */
final class JpegSegments {
    static final int ENTROPY = -1;

    /** One piece: {@code marker} 0xC0..0xFE (0xD8/0xD9 have no payload), or {@link #ENTROPY} for scan data. */
    record Segment(int marker, byte[] payload) {
        Segment withPayload(byte[] changed) {
            return new Segment(marker, changed);
        }
    }

    private final List<Segment> segments;

    private JpegSegments(List<Segment> segments) {
        this.segments = segments;
    }

    static JpegSegments parse(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        while (pos + 1 < jpeg.length) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xD8 || marker == 0xD9) {
                segments.add(new Segment(marker, new byte[0]));
                pos += 2;
                if (marker == 0xD9) {
                    break;
                }
                continue;
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            segments.add(new Segment(marker, java.util.Arrays.copyOfRange(jpeg, pos + 4, pos + 2 + length)));
            pos += 2 + length;
            if (marker == 0xDA) {
                int end = endOfEntropyData(jpeg, pos);
                segments.add(new Segment(ENTROPY, java.util.Arrays.copyOfRange(jpeg, pos, end)));
                pos = end;
            }
        }
        return new JpegSegments(segments);
    }

    private static int endOfEntropyData(byte[] jpeg, int pos) {
        for (int i = pos; i + 1 < jpeg.length; i++) {
            int next = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && next != 0 && (next < 0xD0 || next > 0xD7)) {
                return i;
            }
        }
        return jpeg.length;
    }

    List<Segment> segments() {
        return segments;
    }

    /** A copy to edit: the list is new, the payloads are shared (replace them, do not write into them). */
    JpegSegments copy() {
        return new JpegSegments(new ArrayList<>(segments));
    }

    int indexOf(int marker) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).marker() == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }

    /** The first segment with {@code marker}'s payload, as a copy to change and put back with {@link #set}. */
    byte[] payload(int marker) {
        return segments.get(indexOf(marker)).payload().clone();
    }

    JpegSegments set(int marker, byte[] payload) {
        int i = indexOf(marker);
        segments.set(i, segments.get(i).withPayload(payload));
        return this;
    }

    /** Whether {@code marker} is a start of frame (0xC0..0xCF except DHT, JPG and DAC). */
    static boolean isFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    int frameIndex() {
        for (int i = 0; i < segments.size(); i++) {
            if (isFrame(segments.get(i).marker())) {
                return i;
            }
        }
        throw new AssertionError("no start of frame");
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Segment segment : segments) {
            write(out, segment);
        }
        return out.toByteArray();
    }

    /** The bytes of the first {@code count} pieces: the file cut at a segment boundary. */
    byte[] bytesOfFirst(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Segment segment : segments.subList(0, count)) {
            write(out, segment);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Segment segment) {
        if (segment.marker() == ENTROPY) {
            out.writeBytes(segment.payload());
            return;
        }
        out.write(0xFF);
        out.write(segment.marker());
        if (segment.marker() == 0xD8 || segment.marker() == 0xD9) {
            return;
        }
        int length = segment.payload().length + 2;
        out.write(length >> 8);
        out.write(length);
        out.writeBytes(segment.payload());
    }
}
