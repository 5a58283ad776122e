package ru.rossgram.localcloud;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What YDB's Document API documents, as checks on DynamoDB JSON requests: the operations it has, and the limits
 * tighter than DynamoDB's (its API reference, yandex.cloud/en/docs/ydb/docapi/api-ref). Limits DynamoDB shares
 * (BatchGetItem 100 keys, BatchWriteItem 25 requests, items of 400 KB, no empty sets, no consistent read of a
 * global index) are left to DynamoDB Local, which already refuses them with DynamoDB's errors.
 */
final class DocumentApiLimits {

    /** The JSON protocol's target prefix; DynamoDB Streams ({@code DynamoDBStreams_20120810}) has no counterpart. */
    static final String SERVICE = "DynamoDB_20120810";
    /** TransactWriteItems and TransactGetItems take 1 to 25 actions (DynamoDB: 100). */
    static final int MAX_TRANSACTION_ACTIONS = 25;

    /** The operations of the Document API reference; PartiQL, streams, backups, tags and the rest are absent. */
    static final Set<String> OPERATIONS = Set.of(
            "CreateTable", "DeleteTable", "DescribeTable", "ListTables", "UpdateTable",
            "DescribeTimeToLive", "UpdateTimeToLive", "ListTagsOfResource",
            "BatchGetItem", "BatchWriteItem", "DeleteItem", "GetItem", "PutItem", "Query", "Scan",
            "TransactGetItems", "TransactWriteItems", "UpdateItem");

    private static final Set<String> SELECTS = Set.of("ALL_ATTRIBUTES", "COUNT");

    private DocumentApiLimits() {
    }

    /** @return the operation an {@code X-Amz-Target} names, {@code PutItem} for {@code DynamoDB_20120810.PutItem} */
    static String operation(String target) {
        return target.substring(target.indexOf('.') + 1);
    }

    /**
     * @param target the request's {@code X-Amz-Target}
     * @param request its JSON body
     * @throws DocumentApiRefusal when the Document API would refuse the request
     */
    static void check(String target, JsonNode request) throws DocumentApiRefusal {
        String operation = operation(target);
        if (!target.startsWith(SERVICE + ".") || !OPERATIONS.contains(operation)) {
            throw DocumentApiRefusal.unknownOperation(target);
        }
        switch (operation) {
            case "TransactWriteItems", "TransactGetItems" -> checkTransactionSize(request);
            case "Query", "Scan" -> checkSelect(operation, request);
            case "PutItem", "UpdateItem", "DeleteItem" -> checkSingleWrite(operation, request);
            case "CreateTable" -> checkCreateTable(request);
            case "UpdateTable" -> checkUpdateTable(request);
            default -> {
                // Nothing tighter than DynamoDB's own constraints.
            }
        }
    }

    private static void checkTransactionSize(JsonNode request) throws DocumentApiRefusal {
        int actions = request.path("TransactItems").size();
        if (actions > MAX_TRANSACTION_ACTIONS) {
            throw DocumentApiRefusal.validation("1 validation error detected: Value with " + actions
                    + " actions at 'transactItems' failed to satisfy constraint: Member must have length less than"
                    + " or equal to " + MAX_TRANSACTION_ACTIONS + " (YDB Document API)");
        }
    }

    private static void checkSelect(String operation, JsonNode request) throws DocumentApiRefusal {
        // A ProjectionExpression alone is documented ("if the attribute names aren't specified explicitly, all item
        // attributes are returned"): only an explicit Select outside the two documented values is refused.
        JsonNode select = request.path("Select");
        if (select.isTextual() && !SELECTS.contains(select.asText())) {
            throw DocumentApiRefusal.validation("1 validation error detected: Value '" + select.asText()
                    + "' at 'select' failed to satisfy constraint: Member must satisfy enum value set:"
                    + " [ALL_ATTRIBUTES, COUNT] (" + operation + " of the YDB Document API)");
        }
    }

    private static void checkSingleWrite(String operation, JsonNode request) throws DocumentApiRefusal {
        // Not in the request schema of the Document API's single-item writes (it is in TransactWriteItems').
        JsonNode returnValues = request.path("ReturnValuesOnConditionCheckFailure");
        if (returnValues.isTextual() && !"NONE".equals(returnValues.asText())) {
            throw DocumentApiRefusal.validation("ReturnValuesOnConditionCheckFailure is not a parameter of "
                    + operation + " in the YDB Document API (only of TransactWriteItems' actions)");
        }
    }

    private static void checkCreateTable(JsonNode request) throws DocumentApiRefusal {
        if (request.path("LocalSecondaryIndexes").size() > 0) {
            throw DocumentApiRefusal.validation("The YDB Document API has no local secondary indexes");
        }
        if (request.has("StreamSpecification")) {
            throw DocumentApiRefusal.validation("StreamSpecification is not a parameter of CreateTable in the YDB"
                    + " Document API (UpdateTable enables a change stream, read through YDB, not DynamoDB Streams)");
        }
        for (JsonNode index : request.path("GlobalSecondaryIndexes")) {
            checkProjection(index);
        }
    }

    private static void checkUpdateTable(JsonNode request) throws DocumentApiRefusal {
        JsonNode updates = request.path("GlobalSecondaryIndexUpdates");
        if (updates.size() > 1) {
            throw DocumentApiRefusal.validation("The YDB Document API adds or deletes one global secondary index"
                    + " per UpdateTable call, this one has " + updates.size());
        }
        for (JsonNode update : updates) {
            if (update.has("Update")) {
                throw DocumentApiRefusal.validation("The YDB Document API's GlobalSecondaryIndexUpdates take Create"
                        + " or Delete only");
            }
            if (update.has("Create")) {
                checkProjection(update.get("Create"));
            }
        }
    }

    private static void checkProjection(JsonNode index) throws DocumentApiRefusal {
        String type = index.path("Projection").path("ProjectionType").asText("");
        if (!"ALL".equals(type)) {
            throw DocumentApiRefusal.validation("The YDB Document API supports only ProjectionType ALL on a global"
                    + " secondary index; " + index.path("IndexName").asText("an index") + " asks for "
                    + (type.isEmpty() ? "none" : type));
        }
    }
}
