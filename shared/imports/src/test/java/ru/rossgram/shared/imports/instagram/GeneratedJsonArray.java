package ru.rossgram.shared.imports.instagram;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;

/** A JSON array of {@code total} elements made as it is read, so a test can feed hundreds of MB in a small heap. */
final class GeneratedJsonArray extends InputStream {

    private final int total;
    private final IntFunction<String> element;
    private int produced;
    private byte[] chunk = "[".getBytes(StandardCharsets.UTF_8);
    private int position;

    private GeneratedJsonArray(int total, IntFunction<String> element) {
        this.total = total;
        this.element = element;
    }

    /** An export of one file: the generated array. */
    static ExportSource source(String entryName, int total, IntFunction<String> element) {
        return new ExportSource() {
            @Override
            public Collection<String> entryNames() {
                return List.of(entryName);
            }

            @Override
            public InputStream open(String name) {
                return new GeneratedJsonArray(total, element);
            }
        };
    }

    @Override
    public int read() {
        if (position == chunk.length && !refill()) {
            return -1;
        }
        return chunk[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position == chunk.length && !refill()) {
            return -1;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        return n;
    }

    private boolean refill() {
        if (produced > total) {
            return false;
        }
        String next = produced == total ? "]" : (produced == 0 ? "" : ",") + element.apply(produced);
        produced++;
        chunk = next.getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
