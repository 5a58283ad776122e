package ru.rossgram.shared.imports.uploads;

/**
 * How a file is cut into parts for a multipart upload: S3 takes at most {@value #MAX_PARTS} parts, each but the last
 * at least {@value #MIN_PART_SIZE} bytes.
 */
public final class PartSizes {
    public static final int MAX_PARTS = 10_000;
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final long MIB = 1024 * 1024;

    private PartSizes() {
    }

    /**
     * The part size for a file of {@code fileSize} bytes: {@code configured} (never below S3's minimum), raised to
     * the next whole MiB that keeps the file within {@value #MAX_PARTS} parts.
     */
    public static long partSize(long fileSize, long configured) {
        long size = Math.max(MIN_PART_SIZE, configured);
        if (ceilDiv(fileSize, size) > MAX_PARTS) {
            size = ceilDiv(ceilDiv(fileSize, MAX_PARTS), MIB) * MIB;
        }
        return size;
    }

    /** How many parts a file of {@code fileSize} bytes has in parts of {@code partSize}. */
    public static int parts(long fileSize, long partSize) {
        return (int) Math.max(1, ceilDiv(fileSize, partSize));
    }

    /** The length part {@code partNumber} (from 1) must have. */
    public static long sizeOf(int partNumber, long fileSize, long partSize) {
        long start = (partNumber - 1L) * partSize;
        return Math.max(0, Math.min(partSize, fileSize - start));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
