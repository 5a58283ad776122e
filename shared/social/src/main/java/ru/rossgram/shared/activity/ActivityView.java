package ru.rossgram.shared.activity;

import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.posts.PostView;
import ru.rossgram.shared.social.UserSummary;

/**
 * One row of {@code GET /v1/me/activity}, as its owner sees it.
 *
 * @param activityId the item's place in the inbox: hand it to {@code POST /v1/me/activity/read} as {@code upTo}
 * @param type       {@link ActivityKind#wire()}
 * @param at         when the latest event it tells of happened
 * @param actor      who did it (likes: the newest liker who still likes; null if none of the newest still does)
 * @param actors     likes only: the newest likers who still like, newest first ("anna, boris and 10 others")
 * @param likes      likes only: how many like the post now, by others
 * @param post       the post it concerns, if any
 * @param comment    the comment it concerns, if any
 * @param amount     purchases, subscribers and pledges: what was paid or pledged
 */
public record ActivityView(String activityId, String type, Instant at, UserSummary actor, List<UserSummary> actors,
                           Long likes, PostRef post, CommentRef comment, Amount amount) {

    /** The post an item points at, with its first photo small. */
    public record PostRef(String postId, PostView.PhotoView thumbnail) {
    }

    /** The comment an item points at, with its text as it stands. */
    public record CommentRef(String commentId, String text) {
    }

    /** Kopecks (minor units) and their currency. */
    public record Amount(long amount, String currency) {
    }
}
