package ru.rossgram.shared.imports.instagram;

import java.util.stream.Stream;

/**
 * A part of the export read lazily from its files each time it is opened, so memory stays bounded by one entry
 * (one post, one handle) whatever the file's length, and a resumed step can open it again and skip what is done.
 *
 * @param <T> a post or a handle
 */
@FunctionalInterface
public interface ExportStream<T> {

    /**
     * Opens the files and streams their entries in the export's order. Close the stream (try-with-resources): it holds
     * an open file.
     *
     * @throws ExportFileTooLargeException while streaming, when a file is over the limit
     * @throws MalformedExportException    while streaming, when a file is not readable JSON
     */
    Stream<T> open();

    static <T> ExportStream<T> empty() {
        return Stream::empty;
    }
}
