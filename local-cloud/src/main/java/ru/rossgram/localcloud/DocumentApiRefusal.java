package ru.rossgram.localcloud;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the Yandex profile's DynamoDB endpoint answers with an error instead of passing it to DynamoDB Local,
 * in DynamoDB's JSON error form, which the AWS SDKs turn into the exception of the same name.
 */
final class DocumentApiRefusal extends Exception {

    /** What DynamoDB answers for a request outside an operation's documented constraints. */
    static final String VALIDATION = "com.amazon.coral.validate#ValidationException";
    /** What DynamoDB answers for an operation it does not have. */
    static final String UNKNOWN_OPERATION = "com.amazon.coral.service#UnknownOperationException";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String type;

    DocumentApiRefusal(String type, String message) {
        super(message, null, false, false);
        this.type = type;
    }

    static DocumentApiRefusal validation(String message) {
        return new DocumentApiRefusal(VALIDATION, message);
    }

    static DocumentApiRefusal unknownOperation(String operation) {
        return new DocumentApiRefusal(UNKNOWN_OPERATION,
                "The YDB Document API has no operation " + operation + " (Yandex profile of the local cloud)");
    }

    /** @return the fully qualified error type, {@code com.amazon.coral.validate#ValidationException} for instance */
    String type() {
        return type;
    }

    /** @return the body of the 400 answer: {@code {"__type": ..., "message": ...}} */
    byte[] json() {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", type);
        body.put("message", getMessage());
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
