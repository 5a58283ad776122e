package ru.rossgram.imaging;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An original's bytes as an ImageIO stream that refuses to be read forever. Some pure-Java decoders
 * (TwelveMonkeys' lossless WebP, for one) swallow end-of-file and keep decoding zeros, and damaged
 * data can send them round a loop that never ends. Past a few reads beyond the end, or after reading
 * the file many times over, this throws {@link SourceExhaustedException}, which no codec catches.
 */
final class GuardedImageInputStream extends ImageInputStreamImpl {
    /** A reader peeking at the end once or twice is normal; hundreds of times is a loop. */
    private static final int READS_PAST_END_ALLOWED = 256;
    /** Decoders seek back and reread headers, but not the whole file dozens of times. */
    private static final int PASSES_ALLOWED = 32;

    private final byte[] bytes;
    private final long readBudget;
    private long bytesRead;
    private int readsPastEnd;

    GuardedImageInputStream(byte[] bytes) {
        this.bytes = bytes;
        this.readBudget = (long) bytes.length * PASSES_ALLOWED + 1024 * 1024;
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= bytes.length) {
            pastEnd();
            return -1;
        }
        spend(1);
        return bytes[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            pastEnd();
            return -1;
        }
        int n = (int) Math.min(length, bytes.length - streamPos);
        spend(n);
        System.arraycopy(bytes, (int) streamPos, into, offset, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public boolean isCached() {
        return true;
    }

    @Override
    public boolean isCachedMemory() {
        return true;
    }

    private void pastEnd() {
        if (++readsPastEnd > READS_PAST_END_ALLOWED) {
            throw new SourceExhaustedException("the decoder kept reading past the end of the file");
        }
    }

    private void spend(int n) {
        bytesRead += n;
        if (bytesRead > readBudget) {
            throw new SourceExhaustedException("the decoder read the file more than " + PASSES_ALLOWED + " times over");
        }
    }

    /** Unchecked on purpose: codecs catch {@code IOException}, so this one reaches us. */
    static final class SourceExhaustedException extends RuntimeException {
        SourceExhaustedException(String message) {
            super(message);
        }
    }
}
