package ru.rossgram.shared.social;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import ru.rossgram.shared.activity.Activity;
import ru.rossgram.shared.activity.ActivityKind;
import ru.rossgram.shared.activity.ActivityRepository;
import ru.rossgram.shared.config.IdGenerator;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The activity items the follow graph writes, as actions of its own transactions (docs/discovery.md, Activity): a
 * new follower, a request waiting, a request approved; and their removal when the follow, the request or, with a
 * block, every tie between two accounts goes.
 */
@Singleton
class FollowActivity {
    /** What a block removes both ways: the graph's notices between the two accounts. */
    private static final List<ActivityKind> GRAPH_KINDS =
            List.of(ActivityKind.FOLLOW, ActivityKind.FOLLOW_REQUEST, ActivityKind.FOLLOW_APPROVED);

    private final ActivityRepository activities;
    private final IdGenerator ids;

    FollowActivity(ActivityRepository activities, IdGenerator ids) {
        this.activities = activities;
        this.ids = ids;
    }

    /** "{@code followerId} started following you", in {@code followeeId}'s inbox. */
    TransactWriteItem followed(String followerId, String followeeId, Instant at) {
        return put(followeeId, ActivityKind.FOLLOW, followerId, at);
    }

    TransactWriteItem unfollowed(String followerId, String followeeId) {
        return activities.deleteItem(followeeId, ActivityKind.FOLLOW, followerId);
    }

    /** "{@code requesterId} asks to follow you", in the private account's inbox while the request waits. */
    TransactWriteItem requested(String requesterId, String targetId, Instant at) {
        return put(targetId, ActivityKind.FOLLOW_REQUEST, requesterId, at);
    }

    /** The request's notice, gone with the request (approved, declined, withdrawn, made moot). */
    TransactWriteItem requestGone(String requesterId, String targetId) {
        return activities.deleteItem(targetId, ActivityKind.FOLLOW_REQUEST, requesterId);
    }

    /** "{@code targetId} approved your request", in the requester's inbox. */
    TransactWriteItem approved(String requesterId, String targetId, Instant at) {
        return put(requesterId, ActivityKind.FOLLOW_APPROVED, targetId, at);
    }

    /** The deletes of every follow, request and approval notice between the two accounts, both ways (6 actions). */
    List<TransactWriteItem> cutBetween(String one, String other) {
        return GRAPH_KINDS.stream().flatMap(kind -> Stream.of(
                activities.deleteItem(one, kind, other), activities.deleteItem(other, kind, one))).toList();
    }

    private TransactWriteItem put(String recipientId, ActivityKind kind, String actorId, Instant at) {
        return activities.putItem(Activity.of(recipientId, kind, actorId, ids.newId(), actorId, null, null, null,
                null, at));
    }
}
