package ru.rossgram.shared.imports.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartSizesTest {
    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;

    @Test
    void aFileOfAFewGigabytes_isCutIntoTheConfiguredParts() {
        assertEquals(16 * MIB, PartSizes.partSize(4 * GIB, 16 * MIB));
        assertEquals(256, PartSizes.parts(4 * GIB, 16 * MIB));
    }

    @Test
    void aPartSizeBelowS3sMinimum_isRaisedToIt() {
        assertEquals(5 * MIB, PartSizes.partSize(100 * MIB, MIB));
    }

    @Test
    void aFileThatWouldNeedMoreThanTenThousandParts_getsLargerParts() {
        long size = PartSizes.partSize(200 * GIB, 16 * MIB);
        assertEquals(21 * MIB, size, "the next whole MiB above 200 GiB / 10,000");
        assertTrue(PartSizes.parts(200 * GIB, size) <= PartSizes.MAX_PARTS);
        assertEquals(5 * MIB, PartSizes.partSize(50_000 * MIB, 5 * MIB), "exactly 10,000 parts is allowed");
    }

    @Test
    void everyPartButTheLast_hasThePartSize_andTheLastTheRest() {
        long file = 12 * MIB + 7;
        assertEquals(3, PartSizes.parts(file, 5 * MIB));
        assertEquals(5 * MIB, PartSizes.sizeOf(1, file, 5 * MIB));
        assertEquals(5 * MIB, PartSizes.sizeOf(2, file, 5 * MIB));
        assertEquals(2 * MIB + 7, PartSizes.sizeOf(3, file, 5 * MIB));
        assertEquals(1, PartSizes.parts(1, 5 * MIB));
        assertEquals(1, PartSizes.sizeOf(1, 1, 5 * MIB));
    }
}
