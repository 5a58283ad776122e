package ru.rossgram.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The cold-start baseline for sign-up: a plain {@link RequestHandler}, no framework, that makes the same
 * DynamoDB call the real {@code SignUpHandler} makes - one TransactWriteItems of the username claim, the
 * email claim, the profile and the first session, each only if absent - and answers 201.
 *
 * <p>Deliberately left out, so that the difference to the real function is the framework and the
 * libraries: validation, the Argon2 hash (the stored hash is a fixed string of the real shape; the hash
 * is timed on its own), JWT issuing and JSON mapping. Not a function to deploy.
 */
public class BareSignUpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** The length and shape of a real Argon2id PHC string; never verified against. */
    private static final String PLACEHOLDER_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2htYXJrc2FsdDAwMA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final Duration SESSION_TTL = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DynamoDbClient dynamo;
    private final String table;

    /** The constructor Lambda calls: one client per container, from the same variables the real function reads. */
    public BareSignUpHandler() {
        this.table = required("ROSSGRAM_TABLE");
        String accessKeyId = required("AWS_ACCESS_KEY_ID");
        String secretAccessKey = required("AWS_SECRET_ACCESS_KEY");
        String sessionToken = System.getenv("AWS_SESSION_TOKEN");
        var credentials = sessionToken == null || sessionToken.isBlank()
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken);
        var builder = DynamoDbClient.builder()
                .region(Region.of(required("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.builder().build());
        String endpoint = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        this.dynamo = builder.build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String body = event.getBody() == null ? "" : event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8) : event.getBody();
        String username = SignUpFields.string(body, "username");
        String email = SignUpFields.string(body, "email");
        String displayName = SignUpFields.string(body, "displayName");
        if (username == null || email == null || displayName == null) {
            return response(400, "{\"type\":\"invalid-request\"}");
        }
        String referralCode = SignUpFields.string(body, "referralCode");

        Instant now = Instant.now();
        String userId = UUID.randomUUID().toString();
        String sessionId = UUID.randomUUID().toString();

        Map<String, AttributeValue> profile = item("USER#" + userId, "PROFILE", "account");
        profile.put("userId", s(userId));
        profile.put("username", s(username));
        profile.put("email", s(email));
        profile.put("displayName", s(displayName));
        profile.put("bio", s(""));
        profile.put("passwordHash", s(PLACEHOLDER_HASH));
        profile.put("createdAt", s(now.toString()));
        profile.put("version", AttributeValue.fromN("1"));
        if (referralCode != null) {
            profile.put("referralCode", s(referralCode));
        }

        Map<String, AttributeValue> session = item("SESSION#" + sessionId, "SESSION", "session");
        session.put("sessionId", s(sessionId));
        session.put("userId", s(userId));
        session.put("secretHash", s(sha256Hex(newSecret())));
        session.put("generation", AttributeValue.fromN("0"));
        session.put("createdAt", s(now.toString()));
        session.put("expiresAt", AttributeValue.fromN(Long.toString(now.plus(SESSION_TTL).getEpochSecond())));
        session.put("gsi1pk", s("USER#" + userId));
        session.put("gsi1sk", s("SESSION#" + sessionId));

        Map<String, AttributeValue> handleClaim = item("HANDLE#" + username.toLowerCase(Locale.ROOT), "HANDLE", "claim");
        handleClaim.put("userId", s(userId));
        Map<String, AttributeValue> emailClaim = item("EMAIL#" + email.toLowerCase(Locale.ROOT), "EMAIL", "claim");
        emailClaim.put("userId", s(userId));

        try {
            dynamo.transactWriteItems(r -> r.transactItems(List.of(
                    putIfAbsent(handleClaim), putIfAbsent(emailClaim), putIfAbsent(profile), putIfAbsent(session))));
        } catch (TransactionCanceledException e) {
            return response(409, "{\"type\":\"taken\"}");
        }
        return response(201, "{\"userId\":\"" + userId + "\",\"sessionId\":\"" + sessionId + "\"}");
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String type) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk));
        item.put("sk", s(sk));
        item.put("type", s(type));
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static APIGatewayV2HTTPResponse response(int status, String json) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody(json)
                .withIsBase64Encoded(false)
                .build();
    }

    /** The refresh secret the real function hands out; only its SHA-256 is stored. */
    private static String newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
