package ru.rossgram.shared.imports.instagram;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the export's JSON files with Jackson's streaming parser: one entry (a post, a follower) becomes a small tree at
 * a time, never a whole file. Every file is capped at {@link ExportLimits#maxJsonBytes()}, its strings and nesting by
 * the other limits.
 */
final class ExportJson {

    /** One run of entries in one file, and what each entry becomes ({@code null} to leave it out). */
    record Section<T>(String entryName, JsonPlace place, Function<JsonNode, T> mapper) {
    }

    private final ExportSource source;
    private final ExportLimits limits;
    private final ObjectMapper mapper;

    /** @param mapper made by {@link #mapperFor}, once per reader */
    ExportJson(ExportSource source, ExportLimits limits, ObjectMapper mapper) {
        this.source = source;
        this.limits = limits;
        this.mapper = mapper;
    }

    /** A mapper whose parsers enforce the limits on strings and nesting. */
    static ObjectMapper mapperFor(ExportLimits limits) {
        return new ObjectMapper(JsonFactory.builder().streamReadConstraints(limits.streamConstraints()).build());
    }

    /** The sections' entries one after another, each file opened when reached and closed when done. */
    <T> Stream<T> stream(List<Section<T>> sections) {
        SectionsIterator<T> entries = new SectionsIterator<>(sections);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(entries,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(entries::close);
    }

    /**
     * The first value of a field with this name (any case, any depth): a string, or an object's {@code value} string
     * ({@code "Username": {"value": "name"}}).
     */
    Optional<String> firstValueOf(String entryName, String fieldName) {
        CappedInputStream[] capped = new CappedInputStream[1];
        try (JsonParser parser = open(entryName, stream -> capped[0] = stream)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME || !fieldName.equalsIgnoreCase(parser.currentName())) {
                    continue;
                }
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    return Optional.of(parser.getText());
                }
                if (value == JsonToken.START_OBJECT) {
                    capped[0].startEntry();
                    JsonNode node = mapper.readTree(parser);
                    if (node.path("value").isTextual()) {
                        return Optional.of(node.path("value").asText());
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw malformed(entryName, e);
        }
    }

    private static MalformedExportException malformed(String entryName, IOException e) {
        String message = e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
        return new MalformedExportException(entryName, "not readable JSON: " + message, e);
    }

    /** Opens a file capped at the limits; {@code cap} receives the capped stream, to mark where entries begin. */
    private JsonParser open(String entryName, Consumer<CappedInputStream> cap) throws IOException {
        long declared = source.declaredSize(entryName);
        if (declared > limits.maxJsonBytes()) {
            throw new ExportFileTooLargeException(entryName, limits.maxJsonBytes());
        }
        CappedInputStream capped = new CappedInputStream(source.open(entryName), entryName, limits.maxJsonBytes(),
                limits.maxEntryBytes());
        cap.accept(capped);
        try {
            return mapper.getFactory().createParser(capped);
        } catch (IOException | RuntimeException e) {
            capped.close();
            throw e;
        }
    }

    /** Walks the sections, holding one open parser at most. */
    private final class SectionsIterator<T> implements Iterator<T>, AutoCloseable {
        private final Iterator<Section<T>> sections;
        private Section<T> section;
        private JsonParser parser;
        private CappedInputStream capped;
        private boolean inEntries;
        private T next;

        SectionsIterator(List<Section<T>> sections) {
            this.sections = List.copyOf(sections).iterator();
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (parser == null && !openNextSection()) {
                    return false;
                }
                JsonNode entry = readEntry();
                if (entry == null) {
                    close();
                } else {
                    next = section.mapper().apply(entry);
                }
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T result = next;
            next = null;
            return result;
        }

        private boolean openNextSection() {
            if (!sections.hasNext()) {
                return false;
            }
            section = sections.next();
            try {
                parser = open(section.entryName(), stream -> capped = stream);
                inEntries = positionAtEntries();
            } catch (IOException e) {
                close();
                throw malformed(e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            return true;
        }

        private boolean positionAtEntries() throws IOException {
            JsonToken top = parser.nextToken();
            JsonPlace place = section.place();
            if (top == JsonToken.START_ARRAY && place.kind() == JsonPlace.Kind.FIRST_ARRAY) {
                return true;
            }
            if (top != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean wanted = place.kind() == JsonPlace.Kind.FIRST_ARRAY || place.field().equals(field);
                if (wanted && value == JsonToken.START_ARRAY && place.kind() != JsonPlace.Kind.OBJECT_KEYS) {
                    return true;
                }
                if (wanted && value == JsonToken.START_OBJECT && place.kind() == JsonPlace.Kind.OBJECT_KEYS) {
                    return true;
                }
                parser.skipChildren();
            }
            return false;
        }

        /** The next entry as a small tree, or {@code null} at the section's end. */
        private JsonNode readEntry() {
            if (!inEntries) {
                return null;
            }
            try {
                if (section.place().kind() == JsonPlace.Kind.OBJECT_KEYS) {
                    if (parser.nextToken() != JsonToken.FIELD_NAME) {
                        return null;
                    }
                    String key = parser.currentName();
                    parser.nextToken();
                    parser.skipChildren();
                    return TextNode.valueOf(key);
                }
                capped.startEntry();
                JsonToken token = parser.nextToken();
                if (token == null) {
                    throw new MalformedExportException(section.entryName(), "ends in the middle of its entries", null);
                }
                return token == JsonToken.END_ARRAY ? null : mapper.readTree(parser);
            } catch (IOException e) {
                close();
                throw malformed(e);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        private MalformedExportException malformed(IOException e) {
            return ExportJson.malformed(section.entryName(), e);
        }

        @Override
        public void close() {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // closing a read-only stream loses nothing
                }
                parser = null;
            }
            capped = null;
            inEntries = false;
        }
    }
}
