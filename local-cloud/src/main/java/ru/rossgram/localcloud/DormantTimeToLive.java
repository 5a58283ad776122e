package ru.rossgram.localcloud;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.amazonaws.services.dynamodbv2.exceptions.DynamoDBLocalServiceException;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.model.DescribeTableRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Time to live as the Yandex profile plays it: accepted, described, and never acted on. The Document API deletes an
 * expired item only "usually within two days" and serves it until then, so code must not depend on the deletion;
 * never deleting is that promise's worst case, and it makes any such dependence fail locally. The settings live here,
 * not in DynamoDB Local, whose deletion job removes expired items of an in-memory database within about a second.
 * They are kept in memory: with a data directory each start re-enables what the template asks for
 * ({@link TableProvisioner}). A database an AWS-profile run left with time to live on keeps that setting inside
 * DynamoDB Local, which (2.6.1) never deletes anything from an on-disk database: an expired item stayed for minutes,
 * even after time to live was switched off and on again.
 */
final class DormantTimeToLive {

    // DynamoDB Local keeps a single database whatever the credentials (shared DB): these only fill its signature.
    private static final String ACCESS_KEY = "local";
    private static final String REGION = "local";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDBRequestHandler dynamoDbLocal;
    private final Map<String, String> enabledAttributeByTable = new ConcurrentHashMap<>();

    /** @param dynamoDbLocal where tables are looked up (its time to live settings are never touched) */
    DormantTimeToLive(DynamoDBRequestHandler dynamoDbLocal) {
        this.dynamoDbLocal = dynamoDbLocal;
    }

    /** UpdateTimeToLive, with DynamoDB Local's checks and messages. */
    ObjectNode update(JsonNode request) throws DocumentApiRefusal {
        String table = existingTable(request);
        JsonNode specification = request.path("TimeToLiveSpecification");
        String attribute = specification.path("AttributeName").asText("");
        if (attribute.isEmpty() || !specification.path("Enabled").isBoolean()) {
            throw DocumentApiRefusal.validation("TimeToLiveSpecification needs AttributeName and Enabled");
        }
        boolean enable = specification.get("Enabled").asBoolean();
        synchronized (enabledAttributeByTable) {
            String enabled = enabledAttributeByTable.get(table);
            if (enabled != null && !enabled.equals(attribute)) {
                throw DocumentApiRefusal.validation("TimeToLive is active on a different AttributeName");
            }
            if (enable == (enabled != null)) {
                throw DocumentApiRefusal.validation("TimeToLive is already " + (enable ? "enabled" : "disabled"));
            }
            if (enable) {
                enabledAttributeByTable.put(table, attribute);
            } else {
                enabledAttributeByTable.remove(table);
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("TimeToLiveSpecification").put("AttributeName", attribute).put("Enabled", enable);
        return answer;
    }

    /** DescribeTimeToLive. */
    ObjectNode describe(JsonNode request) throws DocumentApiRefusal {
        String attribute = enabledAttributeByTable.get(existingTable(request));
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode description = answer.putObject("TimeToLiveDescription");
        description.put("TimeToLiveStatus", attribute == null ? "DISABLED" : "ENABLED");
        if (attribute != null) {
            description.put("AttributeName", attribute);
        }
        return answer;
    }

    /** A table that is deleted loses its setting, as in DynamoDB. */
    void forget(JsonNode deleteTableRequest) {
        enabledAttributeByTable.remove(deleteTableRequest.path("TableName").asText(""));
    }

    private String existingTable(JsonNode request) throws DocumentApiRefusal {
        String table = request.path("TableName").asText("");
        try {
            dynamoDbLocal.describeTable(ACCESS_KEY, REGION, new DescribeTableRequest().withTableName(table));
            return table;
        } catch (DynamoDBLocalServiceException e) {
            throw new DocumentApiRefusal(e.getErrorCode(), e.getMessage());
        }
    }
}
