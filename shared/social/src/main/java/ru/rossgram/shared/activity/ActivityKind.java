package ru.rossgram.shared.activity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an inbox item tells its owner. Each kind names the key word of its item's sort key in
 * {@link ActivityRepository}: one item per (owner, kind, subject), so the same event written twice is one item.
 */
public enum ActivityKind {
    /** Likes of one of your posts, aggregated: one item per post, its newest likers first. Subject: the post. */
    LIKE("like"),
    /** A comment on your post. Subject: the comment. */
    COMMENT("comment"),
    /** A reply to your comment. Subject: the reply. */
    REPLY("reply"),
    /** An @mention of you in a caption (subject: the post) or a comment (subject: the comment). */
    MENTION("mention"),
    /** A new follower. Subject: the follower. */
    FOLLOW("follow"),
    /** A request to follow your private account, while it waits. Subject: the requester. */
    FOLLOW_REQUEST("follow_request"),
    /** Your request to follow a private account was approved. Subject: that account. */
    FOLLOW_APPROVED("follow_approved"),
    /** Someone bought your paid post. Subject: the payment. */
    PURCHASE("purchase"),
    /** A new paying subscriber. Subject: the subscriber. */
    SUBSCRIBER("subscriber"),
    /** A pledge to your campaign. Subject: the campaign and the backer. */
    PLEDGE("pledge");

    private final String wire;

    ActivityKind(String wire) {
        this.wire = wire;
    }

    /** The name in the API and in the item's {@code kind} attribute. */
    public String wire() {
        return wire;
    }

    public static Optional<ActivityKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }
}
