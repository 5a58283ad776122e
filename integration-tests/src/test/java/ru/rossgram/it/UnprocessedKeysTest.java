package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.TestSettings.PASSWORD;
import static ru.rossgram.it.TestSettings.signInBody;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.it.ApiDriver.Reply;

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

    private FailingDynamoDb dynamo;
    private FunctionHosts functions;

    @BeforeAll
    void start(Backend backend) throws IOException {
        String database = backend.functionEnvironment(backend.template().function("SignInFunction").orElseThrow())
                .get("AWS_ENDPOINT_URL_DYNAMODB");
        dynamo = FailingDynamoDb.forwarding(database);
        // The functions read through the failing table; the services that set posts up go straight to it.
        functions = new FunctionHosts(() -> backend, "CreatePostFunction", Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynamo.url()));
    }

    @AfterEach
    void stopWithholding() {
        dynamo.withholdBatchGets(0);
    }

    @AfterAll
    void stop() {
        functions.close();
        dynamo.close();
    }

    /** What {@code call} answers with the table withholding every key of the next {@code withheld} batch reads. */
    private Reply withheld(int withheld, Supplier<Reply> call) {
        dynamo.withholdBatchGets(withheld);
        int before = dynamo.withheld();
        Reply reply = assertTimeoutPreemptively(Duration.ofSeconds(60), call::get,
                "a read that never completes must not keep the caller waiting");
        dynamo.withholdBatchGets(0);
        assertTrue(dynamo.withheld() > before, "the call met unprocessed keys");
        return reply;
    }

    /** A sign-in from an address of its own, so one test's address count cannot throttle another's. */
    private Reply signIn(String username, String password) {
        return functions.api().post("/v1/sessions", signInBody(username, password));
    }

    private static void assertBusy(Reply reply) {
        assertEquals(503, reply.status(), reply.body());
        assertEquals("busy", reply.problemType());
        assertTrue(Long.parseLong(reply.header("retry-after")) > 0, reply.headers().toString());
    }

    // --- sign-in throttle -------------------------------------------------------------------------------------

    @Test
    void signIn_refusesTheSixthWrongPassword_whileTheTableWithholdsTheCountsForAWhile() {
        String username = functions.signUp("withheld").username();
        for (int i = 0; i < 5; i++) {
            String guess = "wrong password " + i;
            Reply wrong = withheld(A_FEW, () -> signIn(username, guess));
            assertEquals(401, wrong.status(), wrong.body());
        }
        Reply sixth = withheld(A_FEW, () -> signIn(username, "wrong password 5"));
        assertEquals(429, sixth.status(), "the counts were read in the end, not skipped: " + sixth.body());
        assertEquals("too-many-attempts", sixth.problemType());
        assertTrue(Long.parseLong(sixth.header("retry-after")) > 0);
    }

    @Test
    void signIn_answersBusy_notASession_whenTheCountsStayUnreadPastEveryRetry() {
        String username = functions.signUp("unread").username();
        assertBusy(withheld(FOR_GOOD, () -> signIn(username, PASSWORD)));
        assertBusy(withheld(FOR_GOOD, () -> signIn(username, "a guess")));

        Reply later = signIn(username, PASSWORD);
        assertEquals(201, later.status(), "once the table reads again: " + later.body());
    }

    // --- posts, uploads and who sees them ---------------------------------------------------------------------

    private static String postOf(String uploadId) {
        return User.postBody(List.of(uploadId), "");
    }

    @Test
    void aPost_getsItsUploads_whileTheTableWithholdsThemForAWhile_andAnswersBusyWhenItWithholdsThemForGood() {
        User author = functions.signUp("author");
        String uploadId = functions.processedUpload(author);
        assertBusy(withheld(FOR_GOOD, () -> author.createPost(postOf(uploadId))));

        Reply created = withheld(A_FEW, () -> author.createPost(postOf(uploadId)));
        assertEquals(201, created.status(), "the upload was read in the end: " + created.body());
        assertEquals("published", created.json().path("status").asText());
    }

    @Test
    void aPrivateAccountsPost_staysHiddenFromAStranger_whileTheTableWithholdsKeys_andALikeNeverWaitsForever() {
        User author = functions.signUp("author");
        String postId = functions.publishedPost(author, "");
        author.makePrivate(true);
        User stranger = functions.signUp("stranger");

        Reply refused = withheld(A_FEW, () -> stranger.like(postId));
        assertEquals(404, refused.status(), "the profile was read in the end, and it is private: " + refused.body());
        assertEquals("not-found", refused.problemType());
        assertBusy(withheld(FOR_GOOD, () -> stranger.like(postId)));
    }
}
