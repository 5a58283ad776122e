package ru.rossgram.shared.imports.posts;

import java.time.Instant;
import ru.rossgram.shared.config.IdGenerator;

/**
 * The ids of what an import makes, derived from what each thing stands for ({@link IdGenerator#derivedId}): a retried
 * step or a second import of the same export computes the same ids, so its conditional creates add nothing. Their
 * time part is the post's original date, which puts the post in the author's grid (sorted by post id) where it was
 * first posted.
 */
final class ImportIds {

    private ImportIds() {
    }

    /**
     * The post made of part {@code part} of export post {@code exportPostId}. Part {@code n} of a split carousel sorts
     * {@code n} milliseconds before the date, so the grid, newest first, shows the parts in carousel order.
     */
    static String postId(String userId, String exportPostId, int part, Instant takenAt) {
        return IdGenerator.derivedId(takenAt.minusMillis(part), "imported-post", userId, exportPostId, Integer.toString(part));
    }

    /** The upload of the export post's media number {@code mediaIndex} (its place in the export's carousel). */
    static String uploadId(String userId, String exportPostId, int part, int mediaIndex, Instant takenAt) {
        return IdGenerator.derivedId(takenAt.minusMillis(part), "imported-photo", userId, exportPostId,
                Integer.toString(part), Integer.toString(mediaIndex));
    }

    /** Which of the posts a long carousel is split into holds its {@code keptIndex}-th imported photo (from 0). */
    static int partOf(int keptIndex, int photosPerPost) {
        return keptIndex / photosPerPost;
    }
}
