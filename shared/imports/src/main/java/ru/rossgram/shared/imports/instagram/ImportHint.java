package ru.rossgram.shared.imports.instagram;

/** What the import should do with a post, judged from the export alone (the photo's bytes may still fail it). */
public enum ImportHint {
    /** Import every media: photos, or files whose kind only their bytes can tell. */
    IMPORT(null),
    /** Import the photos; the post's videos are left out. */
    IMPORT_WITHOUT_VIDEOS("videos in this post are not imported: Rossgram is photos only"),
    /** Nothing to import: every media is a video or a reel. */
    SKIP_VIDEOS_ONLY("videos and reels are not imported: Rossgram is photos only"),
    /** The export lists no media file for this post. */
    SKIP_NO_MEDIA("the export lists no photo for this post");

    private final String reason;

    ImportHint(String reason) {
        this.reason = reason;
    }

    /** The sentence the import's report shows, or {@code null} for a plain import. */
    public String reason() {
        return reason;
    }
}
