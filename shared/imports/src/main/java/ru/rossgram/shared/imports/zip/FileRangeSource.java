package ru.rossgram.shared.imports.zip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file on disk as a {@link RangeSource}; each range is read with positional reads, so ranges can be open
 * side by side. Used by tests and the memory benchmark, and by anything that already has the archive locally.
 */
public final class FileRangeSource implements RangeSource, AutoCloseable {

    private final FileChannel channel;

    private FileRangeSource(FileChannel channel) {
        this.channel = channel;
    }

    /** @throws IOException when the file cannot be opened for reading */
    public static FileRangeSource open(Path file) throws IOException {
        return new FileRangeSource(FileChannel.open(file, StandardOpenOption.READ));
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        RangeSource.checkRange(offset, length, size());
        return new InputStream() {
            private long position = offset;
            private final long end = offset + length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= end) {
                    return -1;
                }
                int wanted = (int) Math.min(len, end - position);
                int n = channel.read(ByteBuffer.wrap(b, off, wanted), position);
                if (n < 0) {
                    return -1;
                }
                position += n;
                return n;
            }
        };
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
