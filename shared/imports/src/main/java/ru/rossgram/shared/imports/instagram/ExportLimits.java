package ru.rossgram.shared.imports.instagram;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Bounds on what reading an export may cost, whatever the archive claims.
 *
 * @param maxJsonBytes    the largest JSON file read; a larger one is refused with {@link ExportFileTooLargeException}
 * @param maxEntryBytes   the largest single entry (one post, one follower) turned into a tree; a larger one is refused
 *                        with {@link MalformedExportException} (a real post with 20 photos and a full caption is a few
 *                        kilobytes)
 * @param maxStringChars  the longest string value in that JSON (captions are at most 2,200 characters on Instagram)
 * @param maxNestingDepth the deepest nesting of objects and arrays (real files nest about 8 deep)
 */
public record ExportLimits(long maxJsonBytes, long maxEntryBytes, int maxStringChars, int maxNestingDepth) {

    /** 64 MiB of JSON holds well over 100,000 posts or 400,000 follower entries per file; 1 MiB per post. */
    public static final ExportLimits DEFAULT = new ExportLimits(64L * 1024 * 1024, 1024 * 1024, 1_000_000, 64);

    public ExportLimits {
        if (maxJsonBytes <= 0 || maxEntryBytes <= 0 || maxStringChars <= 0 || maxNestingDepth <= 0) {
            throw new IllegalArgumentException("Export limits must be positive");
        }
    }

    StreamReadConstraints streamConstraints() {
        return StreamReadConstraints.builder()
                .maxStringLength(maxStringChars)
                .maxNestingDepth(maxNestingDepth)
                .maxNameLength(Math.min(maxStringChars, 50_000))
                .build();
    }
}
