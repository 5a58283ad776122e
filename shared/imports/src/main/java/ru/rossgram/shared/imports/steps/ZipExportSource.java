package ru.rossgram.shared.imports.steps;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.imports.instagram.ExportSource;
import ru.rossgram.shared.imports.zip.ArchiveEntry;
import ru.rossgram.shared.imports.zip.RangedZip;

/** One ZIP file of an export, read where it lies, as the export reader sees its files. Folders are left out. */
final class ZipExportSource implements ExportSource {
    private final RangedZip zip;
    private final List<String> names;

    ZipExportSource(RangedZip zip) {
        this.zip = zip;
        this.names = zip.entries().stream().filter(e -> !e.isDirectory()).map(ArchiveEntry::name).toList();
    }

    @Override
    public Collection<String> entryNames() {
        return names;
    }

    /** @throws ru.rossgram.shared.imports.zip.UnsafeArchiveException when the entry is refused (see RangedZip#open) */
    @Override
    public InputStream open(String entryName) throws IOException {
        ArchiveEntry entry = zip.entry(entryName).orElseThrow(() -> new IOException("no entry " + entryName));
        return zip.open(entry);
    }

    /** Whether this file holds the entry. */
    boolean holds(String entryName) {
        return zip.entry(entryName).isPresent();
    }

    /** @throws ru.rossgram.shared.imports.zip.UnsafeArchiveException when opening the entry would be refused */
    void checkOpenable(String entryName) throws IOException {
        ArchiveEntry entry = zip.entry(entryName).orElseThrow(() -> new IOException("no entry " + entryName));
        zip.checkOpenable(entry);
    }

    @Override
    public long declaredSize(String entryName) {
        return zip.entry(entryName).map(ArchiveEntry::size).orElse(-1L);
    }

    @Override
    public Optional<Instant> modifiedAt(String entryName) {
        return zip.entry(entryName).flatMap(ArchiveEntry::modifiedAt);
    }
}
