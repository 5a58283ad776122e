package ru.rossgram.shared.imports.zip;

/**
 * What an archive may declare before it is refused. The defaults fit an Instagram export (tens of thousands of
 * entries, photos of a few MB, videos under a GB, JSON files of a few MB) with room to spare, and bound what
 * a hostile archive can make us hold or inflate.
 *
 * @param maxEntries entries in one archive; default 200,000 (a 10-year account with 20,000 posts and carousels
 *     is well under 100,000 files)
 * @param maxCentralDirectoryBytes the central directory, read in one piece and held while the archive is open;
 *     default 32 MiB (200,000 entries with 100-byte names take about 26 MB)
 * @param maxEntryBytes the declared uncompressed size of one entry; default 4 GiB (a long video; a JSON file is
 *     bounded far lower by whoever parses it)
 * @param maxCompressionRatio uncompressed bytes per compressed byte; default 200 (JSON deflates 5 to 20 times,
 *     media not at all; DEFLATE's own maximum is about 1,032)
 * @param ratioFloorBytes the ratio is only enforced past this many uncompressed bytes, so that a small, very
 *     regular file is not refused; default 1 MiB
 * @param bufferBytes the buffer of each open entry (compressed input) and the largest read ahead; default 64 KiB
 */
public record ZipLimits(int maxEntries, int maxCentralDirectoryBytes, long maxEntryBytes, int maxCompressionRatio,
        long ratioFloorBytes, int bufferBytes) {

    public ZipLimits {
        if (maxEntries < 1 || maxCentralDirectoryBytes < 46 || maxEntryBytes < 0 || maxCompressionRatio < 1
                || ratioFloorBytes < 0 || bufferBytes < 512) {
            throw new IllegalArgumentException("ZIP limits out of range");
        }
    }

    /** @return the documented defaults */
    public static ZipLimits defaults() {
        return new ZipLimits(200_000, 32 << 20, 4L << 30, 200, 1L << 20, 64 << 10);
    }

    public ZipLimits withMaxEntries(int value) {
        return new ZipLimits(value, maxCentralDirectoryBytes, maxEntryBytes, maxCompressionRatio, ratioFloorBytes,
                bufferBytes);
    }

    public ZipLimits withMaxCentralDirectoryBytes(int value) {
        return new ZipLimits(maxEntries, value, maxEntryBytes, maxCompressionRatio, ratioFloorBytes, bufferBytes);
    }

    public ZipLimits withMaxEntryBytes(long value) {
        return new ZipLimits(maxEntries, maxCentralDirectoryBytes, value, maxCompressionRatio, ratioFloorBytes,
                bufferBytes);
    }

    public ZipLimits withMaxCompressionRatio(int ratio, long floorBytes) {
        return new ZipLimits(maxEntries, maxCentralDirectoryBytes, maxEntryBytes, ratio, floorBytes, bufferBytes);
    }
}
