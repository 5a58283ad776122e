package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.AccountsContract.PASSWORD;
import static ru.rossgram.it.AccountsContract.signIn;
import static ru.rossgram.it.AccountsContract.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.shared.media.MediaStore;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.posts.PhotoResults;

/**
 * A table that throttles reads answers BatchGetItem with keys unprocessed. Every function must then read again
 * until it has every key, or answer 503 {@code busy}: never decide on a partial read (a throttle that lets a guess
 * through, a private account's post shown) and never wait forever.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnprocessedKeysTest {
    /** Fewer than the retries a batch read makes: the read completes, late. */
    private static final int A_FEW = 3;
    private static final int FOR_GOOD = Integer.MAX_VALUE;

    private Backend backend;
    private FailingDynamoDb dynamo;
    private FunctionHost functions;
    private SharedServices services;

    @BeforeAll
    void start(Backend backend) throws IOException {
        this.backend = backend;
        String database = backend.functionEnvironment(backend.template().function("SignInFunction").orElseThrow())
                .get("AWS_ENDPOINT_URL_DYNAMODB");
        dynamo = FailingDynamoDb.forwarding(database);
        Map<String, String> overrides = new HashMap<>(AccountsContract.TEST_OVERRIDES);
        overrides.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.url());
        functions = backend.functions(overrides);
        services = SharedServices.asFunction(backend, "CreatePostFunction", Map.of()); // straight to the table
    }

    @AfterEach
    void stopWithholding() {
        dynamo.withholdBatchGets(0);
    }

    @AfterAll
    void stop() {
        functions.close();
        services.close();
        dynamo.close();
    }

    /** A client at an address of its own, so one test's address count cannot throttle another's. */
    private ApiDriver client() {
        var random = ThreadLocalRandom.current();
        return backend.api(functions, "198.19." + random.nextInt(256) + "." + random.nextInt(1, 255));
    }

    /** Calls the API as a user, with its keys withheld {@code withheld} times first. */
    private Reply withheld(int withheld, ApiDriver api, String method, String path, String json, String token) {
        Map<String, String> headers = new HashMap<>();
        if (json != null) {
            headers.put("content-type", "application/json");
        }
        if (token != null) {
            headers.put("authorization", "Bearer " + token);
        }
        dynamo.withholdBatchGets(withheld);
        int before = dynamo.withheld();
        Reply reply = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> api.send(method, path, json, headers),
                "a read that never completes must not keep the caller waiting");
        dynamo.withholdBatchGets(0);
        assertTrue(dynamo.withheld() > before, "the call met unprocessed keys");
        return reply;
    }

    private static void assertBusy(Reply reply) {
        assertEquals(503, reply.status(), reply.body());
        assertEquals("busy", reply.problemType());
        assertTrue(Long.parseLong(reply.header("retry-after")) > 0, reply.headers().toString());
    }

    // --- sign-in throttle -------------------------------------------------------------------------------------

    @Test
    void signIn_refusesTheSixthWrongPassword_whileTheTableWithholdsTheCountsForAWhile() {
        String username = unique("withheld");
        AccountsContract.signUp(client(), username);
        for (int i = 0; i < 5; i++) {
            Reply wrong = withheld(A_FEW, client(), "POST", "/v1/sessions", signIn(username, "wrong password " + i), null);
            assertEquals(401, wrong.status(), wrong.body());
        }
        Reply sixth = withheld(A_FEW, client(), "POST", "/v1/sessions", signIn(username, "wrong password 5"), null);
        assertEquals(429, sixth.status(), "the counts were read in the end, not skipped: " + sixth.body());
        assertEquals("too-many-attempts", sixth.problemType());
        assertTrue(Long.parseLong(sixth.header("retry-after")) > 0);
    }

    @Test
    void signIn_answersBusy_notASession_whenTheCountsStayUnreadPastEveryRetry() {
        String username = unique("unread");
        AccountsContract.signUp(client(), username);
        assertBusy(withheld(FOR_GOOD, client(), "POST", "/v1/sessions", signIn(username, PASSWORD), null));
        assertBusy(withheld(FOR_GOOD, client(), "POST", "/v1/sessions", signIn(username, "a guess"), null));

        Reply later = client().post("/v1/sessions", signIn(username, PASSWORD));
        assertEquals(201, later.status(), "once the table reads again: " + later.body());
    }

    // --- posts, uploads and who sees them ---------------------------------------------------------------------

    private record User(String id, String token, ApiDriver api) {
    }

    private User signUp() {
        ApiDriver api = client();
        JsonNode created = AccountsContract.signUp(api, unique("reader"));
        return new User(created.at("/account/id").asText(), created.at("/tokens/accessToken").asText(), api);
    }

    private Reply send(User user, String method, String path, String json) {
        return withheld(0, user, method, path, json);
    }

    private Reply withheld(int withheld, User user, String method, String path, String json) {
        if (withheld == 0) {
            Map<String, String> headers = new HashMap<>(Map.of("authorization", "Bearer " + user.token()));
            if (json != null) {
                headers.put("content-type", "application/json");
            }
            return user.api().send(method, path, json, headers);
        }
        return withheld(withheld, user.api(), method, path, json, user.token());
    }

    /** One photo upload of {@code author}'s, already processed, so a post of it is published at once. */
    private String processedUpload(User author) {
        Reply reply = send(author, "POST", "/v1/uploads", "{\"purpose\": \"post\", \"contentType\": \"image/jpeg\", \"contentLength\": 2048}");
        assertEquals(201, reply.status(), reply.body());
        String uploadId = reply.json().at("/uploads/0/uploadId").asText();
        PhotoRecord photo = new PhotoRecord(1080, 1350, "#7a5c3e", "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
                List.of(new PhotoRecord.Rendition("w320", MediaStore.thumbnailKey(author.id(), uploadId, "w320"), 320, 400)));
        assertEquals(PhotoResults.Outcome.RECORDED, services.get(PhotoResults.class).recordReady(uploadId, photo));
        return uploadId;
    }

    private static String postOf(String uploadId) {
        return "{\"uploads\": [\"" + uploadId + "\"]}";
    }

    private String publishedPost(User author) {
        Reply created = send(author, "POST", "/v1/posts", postOf(processedUpload(author)));
        assertEquals(201, created.status(), created.body());
        return created.json().path("id").asText();
    }

    @Test
    void aPost_getsItsUploads_whileTheTableWithholdsThemForAWhile_andAnswersBusyWhenItWithholdsThemForGood() {
        User author = signUp();
        String uploadId = processedUpload(author);
        assertBusy(withheld(FOR_GOOD, author, "POST", "/v1/posts", postOf(uploadId)));

        Reply created = withheld(A_FEW, author, "POST", "/v1/posts", postOf(uploadId));
        assertEquals(201, created.status(), "the upload was read in the end: " + created.body());
        assertEquals("published", created.json().path("status").asText());
    }

    @Test
    void aPrivateAccountsPost_staysHiddenFromAStranger_whileTheTableWithholdsKeys_andALikeNeverWaitsForever() {
        User author = signUp();
        String postId = publishedPost(author);
        Reply madePrivate = send(author, "PATCH", "/v1/me", "{\"private\": true}");
        assertEquals(200, madePrivate.status(), madePrivate.body());
        User stranger = signUp();

        Reply refused = withheld(A_FEW, stranger, "PUT", "/v1/posts/" + postId + "/like", null);
        assertEquals(404, refused.status(), "the profile was read in the end, and it is private: " + refused.body());
        assertEquals("not-found", refused.problemType());
        assertBusy(withheld(FOR_GOOD, stranger, "PUT", "/v1/posts/" + postId + "/like", null));
    }
}
