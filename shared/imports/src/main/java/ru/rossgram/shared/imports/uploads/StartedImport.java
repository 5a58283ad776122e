package ru.rossgram.shared.imports.uploads;

import java.util.List;

/** The answer to {@code POST /v1/imports}: where to send each file's parts. */
public record StartedImport(String importId, String status, List<FileUpload> files) {

    /**
     * One file's upload: {@code partCount} parts of {@code partSize} bytes (the last shorter), with URLs for the first
     * of them ({@code parts}); {@code GET .../files/{index}/parts} gives URLs for the rest.
     */
    public record FileUpload(int index, long size, long partSize, int partCount, List<ExportStorage.PartUrl> parts) {
    }
}
