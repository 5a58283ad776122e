package ru.rossgram.shared.imports.instagram;

/** A JSON file of the export is not JSON, is truncated, breaks a limit on its strings or nesting, or cannot be read. */
public class MalformedExportException extends InstagramExportException {

    public MalformedExportException(String entryName, String message, Throwable cause) {
        super(entryName, entryName + ": " + message, cause);
    }
}
