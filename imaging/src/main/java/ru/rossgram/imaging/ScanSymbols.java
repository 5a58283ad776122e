package ru.rossgram.imaging;

import java.util.Arrays;

/**
 * One progressive scan's Huffman symbols and their extra bits, in order, with each table's symbol counts: the
 * first pass over the coefficients, so the scan's tables can be optimised before anything is written. Follows
 * libjpeg's {@code jcphuff.c} for first scans without successive approximation.
 */
final class ScanSymbols {
    /** The longest end-of-band run one symbol codes (EOB14 with 14 extra bits). */
    private static final int MAX_EOB_RUN = 0x7FFF;

    /** Counts of each symbol, per table (0 for luma, 1 for chroma). */
    final int[][] frequencies = {new int[256], new int[256]};
    /**
     * Packed entries: symbol in bits 0-7, table in bit 8, the extra bit count in bits 9-12 and the extra bits
     * themselves in bits 16-31.
     */
    int[] entries;
    int count;
    private int eobRun;
    private int eobTable;

    ScanSymbols(int capacity) {
        entries = new int[Math.max(capacity, 64)];
    }

    /** Starts a new scan, keeping the buffer. */
    void clear() {
        count = 0;
        eobRun = 0;
        Arrays.fill(frequencies[0], 0);
        Arrays.fill(frequencies[1], 0);
    }

    /** A DC first scan's difference from the previous block of the same component. */
    void addDcDifference(int difference, int table) {
        int magnitude = difference < 0 ? -difference : difference;
        int size = 32 - Integer.numberOfLeadingZeros(magnitude);
        add(size, table, size, difference < 0 ? difference - 1 : difference);
    }

    /** Codes coefficients {@code start..end} (zig-zag) of the block at {@code offset}, with end-of-band runs. */
    void addAcBand(int[] coefficients, int offset, int start, int end, int table) {
        int run = 0;
        for (int k = start; k <= end; k++) {
            int value = coefficients[offset + k];
            if (value == 0) {
                run++;
                continue;
            }
            flushEobRun();
            while (run > 15) {
                add(0xF0, table, 0, 0);
                run -= 16;
            }
            int magnitude = value < 0 ? -value : value;
            int size = 32 - Integer.numberOfLeadingZeros(magnitude);
            add((run << 4) + size, table, size, value < 0 ? value - 1 : value);
            run = 0;
        }
        if (run > 0) {
            eobTable = table;
            if (++eobRun == MAX_EOB_RUN) {
                flushEobRun();
            }
        }
    }

    /** Ends the scan: a pending end-of-band run is coded. */
    void finish() {
        flushEobRun();
    }

    private void flushEobRun() {
        if (eobRun > 0) {
            int size = 31 - Integer.numberOfLeadingZeros(eobRun);
            add(size << 4, eobTable, size, eobRun);
            eobRun = 0;
        }
    }

    private void add(int symbol, int table, int extraBits, int extra) {
        if (count == entries.length) {
            entries = Arrays.copyOf(entries, count * 2);
        }
        frequencies[table][symbol]++;
        entries[count++] = symbol | table << 8 | extraBits << 9 | (extra & ((1 << extraBits) - 1)) << 16;
    }
}
