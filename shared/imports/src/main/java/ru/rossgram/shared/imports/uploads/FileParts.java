package ru.rossgram.shared.imports.uploads;

import java.util.List;

/**
 * A file's upload as storage holds it: the parts stored so far ({@code stored}), and fresh URLs for parts still
 * missing or stored with the wrong length ({@code missing}, at most a page of them: ask again after sending them).
 * {@code uploaded} is true once the file has been assembled (the import was completed).
 */
public record FileParts(int index, long size, long partSize, int partCount, boolean uploaded,
                        List<ExportStorage.StoredPart> stored, int missingCount, List<ExportStorage.PartUrl> missing) {
}
