package ru.rossgram.imaging;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One random damage to a JPEG, of the kinds that reach an upload service: flipped bits, overwritten bytes, cuts,
 * chunks lost, doubled or inserted, a marker segment's length wrong, two files spliced. Deterministic for a seed.
 */
final class JpegMutator {
    private final Random random;
    private final List<byte[]> corpus;

    JpegMutator(Random random, List<byte[]> corpus) {
        this.random = random;
        this.corpus = corpus;
    }

    /** One to three damages to a random seed of the corpus. */
    byte[] next() {
        byte[] input = corpus.get(random.nextInt(corpus.size()));
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            input = mutate(input);
        }
        return input.length == 0 ? new byte[] {(byte) 0xFF} : input;
    }

    private byte[] mutate(byte[] in) {
        if (in.length < 4) {
            return HostileJpegs.join(in, new byte[] {(byte) random.nextInt(256)});
        }
        return switch (random.nextInt(9)) {
            case 0 -> flipBits(in);
            case 1 -> writeBytes(in);
            case 2 -> Arrays.copyOf(in, random.nextInt(in.length));
            case 3 -> deleteChunk(in);
            case 4 -> duplicateChunk(in);
            case 5 -> insertChunk(in);
            case 6 -> corruptMarkerLength(in);
            case 7 -> splice(in, corpus.get(random.nextInt(corpus.size())));
            default -> writeHeaderByte(in);
        };
    }

    private byte[] flipBits(byte[] in) {
        byte[] out = in.clone();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    private byte[] writeBytes(byte[] in) {
        byte[] out = in.clone();
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
            out[random.nextInt(out.length)] = interestingByte();
        }
        return out;
    }

    /** Headers are where sizes, counts and table ids live: most damage that matters lands in the first bytes. */
    private byte[] writeHeaderByte(byte[] in) {
        byte[] out = in.clone();
        out[random.nextInt(Math.min(out.length, 700))] = interestingByte();
        return out;
    }

    private byte interestingByte() {
        int[] interesting = {0x00, 0x01, 0x02, 0x04, 0x08, 0x0F, 0x10, 0x11, 0x22, 0x3F, 0x40, 0x7F, 0x80, 0xD0,
            0xD9, 0xDA, 0xFE, 0xFF};
        return (byte) (random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(256));
    }

    private byte[] deleteChunk(byte[] in) {
        int start = random.nextInt(in.length);
        int end = Math.min(in.length, start + 1 + random.nextInt(Math.max(1, in.length / 8)));
        return HostileJpegs.join(Arrays.copyOf(in, start), Arrays.copyOfRange(in, end, in.length));
    }

    private byte[] duplicateChunk(byte[] in) {
        int start = random.nextInt(in.length);
        int end = Math.min(in.length, start + 1 + random.nextInt(Math.max(1, in.length / 8)));
        return HostileJpegs.join(Arrays.copyOf(in, end), Arrays.copyOfRange(in, start, in.length));
    }

    private byte[] insertChunk(byte[] in) {
        byte[] chunk = new byte[1 + random.nextInt(64)];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = interestingByte();
        }
        int at = random.nextInt(in.length);
        return HostileJpegs.join(Arrays.copyOf(in, at), chunk, Arrays.copyOfRange(in, at, in.length));
    }

    /** A random marker segment's two length bytes set to something else: small, large, or off by a little. */
    private byte[] corruptMarkerLength(byte[] in) {
        int from = random.nextInt(in.length - 3);
        for (int i = from; i + 3 < in.length; i++) {
            int marker = in[i + 1] & 0xFF;
            if ((in[i] & 0xFF) == 0xFF && marker >= 0xC0 && marker != 0xFF && (marker < 0xD0 || marker > 0xD9)) {
                byte[] out = in.clone();
                int length = ((out[i + 2] & 0xFF) << 8) | (out[i + 3] & 0xFF);
                int changed = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(4);
                    case 1 -> 0xFFFF - random.nextInt(4);
                    case 2 -> length + random.nextInt(9) - 4;
                    default -> random.nextInt(0x10000);
                };
                out[i + 2] = (byte) (changed >> 8);
                out[i + 3] = (byte) changed;
                return out;
            }
        }
        return flipBits(in);
    }

    private byte[] splice(byte[] in, byte[] other) {
        int cut = random.nextInt(in.length);
        int from = random.nextInt(other.length);
        return HostileJpegs.join(Arrays.copyOf(in, cut), Arrays.copyOfRange(other, from, other.length));
    }
}
