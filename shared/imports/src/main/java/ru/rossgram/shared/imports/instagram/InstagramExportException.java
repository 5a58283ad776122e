package ru.rossgram.shared.imports.instagram;

/**
 * An export that cannot be understood safely. Unchecked because posts and handles are read lazily, inside a
 * {@link java.util.stream.Stream}; the message names the entry so the import's report can show it.
 */
public class InstagramExportException extends RuntimeException {

    private final String entryName;

    public InstagramExportException(String entryName, String message, Throwable cause) {
        super(message, cause);
        this.entryName = entryName;
    }

    /** The archive entry that was being read. */
    public String entryName() {
        return entryName;
    }
}
