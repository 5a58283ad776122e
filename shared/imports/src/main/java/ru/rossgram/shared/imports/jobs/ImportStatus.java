package ru.rossgram.shared.imports.jobs;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an import is: the app uploads the export's files ({@code uploading}), says it finished and the files are
 * assembled ({@code queued}), the steps read it ({@code running}), and it ends {@code completed} or {@code failed}
 * (a hostile or unreadable archive, an HTML export; the report says why).
 */
public enum ImportStatus {
    UPLOADING, QUEUED, RUNNING, COMPLETED, FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }

    public static Optional<ImportStatus> fromWire(String wire) {
        for (ImportStatus status : values()) {
            if (status.wire().equals(wire)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
