package ru.rossgram.shared.imports.zip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hand-written ZIP archives, byte by byte, so that tests can build what no well-behaved writer would: lying
 * sizes, shared data, ZIP64 fields on small entries, encryption flags, unsafe names.
 */
final class ZipBytes {

    /** One entry; the {@code declared*} and {@code offset} overrides make it lie. */
    static final class Entry {
        byte[] name;
        byte[] data;
        int method = 8;
        int flags;
        boolean zip64;
        boolean dataDescriptor;
        Long declaredSize;
        Long declaredCrc;
        /** Points the central header at another entry's local header (by index) instead of its own. */
        Integer sharesHeaderOf;
        byte[] compressed;

        Entry(String name, byte[] data) {
            this.name = name.getBytes(StandardCharsets.UTF_8);
            this.data = data;
        }

        Entry stored() {
            method = 0;
            return this;
        }

        Entry method(int value) {
            method = value;
            return this;
        }

        Entry flags(int value) {
            flags |= value;
            return this;
        }

        Entry zip64() {
            zip64 = true;
            return this;
        }

        Entry dataDescriptor() {
            dataDescriptor = true;
            flags |= 8;
            return this;
        }

        Entry declaredSize(long value) {
            declaredSize = value;
            return this;
        }

        Entry declaredCrc(long value) {
            declaredCrc = value;
            return this;
        }

        Entry rawName(byte[] value) {
            name = value;
            return this;
        }

        Entry sharesHeaderOf(int index) {
            sharesHeaderOf = index;
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private byte[] comment = new byte[0];
    private boolean zip64Directory;

    static Entry entry(String name, String text) {
        return new Entry(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Entry entry(String name, byte[] data) {
        return new Entry(name, data);
    }

    ZipBytes add(Entry entry) {
        entries.add(entry);
        return this;
    }

    ZipBytes comment(String text) {
        comment = text.getBytes(StandardCharsets.ISO_8859_1);
        return this;
    }

    /** Writes the ZIP64 end records even though nothing needs them. */
    ZipBytes zip64Directory() {
        zip64Directory = true;
        return this;
    }

    byte[] build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long[] offsets = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            e.compressed = e.method == 0 ? e.data : deflate(e.data);
            if (e.sharesHeaderOf != null) {
                offsets[i] = offsets[e.sharesHeaderOf];
                continue;
            }
            offsets[i] = out.size();
            boolean descriptor = e.dataDescriptor;
            int u32Size = e.zip64 ? -1 : descriptor ? 0 : (int) size(e);
            int u32Compressed = e.zip64 ? -1 : descriptor ? 0 : e.compressed.length;
            int32(out, 0x04034b50);
            int16(out, e.zip64 ? 45 : 20);
            int16(out, e.flags);
            int16(out, e.method);
            int32(out, 0);
            int32(out, descriptor ? 0 : (int) crc(e));
            int32(out, u32Compressed);
            int32(out, u32Size);
            int16(out, e.name.length);
            byte[] extra = e.zip64 ? zip64Extra(size(e), e.compressed.length, null) : new byte[0];
            // A local extra field of another length than the central one, as real writers produce.
            byte[] padding = {(byte) 0xCA, (byte) 0xFE, 4, 0, 1, 2, 3, 4};
            int16(out, extra.length + padding.length);
            out.writeBytes(e.name);
            out.writeBytes(extra);
            out.writeBytes(padding);
            out.writeBytes(e.compressed);
            if (descriptor) {
                int32(out, 0x08074b50);
                int32(out, (int) crc(e));
                int32(out, e.compressed.length);
                int32(out, (int) size(e));
            }
        }
        long directoryOffset = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int32(out, 0x02014b50);
            int16(out, e.zip64 ? 45 : 20);
            int16(out, e.zip64 ? 45 : 20);
            int16(out, e.flags);
            int16(out, e.method);
            int32(out, 0);
            int32(out, (int) crc(e));
            int32(out, e.zip64 ? -1 : e.compressed.length);
            int32(out, e.zip64 ? -1 : (int) size(e));
            int16(out, e.name.length);
            byte[] extra = e.zip64 ? zip64Extra(size(e), e.compressed.length, offsets[i]) : new byte[0];
            int16(out, extra.length);
            int16(out, 0);
            int16(out, 0);
            int16(out, 0);
            int32(out, 0);
            int32(out, e.zip64 ? -1 : (int) offsets[i]);
            out.writeBytes(e.name);
            out.writeBytes(extra);
        }
        long directorySize = out.size() - directoryOffset;
        if (zip64Directory) {
            long recordOffset = out.size();
            int32(out, 0x06064b50);
            int64(out, 44);
            int16(out, 45);
            int16(out, 45);
            int32(out, 0);
            int32(out, 0);
            int64(out, entries.size());
            int64(out, entries.size());
            int64(out, directorySize);
            int64(out, directoryOffset);
            int32(out, 0x07064b50);
            int32(out, 0);
            int64(out, recordOffset);
            int32(out, 1);
        }
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, zip64Directory ? 0xFFFF : entries.size());
        int16(out, zip64Directory ? 0xFFFF : entries.size());
        int32(out, zip64Directory ? -1 : (int) directorySize);
        int32(out, zip64Directory ? -1 : (int) directoryOffset);
        int16(out, comment.length);
        out.writeBytes(comment);
        return out.toByteArray();
    }

    private static long size(Entry e) {
        return e.declaredSize != null ? e.declaredSize : e.data.length;
    }

    private static long crc(Entry e) {
        if (e.declaredCrc != null) {
            return e.declaredCrc;
        }
        CRC32 crc = new CRC32();
        crc.update(e.data);
        return crc.getValue();
    }

    private static byte[] zip64Extra(long size, long compressed, Long offset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int16(out, 1);
        int16(out, offset == null ? 16 : 24);
        int64(out, size);
        int64(out, compressed);
        if (offset != null) {
            int64(out, offset);
        }
        return out.toByteArray();
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        int16(out, v);
        int16(out, v >>> 16);
    }

    private static void int64(ByteArrayOutputStream out, long v) {
        int32(out, (int) v);
        int32(out, (int) (v >>> 32));
    }
}
