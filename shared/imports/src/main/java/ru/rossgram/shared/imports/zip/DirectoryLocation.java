package ru.rossgram.shared.imports.zip;

import static ru.rossgram.shared.imports.zip.LittleEndian.u16;
import static ru.rossgram.shared.imports.zip.LittleEndian.u32;
import static ru.rossgram.shared.imports.zip.LittleEndian.u64;

import java.io.IOException;

import ru.rossgram.shared.imports.zip.UnsafeArchiveException.Reason;

/**
 * Where the central directory lies and how many entries it holds, from the end of central directory record
 * (EOCD) and, for ZIP64 archives, the ZIP64 locator and record before it.
 *
 * @param offset the directory's first byte
 * @param size the directory's length in bytes
 * @param entries the entries it declares
 * @param end where the directory must end: the ZIP64 record or the EOCD that follows it
 */
record DirectoryLocation(long offset, long size, long entries, long end) {

    static final int EOCD_SIGNATURE = 0x06054b50;
    static final int EOCD_LENGTH = 22;
    static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    static final int ZIP64_LOCATOR_LENGTH = 20;
    static final int ZIP64_RECORD_SIGNATURE = 0x06064b50;
    static final int ZIP64_RECORD_LENGTH = 56;
    static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    /** The longest tail that can hold the EOCD: its 22 bytes and a comment of at most 65,535. */
    static final int MAX_EOCD_SPAN = EOCD_LENGTH + 0xFFFF;
    /** What is read from the end at first: the EOCD's span and the ZIP64 locator and record before it. */
    static final int TAIL_LENGTH = MAX_EOCD_SPAN + ZIP64_LOCATOR_LENGTH + ZIP64_RECORD_LENGTH;

    /**
     * Reads the directory's location from the archive's tail.
     *
     * @param tail the last bytes of the archive ({@link #TAIL_LENGTH} or the whole archive if shorter)
     * @param archiveSize the archive's length, so that offsets in {@code tail} can be turned into archive offsets
     * @param source to read the ZIP64 record when it lies before the tail, and the first bytes when no EOCD is found
     * @throws UnsafeArchiveException {@link Reason#NOT_A_ZIP} with no EOCD; {@link Reason#TRUNCATED} when no EOCD
     *     is found but the file starts as a ZIP does, or the directory is declared beyond the end;
     *     {@link Reason#SPANNED} for a multi-disk archive; {@link Reason#CORRUPT} for a broken ZIP64 record
     */
    static DirectoryLocation find(byte[] tail, long archiveSize, RangeSource source) throws IOException {
        long tailStart = archiveSize - tail.length;
        int eocd = eocdPosition(tail);
        if (eocd < 0) {
            boolean startsAsZip = archiveSize >= 4 && u32(tailStart == 0 ? tail : source.read(0, 4), 0)
                    == LOCAL_HEADER_SIGNATURE;
            throw startsAsZip
                    ? new UnsafeArchiveException(Reason.TRUNCATED, "the archive ends before its central directory")
                    : new UnsafeArchiveException(Reason.NOT_A_ZIP, "no end of central directory record");
        }
        int disk = u16(tail, eocd + 4);
        int directoryDisk = u16(tail, eocd + 6);
        long entriesHere = u16(tail, eocd + 8);
        long entries = u16(tail, eocd + 10);
        long size = u32(tail, eocd + 12);
        long offset = u32(tail, eocd + 16);
        long end = tailStart + eocd;
        int locator = eocd - ZIP64_LOCATOR_LENGTH;
        if (locator >= 0 && (int) u32(tail, locator) == ZIP64_LOCATOR_SIGNATURE) {
            long recordOffset = u64(tail, locator + 8);
            if (u32(tail, locator + 16) > 1) {
                throw new UnsafeArchiveException(Reason.SPANNED, "the archive spans several disks");
            }
            if (recordOffset < 0 || recordOffset > end - ZIP64_LOCATOR_LENGTH - ZIP64_RECORD_LENGTH) {
                throw new UnsafeArchiveException(Reason.CORRUPT, "the ZIP64 record lies outside the archive");
            }
            byte[] record;
            int at;
            if (recordOffset >= tailStart) {
                record = tail;
                at = (int) (recordOffset - tailStart);
            } else {
                record = source.read(recordOffset, ZIP64_RECORD_LENGTH);
                at = 0;
            }
            if ((int) u32(record, at) != ZIP64_RECORD_SIGNATURE) {
                throw new UnsafeArchiveException(Reason.CORRUPT, "no ZIP64 end of central directory record");
            }
            disk = (int) u32(record, at + 16);
            directoryDisk = (int) u32(record, at + 20);
            entriesHere = u64(record, at + 24);
            entries = u64(record, at + 32);
            size = u64(record, at + 40);
            offset = u64(record, at + 48);
            end = recordOffset;
        }
        if (disk != 0 || directoryDisk != 0 || entriesHere != entries) {
            throw new UnsafeArchiveException(Reason.SPANNED, "the archive spans several disks");
        }
        if (offset < 0 || size < 0 || entries < 0) {
            throw new UnsafeArchiveException(Reason.CORRUPT, "the directory's declared size is out of range");
        }
        if (offset > end || size > end - offset) {
            throw new UnsafeArchiveException(Reason.TRUNCATED,
                    "the central directory (" + offset + "+" + size + ") lies beyond its end record at " + end);
        }
        return new DirectoryLocation(offset, size, entries, end);
    }

    /**
     * The EOCD's position in {@code tail}, searching back from the end: the first whose comment length reaches
     * exactly the end wins; failing that, the last one whose comment fits (an archive with bytes appended).
     * A comment that itself contains the signature cannot fool the exact match.
     */
    static int eocdPosition(byte[] tail) {
        int fitting = -1;
        int lowest = Math.max(0, tail.length - MAX_EOCD_SPAN);
        for (int at = tail.length - EOCD_LENGTH; at >= lowest; at--) {
            if (tail[at] == 'P' && tail[at + 1] == 'K' && (int) u32(tail, at) == EOCD_SIGNATURE) {
                int commentEnd = at + EOCD_LENGTH + u16(tail, at + 20);
                if (commentEnd == tail.length) {
                    return at;
                }
                if (commentEnd < tail.length && fitting < 0) {
                    fitting = at;
                }
            }
        }
        return fitting;
    }
}
