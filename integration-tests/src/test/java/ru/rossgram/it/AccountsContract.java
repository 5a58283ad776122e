package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;
import static ru.rossgram.it.TestSettings.PASSWORD;
import static ru.rossgram.it.TestSettings.signInBody;
import static ru.rossgram.it.TestSettings.signUpBody;
import static ru.rossgram.it.TestSettings.unique;
import static ru.rossgram.it.User.createAccount;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.shared.auth.AccessTokens;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.accounts.Session;
import ru.rossgram.shared.accounts.SessionRepository;
import ru.rossgram.shared.auth.PasswordHasher;
import ru.rossgram.shared.config.RossgramConfig;

/**
 * Accounts, end to end through the functions' Lambda entry points against a real backend. Subclasses say
 * which backend; the behaviour must not depend on it.
 */
abstract class AccountsContract extends Contract {
    protected AccountsContract() {
        super("GetMeFunction", Map.of());
    }

    /** A client at its own address, so address throttling in one test cannot leak into another. */
    private ApiDriver client() {
        return hosts.api();
    }

    static Map<String, String> bearer(String token) {
        return Map.of("authorization", "Bearer " + token);
    }

    // --- sign-up -------------------------------------------------------------------------------------------

    @Test
    void signUp_createsAccount_whoseAccessTokenOpensMe() {
        ApiDriver api = client();
        String username = unique("Masha.Photo");
        JsonNode created = createAccount(api, username);
        assertEquals(username, created.at("/account/username").asText());
        assertEquals("Маша Петрова", created.at("/account/displayName").asText());
        assertFalse(created.toString().contains("passwordHash"));
        assertEquals("Bearer", created.at("/tokens/tokenType").asText());

        Reply me = api.send("GET", "/v1/me", null, bearer(created.at("/tokens/accessToken").asText()));
        assertEquals(200, me.status(), me.body());
        assertEquals(created.at("/account/id").asText(), me.json().path("id").asText());
        assertEquals(username.toLowerCase() + "@example.ru", me.json().path("email").asText().toLowerCase());
    }

    @Test
    void signUp_acceptsAnAccountsReferralCode_andRefusesAMalformedOne() {
        ApiDriver api = client();
        User referrer = User.signUp(api, unique("referrer"));
        String code = referrer.send("GET", "/v1/me/referrals", null).json().path("code").asText();
        String username = unique("ref");
        Reply reply = api.post("/v1/accounts", """
                {"username": "%s", "email": "%s@example.ru", "password": "%s", "displayName": "R",
                 "referralCode": "%s"}""".formatted(username, username, PASSWORD, code));
        assertEquals(201, reply.status(), reply.body());
        Reply bad = api.post("/v1/accounts", """
                {"username": "%s", "email": "%s@example.ru", "password": "%s", "displayName": "R",
                 "referralCode": "no spaces allowed"}""".formatted(unique("ref"), unique("ref"), PASSWORD));
        assertEquals(400, bad.status());
        assertEquals("referralCode", bad.json().at("/errors/0/field").asText());
    }

    @Test
    void signUp_rejectsTakenUsername_caseInsensitively() {
        ApiDriver api = client();
        String username = unique("masha");
        createAccount(api, username);
        Reply again = api.post("/v1/accounts", signUpBody(username.toUpperCase(), unique("other") + "@example.ru", PASSWORD));
        assertEquals(409, again.status());
        assertEquals("username-taken", again.problemType());
    }

    @Test
    void signUp_rejectsTakenEmail_caseInsensitively() {
        ApiDriver api = client();
        String username = unique("masha");
        createAccount(api, username);
        Reply again = api.post("/v1/accounts", signUpBody(unique("other"), username.toUpperCase() + "@EXAMPLE.RU", PASSWORD));
        assertEquals(409, again.status());
        assertEquals("email-taken", again.problemType());
    }

    @Test
    void signUp_rejectsInvalidFields_namingTheField() {
        ApiDriver api = client();
        Map<String, String> cases = Map.of(
                signUpBody("ma sha", "a@example.ru", PASSWORD), "username",
                signUpBody("ab", "a@example.ru", PASSWORD), "username",
                signUpBody("x".repeat(31), "a@example.ru", PASSWORD), "username",
                signUpBody(unique("u"), "not-an-email", PASSWORD), "email",
                signUpBody(unique("u"), unique("u") + "@example.ru", "short"), "password",
                signUpBody(unique("u"), unique("u") + "@example.ru", "qwertyuiop"), "password",
                signUpBody(unique("u"), unique("u") + "@example.ru", "Password123"), "password",
                "{\"username\": \"" + unique("u") + "\", \"email\": \"a@example.ru\", \"password\": \"" + PASSWORD + "\"}", "displayName");
        cases.forEach((body, field) -> {
            Reply reply = api.post("/v1/accounts", body);
            assertEquals(400, reply.status(), body + " -> " + reply.body());
            assertEquals("invalid-request", reply.problemType());
            assertEquals(field, reply.json().at("/errors/0/field").asText(), reply.body());
        });
    }

    @Test
    void badRequests_getProblemJson_never5xxOrStackTraces() {
        ApiDriver api = client();
        record Case(String body, String contentType, int status, String type) {
        }
        List<Case> cases = List.of(
                new Case("{\"username\": ", "application/json", 400, "malformed-json"),
                new Case("not json at all", "application/json", 400, "malformed-json"),
                new Case("[]", "application/json", 400, "invalid-request"),
                new Case("", "application/json", 400, "invalid-request"),
                new Case("{\"username\": 42, \"email\": \"a@b.ru\", \"password\": \"x\", \"displayName\": \"x\"}", "application/json", 400, "invalid-request"),
                new Case("{\"username\": \"a\", \"isAdmin\": true}", "application/json", 400, "invalid-request"),
                new Case("{\"bio\": \"" + "x".repeat(20_000) + "\"}", "application/json", 413, "payload-too-large"),
                new Case("username=masha", "application/x-www-form-urlencoded", 415, "unsupported-media-type"));
        for (Case c : cases) {
            for (String path : List.of("/v1/accounts", "/v1/sessions", "/v1/sessions/refresh")) {
                Reply reply = api.send("POST", path, c.body(), Map.of("content-type", c.contentType()));
                assertEquals(c.status(), reply.status(), path + " " + c + " -> " + reply.body());
                assertEquals(c.type(), reply.problemType());
                assertFalse(reply.body().contains("at ru.rossgram") || reply.body().contains("Exception"), reply.body());
            }
        }
    }

    @Test
    void hundredSimultaneousSignUps_forOneUsername_createExactlyOneAccount() throws Exception {
        ApiDriver api = client();
        String username = unique("race");
        int contenders = 100;
        List<Reply> replies = concurrently(contenders,
                i -> api.post("/v1/accounts", signUpBody(username, username + "+" + i + "@example.ru", PASSWORD)));
        int created = 0;
        int taken = 0;
        String winnerEmail = null;
        for (Reply reply : replies) {
            if (reply.status() == 201) {
                created++;
                winnerEmail = reply.json().at("/account/email").asText();
            } else {
                assertEquals(409, reply.status(), reply.body());
                assertEquals("username-taken", reply.problemType());
                taken++;
            }
        }
        assertEquals(1, created);
        assertEquals(contenders - 1, taken);
        // The winner can sign in by name; the losers' emails never became accounts.
        assertEquals(201, api.post("/v1/sessions", signInBody(username, PASSWORD)).status());
        assertEquals(201, api.post("/v1/sessions", signInBody(winnerEmail, PASSWORD)).status());
        String loserEmail = winnerEmail.equals(username + "+0@example.ru") ? username + "+1@example.ru" : username + "+0@example.ru";
        assertEquals(401, api.post("/v1/sessions", signInBody(loserEmail, PASSWORD)).status());
    }

    // --- sign-in and throttling -----------------------------------------------------------------------------

    @Test
    void signIn_byUsernameOrEmail_caseInsensitively() {
        ApiDriver api = client();
        String username = unique("Login");
        String id = createAccount(api, username).at("/account/id").asText();
        for (String login : List.of(username, username.toUpperCase(), username + "@example.ru", username.toUpperCase() + "@EXAMPLE.RU")) {
            Reply reply = api.post("/v1/sessions", signInBody(login, PASSWORD));
            assertEquals(201, reply.status(), login + " -> " + reply.body());
            assertEquals(id, reply.json().at("/account/id").asText());
            assertFalse(reply.json().at("/tokens/refreshToken").asText().isEmpty());
        }
    }

    @Test
    void signIn_wrongPasswordAndUnknownUser_lookTheSame() {
        ApiDriver api = client();
        String username = unique("victim");
        createAccount(api, username);
        Reply wrongPassword = api.post("/v1/sessions", signInBody(username, "not the password at all"));
        Reply unknownUser = api.post("/v1/sessions", signInBody(unique("nobody"), PASSWORD));
        assertEquals(401, wrongPassword.status());
        assertEquals(401, unknownUser.status());
        assertEquals(wrongPassword.problemType(), unknownUser.problemType());
        assertEquals(wrongPassword.json().path("detail"), unknownUser.json().path("detail"));
    }

    @Test
    void signIn_throttlesRepeatedFailuresForOneAccount_evenWithTheRightPassword() {
        String username = unique("target");
        createAccount(client(), username);
        for (int i = 0; i < 5; i++) {
            // a different address each time: the account's own limit must hold regardless
            assertEquals(401, client().post("/v1/sessions", signInBody(username, "wrong password " + i)).status());
        }
        Reply throttled = client().post("/v1/sessions", signInBody(username, PASSWORD));
        assertEquals(429, throttled.status(), throttled.body());
        assertEquals("too-many-attempts", throttled.problemType());
        assertTrue(Long.parseLong(throttled.header("retry-after")) > 0);
    }

    @Test
    void signIn_successesNeverCount_butASuccessLeavesEarlierFailuresCounted() {
        ApiDriver phone = client();
        String username = unique("owner");
        createAccount(phone, username);
        for (int i = 0; i < 7; i++) {
            assertEquals(201, phone.post("/v1/sessions", signInBody(username, PASSWORD)).status(), "sign-in " + i);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(401, phone.post("/v1/sessions", signInBody(username, "wrong password " + i)).status());
        }
        assertEquals(201, phone.post("/v1/sessions", signInBody(username, PASSWORD)).status());
        // A success does not wipe the failures before it: an attacker racing the owner gets no fresh guesses.
        assertEquals(401, phone.post("/v1/sessions", signInBody(username, "wrong password 4")).status());
        Reply throttled = phone.post("/v1/sessions", signInBody(username, PASSWORD));
        assertEquals(429, throttled.status(), throttled.body());
    }

    @Test
    void signIn_throttlesOneAddressSprayingManyAccounts() {
        ApiDriver attacker = client();
        for (int i = 0; i < 12; i++) {
            assertEquals(401, attacker.post("/v1/sessions", signInBody(unique("spray"), "guess number " + i)).status());
        }
        Reply throttled = attacker.post("/v1/sessions", signInBody(unique("spray"), PASSWORD));
        assertEquals(429, throttled.status());
        assertTrue(throttled.headers().containsKey("retry-after"));
        // another address is not affected
        assertEquals(401, client().post("/v1/sessions", signInBody(unique("spray"), PASSWORD)).status());
    }

    /** The number of passwords {@code host}'s sign-in function has checked so far (Argon2 verifications, decoys too). */
    private long passwordChecks(FunctionHost host) {
        return host.bean(backend().template().function("SignInFunction").orElseThrow(), PasswordHasher.class).checks();
    }

    @Test
    void signIn_checksAtMostFivePasswords_whenTwentyWrongOnesForOneAccountArriveAtOnce() throws Exception {
        FunctionHost host = hosts.start(Map.of()); // a sign-in function of its own, so every check counted is ours
        String username = unique("burst");
        createAccount(hosts.api(host), username);
        // from twenty addresses: the account's own limit must hold however the attempts are spread
        List<Reply> replies = concurrently(20,
                i -> hosts.api(host).post("/v1/sessions", signInBody(username, "wrong password " + i)));
        long unauthorized = replies.stream().filter(reply -> reply.status() == 401).count();
        for (Reply reply : replies) {
            if (reply.status() != 401) {
                assertEquals(429, reply.status(), reply.body());
                assertEquals("too-many-attempts", reply.problemType());
                assertTrue(Long.parseLong(reply.header("retry-after")) > 0);
            }
        }
        assertTrue(passwordChecks(host) <= 5, "passwords checked: " + passwordChecks(host));
        assertEquals(passwordChecks(host), unauthorized, "every check answered 401, every other attempt 429");
    }

    @Test
    void signIn_checksAtMostTheAddressLimit_whenOneAddressSpraysThirtyLoginsAtOnce() throws Exception {
        FunctionHost host = hosts.start(Map.of());
        ApiDriver attacker = hosts.api(host);
        List<Reply> replies = concurrently(30, i -> attacker.post("/v1/sessions", signInBody(unique("spray"), "guess " + i)));
        long unauthorized = replies.stream().filter(reply -> reply.status() == 401).count();
        for (Reply reply : replies) {
            if (reply.status() != 401) {
                assertEquals(429, reply.status(), reply.body());
                assertTrue(Long.parseLong(reply.header("retry-after")) > 0);
            }
        }
        assertTrue(passwordChecks(host) <= 12, "passwords checked: " + passwordChecks(host)); // TestSettings.OVERRIDES
        assertEquals(passwordChecks(host), unauthorized);
    }

    @Test
    void signIn_refusesAtLeastOneOfSixWrongPasswordsSentAtOnce() throws Exception {
        String username = unique("six");
        ApiDriver attacker = client();
        createAccount(attacker, username);
        List<Reply> replies = concurrently(6, i -> attacker.post("/v1/sessions", signInBody(username, "guess " + i)));
        assertEquals(5, replies.stream().filter(reply -> reply.status() == 401).count(), replies.toString());
        assertEquals(1, replies.stream().filter(reply -> reply.status() == 429).count(), replies.toString());
    }

    @Test
    void signIn_countsFailuresByUsernameAndByEmail_asOneAccount_inAnyCase() {
        String byName = unique("Both");
        createAccount(client(), byName);
        for (int i = 0; i < 5; i++) {
            String login = i % 2 == 0 ? byName : byName.toUpperCase();
            assertEquals(401, client().post("/v1/sessions", signInBody(login, "wrong password " + i)).status());
        }
        Reply byEmail = client().post("/v1/sessions", signInBody(byName.toUpperCase() + "@EXAMPLE.RU", PASSWORD));
        assertEquals(429, byEmail.status(), "five failures by username close the email too: " + byEmail.body());

        String byMail = unique("Mail");
        createAccount(client(), byMail);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, client().post("/v1/sessions", signInBody(byMail + "@Example.ru", "wrong password " + i)).status());
        }
        Reply byUsername = client().post("/v1/sessions", signInBody(byMail.toLowerCase(), PASSWORD));
        assertEquals(429, byUsername.status(), "five failures by email close the username too: " + byUsername.body());
    }

    @Test
    void signIn_throttlesALoginThatNamesNoAccount_asItThrottlesARealOne() {
        String real = unique("real");
        createAccount(client(), real);
        String nobody = unique("Nobody");
        for (int i = 0; i < 5; i++) {
            assertEquals(401, client().post("/v1/sessions", signInBody(real, "wrong password " + i)).status());
            assertEquals(401, client().post("/v1/sessions", signInBody(nobody, "wrong password " + i)).status());
        }
        Reply realRefused = client().post("/v1/sessions", signInBody(real, PASSWORD));
        Reply nobodyRefused = client().post("/v1/sessions", signInBody(nobody.toLowerCase(), PASSWORD));
        assertEquals(429, realRefused.status());
        assertEquals(429, nobodyRefused.status());
        assertEquals(realRefused.problemType(), nobodyRefused.problemType());
        assertEquals(realRefused.header("retry-after") != null, nobodyRefused.header("retry-after") != null);
    }

    @Test
    void signIn_countsEachFailureForAWholeWindowFromWhenItHappened_thenLetsTheOwnerIn() throws Exception {
        Duration window = Duration.ofSeconds(4);
        FunctionHost host = hosts.start(Map.of("ROSSGRAM_SIGN_IN_THROTTLE_WINDOW", window.toSeconds() + "s"));
        String username = unique("slide");
        createAccount(hosts.api(host), username);
        Instant firstSent = Instant.now();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, hosts.api(host).post("/v1/sessions", signInBody(username, "wrong password " + i)).status());
        }
        Reply sixth = hosts.api(host).post("/v1/sessions", signInBody(username, "wrong password 5"));
        Instant sixthAnswered = Instant.now();
        assertEquals(429, sixth.status(), sixth.body());
        long retryAfter = Long.parseLong(sixth.header("retry-after"));
        long leftOfTheWindow = window.minus(Duration.between(firstSent, sixthAnswered)).toMillis();
        assertTrue(retryAfter * 1000 >= leftOfTheWindow,
                "Retry-After " + retryAfter + " s must cover the " + leftOfTheWindow + " ms left until the first failure leaves");
        assertTrue(retryAfter <= window.toSeconds(), "Retry-After " + retryAfter);

        // However the clock's seconds fall, nothing more is checked until the first failure is a window old.
        while (Instant.now().isBefore(firstSent.plus(window).minusMillis(300))) {
            Reply again = hosts.api(host).post("/v1/sessions", signInBody(username, "wrong password again"));
            assertEquals(429, again.status(), "within a window of the first failure: " + again.body());
            Thread.sleep(100);
        }
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), sixthAnswered.plusSeconds(retryAfter)).toMillis()));
        Reply owner = hosts.api(host).post("/v1/sessions", signInBody(username, PASSWORD));
        assertEquals(201, owner.status(), "after Retry-After the owner gets in: " + owner.body());
    }

    // --- refresh and sign-out -------------------------------------------------------------------------------

    static String refresh(String token) {
        return "{\"refreshToken\": \"" + token + "\"}";
    }

    @Test
    void refresh_rotatesTheToken_andReuseOfARotatedTokenRevokesTheSession() {
        // No reuse grace here, so that reusing the token at once counts as theft (SessionHardeningTest has the grace).
        ApiDriver api = hosts.api(hosts.start(Map.of("ROSSGRAM_REFRESH_TOKEN_REUSE_GRACE", "0s")));
        JsonNode tokens = createAccount(api, unique("rot")).path("tokens");
        String first = tokens.path("refreshToken").asText();

        Reply rotated = api.post("/v1/sessions/refresh", refresh(first));
        assertEquals(200, rotated.status(), rotated.body());
        String second = rotated.json().path("refreshToken").asText();
        assertNotEquals(first, second);
        assertEquals(200, api.send("GET", "/v1/me", null, bearer(rotated.json().path("accessToken").asText())).status());

        Reply reuse = api.post("/v1/sessions/refresh", refresh(first));
        assertEquals(401, reuse.status());
        assertEquals("invalid-refresh-token", reuse.problemType());
        // the whole family is gone: the newest token, never reused, no longer works either
        assertEquals(401, api.post("/v1/sessions/refresh", refresh(second)).status());
    }

    /** YDB's TTL deletes an expired item only within about two days: until then, reads must see it as dead. */
    @Test
    void refresh_refusesASessionPastItsLife_whileItsItemIsStillStored() throws Exception {
        // DynamoDB Local runs TTL, so a sweep may take the expired item before or during the refresh. An item still
        // there after the refresh was there during it (nothing recreates it), so a swept attempt is simply retried.
        ApiDriver api = hosts.api(hosts.start(Map.of("ROSSGRAM_REFRESH_TOKEN_TTL", "1s")));
        for (int attempt = 1; ; attempt++) {
            String token = createAccount(api, unique("ttl")).at("/tokens/refreshToken").asText();
            Thread.sleep(2_100);

            Reply reply = client().post("/v1/sessions/refresh", refresh(token));
            assertEquals(401, reply.status(), reply.body());
            assertEquals("invalid-refresh-token", reply.problemType());
            Optional<Session> stored = hosts.services().get(SessionRepository.class)
                    .find(token.substring(0, token.indexOf('.')));
            if (stored.isPresent()) {
                assertTrue(stored.get().expiresAt().isBefore(Instant.now()), stored.get().expiresAt().toString());
                return;
            }
            assertTrue(attempt < 5, "TTL swept the session's item before every refresh: this test needs it stored");
        }
    }

    @Test
    void refresh_refusesForgedAndMalformedTokens() {
        ApiDriver api = client();
        String real = createAccount(api, unique("forge")).at("/tokens/refreshToken").asText();
        String forgedSecret = real.substring(0, 27) + "A".repeat(43);
        for (String token : List.of("garbage", "01JD3Z6Q0V8X2K4M6N8P0R2T4W." + "A".repeat(43), forgedSecret)) {
            Reply reply = api.post("/v1/sessions/refresh", refresh(token));
            assertEquals(401, reply.status(), token);
            assertEquals("invalid-refresh-token", reply.problemType());
        }
    }

    @Test
    void signOut_endsTheSession_soItsRefreshTokenStopsWorking() {
        ApiDriver api = client();
        JsonNode tokens = createAccount(api, unique("bye")).path("tokens");
        Reply out = api.send("DELETE", "/v1/sessions/current", null, bearer(tokens.path("accessToken").asText()));
        assertEquals(204, out.status(), out.body());
        assertEquals(401, api.post("/v1/sessions/refresh", refresh(tokens.path("refreshToken").asText())).status());
        assertEquals(401, api.send("DELETE", "/v1/sessions/current", null, Map.of()).status());
    }

    // --- access tokens and /v1/me ---------------------------------------------------------------------------

    @Test
    void me_refusesMissingTamperedAndUnsignedTokens_butAcceptsTheFallbackHeader() {
        ApiDriver api = client();
        String token = createAccount(api, unique("me")).at("/tokens/accessToken").asText();
        String[] parts = token.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? 'B' : 'A') + parts[2].substring(1);
        for (Map<String, String> headers : List.of(Map.<String, String>of(), bearer(unsigned), bearer(tampered), bearer("x.y.z"))) {
            Reply reply = api.send("GET", "/v1/me", null, headers);
            assertEquals(401, reply.status(), headers.toString());
            assertEquals("unauthorized", reply.problemType());
            assertTrue(reply.header("www-authenticate").startsWith("Bearer"));
        }
        assertEquals(200, api.send("GET", "/v1/me", null, Map.of("x-rossgram-token", token)).status());
    }

    @Test
    void me_refusesATokenSignedWithAnotherKey_andAnExpiredOne() {
        ApiDriver api = client();
        JsonNode account = createAccount(api, unique("stale")).path("account");
        Caller caller = new Caller(account.path("id").asText(), "01JD0000000000000000000000");
        String ourSecret = backend().functionEnvironment(backend().template().function("GetMeFunction").orElseThrow())
                .get("ROSSGRAM_ACCESS_TOKEN_SECRET");
        byte[] otherKey = new byte[32];
        ThreadLocalRandom.current().nextBytes(otherKey);
        Duration ttl = Duration.ofMinutes(15);
        String foreign = new AccessTokens(new RossgramConfig("t", "", false, Base64.getEncoder().encodeToString(otherKey), ttl, ttl, ttl),
                Clock.systemUTC()).issue(caller);
        String expired = new AccessTokens(new RossgramConfig("t", "", false, ourSecret, ttl, ttl, ttl),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-1))).issue(caller);
        String fresh = new AccessTokens(new RossgramConfig("t", "", false, ourSecret, ttl, ttl, ttl), Clock.systemUTC()).issue(caller);

        for (String refused : List.of(foreign, expired)) {
            Reply reply = api.send("GET", "/v1/me", null, bearer(refused));
            assertEquals(401, reply.status(), reply.body());
            assertEquals("unauthorized", reply.problemType());
        }
        assertEquals(200, api.send("GET", "/v1/me", null, bearer(fresh)).status(), "the same claims, signed now with our key");
    }

    @Test
    void patchMe_changesDisplayNameAndBio_andKeepsWhatIsLeftOut() {
        ApiDriver api = client();
        String token = createAccount(api, unique("edit")).at("/tokens/accessToken").asText();
        Map<String, String> headers = new java.util.HashMap<>(bearer(token));
        headers.put("content-type", "application/json");

        Reply bio = api.send("PATCH", "/v1/me", "{\"bio\": \"Фотографирую Петербург\"}", headers);
        assertEquals(200, bio.status(), bio.body());
        assertEquals("Фотографирую Петербург", bio.json().path("bio").asText());
        assertEquals("Маша Петрова", bio.json().path("displayName").asText());

        Reply name = api.send("PATCH", "/v1/me", "{\"displayName\": \"Маша П.\"}", headers);
        assertEquals("Маша П.", name.json().path("displayName").asText());
        assertEquals("Фотографирую Петербург", api.send("GET", "/v1/me", null, bearer(token)).json().path("bio").asText());

        assertEquals(400, api.send("PATCH", "/v1/me", "{\"bio\": \"" + "я".repeat(151) + "\"}", headers).status());
        assertEquals(400, api.send("PATCH", "/v1/me", "{\"username\": \"hijаck\"}", headers).status()); // Cyrillic а
        assertEquals(400, api.send("PATCH", "/v1/me", "{\"email\": \"other@example.ru\"}", headers).status());
        assertEquals(400, api.send("PATCH", "/v1/me", "{}", headers).status());
        assertEquals(401, api.send("PATCH", "/v1/me", "{\"bio\": \"x\"}", Map.of("content-type", "application/json")).status());
    }
}
