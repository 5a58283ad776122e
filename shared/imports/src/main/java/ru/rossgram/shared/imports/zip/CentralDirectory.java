package ru.rossgram.shared.imports.zip;

import static ru.rossgram.shared.imports.zip.LittleEndian.u16;
import static ru.rossgram.shared.imports.zip.LittleEndian.u32;
import static ru.rossgram.shared.imports.zip.LittleEndian.u64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ru.rossgram.shared.imports.zip.UnsafeArchiveException.Reason;

/**
 * The central directory's bytes turned into entries, every name checked and no two entries' bytes overlapping.
 * Pure: no I/O, so every hostile shape is unit-tested on bytes.
 */
final class CentralDirectory {

    static final int HEADER_SIGNATURE = 0x02014b50;
    static final int HEADER_LENGTH = 46;
    static final int LOCAL_HEADER_LENGTH = 30;
    private static final int ZIP64_FIELD = 0x0001;
    private static final long MAX_32 = 0xFFFFFFFFL;

    private CentralDirectory() {
    }

    /**
     * @param b the directory's bytes, {@code location.size()} of them from {@code at}
     * @throws UnsafeArchiveException {@link Reason#CORRUPT} when headers or counts disagree;
     *     {@link Reason#UNSAFE_PATH}, {@link Reason#DUPLICATE_ENTRY}, {@link Reason#OVERLAPPING_ENTRIES}
     */
    static List<ArchiveEntry> parse(byte[] b, int at, DirectoryLocation location) throws UnsafeArchiveException {
        int end = at + (int) location.size();
        List<Header> headers = new ArrayList<>((int) Math.min(location.entries(), 1 << 16));
        Set<String> names = new HashSet<>();
        for (long i = 0; i < location.entries(); i++) {
            if (end - at < HEADER_LENGTH || (int) u32(b, at) != HEADER_SIGNATURE) {
                throw new UnsafeArchiveException(Reason.CORRUPT, "central directory header " + i + " is missing");
            }
            int nameLength = u16(b, at + 28);
            int extraLength = u16(b, at + 30);
            int commentLength = u16(b, at + 32);
            int next = at + HEADER_LENGTH + nameLength + extraLength + commentLength;
            if (next > end || next < at) {
                throw new UnsafeArchiveException(Reason.CORRUPT, "central directory header " + i + " runs past it");
            }
            Header header = header(b, at, nameLength, extraLength);
            EntryNames.checkSafe(header.name);
            if (!names.add(header.name)) {
                throw new UnsafeArchiveException(Reason.DUPLICATE_ENTRY, "'" + header.name + "' appears twice");
            }
            headers.add(header);
            at = next;
        }
        if (at != end) {
            throw new UnsafeArchiveException(Reason.CORRUPT, "the central directory holds more than its "
                    + location.entries() + " entries");
        }
        return withSpans(headers, location.offset());
    }

    private static Header header(byte[] b, int at, int nameLength, int extraLength) throws UnsafeArchiveException {
        int flags = u16(b, at + 8);
        int method = u16(b, at + 10);
        long crc = u32(b, at + 16);
        long compressed = u32(b, at + 20);
        long size = u32(b, at + 24);
        long offset = u32(b, at + 42);
        long dosTime = u32(b, at + 12);
        byte[] rawName = Arrays.copyOfRange(b, at + HEADER_LENGTH, at + HEADER_LENGTH + nameLength);
        int extra = at + HEADER_LENGTH + nameLength;
        String name = EntryNames.decode(rawName, (flags & 0x800) != 0, b, extra, extraLength);
        if (size == MAX_32 || compressed == MAX_32 || offset == MAX_32) {
            // ZIP64: the extra field holds, in this order, only the values whose 32-bit field is saturated.
            int field = zip64Field(b, extra, extraLength, name);
            int fieldEnd = field + u16(b, field - 2);
            if (size == MAX_32) {
                size = zip64Value(b, field, fieldEnd, name);
                field += 8;
            }
            if (compressed == MAX_32) {
                compressed = zip64Value(b, field, fieldEnd, name);
                field += 8;
            }
            if (offset == MAX_32) {
                offset = zip64Value(b, field, fieldEnd, name);
            }
        }
        return new Header(name, nameLength, flags, method, crc, compressed, size, offset, dosTime);
    }

    /** The data offset of the ZIP64 extended information field. */
    private static int zip64Field(byte[] b, int at, int length, String name) throws UnsafeArchiveException {
        int end = at + length;
        while (at + 4 <= end) {
            int size = u16(b, at + 2);
            if (at + 4 + size > end) {
                break;
            }
            if (u16(b, at) == ZIP64_FIELD) {
                return at + 4;
            }
            at += 4 + size;
        }
        throw new UnsafeArchiveException(Reason.CORRUPT, "'" + name + "' lacks its ZIP64 extra field");
    }

    private static long zip64Value(byte[] b, int at, int end, String name) throws UnsafeArchiveException {
        long value = at + 8 <= end ? u64(b, at) : -1;
        if (value < 0) {
            throw new UnsafeArchiveException(Reason.CORRUPT, "'" + name + "' has a short or negative ZIP64 value");
        }
        return value;
    }

    /**
     * Gives each entry the offset where the next one begins, and refuses entries whose headers and data would
     * overlap: sorted by offset, each must fit a local header, its name and its compressed bytes before the next.
     * This is what stops David Fifield's non-recursive bomb, where many entries point into one compressed stream.
     */
    private static List<ArchiveEntry> withSpans(List<Header> headers, long directoryOffset)
            throws UnsafeArchiveException {
        Integer[] byOffset = new Integer[headers.size()];
        for (int i = 0; i < byOffset.length; i++) {
            byOffset[i] = i;
        }
        Arrays.sort(byOffset, Comparator.comparingLong(i -> headers.get(i).offset));
        long[] spanEnds = new long[headers.size()];
        for (int i = 0; i < byOffset.length; i++) {
            Header h = headers.get(byOffset[i]);
            Header next = i + 1 < byOffset.length ? headers.get(byOffset[i + 1]) : null;
            long spanEnd = next != null ? next.offset : directoryOffset;
            long needed = LOCAL_HEADER_LENGTH + (long) h.nameLength + h.compressed;
            if (h.offset > spanEnd || needed > spanEnd - h.offset) {
                throw new UnsafeArchiveException(Reason.OVERLAPPING_ENTRIES, "'" + h.name + "' at " + h.offset
                        + " overlaps " + (next != null ? "'" + next.name + "'" : "the directory") + " at " + spanEnd);
            }
            spanEnds[byOffset[i]] = spanEnd;
        }
        List<ArchiveEntry> entries = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            Header h = headers.get(i);
            entries.add(new ArchiveEntry(h.name, h.method, h.flags, h.crc, h.compressed, h.size, h.offset,
                    spanEnds[i], h.dosTime));
        }
        return entries;
    }

    private record Header(String name, int nameLength, int flags, int method, long crc, long compressed, long size,
            long offset, long dosTime) {
    }
}
