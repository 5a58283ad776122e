package ru.rossgram.shared.imports.zip;

import static ru.rossgram.shared.imports.zip.LittleEndian.u16;
import static ru.rossgram.shared.imports.zip.LittleEndian.u32;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import ru.rossgram.shared.imports.zip.UnsafeArchiveException.Reason;

/**
 * A ZIP archive read where it lies: its central directory with one ranged read of the tail (and one more when
 * the directory does not fit in the tail's 64 KiB), each entry with one ranged read of exactly its local header,
 * compressed bytes and data descriptor. Nothing else of the archive is read, and nothing but the directory's
 * entries is held.
 *
 * <p>Opening the archive refuses what is hostile whatever entry is read: no ZIP, truncation, spanning, a directory
 * or entry count past {@link ZipLimits}, unsafe or duplicate names, overlapping entries. Opening an entry refuses
 * what concerns that entry alone (encryption, an unsupported method, a declared size or ratio past the limits),
 * so that an importer can skip a video it would never read without failing the archive.
 */
public final class RangedZip {

    private final RangeSource source;
    private final ZipLimits limits;
    private final List<ArchiveEntry> entries;
    private final Map<String, ArchiveEntry> byName;

    private RangedZip(RangeSource source, ZipLimits limits, List<ArchiveEntry> entries) {
        this.source = source;
        this.limits = limits;
        this.entries = List.copyOf(entries);
        this.byName = entries.stream().collect(Collectors.toMap(ArchiveEntry::name, Function.identity()));
    }

    /**
     * Reads the archive's central directory.
     *
     * @throws UnsafeArchiveException when the archive is refused (see {@link UnsafeArchiveException.Reason})
     * @throws IOException when the source cannot be read
     */
    public static RangedZip open(RangeSource source, ZipLimits limits) throws IOException {
        long size = source.size();
        if (size < DirectoryLocation.EOCD_LENGTH) {
            throw new UnsafeArchiveException(Reason.NOT_A_ZIP, "only " + size + " bytes");
        }
        int tailLength = (int) Math.min(size, DirectoryLocation.TAIL_LENGTH);
        long tailStart = size - tailLength;
        byte[] tail = source.read(tailStart, tailLength);
        DirectoryLocation location = DirectoryLocation.find(tail, size, source);
        if (location.entries() > limits.maxEntries()) {
            throw new UnsafeArchiveException(Reason.TOO_MANY_ENTRIES,
                    location.entries() + " entries, more than " + limits.maxEntries());
        }
        if (location.size() > limits.maxCentralDirectoryBytes()) {
            throw new UnsafeArchiveException(Reason.DIRECTORY_TOO_LARGE, "a central directory of "
                    + location.size() + " bytes, more than " + limits.maxCentralDirectoryBytes());
        }
        List<ArchiveEntry> entries;
        if (location.offset() >= tailStart) {
            entries = CentralDirectory.parse(tail, (int) (location.offset() - tailStart), location);
        } else {
            entries = CentralDirectory.parse(source.read(location.offset(), (int) location.size()), 0, location);
        }
        return new RangedZip(source, limits, entries);
    }

    /** @return every entry, in the central directory's order */
    public List<ArchiveEntry> entries() {
        return entries;
    }

    /** @return the entry of that exact name */
    public Optional<ArchiveEntry> entry(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Opens one entry's uncompressed bytes with one ranged read. The stream ends ({@code -1}) only after the size
     * and CRC-32 were found to be the declared ones; otherwise a read throws {@link UnsafeArchiveException}
     * ({@link Reason#SIZE_MISMATCH}, {@link Reason#CRC_MISMATCH}, {@link Reason#TRUNCATED}, {@link Reason#CORRUPT})
     * as soon as the fault is seen: no byte past the declared size ever reaches the caller.
     *
     * @throws UnsafeArchiveException {@link Reason#ENCRYPTED}, {@link Reason#UNSUPPORTED_METHOD},
     *     {@link Reason#ENTRY_TOO_LARGE}, {@link Reason#COMPRESSION_RATIO} (declared), {@link Reason#SIZE_MISMATCH}
     *     (a STORED entry whose sizes differ), {@link Reason#CORRUPT} (a local header that does not match),
     *     {@link Reason#OVERLAPPING_ENTRIES} (a local header whose fields push the data into the next entry)
     * @throws IllegalArgumentException for an entry of another archive
     */
    public InputStream open(ArchiveEntry entry) throws IOException {
        if (byName.get(entry.name()) != entry) {
            throw new IllegalArgumentException("'" + entry.name() + "' is not an entry of this archive");
        }
        checkOpenable(entry);
        long span = entry.spanEnd() - entry.localHeaderOffset();
        InputStream in = source.open(entry.localHeaderOffset(), span);
        try {
            byte[] header = in.readNBytes(CentralDirectory.LOCAL_HEADER_LENGTH);
            if (header.length < CentralDirectory.LOCAL_HEADER_LENGTH
                    || (int) u32(header, 0) != DirectoryLocation.LOCAL_HEADER_SIGNATURE) {
                throw new UnsafeArchiveException(Reason.CORRUPT, "'" + entry.name() + "' has no local header");
            }
            if (u16(header, 8) != entry.method()) {
                throw new UnsafeArchiveException(Reason.CORRUPT,
                        "'" + entry.name() + "' has another method in its local header");
            }
            // The local name and extra field may differ in length from the central ones: skip by their own.
            long skip = (long) u16(header, 26) + u16(header, 28);
            long dataStart = CentralDirectory.LOCAL_HEADER_LENGTH + skip;
            if (dataStart + entry.compressedSize() > span) {
                throw new UnsafeArchiveException(Reason.OVERLAPPING_ENTRIES,
                        "'" + entry.name() + "' runs into the bytes of the next entry");
            }
            try {
                in.skipNBytes(skip);
            } catch (EOFException e) {
                throw new UnsafeArchiveException(Reason.TRUNCATED, "'" + entry.name() + "' has a cut local header");
            }
            return new EntryInputStream(new Bounded(in, entry.compressedSize()), entry, limits);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Refuses an entry as {@link #open} would, from what the central directory declares, without reading it: so a
     * caller can refuse an archive up front for an entry it will read later.
     *
     * @throws UnsafeArchiveException {@link Reason#ENCRYPTED}, {@link Reason#UNSUPPORTED_METHOD},
     *     {@link Reason#ENTRY_TOO_LARGE}, {@link Reason#COMPRESSION_RATIO}, {@link Reason#SIZE_MISMATCH}
     */
    public void checkOpenable(ArchiveEntry entry) throws UnsafeArchiveException {
        String name = "'" + entry.name() + "'";
        if (entry.isEncrypted()) {
            throw new UnsafeArchiveException(Reason.ENCRYPTED, name + " is encrypted");
        }
        if (entry.method() != ArchiveEntry.STORED && entry.method() != ArchiveEntry.DEFLATED) {
            throw new UnsafeArchiveException(Reason.UNSUPPORTED_METHOD,
                    name + " uses compression method " + entry.method());
        }
        if (entry.size() > limits.maxEntryBytes()) {
            throw new UnsafeArchiveException(Reason.ENTRY_TOO_LARGE,
                    name + " declares " + entry.size() + " bytes, more than " + limits.maxEntryBytes());
        }
        if (entry.size() > limits.ratioFloorBytes()
                && entry.size() / limits.maxCompressionRatio() > entry.compressedSize()) {
            throw new UnsafeArchiveException(Reason.COMPRESSION_RATIO, name + " declares " + entry.size()
                    + " bytes from " + entry.compressedSize() + ", beyond " + limits.maxCompressionRatio() + ":1");
        }
        if (entry.method() == ArchiveEntry.STORED && entry.size() != entry.compressedSize()) {
            throw new UnsafeArchiveException(Reason.SIZE_MISMATCH, name + " is stored with differing sizes");
        }
    }

    /** The first {@code limit} bytes of a stream; closing it closes the stream (a ranged read ends early). */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
