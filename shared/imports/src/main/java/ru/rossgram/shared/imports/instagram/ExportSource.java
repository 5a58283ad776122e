package ru.rossgram.shared.imports.instagram;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one export, however they are stored: entries of one or several ZIP files read where they lie, or a
 * map in a test. Names are paths inside the archive with {@code /} separators, as the ZIP's central directory spells
 * them.
 */
public interface ExportSource {

    /** Every entry's name; directories may be left out. */
    Collection<String> entryNames();

    /**
     * Opens one entry for reading from its start.
     *
     * @throws IOException when the entry cannot be read (the caller closes the stream)
     */
    InputStream open(String entryName) throws IOException;

    /**
     * The size the archive declares for an entry, so a file over the limit is refused before a byte is read;
     * {@code -1} when unknown. The declared size may lie: reading stays capped whatever it says.
     */
    default long declaredSize(String entryName) {
        return -1;
    }

    /**
     * When the archive says the entry was last modified, the last stand-in for a photo's date when neither the
     * export nor the photo's EXIF gives one; empty when the source cannot tell (a ZIP's DOS time has no zone, so a
     * source that gives it says how it read it).
     */
    default Optional<Instant> modifiedAt(String entryName) {
        return Optional.empty();
    }

    /**
     * One export split over several ZIP files (Instagram splits large exports, each part with its own top folder):
     * their entries seen as one. A name present in several parts is read from the first.
     */
    static ExportSource combined(List<? extends ExportSource> parts) {
        Map<String, ExportSource> owner = new LinkedHashMap<>();
        for (ExportSource part : parts) {
            for (String name : part.entryNames()) {
                owner.putIfAbsent(name, part);
            }
        }
        List<String> names = List.copyOf(owner.keySet());
        return new ExportSource() {
            @Override
            public Collection<String> entryNames() {
                return names;
            }

            @Override
            public InputStream open(String entryName) throws IOException {
                ExportSource part = owner.get(entryName);
                if (part == null) {
                    throw new IOException("No entry " + entryName + " in any part of the export");
                }
                return part.open(entryName);
            }

            @Override
            public long declaredSize(String entryName) {
                ExportSource part = owner.get(entryName);
                return part == null ? -1 : part.declaredSize(entryName);
            }

            @Override
            public Optional<Instant> modifiedAt(String entryName) {
                ExportSource part = owner.get(entryName);
                return part == null ? Optional.empty() : part.modifiedAt(entryName);
            }
        };
    }
}
