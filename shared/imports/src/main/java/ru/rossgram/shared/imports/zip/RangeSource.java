package ru.rossgram.shared.imports.zip;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Bytes that can be read from any offset without reading what comes before: an object in storage, a file. */
public interface RangeSource {

    /**
     * @return the total number of bytes
     * @throws IOException when the size cannot be learned (the object is gone, storage unreachable)
     */
    long size() throws IOException;

    /**
     * Opens exactly {@code length} bytes from {@code offset}; the caller closes the stream, possibly early.
     *
     * @throws IOException when the range cannot be opened
     * @throws IllegalArgumentException when the range is not within {@code [0, size())}
     */
    InputStream open(long offset, long length) throws IOException;

    /**
     * Reads a whole range into memory; meant for small ranges (a header, the central directory).
     *
     * @throws EOFException when the source ends before {@code length} bytes
     */
    default byte[] read(long offset, int length) throws IOException {
        try (InputStream in = open(offset, length)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new EOFException("expected " + length + " bytes at " + offset + ", got " + bytes.length);
            }
            return bytes;
        }
    }

    /** Checks a range against a size, for implementations. */
    static void checkRange(long offset, long length, long size) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside 0.." + size);
        }
    }
}
