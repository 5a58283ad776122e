package ru.rossgram.shared.imports.instagram;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Refuses to read past a file's limit, whatever size the archive declared for it. */
final class CappedInputStream extends FilterInputStream {

    private final String entryName;
    private final long limit;
    private long read;

    CappedInputStream(InputStream in, String entryName, long limit) {
        super(in);
        this.entryName = entryName;
        this.limit = limit;
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
    }
}
