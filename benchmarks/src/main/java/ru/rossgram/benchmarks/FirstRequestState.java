package ru.rossgram.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.paymentsim.Action;
import ru.rossgram.paymentsim.Notice;
import ru.rossgram.paymentsim.PaymentSimulator;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.template.FunctionSpec;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The state the measured first requests need, made by the real functions in this JVM ({@link FunctionHost}, with the
 * template's environment, against the same DynamoDB Local and S3Proxy the children use): accounts signed up through
 * the sign-up function, follows through the follow function, photos through create-upload and a real JPEG PUT to
 * the signed URL, posts through create-post, pending payments through checkout at CloudPayments, played by the
 * {@link PaymentSimulator} (whose signed notifications the webhook's events carry). Every call must succeed; a
 * refusal stops the benchmark with the answer.
 */
final class FirstRequestState implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The password of every seeded account, long enough for the password policy. */
    static final String PASSWORD = "Sunrise over Neva, 5 a.m.";
    private static final byte[] PHOTO = jpeg();

    private static final String CLOUDPAYMENTS_PUBLIC_ID = "pk_cold_start";
    private static final String CLOUDPAYMENTS_SECRET = "cold-start-cloudpayments-secret";

    private final LocalCloud cloud;
    private final PaymentSimulator payments;
    private final Map<String, String> parameters;
    private final FunctionHost host;
    private final Path events;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String prefix = "cs" + Long.toString(System.currentTimeMillis(), 36);
    private int sequence;
    /** How long a seeded access token is used; they expire after a few minutes (AccessTokens' TTL). */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(2);
    private final Map<String, Token> tokens = new HashMap<>();
    private static final int MAX_FAN_OUT_ROUNDS = 20;

    /** A signed-up account. */
    record Account(String id, String username) {
    }

    /** An access token and when it was issued. */
    private record Token(String value, Instant issued) {
    }

    /**
     * @param accessTokenSecret the key of the access tokens, which the children get too, so the tokens made here
     *                          verify there
     * @param events            the repository's events/ directory, whose samples the seeding requests start from
     */
    FirstRequestState(LocalCloud cloud, String accessTokenSecret, Path events) {
        this.cloud = cloud;
        this.events = events;
        this.payments = PaymentSimulator.builder().cloudPayments(CLOUDPAYMENTS_PUBLIC_ID, CLOUDPAYMENTS_SECRET).start();
        this.parameters = Map.of("AccessTokenSecret", accessTokenSecret,
                "CloudPaymentsApiUrl", payments.cloudPaymentsApiUrl(),
                "CloudPaymentsPublicId", CLOUDPAYMENTS_PUBLIC_ID,
                "CloudPaymentsApiSecret", CLOUDPAYMENTS_SECRET);
        this.host = new FunctionHost(fn -> cloud.functionEnvironment(fn, parameters));
    }

    /** The template parameters every function runs with, here and in the children. */
    Map<String, String> parameters() {
        return parameters;
    }

    /** A new account, signed up through the sign-up function, with {@link #PASSWORD}. */
    Account signUp() throws IOException {
        String username = newUsername();
        String body = JSON.writeValueAsString(Map.of("username", username, "email", username + "@example.com",
                "password", PASSWORD, "displayName", "Cold Start " + sequence));
        JsonNode answer = invoke("SignUpFunction", "sign-up/new-account.json", null, Map.of(), body, 201);
        Account account = new Account(answer.path("account").path("id").asText(), username);
        tokens.put(account.id(), new Token(answer.path("tokens").path("accessToken").asText(), Instant.now()));
        return account;
    }

    /**
     * A current access token of {@code account}: the last one issued while it is younger than {@link #TOKEN_REUSE},
     * else a new sign-in's (access tokens live minutes, a benchmark longer).
     */
    String token(Account account) throws IOException {
        Token last = tokens.get(account.id());
        if (last == null || last.issued().plus(TOKEN_REUSE).isBefore(Instant.now())) {
            String body = JSON.writeValueAsString(Map.of("login", account.username(), "password", PASSWORD));
            JsonNode answer = invoke("SignInFunction", "sign-in/by-username.json", null, Map.of(), body, 201);
            last = new Token(answer.path("tokens").path("accessToken").asText(), Instant.now());
            tokens.put(account.id(), last);
        }
        return last.value();
    }

    /** A username never used before in this table, shaped as the sign-up rules want. */
    String newUsername() {
        return prefix + "_" + (++sequence);
    }

    void follow(Account follower, Account followed) throws IOException {
        invoke("FollowFunction", "follow/follow.json", token(follower), Map.of("masha.photo", followed.username()),
                null, 200);
    }

    /** One upload of a post photo whose bytes (a real JPEG) have arrived in the bucket; its upload id. */
    String uploadedPhoto(Account owner) throws IOException, InterruptedException {
        return uploadedPhoto(owner, "post");
    }

    /** The same for a {@code purpose} such as {@code paid-post}. */
    private String uploadedPhoto(Account owner, String purpose) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("purpose", purpose, "contentType", "image/jpeg",
                "contentLength", PHOTO.length, "count", 1));
        JsonNode ticket = invoke("CreateUploadFunction", "create-upload/post-photos.json", token(owner), Map.of(),
                body, 201).path("uploads").get(0);
        HttpRequest.Builder put = HttpRequest.newBuilder(java.net.URI.create(ticket.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PHOTO));
        ticket.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        HttpResponse<String> stored = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        if (stored.statusCode() != 200) {
            throw new IllegalStateException("the photo PUT answered " + stored.statusCode() + ": " + stored.body());
        }
        return ticket.path("uploadId").asText();
    }

    /** The body of {@code POST /v1/posts} for one uploaded photo. */
    static String newPostBody(String uploadId) throws IOException {
        return JSON.writeValueAsString(Map.of("uploads", List.of(uploadId), "caption", "Белые ночи #Питер",
                "altTexts", List.of("Разведённый мост на рассвете")));
    }

    /**
     * A published post of one photo by {@code author}; its id. The photo is processed first, by the thumbnail
     * function on the storage event S3 would send, so the post is published at once (a post whose photos are still
     * processing is shown to nobody, not even in its author's followers' feeds).
     */
    String post(Account author) throws IOException, InterruptedException {
        return post(author, null);
    }

    /** The same for a post sold at {@code priceKopecks} (null: free), whose photo is uploaded as a paid post's. */
    String post(Account author, Long priceKopecks) throws IOException, InterruptedException {
        String uploadId = uploadedPhoto(author, priceKopecks == null ? "post" : "paid-post");
        FunctionSpec thumbnails = function("MakeThumbnailsFunction");
        host.invoke(thumbnails, SampleEvent.fill(events.resolve("make-thumbnails/original-put.json"), null, Map.of(
                "originals/01JD3Z6Q0V8X2K4M6N8P0R2T4W/01JD4B5Y8F2W6R0T3P9K7M1XQA", "originals/" + author.id() + "/" + uploadId,
                "\"size\":2481517", "\"size\":" + PHOTO.length), null));
        Map<String, Object> request = new java.util.HashMap<>(JSON.readValue(newPostBody(uploadId), Map.class));
        if (priceKopecks != null) {
            request.put("price", priceKopecks);
        }
        JsonNode post = invoke("CreatePostFunction", "create-post/new-post.json", token(author), Map.of(),
                JSON.writeValueAsString(request), 201);
        if (!"published".equals(post.path("status").asText())) {
            throw new IllegalStateException("a seeded post is not published: " + post);
        }
        return post.path("id").asText();
    }

    /**
     * Runs the fan-out the posts made so far have queued, step by step, as S3 would by invoking the fan-out
     * function for each task object stored under {@code tasks/fanout/} (each step deletes its task and may store
     * the next): afterwards the followers' feeds hold the posts.
     */
    void fanOut() throws IOException {
        FunctionSpec fanOut = function("FanOutFunction");
        String bucket = cloud.physicalName("MediaBucket");
        for (int round = 0; round < MAX_FAN_OUT_ROUNDS; round++) {
            List<String> tasks = cloud.s3Client().listObjectsV2(r -> r.bucket(bucket).prefix("tasks/fanout/")).contents()
                    .stream().map(S3Object::key).toList();
            if (tasks.isEmpty()) {
                return;
            }
            for (String task : tasks) {
                host.invoke(fanOut, SampleEvent.fill(events.resolve("fan-out/first-step.json"), null,
                        Map.of("tasks/fanout/add/01JD3Z6Q0V8X2K4M6N8P0R2T4W/01JD40A1B2C3D4E5F6G7H8J9KM/0", task), null));
            }
        }
        throw new IllegalStateException("the fan-out still had tasks after " + MAX_FAN_OUT_ROUNDS + " rounds");
    }

    /**
     * A new buyer's pending CloudPayments payment for {@code postId} (checkout, which creates the order at the
     * simulated CloudPayments), and the notification CloudPayments sends once she has paid, signed as it signs
     * it, but not sent: what a webhook event carries.
     */
    Notice paidNotice(String postId) throws IOException {
        Account buyer = signUp();
        String order = JSON.writeValueAsString(Map.of("item", Map.of("type", "post", "id", postId), "provider", "cloudpayments"));
        JsonNode payment = invoke("CheckoutFunction", "checkout/buy-post.json", token(buyer), Map.of(), order, 201);
        String paymentId = payment.path("paymentId").asText();
        String providerOrder = payments.paymentByReference(Provider.CLOUDPAYMENTS, paymentId)
                .orElseThrow(() -> new IllegalStateException("CloudPayments has no order for payment " + paymentId)).id();
        return payments.prepare(Provider.CLOUDPAYMENTS, providerOrder, Action.PAY);
    }

    private FunctionSpec function(String logicalId) {
        return cloud.template().function(logicalId)
                .orElseThrow(() -> new IllegalStateException("template.yaml has no " + logicalId));
    }

    /**
     * Invokes a function of the template in this JVM with a sample event filled for this call.
     *
     * @return the answer's body as JSON (null when it has none)
     * @throws IllegalStateException when the status is not {@code expected}, with the answer
     */
    JsonNode invoke(String logicalId, String sample, String token, Map<String, String> replacements, String body,
            int expected) throws IOException {
        JsonNode answer = JSON.readTree(host.invoke(function(logicalId), SampleEvent.fill(events.resolve(sample), token, replacements, body)));
        if (answer.path("statusCode").asInt() != expected) {
            throw new IllegalStateException(logicalId + " answered " + answer.path("statusCode") + " while seeding: " + answer);
        }
        String text = answer.path("body").asText(null);
        return text == null || text.isEmpty() ? null : JSON.readTree(text);
    }

    @Override
    public void close() {
        host.close();
        payments.close();
    }

    /** A small real JPEG (the post's processing decodes it when the storage event comes). */
    private static byte[] jpeg() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, new Color(x % 256, y % 256, (x + y) % 256).getRGB());
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
