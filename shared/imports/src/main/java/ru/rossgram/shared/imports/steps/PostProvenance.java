package ru.rossgram.shared.imports.steps;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import ru.rossgram.shared.imports.jobs.Import;
import ru.rossgram.shared.imports.jobs.PostOutcome;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.uploads.UploadRepository;

/**
 * Which import made a post that the importer found already there. Storage events come at least once, so two
 * deliveries of one step may run at once: the one that creates a post reports it imported, and the other finds it
 * made and would report it already imported, whichever writes its report line first. A post this import made has
 * photos recorded after the import began (its uploads' {@code createdAt}); a post of an earlier import of the same
 * export has photos recorded before. Read only for posts found already there: a re-import or a race.
 */
@Singleton
public class PostProvenance {
    private final PostRepository posts;
    private final UploadRepository uploads;

    public PostProvenance(PostRepository posts, UploadRepository uploads) {
        this.posts = posts;
        this.uploads = uploads;
    }

    /** {@code outcomes} with the posts {@code imp} itself made reported imported. */
    public List<PostOutcome> asSeenBy(Import imp, List<PostOutcome> outcomes) {
        List<PostOutcome> seen = new ArrayList<>(outcomes.size());
        for (PostOutcome o : outcomes) {
            boolean ours = o.status() == PostOutcome.Status.ALREADY_IMPORTED && o.postId() != null
                    && madeSince(o.postId(), imp);
            seen.add(ours ? new PostOutcome(o.exportPostId(), o.part(), PostOutcome.Status.IMPORTED, o.reason(),
                    o.postId(), o.takenAt(), o.photos(), o.leftOut()) : o);
        }
        return seen;
    }

    private boolean madeSince(String postId, Import imp) {
        return posts.find(postId).filter(post -> !post.photos().isEmpty())
                .flatMap(post -> uploads.find(post.photos().get(0).uploadId()))
                .map(upload -> !upload.createdAt().isBefore(imp.createdAt()))
                .orElse(false);
    }
}
