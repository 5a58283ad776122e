package ru.rossgram.shared.imports.steps;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.imports.instagram.ExportSource;

/**
 * An import's ZIP files, opened where they lie, seen as one export; and a check of what an entry declares, so that
 * the scan refuses a photo that would be refused when read (a declared zip bomb) before anything is written.
 */
public final class ArchivedExport implements ExportSource {
    private final List<ZipExportSource> parts;
    private final ExportSource combined;

    ArchivedExport(List<ZipExportSource> parts) {
        this.parts = List.copyOf(parts);
        this.combined = ExportSource.combined(parts);
    }

    /**
     * Refuses {@code entryName} if its declared sizes, method or encryption would refuse it when opened.
     *
     * @throws ru.rossgram.shared.imports.zip.UnsafeArchiveException naming the rule
     */
    public void checkOpenable(String entryName) throws IOException {
        for (ZipExportSource part : parts) {
            if (part.holds(entryName)) {
                part.checkOpenable(entryName);
                return;
            }
        }
    }

    @Override
    public Collection<String> entryNames() {
        return combined.entryNames();
    }

    @Override
    public InputStream open(String entryName) throws IOException {
        return combined.open(entryName);
    }

    @Override
    public long declaredSize(String entryName) {
        return combined.declaredSize(entryName);
    }

    @Override
    public Optional<Instant> modifiedAt(String entryName) {
        return combined.modifiedAt(entryName);
    }
}
