package ru.rossgram.shared.imports.jobs;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchWriter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Imports and their reports. {@code IMPORT#<importId> / IMPORT} is the import ({@link Import}), also on gsi1 as
 * {@code IMPORTS#<ownerId> / <importId>} (the owner's imports, newest first); {@code IMPORT#<importId> /
 * OUTCOME#<seq>#<part>} is one line of the report ({@link PostOutcome}), {@code seq} the post's place in the export
 * (zero-padded, so the report reads in the export's order).
 *
 * <p>Report lines are idempotent puts (a retried step writes the same lines again); the import's counts move only
 * with its step, in {@link #advance}, so they count each post once however often a step runs.
 */
@Singleton
public class ImportRepository {
    private static final String SK = "IMPORT";
    private static final String OUTCOME = "OUTCOME#";

    private final DynamoDbClient dynamo;
    private final BatchWriter batches;
    private final String table;

    public ImportRepository(DynamoDbClient dynamo, BatchWriter batches, RossgramConfig config) {
        this.dynamo = dynamo;
        this.batches = batches;
        this.table = config.table();
    }

    /** A report line and the post's place in the export. */
    public record NumberedOutcome(long seq, PostOutcome outcome) {
    }

    /** A page of report lines and where the next starts ({@code null}: the report ends here). */
    public record OutcomePage(List<NumberedOutcome> outcomes, String after) {
    }

    /** Records a new import; the id is fresh, so the condition only guards against a reused one. */
    public void create(Import imp) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(imp)).conditionExpression("attribute_not_exists(pk)"));
    }

    /** The new import as a transaction's put (with its owner's claim, {@code ImportClaims}); fresh id as in {@link #create}. */
    public TransactWriteItem createItem(Import imp) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(toItem(imp))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    public Optional<Import> find(String importId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(importId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** The owner's imports, newest first (gsi1, so eventually consistent). */
    public List<Import> newestBy(String ownerId, int limit) {
        return dynamo.query(r -> r.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(ownerPk(ownerId)))).scanIndexForward(false).limit(limit))
                .items().stream().map(ImportRepository::fromItem).toList();
    }

    /**
     * Replaces {@code seen}'s files and status if it is still as read (same status and step): the completion of the
     * upload ({@code uploading} to {@code queued}).
     *
     * @return false when another request changed it first
     */
    public boolean update(Import seen, List<ImportFile> files, ImportStatus status, Instant now) {
        return conditionalUpdate(seen, "SET files = :files, #status = :status, updatedAt = :now",
                Map.of(":files", filesValue(files), ":status", s(status.wire()), ":now", s(now.toString())));
    }

    /**
     * Moves {@code seen} one step on: the next step number, the new cursor (null: none), the progress with the step's
     * work added, the owner and era once read, and the status ({@code running}, or {@code completed} after the
     * last step).
     *
     * @return false when the import is no longer as read: another delivery of the same step got there first, or it
     *         failed meanwhile; the caller does nothing more
     */
    public boolean advance(Import seen, ImportStatus status, String cursor, ImportProgress stepWork,
                           String instagramUsername, String era, Instant now) {
        return advance(seen, status, cursor, stepWork, instagramUsername, era, null, now);
    }

    /** {@link #advance(Import, ImportStatus, String, ImportProgress, String, String, Instant)}, noting why the owner's
     * Instagram name was not linked ({@code linkRefusal}, null: nothing to note). */
    public boolean advance(Import seen, ImportStatus status, String cursor, ImportProgress stepWork,
                           String instagramUsername, String era, String linkRefusal, Instant now) {
        ImportProgress p = seen.progress().plus(stepWork);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", s(status.wire()));
        values.put(":step", n(seen.step() + 1L));
        values.put(":progress", progressValue(p));
        values.put(":now", s(now.toString()));
        StringBuilder set = new StringBuilder("SET #status = :status, step = :step, progress = :progress, updatedAt = :now");
        if (instagramUsername != null) {
            set.append(", instagramUsername = :ig");
            values.put(":ig", s(instagramUsername));
        }
        if (era != null) {
            set.append(", era = :era");
            values.put(":era", s(era));
        }
        if (linkRefusal != null) {
            set.append(", linkRefusal = :refusal");
            values.put(":refusal", s(linkRefusal));
        }
        if (cursor != null) {
            set.append(", #cursor = :cursor");
            values.put(":cursor", s(cursor));
        } else {
            set.append(" REMOVE #cursor");
        }
        return conditionalUpdate(seen, set.toString(), values);
    }

    /**
     * Ends the import as failed with why, whatever step it is at, unless it already finished.
     *
     * @return false when it had already finished
     */
    public boolean fail(String importId, String failure, String detail, Instant now) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(importId))
                    .updateExpression("SET #status = :failed, failure = :failure, failureDetail = :detail, updatedAt = :now")
                    .conditionExpression("attribute_exists(pk) AND NOT #status IN (:failed, :completed)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":failed", s(ImportStatus.FAILED.wire()),
                            ":completed", s(ImportStatus.COMPLETED.wire()), ":failure", s(failure),
                            ":detail", s(detail), ":now", s(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Ends {@code seen}, still uploading as read, as failed with {@code failure} (its owner cancelled it).
     *
     * @return false when it is no longer as read: completed or cancelled meanwhile
     */
    public boolean cancel(Import seen, String failure, String detail, Instant now) {
        return conditionalUpdate(seen, "SET #status = :failed, failure = :failure, failureDetail = :detail, updatedAt = :now",
                Map.of(":failed", s(ImportStatus.FAILED.wire()), ":failure", s(failure), ":detail", s(detail),
                        ":now", s(now.toString())));
    }

    /**
     * Writes one post's report lines unless its lines are there already, and answers the lines as stored. The first
     * delivery of a step to record a post saw what happened to it; a retried or concurrent delivery of the same step
     * (storage events come at least once) finds the post made and would call it already imported, so it keeps the
     * stored lines rather than overwriting them, and counts what they say.
     */
    public List<PostOutcome> recordOutcomes(String importId, long seq, List<PostOutcome> outcomes) {
        List<PostOutcome> stored = new ArrayList<>();
        for (PostOutcome outcome : outcomes) {
            Map<String, AttributeValue> item = outcomeItem(importId, new NumberedOutcome(seq, outcome));
            try {
                dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
                stored.add(outcome);
            } catch (ConditionalCheckFailedException e) {
                var existing = dynamo.getItem(r -> r.tableName(table)
                        .key(Attrs.key(pk(importId), outcomeSk(seq, outcome.part()))).consistentRead(true)).item();
                stored.add(fromOutcomeItem(existing).outcome());
            }
        }
        return stored;
    }

    /** Writes report lines (again, harmlessly, when a step is retried). */
    public void putOutcomes(String importId, List<NumberedOutcome> outcomes) {
        List<WriteRequest> writes = new ArrayList<>();
        for (NumberedOutcome line : outcomes) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(outcomeItem(importId, line)).build()).build());
        }
        batches.write(table, writes);
    }

    /**
     * Report lines in the export's order, after {@code after} (a value from an earlier page, or null for the first).
     */
    public OutcomePage outcomes(String importId, String after, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk(importId)));
        values.put(":prefix", s(OUTCOME));
        var request = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)").expressionAttributeValues(values)
                .limit(limit).consistentRead(true);
        if (after != null) {
            request.exclusiveStartKey(Attrs.key(pk(importId), after));
        }
        var response = dynamo.query(request.build());
        List<NumberedOutcome> lines = response.items().stream().map(ImportRepository::fromOutcomeItem).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get("sk").s() : null;
        return new OutcomePage(lines, next);
    }

    /**
     * The report lines already written for the posts at {@code fromSeq} up to {@code toSeq} (exclusive), by post: what
     * an earlier delivery of the same step recorded, which a retry keeps rather than rewrites.
     */
    public Map<Long, List<PostOutcome>> outcomesBetween(String importId, long fromSeq, long toSeq) {
        Map<Long, List<PostOutcome>> lines = new HashMap<>();
        if (toSeq <= fromSeq) {
            return lines;
        }
        Map<String, AttributeValue> values = Map.of(":pk", s(pk(importId)), ":from", s(outcomeSk(fromSeq, 0)),
                ":to", s(outcomeSk(toSeq - 1, 999)));
        var pages = dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to").expressionAttributeValues(values));
        for (Map<String, AttributeValue> item : pages.items()) {
            NumberedOutcome line = fromOutcomeItem(item);
            lines.computeIfAbsent(line.seq(), seq -> new ArrayList<>()).add(line.outcome());
        }
        return lines;
    }

    /** Whether {@code after} is a report position this repository hands out (anything else names nothing). */
    public static boolean isOutcomePosition(String after) {
        return after != null && after.matches("OUTCOME#\\d{9}#\\d{3}");
    }

    private boolean conditionalUpdate(Import seen, String update, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":seenStatus", s(seen.status().wire()));
        all.put(":seenStep", n(seen.step()));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(seen.importId())).updateExpression(update)
                    .conditionExpression("#status = :seenStatus AND step = :seenStep")
                    .expressionAttributeNames(update.contains("#cursor")
                            ? Map.of("#status", "status", "#cursor", "cursor") : Map.of("#status", "status"))
                    .expressionAttributeValues(all));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> toItem(Import imp) {
        Map<String, AttributeValue> item = new HashMap<>(key(imp.importId()));
        item.put("type", s("import"));
        item.put("gsi1pk", s(ownerPk(imp.ownerId())));
        item.put("gsi1sk", s(imp.importId()));
        item.put("ownerId", s(imp.ownerId()));
        item.put("status", s(imp.status().wire()));
        item.put("files", filesValue(imp.files()));
        item.put("step", n(imp.step()));
        item.put("progress", progressValue(imp.progress()));
        if (imp.cursor() != null) {
            item.put("cursor", s(imp.cursor()));
        }
        if (imp.failure() != null) {
            item.put("failure", s(imp.failure()));
            item.put("failureDetail", s(imp.failureDetail()));
        }
        if (imp.instagramUsername() != null) {
            item.put("instagramUsername", s(imp.instagramUsername()));
        }
        if (imp.era() != null) {
            item.put("era", s(imp.era()));
        }
        if (imp.linkRefusal() != null) {
            item.put("linkRefusal", s(imp.linkRefusal()));
        }
        item.put("createdAt", s(imp.createdAt().toString()));
        item.put("updatedAt", s(imp.updatedAt().toString()));
        return item;
    }

    private static Import fromItem(Map<String, AttributeValue> item) {
        List<ImportFile> files = new ArrayList<>();
        for (AttributeValue file : item.get("files").l()) {
            Map<String, AttributeValue> f = file.m();
            files.add(new ImportFile(Integer.parseInt(f.get("index").n()), f.get("key").s(), Long.parseLong(f.get("size").n()),
                    Long.parseLong(f.get("partSize").n()), f.containsKey("uploadId") ? f.get("uploadId").s() : null));
        }
        Map<String, AttributeValue> p = item.get("progress").m();
        ImportProgress progress = new ImportProgress(num(p, "postsDone"), num(p, "postsTotal"), num(p, "imported"),
                num(p, "skipped"), num(p, "failed"), num(p, "bytesDone"), num(p, "bytesTotal"));
        return new Import(string(item, "pk").substring("IMPORT#".length()), string(item, "ownerId"),
                ImportStatus.fromWire(string(item, "status")).orElseThrow(), files,
                Attrs.number(item, "step").orElse(0L).intValue(), string(item, "cursor"), progress, string(item, "failure"),
                string(item, "failureDetail"), string(item, "instagramUsername"), string(item, "era"),
                Instant.parse(string(item, "createdAt")), Instant.parse(string(item, "updatedAt")),
                string(item, "linkRefusal"));
    }

    private static AttributeValue filesValue(List<ImportFile> files) {
        List<AttributeValue> list = new ArrayList<>();
        for (ImportFile file : files) {
            Map<String, AttributeValue> f = new HashMap<>();
            f.put("index", n(file.index()));
            f.put("key", s(file.objectKey()));
            f.put("size", n(file.size()));
            f.put("partSize", n(file.partSize()));
            if (file.multipartUploadId() != null) {
                f.put("uploadId", s(file.multipartUploadId()));
            }
            list.add(AttributeValue.fromM(f));
        }
        return AttributeValue.fromL(list);
    }

    private static AttributeValue progressValue(ImportProgress p) {
        return AttributeValue.fromM(Map.of("postsDone", n(p.postsDone()), "postsTotal", n(p.postsTotal()),
                "imported", n(p.imported()), "skipped", n(p.skipped()), "failed", n(p.failed()),
                "bytesDone", n(p.bytesDone()), "bytesTotal", n(p.bytesTotal())));
    }

    private static Map<String, AttributeValue> outcomeItem(String importId, NumberedOutcome line) {
        PostOutcome o = line.outcome();
        Map<String, AttributeValue> item = new HashMap<>(Attrs.key(pk(importId), outcomeSk(line.seq(), o.part())));
        item.put("type", s("import-outcome"));
        item.put("exportPostId", s(o.exportPostId()));
        item.put("part", n(o.part()));
        item.put("status", s(o.status().name()));
        item.put("photos", n(o.photos()));
        if (o.reason() != null) {
            item.put("reason", s(o.reason()));
        }
        if (o.postId() != null) {
            item.put("postId", s(o.postId()));
        }
        if (o.takenAt() != null) {
            item.put("takenAt", s(o.takenAt().toString()));
        }
        if (!o.leftOut().isEmpty()) {
            item.put("leftOut", AttributeValue.fromL(o.leftOut().stream()
                    .map(l -> AttributeValue.fromM(Map.of("uri", s(l.uri()), "reason", s(l.reason())))).toList()));
        }
        return item;
    }

    private static NumberedOutcome fromOutcomeItem(Map<String, AttributeValue> item) {
        String sk = string(item, "sk");
        long seq = Long.parseLong(sk.substring(OUTCOME.length(), sk.lastIndexOf('#')));
        List<PostOutcome.LeftOut> leftOut = item.containsKey("leftOut")
                ? item.get("leftOut").l().stream().map(v -> new PostOutcome.LeftOut(v.m().get("uri").s(), v.m().get("reason").s())).toList()
                : List.of();
        String takenAt = string(item, "takenAt");
        return new NumberedOutcome(seq, new PostOutcome(string(item, "exportPostId"), (int) num(item, "part"),
                PostOutcome.Status.valueOf(string(item, "status")), string(item, "reason"), string(item, "postId"),
                takenAt == null ? null : Instant.parse(takenAt), (int) num(item, "photos"), leftOut));
    }

    private static String outcomeSk(long seq, int part) {
        return OUTCOME + String.format("%09d#%03d", seq, part);
    }

    private static Map<String, AttributeValue> key(String importId) {
        return Attrs.key(pk(importId), SK);
    }

    private static String pk(String importId) {
        return "IMPORT#" + importId;
    }

    private static String ownerPk(String ownerId) {
        return "IMPORTS#" + ownerId;
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        return Attrs.string(item, name);
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        return Attrs.number(item, name).orElse(0L);
    }
}
