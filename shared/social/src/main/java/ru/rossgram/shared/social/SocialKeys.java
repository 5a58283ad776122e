package ru.rossgram.shared.social;

import java.util.Map;
import ru.rossgram.shared.dynamo.Attrs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The keys of the social graph's items (docs/data-model.md, rows 11 to 16); one place spells them. */
public final class SocialKeys {
    private SocialKeys() {
    }

    public static String userPk(String userId) {
        return "USER#" + userId;
    }

    /** The profile item, which carries {@code private} for private accounts. */
    public static Map<String, AttributeValue> profile(String userId) {
        return Attrs.key(userPk(userId), "PROFILE");
    }

    /** {@code follower} follows {@code followee}. */
    public static Map<String, AttributeValue> follows(String follower, String followee) {
        return Attrs.key(userPk(follower), "FOLLOWS#" + followee);
    }

    /** {@code blocker} blocks {@code blocked}. */
    public static Map<String, AttributeValue> blocks(String blocker, String blocked) {
        return Attrs.key(userPk(blocker), "BLOCKS#" + blocked);
    }

    /** {@code muter} mutes {@code muted}. */
    public static Map<String, AttributeValue> mutes(String muter, String muted) {
        return Attrs.key(userPk(muter), "MUTES#" + muted);
    }

    /** One of a user's counter shards ({@code shard} from 0 to {@link ProfileCounters#SHARDS} - 1). */
    public static Map<String, AttributeValue> counterShard(String userId, int shard) {
        return Attrs.key("COUNT#" + userId + "#" + shard, "COUNTS");
    }

    /** {@code requester} asked to follow the private account {@code target}. */
    public static Map<String, AttributeValue> followRequest(String target, String requester) {
        return Attrs.key(userPk(target), "FOLLOWREQ#" + requester);
    }
}
