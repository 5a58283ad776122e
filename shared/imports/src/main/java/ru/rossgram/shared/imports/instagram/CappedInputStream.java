package ru.rossgram.shared.imports.instagram;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses to read past a file's limit, whatever size the archive declared for it, and past an entry's limit once
 * {@link #startEntry()} marks where one begins. The parser reads ahead by its buffer, so an entry's bound holds to
 * within that buffer (8 KB).
 */
final class CappedInputStream extends FilterInputStream {

    private final String entryName;
    private final long limit;
    private final long entryLimit;
    private long read;
    private long entryStart = -1;

    CappedInputStream(InputStream in, String entryName, long limit, long entryLimit) {
        super(in);
        this.entryName = entryName;
        this.limit = limit;
        this.entryLimit = entryLimit;
    }

    /** The bytes read from here on belong to one entry, until the next call. */
    void startEntry() {
        entryStart = read;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new ExportFileTooLargeException(entryName, limit);
        }
        if (entryStart >= 0 && read - entryStart > entryLimit) {
            throw new MalformedExportException(entryName,
                    "holds an entry larger than the " + entryLimit + " bytes a post or a follower may take", null);
        }
    }
}
