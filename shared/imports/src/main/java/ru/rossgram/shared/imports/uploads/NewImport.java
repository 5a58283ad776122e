package ru.rossgram.shared.imports.uploads;

import java.util.List;

/** {@code POST /v1/imports}: the export's ZIP files, each by its length in bytes, in the export's order. */
public record NewImport(List<NewFile> files) {

    /** One ZIP of the export. */
    public record NewFile(Long size) {
    }
}
