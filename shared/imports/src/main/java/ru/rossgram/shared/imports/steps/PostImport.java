package ru.rossgram.shared.imports.steps;

import java.util.List;
import ru.rossgram.shared.imports.instagram.ExportSource;
import ru.rossgram.shared.imports.instagram.ExportedPost;
import ru.rossgram.shared.imports.jobs.PostOutcome;

/** Turns one post of the export into Rossgram post(s): what a post step asks of the post importer. */
public interface PostImport {

    /**
     * Imports {@code post} for {@code userId}, reading its photos from {@code source}. Idempotent: a post imported
     * before (a retried step, a second import of the same export) answers {@code ALREADY_IMPORTED} and adds nothing.
     *
     * @return one outcome per Rossgram post (a long carousel is split into parts), never empty
     */
    List<PostOutcome> importPost(String userId, ExportedPost post, ExportSource source);
}
