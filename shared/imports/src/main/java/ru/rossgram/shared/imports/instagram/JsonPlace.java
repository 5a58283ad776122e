package ru.rossgram.shared.imports.instagram;

/**
 * Where a file's entries sit.
 *
 * @param kind  how to find them
 * @param field the field holding them, for {@link Kind#ARRAY_FIELD} and {@link Kind#OBJECT_KEYS}
 */
record JsonPlace(Kind kind, String field) {

    enum Kind {
        /** A top-level array ({@code followers_1.json}), or the first array inside a top-level object
         * ({@code {"relationships_following": [...]}}, {@code {"ig_archived_post_media": [...]}}). */
        FIRST_ARRAY,
        /** The array in one field of the top-level object (2018's {@code media.json}: {@code photos}). */
        ARRAY_FIELD,
        /** The keys of an object in one field of the top-level object (2018's {@code connections.json}). */
        OBJECT_KEYS
    }

    static final JsonPlace FIRST_ARRAY = new JsonPlace(Kind.FIRST_ARRAY, null);

    static JsonPlace arrayField(String field) {
        return new JsonPlace(Kind.ARRAY_FIELD, field);
    }

    static JsonPlace objectKeys(String field) {
        return new JsonPlace(Kind.OBJECT_KEYS, field);
    }
}
