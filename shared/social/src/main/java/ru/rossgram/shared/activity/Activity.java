package ru.rossgram.shared.activity;

import java.time.Instant;
import java.util.List;
import ru.rossgram.shared.money.Money;

/**
 * One item of an account's activity inbox, as stored.
 *
 * @param recipientId whose inbox it is in
 * @param kind what happened
 * @param subject what the item is about, which makes it one item per (recipient, kind, subject): a post id (likes,
 *        a caption's mention), a comment id (comment, reply, a comment's mention), an account id (follow, request,
 *        approval, subscriber), a payment id (purchase), {@code <campaignId>#<backerId>} (pledge)
 * @param activityId a ULID of the latest event it tells of: the inbox's order (newest first) and the read marker's
 *        unit; an aggregated like item takes a new one with each like
 * @param actorId who did it (for likes: the newest liker)
 * @param recentActorIds likes only: the newest likers, newest first, at most {@link #RECENT_ACTORS} (a liker who
 *        unliked may still be listed: readers check the like exists)
 * @param likes likes only: the likes this item counts (likes by others, unlikes taken off)
 * @param postId the post it concerns, if any
 * @param commentId the comment it concerns, if any
 * @param text a comment's text (comment, reply, mention in a comment), if any
 * @param amount purchases, subscribers and pledges: what was paid or pledged, if any
 * @param at when the latest event happened
 */
public record Activity(String recipientId, ActivityKind kind, String subject, String activityId, String actorId,
                       List<String> recentActorIds, long likes, String postId, String commentId, String text,
                       Money amount, Instant at) {
    /** How many of a post's newest likers its like item keeps. */
    public static final int RECENT_ACTORS = 3;
    /** How much of a comment or caption an item keeps: what an inbox line shows, at a small item's write cost. */
    public static final int TEXT_PREVIEW = 150;

    public Activity {
        recentActorIds = recentActorIds == null ? List.of() : List.copyOf(recentActorIds);
    }

    /** The first {@link #TEXT_PREVIEW} characters of {@code text} (null: null), whole characters only. */
    public static String preview(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= TEXT_PREVIEW) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, TEXT_PREVIEW));
    }

    /** A single-event item (anything but likes). */
    public static Activity of(String recipientId, ActivityKind kind, String subject, String activityId,
                              String actorId, String postId, String commentId, String text, Money amount, Instant at) {
        return new Activity(recipientId, kind, subject, activityId, actorId, List.of(), 0, postId, commentId, text,
                amount, at);
    }
}
