package ru.rossgram.shared.engagement;

import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.activity.ActivityRepository;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchWriter;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Removes the likes and comments of a deleted post. They live in the post's partition ({@code POST#<postId>}), so
 * a key-only {@code Query} per kind finds them and {@link BatchWriter} deletes them, 25 a call, retrying what
 * DynamoDB leaves unprocessed. Each page of comments takes the inbox items they wrote ({@link CommentNotices#keys})
 * with it, those first, so an interrupted sweep leaves the comments that lead to what it left.
 *
 * <p>Only for a post that no longer exists: no like or comment can be added then (each is written in a transaction
 * conditioned on the post), so nothing appears behind the sweep, and a repeated call (a retried delete after one
 * that stopped half-way) finishes what the first left.
 */
@Singleton
public class PostEngagementRemover {
    private static final List<String> PREFIXES = List.of(LikeRepository.SK_PREFIX, CommentRepository.SK_PREFIX);

    private final DynamoDbClient dynamo;
    private final BatchWriter batches;
    private final PostRepository posts;
    private final ActivityRepository activity;
    private final String table;

    public PostEngagementRemover(DynamoDbClient dynamo, BatchWriter batches, PostRepository posts,
                                 ActivityRepository activity, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batches = batches;
        this.posts = posts;
        this.activity = activity;
        this.table = config.table();
    }

    /**
     * Deletes the likes and comments of {@code postId} if the post is gone; nothing for a post that exists (so a
     * refused delete never touches them) or an id that names no post.
     *
     * @return how many items were deleted
     * @throws ProblemException 503 {@code busy} when DynamoDB keeps leaving deletes unprocessed; calling again resumes
     */
    public int removeIfPostGone(String postId) {
        if (!IdGenerator.isWellFormed(postId) || posts.exists(postId)) {
            return 0;
        }
        int removed = 0;
        for (String prefix : PREFIXES) {
            boolean comments = prefix.equals(CommentRepository.SK_PREFIX);
            Map<String, AttributeValue> startKey = null;
            do {
                QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s(PostRepository.partitionKey(postId)), ":prefix", s(prefix)))
                        .consistentRead(true)
                        .exclusiveStartKey(startKey);
                if (!comments) {
                    query.projectionExpression("pk, sk"); // a comment is read whole: it names the notices it wrote
                }
                var page = dynamo.query(query.build());
                if (comments) {
                    activity.deleteAll(page.items().stream().filter(CommentRepository::isComment)
                            .map(CommentRepository::fromItem).flatMap(c -> CommentNotices.keys(c).stream()).toList());
                }
                delete(page.items());
                removed += page.items().size();
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (startKey != null);
        }
        return removed;
    }

    private void delete(List<Map<String, AttributeValue>> items) {
        List<WriteRequest> deletes = items.stream()
                .map(item -> WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                        .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))).build()).build())
                .toList();
        batches.write(table, deletes); // 503 busy when deletes stay unprocessed: a repeated delete resumes
    }
}
