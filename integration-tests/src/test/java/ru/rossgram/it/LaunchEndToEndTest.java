package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.rossgram.imaging.testing.TestPictures;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.paymentsim.PaymentSimulator;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.paymentsim.WebhookAnswer;

/**
 * The launch as people meet it, through the local runner over real HTTP, in the closed phase: nobody joins without
 * an invitation; the operator named in the configuration joins with the configuration's invitation and issues
 * partner and creator codes; two partners join at once with one two-use code; a famous creator takes her reserved
 * name with the code issued for it, which nobody takes without; a Cyrillic look-alike of a name is refused; and an
 * account referred by another earns its referrer a share of the platform's fee on a sale, pending, then available
 * after the hold, then reversed by the sale's refund.
 */
class LaunchEndToEndTest {
    private static final String OPERATOR = "ops." + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30), 36);
    private static final String OPERATORS_INVITATION = "bootstrap-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private static final Duration HOLD = Duration.ofSeconds(3);

    @RegisterExtension
    static final LocalRunner RUNNER = LocalRunner.inMemory(Map.of(
                    "ROSSGRAM_LAUNCH_SIGN_UP_OPENS_AT", "2099-04-01T00:00:00Z",
                    "ROSSGRAM_OPERATORS_USERNAMES", OPERATOR,
                    "ROSSGRAM_OPERATORS_INVITATION", OPERATORS_INVITATION,
                    "ROSSGRAM_REFERRALS_HOLD", HOLD.getSeconds() + "s"))
            .withPayments();

    /** The operator of the runner now started (each run, this class's and its Yandex subclass's, has its own). */
    private static User operator;

    @BeforeAll
    static void noOperatorYet() {
        operator = null;
    }

    @Test
    void theClosedPhase_refusesPeopleWithoutAnInvitation_andTwoPartnersShareOneCodeAtOnce() throws Exception {
        Reply uninvited = RUNNER.api().post("/v1/accounts", body(TestSettings.unique("walkin"), null, null));
        assertEquals(403, uninvited.status(), uninvited.body());
        assertEquals("invitation-required", uninvited.problemType());

        String code = operator().ok("POST", "/v1/operator/invitations",
                "{\"kind\": \"partner\", \"maxUses\": 2, \"note\": \"Sber and VK\"}", 201).json().at("/invitations/0/code").asText();
        List<Reply> partners = Concurrency.concurrently(2, i -> RUNNER.api().post("/v1/accounts",
                body(TestSettings.unique("partner"), code, null)));
        for (Reply partner : partners) {
            assertEquals(201, partner.status(), partner.body());
            assertEquals("[\"partner\"]", partner.json().at("/account/badges").toString());
        }
        assertNotEquals(partners.get(0).json().at("/account/foundingNumber").asLong(),
                partners.get(1).json().at("/account/foundingNumber").asLong(), "each founding member has a number of her own");

        Reply third = RUNNER.api().post("/v1/accounts", body(TestSettings.unique("partner"), code, null));
        assertEquals(422, third.status(), third.body());
        assertEquals("invitation-used-up", third.problemType());
    }

    @Test
    void aReservedName_isTakenOnlyWithTheCreatorCodeIssuedForIt() {
        String general = invitation("{\"kind\": \"partner\", \"maxUses\": 5}");
        Reply squatter = RUNNER.api().post("/v1/accounts", body("buzova", general, null));
        assertEquals(409, squatter.status(), squatter.body());
        assertEquals("username-reserved", squatter.problemType());

        String hers = invitation("{\"kind\": \"creator\", \"forUsername\": \"buzova\", \"note\": \"Olga, through her agent\"}");
        Reply olga = RUNNER.api().post("/v1/accounts", body("buzova", hers, null));
        assertEquals(201, olga.status(), olga.body());
        assertTrue(olga.json().at("/account/verifiedCreator").asBoolean(), olga.body());
        assertEquals("[\"creator\"]", olga.json().at("/account/badges").toString());

        Reply lookalike = RUNNER.api().post("/v1/accounts", body("buz0va", general, null));
        assertEquals(409, lookalike.status(), lookalike.body());
    }

    @Test
    void aCyrillicLookAlikeOfAName_isRefused() {
        String code = invitation("{\"kind\": \"partner\", \"maxUses\": 3}");
        String digits = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
        Reply latin = RUNNER.api().post("/v1/accounts", body("makc_" + digits, code, null));
        assertEquals(201, latin.status(), latin.body());

        Reply cyrillic = RUNNER.api().post("/v1/accounts", body("макс_" + digits, code, null));
        assertEquals(409, cyrillic.status(), cyrillic.body());
        assertEquals("username-lookalike", cyrillic.problemType());
        Reply mixed = RUNNER.api().post("/v1/accounts", body("mакс_" + digits, code, null));
        assertEquals(400, mixed.status(), "one alphabet per name: " + mixed.body());
    }

    @Test
    void aReferredCreatorsSale_earnsTheReferrerPartOfTheFee_pendingThenAvailable_andItsRefundReversesIt() throws Exception {
        String code = invitation("{\"kind\": \"partner\", \"maxUses\": 3}");
        User anna = join("anna", code, null);
        JsonNode referrals = anna.ok("GET", "/v1/me/referrals", null, 200).json();
        String referralCode = referrals.path("code").asText();
        assertTrue(URI.create(referrals.path("link").asText()).getPath().endsWith(referralCode), referrals.toString());

        User masha = join("masha", code, referralCode);
        User petya = join("petya", code, null);
        String post = paidPhotoPost(masha, 19_900);
        JsonNode payment = petya.ok("POST", "/v1/checkouts", "{\"item\": {\"type\": \"post\", \"id\": \"" + post
                + "\"}, \"provider\": \"tbank\"}", Map.of("idempotency-key", "launch-" + post), 201).json();
        URI page = URI.create(payment.path("confirmationUrl").asText());
        String tbankId = page.getPath().substring(page.getPath().lastIndexOf('/') + 1);
        assertEquals(new WebhookAnswer(200, "OK"), simulator().pay(Provider.TBANK, tbankId));

        // 19,900 kopecks at the default 20% fee: 3,980 to the platform, a quarter of it (995) to Anna.
        assertEquals(15_920, masha.ok("GET", "/v1/me/earnings", null, 200).json().at("/balance/amount").asLong(),
                "the creator's share is untouched by her referrer's reward");
        JsonNode pending = anna.ok("GET", "/v1/me/referrals", null, 200).json();
        assertEquals(masha.id(), pending.at("/referred/0/id").asText(), pending.toString());
        assertEquals("pending", pending.at("/items/0/state").asText(), pending.toString());
        assertEquals(995, pending.at("/items/0/amount/amount").asLong());
        assertEquals(995, pending.at("/rewards/pending/amount").asLong());
        assertEquals(0, pending.at("/rewards/available/amount").asLong());

        Thread.sleep(HOLD.plusSeconds(1).toMillis());
        JsonNode available = anna.ok("GET", "/v1/me/referrals", null, 200).json();
        assertEquals("available", available.at("/items/0/state").asText(), available.toString());
        assertEquals(995, available.at("/rewards/available/amount").asLong());
        assertEquals(0, available.at("/rewards/pending/amount").asLong());

        assertEquals(new WebhookAnswer(200, "OK"), simulator().refund(Provider.TBANK, tbankId));
        JsonNode reversed = anna.ok("GET", "/v1/me/referrals", null, 200).json();
        assertEquals("reversed", reversed.at("/items/0/state").asText(), reversed.toString());
        assertEquals(995, reversed.at("/rewards/reversed/amount").asLong());
        assertEquals(0, reversed.at("/rewards/available/amount").asLong());
    }

    // --- the people -----------------------------------------------------------------------------------------

    /** The operator, signed up once with the configuration's invitation (she is the first to join). */
    private static synchronized User operator() {
        if (operator == null) {
            Reply joined = RUNNER.api().post("/v1/accounts", body(OPERATOR, OPERATORS_INVITATION, null));
            assertEquals(201, joined.status(), joined.body());
            operator = user(joined);
        }
        return operator;
    }

    /** A code of the invitation the operator issues as {@code order} describes. */
    private static String invitation(String order) {
        return operator().ok("POST", "/v1/operator/invitations", order, 201).json().at("/invitations/0/code").asText();
    }

    private static User join(String name, String invitation, String referralCode) {
        Reply joined = RUNNER.api().post("/v1/accounts", body(TestSettings.unique(name), invitation, referralCode));
        assertEquals(201, joined.status(), joined.body());
        return user(joined);
    }

    private static User user(Reply joined) {
        JsonNode account = joined.json();
        return new User(account.at("/account/id").asText(), account.at("/account/username").asText(),
                account.at("/tokens/accessToken").asText(), RUNNER.api());
    }

    private static String body(String username, String invitation, String referralCode) {
        String more = (invitation == null ? "" : ", \"inviteCode\": \"" + invitation + "\"")
                + (referralCode == null ? "" : ", \"referralCode\": \"" + referralCode + "\"");
        return "{\"username\": \"" + username + "\", \"email\": \"" + TestSettings.unique("mail") + "@example.ru\", \"password\": \""
                + TestSettings.PASSWORD + "\", \"displayName\": \"Маша Петрова\"" + more + "}";
    }

    private static PaymentSimulator simulator() {
        return RUNNER.backend().paymentSimulator().orElseThrow();
    }

    private static String paidPhotoPost(User creator, long price) {
        byte[] photo = TestPictures.jpeg(TestPictures.textLikePage(96, 64), 0.9f, false);
        return creator.postPhotoAndAwaitPublished("paid-post", photo, "\"price\": " + price + ", \"caption\": \"Только для своих\"");
    }
}
