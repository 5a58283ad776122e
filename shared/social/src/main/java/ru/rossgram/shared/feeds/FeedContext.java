package ru.rossgram.shared.feeds;

import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a feed page must know about its reader before it shows anything: whom she mutes, and which of the
 * accounts she follows are {@link Celebrities}, whose posts are merged in when read. One item,
 * {@code FEED#<uid>} / {@code ~CONTEXT}, in the feed's own partition: its sort key sorts after every post id, so the
 * newest-first Query of a feed's first page returns it ahead of the items, in the same request.
 *
 * <p>{@code muted} is exact (written in one transaction with each {@code MUTES#} edge). {@code celebrities} may hold
 * more than she follows but never less: an unfollow takes the id out in its own transaction, but a job marking a new
 * celebrity's followers may put it back a moment later, so a page checks her edges to them in the read it makes anyway.
 *
 * @param muted       the accounts the reader mutes (at most {@link ru.rossgram.shared.social.BlockRepository#MAX_MUTES})
 * @param celebrities celebrities the reader follows, or followed a moment ago
 */
public record FeedContext(Set<String> muted, Set<String> celebrities) {
    /** After every post id (ULIDs are digits and capitals). */
    static final String SK = "~CONTEXT";
    public static final String TYPE = "feed-context";
    public static final String MUTED = "muted";
    public static final String CELEBRITIES = "celebrities";
    static final FeedContext EMPTY = new FeedContext(Set.of(), Set.of());

    public static Map<String, AttributeValue> key(String userId) {
        return Attrs.key(FeedRepository.pk(userId), SK);
    }

    static boolean isContext(Map<String, AttributeValue> item) {
        return SK.equals(item.get("sk").s());
    }

    static FeedContext from(Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? EMPTY : new FeedContext(ids(item, MUTED), ids(item, CELEBRITIES));
    }

    private static Set<String> ids(Map<String, AttributeValue> item, String name) {
        AttributeValue ids = item.get(name);
        return ids == null || !ids.hasSs() ? Set.of() : Set.copyOf(ids.ss());
    }
}
