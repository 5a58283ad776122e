package ru.rossgram.imaging;

/**
 * Decodes the entropy-coded blocks of one scan into coefficients: sequential blocks straight to the inverse DCT,
 * and the four kinds of progressive scan (DC first and refinement, AC first and refinement) into a component's
 * stored coefficients. Only the coefficients the scaled inverse DCT uses are kept; the rest are decoded (the bits
 * must be read) and dropped, except that progressive refinement still needs to know which of them are non-zero.
 */
final class JpegScanDecoder {
    private static final int LOOKAHEAD_SHIFT = 64 - JpegHuffmanTable.LOOKAHEAD;
    private final JpegBitReader in;
    /** The scan's spectral selection and successive approximation. */
    private final int start;
    private final int end;
    private final int high;
    private final int low;
    /** Blocks still to skip in a run of end-of-band blocks (progressive AC scans). */
    private int endOfBandRun;

    JpegScanDecoder(JpegBitReader in, int start, int end, int high, int low) {
        this.in = in;
        this.start = start;
        this.end = end;
        this.high = high;
        this.low = low;
    }

    /** After a restart marker: predictors and end-of-band runs start afresh. */
    void restart(JpegComponent[] components) {
        endOfBandRun = 0;
        for (JpegComponent component : components) {
            component.dcPredictor = 0;
        }
    }

    /**
     * A sequential block, dequantised with {@code multipliers} (zig-zag order) into {@code block}'s kept positions.
     * The decoder's hottest loop: it works on the reader's bit buffer in local variables (the JIT keeps them in
     * registers) and goes back to the reader only to refill it or for a code longer than the lookahead.
     */
    void sequential(JpegComponent c, int[] block, int[] multipliers) throws ImageRejectedException {
        JpegBitReader in = this.in;
        if (in.bits < 32) {
            in.fill();
        }
        long buffer = in.buffer;
        int bits = in.bits;
        int size;
        int entry = c.dcTable.lookup[(int) (buffer >>> LOOKAHEAD_SHIFT)];
        if (entry != 0) {
            buffer <<= entry >>> 8;
            bits -= entry >>> 8;
            size = entry & 0xFF;
        } else {
            in.buffer = buffer;
            in.bits = bits;
            size = in.decode(c.dcTable);
            buffer = in.buffer;
            bits = in.bits;
        }
        if (size > 15) {
            throw badCode();
        }
        if (size != 0) { // at least 16 bits are left: 32 buffered, at most 16 taken by the code
            c.dcPredictor += extend((int) (buffer >>> (64 - size)), size);
            buffer <<= size;
            bits -= size;
        }
        block[0] = c.dcPredictor * multipliers[0];
        int[] kept = c.keptIndex;
        JpegHuffmanTable ac = c.acTable;
        int[] fast = ac.fastAc;
        int[] lookup = ac.lookup;
        for (int k = 1; k < 64; k++) {
            if (bits < 32) {
                in.buffer = buffer;
                in.bits = bits;
                in.fill();
                buffer = in.buffer;
                bits = in.bits;
            }
            int peek = (int) (buffer >>> LOOKAHEAD_SHIFT);
            entry = fast[peek];
            if (entry != 0) {
                buffer <<= entry & 15;
                bits -= entry & 15;
                k += (entry >> 4) & 15;
                if (k > 63) {
                    throw badCode();
                }
                int index = kept[k];
                if (index >= 0) {
                    block[index] = (entry >> 8) * multipliers[k];
                }
                continue;
            }
            int symbol;
            entry = lookup[peek];
            if (entry != 0) {
                buffer <<= entry >>> 8;
                bits -= entry >>> 8;
                symbol = entry & 0xFF;
            } else {
                in.buffer = buffer;
                in.bits = bits;
                symbol = in.decode(ac);
                buffer = in.buffer;
                bits = in.bits;
            }
            int run = symbol >>> 4;
            size = symbol & 15;
            if (size == 0) {
                if (run != 15) {
                    break; // end of block
                }
                k += 15;
                continue;
            }
            k += run;
            if (k > 63) {
                throw badCode();
            }
            int value = extend((int) (buffer >>> (64 - size)), size);
            buffer <<= size;
            bits -= size;
            int index = kept[k];
            if (index >= 0) {
                block[index] = value * multipliers[k];
            }
        }
        in.buffer = buffer;
        in.bits = bits;
    }

    /** JPEG's signed magnitude category: {@code size} raw bits below 2^(size-1) stand for negative numbers. */
    private static int extend(int raw, int size) {
        return raw < 1 << (size - 1) ? raw - (1 << size) + 1 : raw;
    }

    /** A progressive DC scan's block: the first bits of the DC coefficient, or one more bit of it. */
    void dc(JpegComponent c, int block) throws ImageRejectedException {
        int at = block * c.blockSize * c.blockSize;
        if (high == 0) {
            int size = in.decode(c.dcTable);
            if (size > 15) {
                throw badCode();
            }
            c.dcPredictor += in.signed(size);
            c.coefficients[at] = (short) (c.dcPredictor << low);
        } else if (in.bit() != 0) {
            c.coefficients[at] |= (short) (1 << low);
        }
    }

    /** A progressive AC scan's block, of one component. */
    void ac(JpegComponent c, int block) throws ImageRejectedException {
        if (high == 0) {
            acFirst(c, block);
        } else {
            acRefine(c, block);
        }
    }

    private void acFirst(JpegComponent c, int block) throws ImageRejectedException {
        if (endOfBandRun > 0) {
            endOfBandRun--;
            return;
        }
        int at = block * c.blockSize * c.blockSize;
        long nonZero = c.nonZero[block];
        for (int k = start; k <= end; k++) {
            int symbol = in.decode(c.acTable);
            int run = symbol >>> 4;
            int size = symbol & 15;
            if (size == 0) {
                if (run < 15) {
                    endOfBandRun = (1 << run) - 1 + in.bits(run);
                    break;
                }
                k += 15;
                continue;
            }
            k += run;
            if (k > end) {
                throw badCode();
            }
            int index = c.keptIndex[k];
            if (index >= 0) {
                c.coefficients[at + index] = (short) (in.signed(size) << low);
            } else {
                in.bits(size);
            }
            nonZero |= 1L << k;
        }
        c.nonZero[block] = nonZero;
    }

    /**
     * One more bit of every coefficient already non-zero in the band, and the coefficients that become non-zero
     * now (T.81 G.1.2.3; libjpeg's decode_mcu_AC_refine).
     */
    private void acRefine(JpegComponent c, int block) throws ImageRejectedException {
        int at = block * c.blockSize * c.blockSize;
        long nonZero = c.nonZero[block];
        int plus = 1 << low;
        int minus = -1 << low;
        int k = start;
        if (endOfBandRun == 0) {
            for (; k <= end; k++) {
                int symbol = in.decode(c.acTable);
                int run = symbol >>> 4;
                int size = symbol & 15;
                int value = 0;
                if (size != 0) {
                    if (size != 1) {
                        throw badCode();
                    }
                    value = in.bit() != 0 ? plus : minus;
                } else if (run != 15) {
                    endOfBandRun = (1 << run) + in.bits(run);
                    break;
                }
                while (k <= end) {
                    if ((nonZero & (1L << k)) != 0) {
                        refine(c, at, k, plus, minus);
                    } else if (--run < 0) {
                        break;
                    }
                    k++;
                }
                if (value != 0 && k <= end) {
                    int index = c.keptIndex[k];
                    if (index >= 0) {
                        c.coefficients[at + index] = (short) value;
                    }
                    nonZero |= 1L << k;
                }
            }
        }
        if (endOfBandRun > 0) {
            for (; k <= end; k++) {
                if ((nonZero & (1L << k)) != 0) {
                    refine(c, at, k, plus, minus);
                }
            }
            endOfBandRun--;
        }
        c.nonZero[block] = nonZero;
    }

    /** A correction bit for a coefficient already non-zero: moves it away from zero by one more bit if set. */
    private void refine(JpegComponent c, int at, int k, int plus, int minus) {
        if (in.bit() == 0) {
            return;
        }
        int index = c.keptIndex[k];
        if (index >= 0) {
            short value = c.coefficients[at + index];
            if ((value & plus) == 0) {
                c.coefficients[at + index] = (short) (value + (value >= 0 ? plus : minus));
            }
        }
    }

    private static ImageRejectedException badCode() {
        return Rejections.corrupt("The JPEG's data is damaged (a bad Huffman code).");
    }
}
