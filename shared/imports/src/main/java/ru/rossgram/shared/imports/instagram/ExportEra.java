package ru.rossgram.shared.imports.instagram;

/** Which of Instagram's export layouts an archive follows (docs/instagram-import.md describes each). */
public enum ExportEra {
    /** 2018's first GDPR export: {@code media.json} with {@code photos[]} and {@code videos[]}. */
    MEDIA_JSON_2018,
    /** 2021 to 2023: {@code content/posts_1.json}, {@code content/archived_posts.json}. */
    CONTENT_2021_2023,
    /** 2024 and 2025: {@code your_instagram_activity/content/} or {@code your_instagram_activity/media/}. */
    ACTIVITY_2024_2025,
    /** Posts found by name, but in a folder no known era uses: read the same way. */
    UNRECOGNISED_JSON,
    /** An HTML export: no JSON to read, the user must request a JSON export. */
    HTML,
    /** Neither posts nor HTML pages: nothing to import (followers and the owner's name may still be there). */
    NO_POSTS
}
