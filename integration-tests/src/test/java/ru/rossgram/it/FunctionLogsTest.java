package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.paymentsim.Action;
import ru.rossgram.paymentsim.Notice;
import ru.rossgram.paymentsim.Provider;

/**
 * What the real functions write to the console while a user signs up, signs in, refreshes and buys, and T-Bank
 * notifies us of the payment with the card's mask: one JSON object per line with the fields operators search by,
 * an access line per request, and none of the user's or the providers' secrets.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARD_MASK = "430000******0777";

    private Marketplace market;
    private FunctionHosts storageFunctions;
    private Backend backend;

    @BeforeAll
    void open(Backend backend) {
        this.backend = backend;
        market = new Marketplace(() -> backend);
        storageFunctions = new FunctionHosts(() -> backend, "FanOutFunction", Map.of());
    }

    @AfterAll
    void close() {
        market.close();
        storageFunctions.close();
    }

    @Test
    void signUpSignInRefreshAndATBankPayment_logJsonLinesWithTheirFields_andNoSecret() {
        ApiDriver api = market.api();
        User creator = market.signUp("creator");
        String post = market.paidPost(creator, 25_000);
        String username = TestSettings.unique("logged");
        String email = username + "@example.ru";
        List<String> secrets = new ArrayList<>(List.of(TestSettings.PASSWORD, email, CARD_MASK,
                Marketplace.TBANK_PASSWORD, Marketplace.YOOKASSA_SECRET, Marketplace.CLOUDPAYMENTS_SECRET,
                Marketplace.ROBOKASSA_PASSWORD1, Marketplace.ROBOKASSA_PASSWORD2, Marketplace.ROBOKASSA_PASSWORD3));

        List<String> stdout;
        String userId;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            JsonNode account = User.createAccount(api, username);
            userId = account.at("/account/id").asText();
            secrets.add(account.at("/tokens/accessToken").asText());
            secrets.add(account.at("/tokens/refreshToken").asText());

            Reply signedIn = api.post("/v1/sessions", TestSettings.signInBody(email, TestSettings.PASSWORD));
            assertEquals(201, signedIn.status(), signedIn.body());
            secrets.add(signedIn.json().at("/tokens/accessToken").asText());
            secrets.add(signedIn.json().at("/tokens/refreshToken").asText());

            Reply refreshed = api.post("/v1/sessions/refresh", AccountsContract.refresh(signedIn.json().at("/tokens/refreshToken").asText()));
            assertEquals(200, refreshed.status(), refreshed.body());
            String accessToken = refreshed.json().path("accessToken").asText();
            secrets.add(accessToken);
            secrets.add(refreshed.json().path("refreshToken").asText());

            User buyer = new User(userId, username, accessToken, api);
            assertEquals(200, buyer.send("GET", "/v1/me", null).status());
            String paymentId = market.checkoutAndOpenPage(buyer, post, Provider.TBANK).simulatedId();
            Notice paid = market.notice(Provider.TBANK, paymentId, Action.PAY);
            assertTrue(paid.bodyText().contains("\"Pan\":\"" + CARD_MASK + "\""), paid.bodyText());
            Reply answer = market.deliver(paid);
            assertEquals("OK", answer.body(), answer.status() + " " + answer.body());

            console.close();
            assertNoSecrets(console.stdoutLines(), secrets);
            assertNoSecrets(console.stderrLines(), secrets);
            stdout = console.stdoutLines();
        }

        List<JsonNode> lines = stdout.stream().map(FunctionLogsTest::jsonObject).toList();
        for (JsonNode line : lines) {
            for (String field : List.of("timestamp", "level", "message", "logger")) {
                assertTrue(line.hasNonNull(field), "no " + field + " in " + line);
            }
            if (line.path("logger").asText().startsWith("ru.rossgram.")) {
                assertTrue(line.hasNonNull("function") && line.hasNonNull("requestId"), "a function's line without function or requestId: " + line);
            }
        }
        access(lines, "SignUpFunction", "POST /v1/accounts", 201, null);
        access(lines, "SignInFunction", "POST /v1/sessions", 201, null);
        access(lines, "RefreshSessionFunction", "POST /v1/sessions/refresh", 200, null);
        access(lines, "GetMeFunction", "GET /v1/me", 200, userId);
        access(lines, "CheckoutFunction", "POST /v1/checkouts", 201, userId);
        access(lines, "PaymentWebhookFunction", "POST /v1/webhooks/{provider}", 200, null);
        assertTrue(lines.stream().anyMatch(line -> line.path("function").asText().equals("PaymentWebhookFunction")
                        && line.path("logger").asText().endsWith("PaymentWebhooks") && line.path("message").asText().contains("APPLIED")),
                "the webhook's outcome line: " + stdout);
    }

    @Test
    void aTBankNotificationThatIsNotJson_isRefused_withoutItsContentInTheLog() {
        String leaked = TestSettings.unique("card_holder_email");
        List<String> everything = new ArrayList<>();
        try (ConsoleCapture console = ConsoleCapture.start()) {
            Notice broken = new Notice(Provider.TBANK, ("{\"TerminalKey\":\"" + Marketplace.TBANK_TERMINAL + "\",\"Pan\":\""
                    + CARD_MASK + "\",\"Email\":" + leaked + "@example.ru}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Map.of("content-type", "application/json"));
            Reply answer = market.deliver(broken);
            assertEquals(400, answer.status(), answer.body()); // T-Bank hears NOTOK
            console.close();
            everything.addAll(console.stdoutLines());
            everything.addAll(console.stderrLines());
        }
        assertTrue(everything.stream().anyMatch(line -> line.contains("notification refused")), "the refusal is logged: " + everything);
        assertNoSecrets(everything, List.of(leaked, CARD_MASK));
    }

    @Test
    void aStoredObject_isOneLineWithItsOutcome_underTheFunctionAndTheLambdaRequestId() {
        String key = "tasks/fanout/" + TestSettings.unique("not-a-task");
        String event = S3Notifications.objectCreated("us-east-1", storageFunctions.services().mediaBucket(), key, 0,
                "d41d8cd98f00b204e9800998ecf8427e");
        List<String> stdout;
        try (ConsoleCapture console = ConsoleCapture.start()) {
            storageFunctions.shared().invoke(backend.template().function("FanOutFunction").orElseThrow(), event);
            console.close();
            stdout = console.stdoutLines();
        }
        List<JsonNode> lines = stdout.stream().map(FunctionLogsTest::jsonObject)
                .filter(line -> key.equals(line.path("key").asText())).toList();
        assertEquals(1, lines.size(), "one line for the object: " + stdout);
        JsonNode line = lines.get(0);
        assertEquals("FanOutFunction", line.path("function").asText(), line.toString());
        assertFalse(line.path("requestId").asText().isEmpty(), line.toString());
        assertEquals("not a fan-out task", line.path("outcome").asText(), line.toString());
        assertEquals("ObjectCreated:Put", line.path("event").asText(), line.toString());
        assertEquals(storageFunctions.services().mediaBucket(), line.path("bucket").asText(), line.toString());
        assertTrue(line.path("latencyMs").isNumber(), line.toString());
        assertEquals("INFO", line.path("level").asText(), line.toString());
    }

    private static void access(List<JsonNode> lines, String function, String routeKey, int status, String userId) {
        JsonNode line = lines.stream()
                .filter(l -> l.path("logger").asText().endsWith(".AccessLog") && function.equals(l.path("function").asText()))
                .findFirst().orElseGet(() -> fail("no access line of " + function + " in " + lines));
        assertEquals(routeKey, line.path("routeKey").asText(), line.toString());
        assertEquals(routeKey.substring(0, routeKey.indexOf(' ')), line.path("method").asText(), line.toString());
        assertEquals(status, line.path("status").asInt(), line.toString());
        assertTrue(line.path("latencyMs").isNumber(), line.toString());
        assertFalse(line.path("sourceIp").asText().isEmpty(), line.toString());
        assertFalse(line.path("requestId").asText().isEmpty(), line.toString());
        assertEquals("INFO", line.path("level").asText(), line.toString());
        if (userId != null) {
            assertEquals(userId, line.path("userId").asText(), line.toString());
        } else {
            assertFalse(line.has("userId"), line.toString());
        }
    }

    private static void assertNoSecrets(List<String> lines, List<String> secrets) {
        for (String line : lines) {
            for (String secret : secrets) {
                assertFalse(secret.isEmpty(), "a secret to look for is empty");
                assertFalse(line.toLowerCase().contains(secret.toLowerCase()), "'" + secret + "' logged: " + line);
            }
        }
    }

    private static JsonNode jsonObject(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertTrue(node.isObject(), line);
            return node;
        } catch (IOException e) {
            return fail("not one JSON object: " + line);
        }
    }
}
