package ru.rossgram.shared.imports.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A range read resumed after dropped connections, from the first byte not yet delivered. */
class ResumingInputStreamTest {

    private final byte[] object = RangedZipTest.randomBytes(10_000, 5);
    private final List<Long> opened = new ArrayList<>();

    @Test
    void aConnectionDroppedTwice_isResumed_andTheBytesComeOutWhole() throws IOException {
        ResumingInputStream in = new ResumingInputStream(dropping(2, 3000), 1000, 8000, 3, 1);

        byte[] read = in.readAllBytes();

        assertArrayEquals(java.util.Arrays.copyOfRange(object, 1000, 9000), read);
        assertEquals(List.of(1000L, 4000L, 7000L), opened);
    }

    @Test
    void moreDropsThanAllowed_fail() {
        ResumingInputStream in = new ResumingInputStream(dropping(10, 100), 0, 8000, 3, 1);

        assertThrows(IOException.class, in::readAllBytes);
        assertEquals(4, opened.size());
    }

    @Test
    void anUnavailableObject_isNotRetried() {
        ResumingInputStream in = new ResumingInputStream((offset, length) -> {
            opened.add(offset);
            throw new ObjectUnavailableException("gone", null);
        }, 0, 100, 3, 1);

        assertThrows(ObjectUnavailableException.class, in::readAllBytes);
        assertEquals(1, opened.size());
    }

    /** Opens ranges whose first {@code drops} connections break after {@code after} bytes. */
    private ResumingInputStream.Opener dropping(int drops, int after) {
        return (offset, length) -> {
            opened.add(offset);
            boolean drop = opened.size() <= drops;
            InputStream range = new BytesRangeSource(object).open(offset, length);
            return new InputStream() {
                private int delivered;

                @Override
                public int read() throws IOException {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (drop && delivered >= after) {
                        throw new IOException("connection reset");
                    }
                    int n = range.read(b, off, drop ? Math.min(len, after - delivered) : len);
                    delivered += Math.max(n, 0);
                    return n;
                }
            };
        };
    }
}
