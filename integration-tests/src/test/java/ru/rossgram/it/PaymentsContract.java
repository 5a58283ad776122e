package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.paymentsim.Action;
import ru.rossgram.paymentsim.Notice;
import ru.rossgram.paymentsim.Provider;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.providers.TBankToken;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Paid posts, checkout and the providers' webhooks end to end through the real handlers: every provider's
 * checkout against its simulated API, its notifications verified as it signs them, money counted once in the
 * ledger, access granted and revoked with it.
 */
abstract class PaymentsContract extends Contract {
    private static final long PRICE = 19_900; // 199 roubles
    private static final long CREATOR_SHARE = 15_920; // less the 20% fee

    private final Marketplace market = new Marketplace(this::backend);

    protected PaymentsContract() {
        super("CheckoutFunction", Map.of());
    }

    @AfterAll
    void stop() {
        market.close();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aBuyerPays_thePostUnlocks_andTheCreatorEarnsThePriceLessTheFee(Provider provider) {
        User creator = market.signUp("creator");
        User buyer = market.signUp("buyer");
        String post = market.paidPost(creator, PRICE);
        JsonNode locked = buyer.send("GET", "/v1/posts/" + post, null).json();
        assertTrue(locked.path("locked").asBoolean(), locked.toString());
        assertEquals(PRICE, locked.at("/price/amount").asLong());
        assertEquals(List.of("preview"), names(locked.at("/photos/0/urls")), "before paying: the blurred preview only");

        String id = market.checkoutAndOpenPage(buyer, post, provider).simulatedId();
        Reply answer = market.deliver(market.notice(provider, id, Action.PAY));
        assertEquals(200, answer.status(), answer.body());
        assertEquals(acknowledgement(provider, id), answer.body());

        JsonNode unlocked = buyer.send("GET", "/v1/posts/" + post, null).json();
        assertFalse(unlocked.path("locked").asBoolean(), unlocked.toString());
        assertEquals(List.of("w320", "w1080"), names(unlocked.at("/photos/0/urls")));
        JsonNode earnings = creator.send("GET", "/v1/me/earnings", null).json();
        assertEquals(CREATOR_SHARE, earnings.at("/balance/amount").asLong(), earnings.toString());
        assertEquals("sale", earnings.at("/items/0/kind").asText());
        assertEquals(post, earnings.at("/items/0/postId").asText());
        assertEquals(409, market.checkout(buyer, post, provider.wire(), null).status(), "bought already");
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void aForgedNotification_getsTheProvidersRefusal_andChangesNothing(Provider provider) {
        User creator = market.signUp("creator");
        User buyer = market.signUp("buyer");
        String post = market.paidPost(creator, PRICE);
        String id = market.checkoutAndOpenPage(buyer, post, provider).simulatedId();
        Notice real = market.notice(provider, id, Action.PAY);

        String body = real.bodyText();
        Notice forged = provider == Provider.YOOKASSA
                ? real.withBody(body.replace(id, "2f5c7a3e-000f-5000-9000-000000000000")) // a payment YooKassa never made
                : real.withBody(body.replace("199", "1999"));
        Reply refused = market.deliver(forged);
        assertTrue(refused.status() >= 400 && refused.status() < 500, refused.status() + " " + refused.body());
        assertTrue(buyer.send("GET", "/v1/posts/" + post, null).json().path("locked").asBoolean());
        assertEquals(0, creator.send("GET", "/v1/me/earnings", null).json().at("/balance/amount").asLong());

        assertEquals(200, market.deliver(real).status(), "the real one still counts");
        assertFalse(buyer.send("GET", "/v1/posts/" + post, null).json().path("locked").asBoolean());
    }

    @Test
    void theSameNotification_deliveredTwentyTimesAtOnce_andAgainLater_creditsOnce() throws Exception {
        User creator = market.signUp("creator");
        User buyer = market.signUp("buyer");
        String post = market.paidPost(creator, PRICE);
        String id = market.checkoutAndOpenPage(buyer, post, Provider.TBANK).simulatedId();
        Notice notice = market.notice(Provider.TBANK, id, Action.PAY);

        List<Reply> answers = concurrently(20, i -> market.deliver(notice));
        answers.forEach(answer -> assertEquals("OK", answer.body(), answer.status() + " " + answer.body()));
        assertEquals("OK", market.deliver(notice).body());

        JsonNode earnings = creator.send("GET", "/v1/me/earnings", null).json();
        assertEquals(CREATOR_SHARE, earnings.at("/balance/amount").asLong(), earnings.toString());
        assertEquals(1, earnings.path("items").size(), earnings.toString());
    }

    @Test
    void aRefund_reversesTheMoney_andLocksThePostAgain() {
        User creator = market.signUp("creator");
        User buyer = market.signUp("buyer");
        String post = market.paidPost(creator, PRICE);
        String id = market.checkoutAndOpenPage(buyer, post, Provider.YOOKASSA).simulatedId();
        assertEquals(200, market.deliver(market.notice(Provider.YOOKASSA, id, Action.PAY)).status());
        assertFalse(buyer.send("GET", "/v1/posts/" + post, null).json().path("locked").asBoolean());

        assertEquals(200, market.deliver(market.notice(Provider.YOOKASSA, id, Action.REFUND)).status());

        assertTrue(buyer.send("GET", "/v1/posts/" + post, null).json().path("locked").asBoolean());
        JsonNode earnings = creator.send("GET", "/v1/me/earnings", null).json();
        assertEquals(0, earnings.at("/balance/amount").asLong(), earnings.toString());
        assertEquals(List.of("refund", "sale"), kinds(earnings));
        assertEquals(-CREATOR_SHARE, earnings.at("/items/0/amount/amount").asLong());
    }

    @Test
    void aRefundHeardBeforeItsSuccess_movesNoMoney_andTheLateSuccessIsAcknowledgedAsStale() {
        User creator = market.signUp("creator");
        User buyer = market.signUp("buyer");
        String post = market.paidPost(creator, PRICE);
        Marketplace.Checkout checkout = market.checkoutAndOpenPage(buyer, post, Provider.CLOUDPAYMENTS);
        Notice success = market.notice(Provider.CLOUDPAYMENTS, checkout.simulatedId(), Action.PAY);
        Notice refund = market.notice(Provider.CLOUDPAYMENTS, checkout.simulatedId(), Action.REFUND);

        assertEquals(200, market.deliver(refund).status());
        assertEquals(200, market.deliver(success).status());

        assertTrue(buyer.send("GET", "/v1/posts/" + post, null).json().path("locked").asBoolean());
        assertEquals(List.of(), kinds(creator.send("GET", "/v1/me/earnings", null).json()));
        JsonNode payment = buyer.send("GET", "/v1/checkouts/" + checkout.paymentId(), null).json();
        assertEquals("refunded", payment.path("status").asText(), payment.toString());
    }

    @Test
    void anAuthenticNotificationForAnotherAmount_isRefused_andThePaymentFlagged() {
        User creator = market.signUp("creator");
        User buyer = market.signUp("buyer");
        String post = market.paidPost(creator, PRICE);
        Reply checkout = market.checkout(buyer, post, "tbank", "mismatch-" + TestSettings.unique("k"));
        String paymentId = checkout.json().path("paymentId").asText();
        Map<String, Object> notification = new java.util.LinkedHashMap<>();
        notification.put("TerminalKey", Marketplace.TBANK_TERMINAL);
        notification.put("OrderId", paymentId);
        notification.put("Success", true);
        notification.put("Status", "CONFIRMED");
        notification.put("PaymentId", Marketplace.simulatedId(Provider.TBANK, checkout.json()));
        notification.put("ErrorCode", "0");
        notification.put("Amount", 100); // one rouble for a 199-rouble post
        String token = TBankToken.of(notification.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))), Marketplace.TBANK_PASSWORD);
        notification.put("Token", token);
        String body;
        try {
            body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(notification);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        Reply refused = market.deliver(new Notice(Provider.TBANK, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("content-type", "application/json")));

        assertEquals(400, refused.status(), refused.body());
        assertEquals("NOTOK", refused.body());
        assertTrue(buyer.send("GET", "/v1/posts/" + post, null).json().path("locked").asBoolean());
        var item = market.services().get(DynamoDbClient.class).getItem(r -> r.tableName(market.services().get(RossgramConfig.class).table())
                .key(Attrs.key("PAYMENT#" + paymentId, "PAYMENT")).consistentRead(true)).item();
        assertEquals(PaymentState.PENDING.wire(), Attrs.string(item, "state"));
        assertNotNull(Attrs.string(item, "flag"), item.toString());
    }

    @Test
    void checkout_refusesFreeAndOwnPosts_andUnknownProviders_andOneKeyAnswersOnePayment() {
        User creator = market.signUp("creator");
        User buyer = market.signUp("buyer");
        String post = market.paidPost(creator, PRICE);

        assertEquals("not-for-sale", market.checkout(creator, post, "tbank", null).json().path("type").asText().replaceAll(".*/", ""));
        Reply unknown = market.checkout(buyer, post, "paypal", null);
        assertEquals(422, unknown.status(), unknown.body());
        assertEquals(List.of("yookassa", "tbank", "cloudpayments", "robokassa"), names(unknown.json().path("providers")));
        assertEquals(404, market.checkout(buyer, "01JD0000000000000000000000", "tbank", null).status());

        String sameKey = "same-key-" + TestSettings.unique("k");
        Reply first = market.checkout(buyer, post, "yookassa", sameKey);
        assertEquals(201, first.status(), first.body());
        assertEquals("pending", first.json().path("status").asText());
        assertEquals(PRICE, first.json().at("/amount/amount").asLong());
        assertTrue(first.json().path("confirmationUrl").asText().startsWith("http"), first.body());
        String key = first.json().path("paymentId").asText();
        assertEquals(key, market.checkout(buyer, post, "yookassa", sameKey).json().path("paymentId").asText(),
                "a retried checkout answers the same payment");
        assertEquals(400, market.checkout(buyer, post, "tbank", sameKey).status(), "the key is for the YooKassa payment");
        assertFalse(key.equals(market.checkout(buyer, post, "yookassa", null).json().path("paymentId").asText()),
                "without a key, a new payment");
    }

    @Test
    void earnings_pageNewestFirst_withoutRepeatsOrGaps() {
        User creator = market.signUp("creator");
        List<String> paymentsMade = new ArrayList<>();
        long earned = 0;
        for (int i = 0; i < 3; i++) {
            User buyer = market.signUp("buyer");
            long price = PRICE + i; // 199.00, 199.01, 199.02: the fee rounds down to a kopeck each time
            earned += price - Money.rub(price).share(Marketplace.FEE_BASIS_POINTS).minor();
            String post = market.paidPost(creator, price);
            Marketplace.Checkout checkout = market.checkoutAndOpenPage(buyer, post, Provider.TBANK);
            assertEquals("OK", market.deliver(market.notice(Provider.TBANK, checkout.simulatedId(), Action.PAY)).body());
            paymentsMade.add(0, checkout.paymentId()); // newest first
        }
        JsonNode first = creator.send("GET", "/v1/me/earnings?limit=2", null).json();
        assertEquals(2, first.path("items").size(), first.toString());
        JsonNode second = creator.send("GET", "/v1/me/earnings?limit=2&cursor=" + first.path("nextCursor").asText(), null).json();
        List<String> seen = new ArrayList<>();
        first.path("items").forEach(item -> seen.add(item.path("paymentId").asText()));
        second.path("items").forEach(item -> seen.add(item.path("paymentId").asText()));
        assertEquals(paymentsMade, seen);
        assertEquals(earned, first.at("/balance/amount").asLong());
        String cursor = first.path("nextCursor").asText();
        int middle = cursor.length() / 2; // not the last character: in base64 it may carry only padding bits
        String tampered = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A') + cursor.substring(middle + 1);
        assertEquals(400, creator.send("GET", "/v1/me/earnings?cursor=" + tampered, null).status(), "a cursor is signed");
    }

    @Test
    void aLockedPost_showsOnlyItsPreview_inTheFeedAndTheGrid_toAFollowerWhoHasNotPaid() {
        User creator = market.signUp("creator");
        User follower = market.signUp("follower");
        follower.follow(creator);
        String post = market.paidPost(creator, PRICE);
        JsonNode grid = follower.send("GET", "/v1/users/" + creator.username() + "/posts", null).json().path("items").get(0);
        assertEquals(post, grid.path("id").asText());
        assertTrue(grid.path("locked").asBoolean());
        assertEquals(List.of("preview"), names(grid.at("/photos/0/urls")));
        JsonNode own = creator.send("GET", "/v1/users/" + creator.username() + "/posts", null).json().path("items").get(0);
        assertFalse(own.path("locked").asBoolean(), "the author sees its own photos");
        assertFalse(names(own.at("/photos/0/urls")).contains("preview"));
    }

    @Test
    void aPostForSubscribersOnly_isNotForSale_andTheRefusalSaysWhy() {
        User creator = market.signUp("creator");
        User buyer = market.signUp("buyer");
        String post = market.subscriberPost(creator);
        Reply refused = market.checkout(buyer, post, Provider.YOOKASSA.wire(), null);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("not-for-sale", refused.problemType());
        assertTrue(refused.json().path("detail").asText().contains("subscribers"), refused.body());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static String acknowledgement(Provider provider, String simulatedId) {
        return switch (provider) {
            case YOOKASSA -> "";
            case TBANK -> "OK";
            case CLOUDPAYMENTS -> "{\"code\":0}";
            case ROBOKASSA -> "OK" + simulatedId;
        };
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> names.add(value.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> kinds(JsonNode earnings) {
        List<String> kinds = new ArrayList<>();
        earnings.path("items").forEach(item -> kinds.add(item.path("kind").asText()));
        return kinds;
    }
}
