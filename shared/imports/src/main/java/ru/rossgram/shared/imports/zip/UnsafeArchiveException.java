package ru.rossgram.shared.imports.zip;

import java.io.IOException;

/**
 * An archive, or one of its entries, that is refused: not a ZIP, damaged, or built to hurt its reader. The import
 * turns it into a failed state with {@link #reason()}; nothing is read past the point where it was detected.
 * An {@link IOException} so that it surfaces through {@code InputStream.read} like any other read failure.
 */
public final class UnsafeArchiveException extends IOException {

    /** Why an archive or entry is refused, in words an import report can show. */
    public enum Reason {
        /** No end of central directory record: a renamed file, or an HTML page saved as {@code .zip}. */
        NOT_A_ZIP,
        /** The archive ends before a structure it declares (cut-off upload, partial download). */
        TRUNCATED,
        /** A structure that contradicts itself or another (wrong signature, counts that disagree). */
        CORRUPT,
        /** A split (multi-disk) archive: Instagram's several ZIPs are independent, never spanned. */
        SPANNED,
        /** The central directory is larger than {@link ZipLimits#maxCentralDirectoryBytes()}. */
        DIRECTORY_TOO_LARGE,
        /** More entries than {@link ZipLimits#maxEntries()}. */
        TOO_MANY_ENTRIES,
        /** A name with {@code ..} segments, an absolute path, a backslash, a drive letter or a NUL. */
        UNSAFE_PATH,
        /** Two entries with the same name: which one an importer reads would depend on its order. */
        DUPLICATE_ENTRY,
        /** Entries whose bytes overlap (one compressed stream claimed by several entries: a non-recursive bomb). */
        OVERLAPPING_ENTRIES,
        /** The encryption flag is set. */
        ENCRYPTED,
        /** A compression method other than STORED (0) or DEFLATE (8). */
        UNSUPPORTED_METHOD,
        /** A declared uncompressed size above {@link ZipLimits#maxEntryBytes()}. */
        ENTRY_TOO_LARGE,
        /** A declared size past {@link ZipLimits#maxCompressionRatio()} times the compressed size: a zip bomb. */
        COMPRESSION_RATIO,
        /** More or fewer bytes than the central directory declares (a bomb lying about its size stops here). */
        SIZE_MISMATCH,
        /** The bytes read do not have the CRC-32 the central directory declares. */
        CRC_MISMATCH
    }

    private final Reason reason;

    public UnsafeArchiveException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public UnsafeArchiveException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    /** @return why the archive or entry was refused */
    public Reason reason() {
        return reason;
    }
}
