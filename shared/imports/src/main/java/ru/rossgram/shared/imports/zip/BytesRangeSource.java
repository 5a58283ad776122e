package ru.rossgram.shared.imports.zip;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Bytes in memory as a {@link RangeSource}: for archives already held, and for tests of hand-built archives. */
public final class BytesRangeSource implements RangeSource {

    private final byte[] bytes;

    public BytesRangeSource(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open(long offset, long length) {
        RangeSource.checkRange(offset, length, bytes.length);
        return new ByteArrayInputStream(bytes, (int) offset, (int) length);
    }
}
