package ru.rossgram.imaging;

/**
 * An optimal Huffman table for counted symbol frequencies, limited to 16-bit codes, by T.81 Annex K.2 (as
 * libjpeg's {@code jpeg_gen_optimal_table}); one code point stays unused so no code is all ones.
 */
final class HuffmanCodeBuilder {
    /** {@code bits[n]}: how many codes are n bits long, n = 1..16 (index 0 unused), as DHT stores them. */
    final int[] bits = new int[17];
    /** The symbols in code order, as DHT stores them. */
    final int[] values;
    /** Each symbol's code and length; length 0 for a symbol that never occurs. */
    final int[] codes = new int[256];
    final int[] lengths = new int[256];

    /** @param frequencies 256 counts; not changed */
    HuffmanCodeBuilder(int[] frequencies) {
        long[] freq = new long[257];
        for (int i = 0; i < 256; i++) {
            freq[i] = frequencies[i];
        }
        freq[256] = 1; // the reserved code point
        int[] codeSize = new int[257];
        int[] others = new int[257];
        java.util.Arrays.fill(others, -1);
        while (true) {
            int c1 = smallest(freq, -1);
            int c2 = smallest(freq, c1);
            if (c2 < 0) {
                break;
            }
            freq[c1] += freq[c2];
            freq[c2] = 0;
            codeSize[c1]++;
            while (others[c1] >= 0) {
                c1 = others[c1];
                codeSize[c1]++;
            }
            others[c1] = c2;
            codeSize[c2]++;
            while (others[c2] >= 0) {
                c2 = others[c2];
                codeSize[c2]++;
            }
        }
        int[] count = new int[33];
        int symbols = 0;
        for (int i = 0; i <= 256; i++) {
            if (codeSize[i] > 0) {
                count[codeSize[i]]++;
                symbols++;
            }
        }
        limitToSixteenBits(count);
        System.arraycopy(count, 1, bits, 1, 16);
        values = new int[symbols - 1];
        int p = 0;
        for (int length = 1; length <= 32; length++) {
            for (int symbol = 0; symbol < 256; symbol++) {
                if (codeSize[symbol] == length) {
                    values[p++] = symbol;
                }
            }
        }
        assignCodes();
    }

    /** The symbol with the smallest non-zero frequency other than {@code except}; the largest index on ties. */
    private static int smallest(long[] freq, int except) {
        int found = -1;
        long best = Long.MAX_VALUE;
        for (int i = 0; i < freq.length; i++) {
            if (freq[i] != 0 && freq[i] <= best && i != except) {
                best = freq[i];
                found = i;
            }
        }
        return found;
    }

    /** K.2 figure K.3: moves pairs of over-long codes up, then drops the reserved code (the longest). */
    private static void limitToSixteenBits(int[] count) {
        for (int i = 32; i > 16; i--) {
            while (count[i] > 0) {
                int j = i - 2;
                while (count[j] == 0) {
                    j--;
                }
                count[i] -= 2;
                count[i - 1]++;
                count[j + 1] += 2;
                count[j]--;
            }
        }
        int i = 16;
        while (count[i] == 0) {
            i--;
        }
        count[i]--;
    }

    /** T.81 Annex C: canonical codes, consecutive within a length. */
    private void assignCodes() {
        int code = 0;
        int p = 0;
        for (int length = 1; length <= 16; length++) {
            for (int n = 0; n < bits[length]; n++) {
                codes[values[p]] = code++;
                lengths[values[p]] = length;
                p++;
            }
            code <<= 1;
        }
    }
}
