package ru.rossgram.shared.imports.zip;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import ru.rossgram.shared.imports.zip.UnsafeArchiveException.Reason;

/**
 * One entry's uncompressed bytes, from a stream of exactly its compressed bytes. It never hands out more than the
 * declared size (which opening bounded by the compression ratio; one further byte is asked for only to prove an
 * excess), and at the end checks the size and CRC-32: a reader that reaches {@code -1} has read exactly what the
 * directory declared. Memory: one input buffer of {@link ZipLimits#bufferBytes()} and the {@link Inflater}'s
 * 32 KiB window.
 */
final class EntryInputStream extends InputStream {

    private final InputStream compressed;
    private final ArchiveEntry entry;
    private final Inflater inflater;
    private final byte[] input;
    private final CRC32 crc = new CRC32();
    private long produced;
    private long storedLeft;
    private boolean finished;
    private boolean closed;

    EntryInputStream(InputStream compressed, ArchiveEntry entry, ZipLimits limits) {
        this.compressed = compressed;
        this.entry = entry;
        boolean deflated = entry.method() == ArchiveEntry.DEFLATED;
        this.inflater = deflated ? new Inflater(true) : null;
        this.input = deflated ? new byte[limits.bufferBytes()] : null;
        this.storedLeft = entry.compressedSize();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the entry '" + entry.name() + "' is closed");
        }
        if (len == 0) {
            return 0;
        }
        if (finished) {
            return -1;
        }
        int n = inflater == null ? readStored(b, off, len) : inflate(b, off, len);
        if (n < 0) {
            finish();
            return -1;
        }
        produced += n;
        crc.update(b, off, n);
        checkGrowth();
        return n;
    }

    private int readStored(byte[] b, int off, int len) throws IOException {
        if (storedLeft == 0) {
            return -1;
        }
        int n = compressed.read(b, off, (int) Math.min(len, storedLeft));
        if (n < 0) {
            throw truncated();
        }
        storedLeft -= n;
        return n;
    }

    private int inflate(byte[] b, int off, int len) throws IOException {
        // Up to the declared size; once there, one byte is asked for, so that any excess is seen and refused.
        int wanted = (int) Math.min(len, Math.max(1, entry.size() - produced));
        try {
            while (true) {
                int n = inflater.inflate(b, off, wanted);
                if (n > 0) {
                    return n;
                }
                if (inflater.finished()) {
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw new UnsafeArchiveException(Reason.CORRUPT, "'" + entry.name() + "' needs a dictionary");
                }
                if (inflater.needsInput()) {
                    int read = compressed.read(input, 0, input.length);
                    if (read < 0) {
                        throw truncated();
                    }
                    inflater.setInput(input, 0, read);
                }
            }
        } catch (DataFormatException e) {
            throw new UnsafeArchiveException(Reason.CORRUPT, "'" + entry.name() + "' is not valid DEFLATE data", e);
        }
    }

    /**
     * Past the declared size is refused at once. No separate ratio check is needed here: opening refused a
     * declared size beyond the ratio, so staying within the declared size keeps within the ratio too.
     */
    private void checkGrowth() throws UnsafeArchiveException {
        if (produced > entry.size()) {
            throw new UnsafeArchiveException(Reason.SIZE_MISMATCH,
                    "'" + entry.name() + "' inflates beyond its declared " + entry.size() + " bytes");
        }
    }

    private void finish() throws UnsafeArchiveException {
        finished = true;
        if (produced != entry.size()) {
            throw new UnsafeArchiveException(Reason.SIZE_MISMATCH,
                    "'" + entry.name() + "' has " + produced + " bytes, not the declared " + entry.size());
        }
        if (inflater != null && inflater.getBytesRead() != entry.compressedSize()) {
            throw new UnsafeArchiveException(Reason.SIZE_MISMATCH, "'" + entry.name() + "' ends after "
                    + inflater.getBytesRead() + " of its " + entry.compressedSize() + " compressed bytes");
        }
        if (crc.getValue() != entry.crc32()) {
            throw new UnsafeArchiveException(Reason.CRC_MISMATCH, String.format(
                    "'%s' has CRC-32 %08x, not the declared %08x", entry.name(), crc.getValue(), entry.crc32()));
        }
    }

    private UnsafeArchiveException truncated() {
        return new UnsafeArchiveException(Reason.TRUNCATED,
                "'" + entry.name() + "' ends before its " + entry.compressedSize() + " compressed bytes");
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            if (inflater != null) {
                inflater.end();
            }
            compressed.close();
        }
    }
}
