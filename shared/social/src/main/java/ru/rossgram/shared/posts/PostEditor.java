package ru.rossgram.shared.posts;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** The author changes a post's caption (its tags follow) and alt texts. */
@Singleton
public class PostEditor {
    private final PostRepository posts;
    private final PostViews views;
    private final List<PostSideEffects> sideEffects;

    public PostEditor(PostRepository posts, PostViews views, List<PostSideEffects> sideEffects) {
        this.posts = posts;
        this.views = views;
        this.sideEffects = List.copyOf(sideEffects);
    }

    /**
     * @throws ProblemException 400 for invalid fields or an empty edit; 404 when there is no such post or the
     *         caller is not its author (others learn nothing of posts they cannot edit); 409 {@code concurrent-update}
     */
    public PostView edit(Caller caller, String postId, PostEdit edit) {
        String id = PostRules.postId(postId);
        if (edit.caption() == null && edit.altTexts() == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "Send at least one of caption, altTexts.");
        }
        Post current = posts.find(id).filter(p -> p.isAuthor(caller.userId())).orElseThrow(PostRules::notFound);
        String caption = edit.caption() == null ? current.caption() : PostRules.caption(edit.caption());
        List<Photo> photos = current.photos();
        if (edit.altTexts() != null) {
            List<String> altTexts = PostRules.altTexts(edit.altTexts(), photos.size());
            List<Photo> changed = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                changed.add(new Photo(photos.get(i).uploadId(), altTexts.get(i), photos.get(i).result()));
            }
            photos = changed;
        }
        CaptionTags tags = CaptionTags.in(caption);
        Post changed = current.withText(caption, tags.hashtags(), tags.mentions(), photos);
        posts.updateText(changed, current.version());
        if (current.status() == PostStatus.PUBLISHED && !java.util.Objects.equals(current.caption(), caption)) {
            sideEffects.forEach(effect -> effect.edited(current, changed));
        }
        // Re-read: a photo may have finished processing meanwhile, and the answer should show it.
        return views.of(posts.find(id).orElseThrow(PostRules::notFound), caller.userId());
    }
}
