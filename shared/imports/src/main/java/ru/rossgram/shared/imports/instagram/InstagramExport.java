package ru.rossgram.shared.imports.instagram;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an Instagram "Download your information" export holds, understood whatever its era. Posts and handles are
 * streamed from the archive when opened, never held as lists.
 *
 * @param ownerUsername the Instagram username of the export's owner, when the export names it
 * @param era           the layout found
 * @param posts         published posts, then archived ones, then reels and IGTV videos (reported as skipped)
 * @param followers     lowercase handles of the owner's followers, every {@code followers_N.json} in turn
 * @param following     lowercase handles of the accounts the owner follows
 * @param followerFiles  the same as {@code followers}, one stream per file, so a resumed step opens the file it
 *                       stopped in instead of reading every file before it again
 * @param followingFiles likewise for {@code following}
 */
public record InstagramExport(Optional<String> ownerUsername, ExportEra era, ExportStream<ExportedPost> posts,
                              ExportStream<String> followers, ExportStream<String> following,
                              List<ExportStream<String>> followerFiles, List<ExportStream<String>> followingFiles) {

    /** What the import tells a user who uploaded an HTML export. */
    public static final String HTML_EXPORT_MESSAGE =
            "HTML export: ask for a JSON export (Instagram, Accounts Center, Download your information, format JSON)";

    public InstagramExport {
        Objects.requireNonNull(ownerUsername, "ownerUsername");
        Objects.requireNonNull(era, "era");
        Objects.requireNonNull(posts, "posts");
        Objects.requireNonNull(followers, "followers");
        Objects.requireNonNull(following, "following");
        followerFiles = List.copyOf(followerFiles);
        followingFiles = List.copyOf(followingFiles);
    }

    /** An export whose lists are each one stream (one file, or files the source does not tell apart). */
    public InstagramExport(Optional<String> ownerUsername, ExportEra era, ExportStream<ExportedPost> posts,
                           ExportStream<String> followers, ExportStream<String> following) {
        this(ownerUsername, era, posts, followers, following, List.of(followers), List.of(following));
    }

    /** Whether this is an HTML export, which holds no JSON to import: ask for {@link #HTML_EXPORT_MESSAGE}. */
    public boolean htmlOnly() {
        return era == ExportEra.HTML;
    }
}
