package ru.rossgram.shared.imports.steps;

import com.fasterxml.jackson.core.JacksonException;
import java.util.Locale;
import java.util.Optional;
import ru.rossgram.shared.imports.instagram.InstagramExport;
import ru.rossgram.shared.imports.instagram.InstagramExportException;
import ru.rossgram.shared.imports.zip.ObjectUnavailableException;
import ru.rossgram.shared.imports.zip.UnsafeArchiveException;

/**
 * Why an import cannot go on, as its item shows it: a short code for apps and a detail for people. Only faults of
 * the export itself are failures; storage or database faults are not, so the platform retries their step.
 *
 * @param code   {@code unsafe-archive}, {@code unreadable-export}, {@code export-unavailable} or {@code html-export}
 * @param detail which rule, which entry
 */
public record ImportFailure(String code, String detail) {

    public static final ImportFailure HTML_EXPORT = new ImportFailure("html-export", InstagramExport.HTML_EXPORT_MESSAGE);

    /**
     * The failure {@code fault} means, looking through its causes (the export's JSON reader wraps what the ZIP
     * reader refused).
     *
     * @return empty when the fault is not the export's (a network or database fault: retry the step)
     */
    public static Optional<ImportFailure> of(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause()) {
            if (t instanceof UnsafeArchiveException unsafe) {
                return Optional.of(new ImportFailure("unsafe-archive",
                        unsafe.reason().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + afterReason(unsafe)));
            }
            if (t instanceof ObjectUnavailableException gone) {
                return Optional.of(new ImportFailure("export-unavailable",
                        "the uploaded file is gone or was replaced while it was read: " + gone.getMessage()));
            }
        }
        if (fault instanceof InstagramExportException export && !transientCause(export)) {
            return Optional.of(new ImportFailure("unreadable-export", export.entryName() + ": " + export.getMessage()));
        }
        return Optional.empty();
    }

    /** A JSON file the reader could not parse is the export's fault; an I/O error under it is storage's. */
    private static boolean transientCause(InstagramExportException export) {
        Throwable cause = export.getCause();
        return cause instanceof java.io.IOException && !(cause instanceof JacksonException);
    }

    private static String afterReason(UnsafeArchiveException unsafe) {
        String message = unsafe.getMessage();
        String prefix = unsafe.reason() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
