package ru.rossgram.imaging;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Per-column sums of byte rows, eight columns per step: each 8-byte load is split into two longs of four
 * 16-bit lanes and added whole (SWAR). The JIT does not vectorise byte-to-int widening, so this runs about
 * three times faster than adding byte by byte, and the decoder's 144 million samples per 48 MP photo notice.
 */
final class ColumnSums {
    /** 16-bit lanes hold up to 257 rows of 255; stop at 256 and let the caller carry the sums over. */
    static final int MAX_ROWS = 256;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BYTES = 0x00FF00FF00FF00FFL;

    private final int length;
    private final int chunks;
    private final long[] even;
    private final long[] odd;
    private final int[] tail;
    private int rows;

    ColumnSums(int length) {
        this.length = length;
        this.chunks = length / 8;
        this.even = new long[chunks];
        this.odd = new long[chunks];
        this.tail = new int[length - chunks * 8];
    }

    int rows() {
        return rows;
    }

    /** Adds {@code length} bytes of {@code row} from {@code offset}, as unsigned values. */
    void add(byte[] row, int offset) {
        if (rows == MAX_ROWS) {
            throw new IllegalStateException("the lanes are full; carry the sums over first");
        }
        long[] evenLanes = even;
        long[] oddLanes = odd;
        for (int j = 0, at = offset; j < evenLanes.length; j++, at += 8) {
            long bytes = (long) LONGS.get(row, at);
            evenLanes[j] += bytes & LOW_BYTES;          // bytes 0, 2, 4, 6
            oddLanes[j] += (bytes >>> 8) & LOW_BYTES;   // bytes 1, 3, 5, 7
        }
        for (int i = 0, at = offset + chunks * 8; i < tail.length; i++, at++) {
            tail[i] += row[at] & 0xFF;
        }
        rows++;
    }

    /** Adds every column's sum so far to {@code into} (which has {@link #length()} entries). */
    void addTo(int[] into) {
        for (int j = 0, c = 0; j < chunks; j++, c += 8) {
            long e = even[j];
            long o = odd[j];
            into[c] += (int) (e & 0xFFFF);
            into[c + 1] += (int) (o & 0xFFFF);
            into[c + 2] += (int) ((e >>> 16) & 0xFFFF);
            into[c + 3] += (int) ((o >>> 16) & 0xFFFF);
            into[c + 4] += (int) ((e >>> 32) & 0xFFFF);
            into[c + 5] += (int) ((o >>> 32) & 0xFFFF);
            into[c + 6] += (int) (e >>> 48);
            into[c + 7] += (int) (o >>> 48);
        }
        for (int i = 0; i < tail.length; i++) {
            into[chunks * 8 + i] += tail[i];
        }
    }

    void clear() {
        Arrays.fill(even, 0);
        Arrays.fill(odd, 0);
        Arrays.fill(tail, 0);
        rows = 0;
    }

    int length() {
        return length;
    }
}
