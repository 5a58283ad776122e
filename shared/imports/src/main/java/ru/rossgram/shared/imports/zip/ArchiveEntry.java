package ru.rossgram.shared.imports.zip;

/**
 * One file or folder of an archive as its central directory describes it. The sizes and CRC are the central
 * directory's (ZIP64 values applied), which is why entries written with a data descriptor read like any other.
 *
 * @param name the path inside the archive, {@code /}-separated, already checked to be relative and free of
 *     {@code ..} segments
 * @param method 0 for STORED, 8 for DEFLATE; anything else is refused when the entry is opened
 * @param flags the general purpose bit flag (bit 0: encrypted, bit 3: data descriptor, bit 11: UTF-8 name)
 * @param crc32 the declared CRC-32 of the uncompressed bytes
 * @param compressedSize the bytes the entry occupies after its local header
 * @param size the declared uncompressed size
 * @param localHeaderOffset where the entry's local header begins
 * @param spanEnd where the next entry, or the central directory, begins: the entry's bytes never reach past it
 * @param dosDateTime the central directory's last-modified date (high 16 bits) and time (low 16 bits), MS-DOS style
 */
public record ArchiveEntry(String name, int method, int flags, long crc32, long compressedSize, long size,
        long localHeaderOffset, long spanEnd, long dosDateTime) {

    static final int STORED = 0;
    static final int DEFLATED = 8;

    /** @return whether this is a folder (its name ends with {@code /}) */
    public boolean isDirectory() {
        return name.endsWith("/");
    }

    /**
     * When the entry was last modified, read as UTC (an MS-DOS time has no zone; Instagram's exports are written on
     * its servers); empty when the field holds no valid date.
     */
    public java.util.Optional<java.time.Instant> modifiedAt() {
        int date = (int) (dosDateTime >>> 16);
        int time = (int) (dosDateTime & 0xFFFF);
        try {
            return java.util.Optional.of(java.time.LocalDateTime.of(1980 + (date >>> 9), (date >>> 5) & 0x0F,
                    date & 0x1F, time >>> 11, (time >>> 5) & 0x3F, Math.min(59, (time & 0x1F) * 2))
                    .toInstant(java.time.ZoneOffset.UTC));
        } catch (java.time.DateTimeException notADate) {
            return java.util.Optional.empty();
        }
    }

    /** @return whether the encryption flag is set */
    public boolean isEncrypted() {
        return (flags & 1) != 0;
    }
}
