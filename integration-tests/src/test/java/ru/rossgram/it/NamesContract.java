package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;
import static ru.rossgram.it.TestSettings.PASSWORD;
import static ru.rossgram.it.TestSettings.signInBody;
import static ru.rossgram.it.TestSettings.signUpBody;
import static ru.rossgram.it.TestSettings.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.shared.accounts.LookalikeBackfill;
import ru.rossgram.shared.accounts.ReservedName;
import ru.rossgram.shared.accounts.ReservedNames;
import ru.rossgram.shared.accounts.UsernameSkeleton;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.paging.Page;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Protected names, end to end through the functions against a real backend: usernames in Latin or Cyrillic, unique
 * by look-alike skeleton, reserved names, renames, and the backfill of look-alike claims for older accounts.
 */
abstract class NamesContract extends Contract {
    private static final String OPERATOR = "names.operator";

    protected NamesContract() {
        super("GetMeFunction", Map.of("ROSSGRAM_OPERATORS_USERNAMES", OPERATOR + ",another.operator"));
    }

    private Reply signUp(ApiDriver api, String username) {
        return api.post("/v1/accounts", signUpBody(username, unique("mail") + "@example.ru", PASSWORD));
    }

    private User newUser(String username) {
        return User.signUp(hosts.api(), username);
    }

    private static void assertProblem(Reply reply, int status, String type) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(type, reply.problemType(), reply.body());
    }

    /** A name of Cyrillic letters and digits that no other test uses. */
    private static String cyrillic(String base) {
        return base + "_" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L);
    }

    private static String pathOf(String username) {
        return "/v1/users/" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    }

    // --- look-alikes and alphabets --------------------------------------------------------------------------

    @Test
    void signUp_lookingLikeATakenName_isRefused_asLookalike_andTheExactNameAsTaken() {
        ApiDriver api = hosts.api();
        String original = unique("buzova");
        assertEquals(201, signUp(api, original).status());
        String suffix = original.substring("buzova".length());
        for (String lookalike : List.of("buz0va" + suffix, "BUZ.OVA" + suffix, "buz_ova" + suffix, "Buz.0va" + suffix)) {
            assertProblem(signUp(api, lookalike), 409, "username-lookalike");
        }
        assertProblem(signUp(api, original.toUpperCase()), 409, "username-taken");
        // The refusal names the name asked for, not the account it looks like.
        Reply refused = signUp(api, "buz0va" + suffix);
        assertTrue(refused.json().path("detail").asText().contains("buz0va" + suffix), refused.body());
        assertFalse(refused.json().path("detail").asText().contains(original), refused.body());
    }

    @Test
    void signUp_mixingLatinAndCyrillicLetters_isRefused_namingTheRule() {
        Reply reply = signUp(hosts.api(), unique("buzоva")); // a Cyrillic о among Latin letters
        assertProblem(reply, 400, "invalid-request");
        assertEquals("username", reply.json().at("/errors/0/field").asText());
        assertEquals("letters of one alphabet: Latin or Cyrillic, not both", reply.json().at("/errors/0/reason").asText());
    }

    @Test
    void aCyrillicName_signsUp_signsIn_hasAProfileUrl_andCanBeMentioned() {
        ApiDriver api = hosts.api();
        String name = cyrillic("Маша.Фото");
        User masha = newUser(name);
        assertEquals(name, masha.username());

        Reply profile = masha.send("GET", pathOf(name), null);
        assertEquals(200, profile.status(), profile.body());
        assertEquals(masha.id(), profile.json().path("id").asText());
        assertEquals(name, profile.json().path("username").asText());
        Reply lowerCase = masha.send("GET", pathOf(name.toLowerCase(java.util.Locale.ROOT)), null);
        assertEquals(masha.id(), lowerCase.json().path("id").asText(), lowerCase.body());

        assertEquals(201, api.post("/v1/sessions", signInBody(name.toUpperCase(java.util.Locale.ROOT), PASSWORD)).status());

        User friend = hosts.signUp("friend");
        String postId = hosts.publishedPost(friend, "\"caption\": \"Спасибо @" + name + "!\"");
        JsonNode post = friend.post(postId);
        assertEquals(List.of(name.toLowerCase(java.util.Locale.ROOT)), strings(post.path("mentions")));

        assertProblem(signUp(api, name.toUpperCase(java.util.Locale.ROOT)), 409, "username-taken");
    }

    @Test
    void aCyrillicName_andItsLatinSpelling_cannotBothExist() {
        ApiDriver api = hosts.api();
        String digits = cyrillic("");
        assertEquals(201, signUp(api, "сахар" + digits).status()); // Cyrillic letters with Latin twins
        assertProblem(signUp(api, "caxap" + digits), 409, "username-lookalike"); // typed in Latin
        assertProblem(signUp(api, "CAXAP" + digits), 409, "username-lookalike");
        assertProblem(signUp(api, "сах.ар" + digits), 409, "username-lookalike");
    }

    // --- reserved names -------------------------------------------------------------------------------------

    @Test
    void signUp_takingAReservedName_orItsLookAlike_isRefused() {
        ApiDriver api = hosts.api();
        for (String name : List.of("buz0va", "Rossgram", "r0ss.gram", "sberbank", "админ", "Yandex_", OPERATOR, "Names_0perator")) {
            assertProblem(signUp(api, name), 409, "username-reserved");
        }
    }

    @Test
    void signUp_takingANameAnOperatorReserved_isRefused_andTheReservationIsListed() {
        ApiDriver api = hosts.api();
        String name = unique("future.star");
        List<String> reserved = reserve(List.of(name, " " + name.toUpperCase() + " "), "signed with us");
        assertEquals(List.of(name), reserved);
        assertProblem(signUp(api, name), 409, "username-reserved");
        assertProblem(signUp(api, name.replace('o', '0')), 409, "username-reserved");
        assertTrue(reservedNames().isReserved(name.toUpperCase()));

        List<ReservedName> listed = new ArrayList<>();
        String cursor = null;
        do {
            Page<ReservedName> page = reservedNames().page(cursor, 2);
            listed.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        ReservedName entry = listed.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        assertEquals("signed with us", entry.reason());
        assertEquals("operator-id", entry.reservedBy());

        // Released, the name can be taken.
        TransactionPlan release = new TransactionPlan();
        assertTrue(reservedNames().release(name, release));
        commit(release);
        assertEquals(201, signUp(api, name).status());
    }

    @Test
    void reserve_refusesMoreThanTwentyNames_andNamesOfTheWrongShape() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < ReservedNames.MAX_PER_CALL + 1; i++) {
            many.add(unique("n" + i));
        }
        assertThrowsProblem(() -> reserve(many, ""), "names");
        assertThrowsProblem(() -> reserve(List.of(unique("ok"), "no spaces"), ""), "names[1]");
    }

    // --- rename ---------------------------------------------------------------------------------------------

    @Test
    void rename_toATakenLookAlikeOrReservedName_isRefused_andNothingChanges() {
        User anna = newUser(unique("anna"));
        User taken = newUser(unique("taken"));
        String reserved = unique("reserved.one");
        reserve(List.of(reserved), "");
        record Case(String name, String type) {
        }
        for (Case c : List.of(
                new Case(taken.username().toUpperCase(), "username-taken"),
                new Case(taken.username().replace('_', '.'), "username-lookalike"),
                new Case("Buz0va", "username-reserved"),
                new Case(reserved.replace('o', '0'), "username-reserved"))) {
            Reply reply = anna.send("PATCH", "/v1/me", "{\"username\": \"" + c.name() + "\", \"displayName\": \"Changed\"}");
            assertProblem(reply, 409, c.type());
        }
        JsonNode me = anna.ok("GET", "/v1/me", null, 200).json();
        assertEquals(anna.username(), me.path("username").asText());
        assertEquals("Маша Петрова", me.path("displayName").asText());
        assertEquals(201, hosts.api().post("/v1/sessions", signInBody(anna.username(), PASSWORD)).status());
        assertProblem(anna.send("PATCH", "/v1/me", "{\"username\": \"buzоva\"}"), 400, "invalid-request");
    }

    @Test
    void rename_freesTheOldName_andTheUserSignsInWithTheNewOne() {
        ApiDriver api = hosts.api();
        User anna = newUser(unique("anna"));
        String renamed = cyrillic("анна");
        Reply reply = anna.send("PATCH", "/v1/me", "{\"username\": \"" + renamed + "\"}");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(renamed, reply.json().path("username").asText());

        // The old token still works, and shows the new name; the new name signs in, the old one does not.
        assertEquals(renamed, anna.ok("GET", "/v1/me", null, 200).json().path("username").asText());
        Reply signIn = api.post("/v1/sessions", signInBody(renamed, PASSWORD));
        assertEquals(201, signIn.status(), signIn.body());
        assertEquals(anna.id(), signIn.json().at("/account/id").asText());
        assertEquals(401, api.post("/v1/sessions", signInBody(anna.username(), PASSWORD)).status());
        assertEquals(anna.id(), anna.send("GET", pathOf(renamed), null).json().path("id").asText());
        Reply.assertNotFound(anna.send("GET", pathOf(anna.username()), null));

        // Another account can take the old name.
        Reply next = signUp(api, anna.username());
        assertEquals(201, next.status(), next.body());
        assertEquals(next.json().at("/account/id").asText(),
                anna.send("GET", pathOf(anna.username()), null).json().path("id").asText());
        assertProblem(signUp(api, anna.username().replace('_', '.')), 409, "username-lookalike");
    }

    @Test
    void rename_changingOnlyCase_orSpacing_keepsTheAccountsClaims() {
        ApiDriver api = hosts.api();
        String name = unique("Anna.Case");
        User anna = newUser(name);
        assertEquals(name.toLowerCase(), anna.ok("PATCH", "/v1/me", "{\"username\": \"" + name.toLowerCase() + "\"}", 200)
                .json().path("username").asText());
        String unspaced = name.toLowerCase().replace(".", "");
        assertEquals(unspaced, anna.ok("PATCH", "/v1/me", "{\"username\": \"" + unspaced + "\"}", 200)
                .json().path("username").asText());
        // The skeleton stayed the account's: a look-alike is still refused, and the dotted name is free again.
        assertProblem(signUp(api, unspaced.replace("anna", "anna_")), 409, "username-lookalike");
        assertProblem(signUp(api, name), 409, "username-lookalike");
        assertEquals(201, api.post("/v1/sessions", signInBody(unspaced, PASSWORD)).status());
    }

    @Test
    void twentySimultaneousRenames_toOneName_giveItToExactlyOne() throws Exception {
        int contenders = 20;
        List<User> users = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            users.add(hosts.signUp("racer"));
        }
        String wanted = unique("the.one");
        List<Reply> replies = concurrently(contenders,
                i -> users.get(i).send("PATCH", "/v1/me", "{\"username\": \"" + wanted + "\"}"));
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            Reply reply = replies.get(i);
            if (reply.status() == 200) {
                winners.add(users.get(i).id());
            } else {
                assertProblem(reply, 409, "username-taken");
                assertEquals(users.get(i).username(), users.get(i).ok("GET", "/v1/me", null, 200).json().path("username").asText());
            }
        }
        assertEquals(1, winners.size(), "winners: " + winners);
        assertEquals(winners.get(0), users.get(0).send("GET", pathOf(wanted), null).json().path("id").asText());
    }

    // --- backfill -------------------------------------------------------------------------------------------

    @Test
    void backfill_claimsOlderAccountsSkeletons_andReportsThoseThatLookLikeAnother() {
        ApiDriver api = hosts.api();
        // Two accounts "from before look-alike claims": their claims deleted. Then a look-alike of one signs up.
        User older = newUser(unique("legacy.star"));
        User unclaimed = newUser(unique("legacy.plain"));
        deleteLookalikeClaim(older.username());
        deleteLookalikeClaim(unclaimed.username());
        User lookalike = newUser(older.username().replace('.', '_'));

        LookalikeBackfill.Report total = runBackfill();
        LookalikeBackfill.Collision collision = total.collisions().stream()
                .filter(c -> c.userId().equals(older.id())).findFirst().orElseThrow(() -> new AssertionError(total.toString()));
        assertEquals(older.username(), collision.username());
        assertEquals(lookalike.id(), collision.collidesWith().userId());
        assertEquals(lookalike.username(), collision.collidesWith().username());
        assertTrue(total.claimed() >= 1, total.toString());

        // Both keep their names; the unclaimed account's look-alikes are now refused.
        assertEquals(older.username(), older.ok("GET", "/v1/me", null, 200).json().path("username").asText());
        assertProblem(signUp(api, unclaimed.username().replace('.', '_')), 409, "username-lookalike");

        // A second run claims nothing new and reports the same collision.
        LookalikeBackfill.Report again = runBackfill();
        assertTrue(again.collisions().stream().anyMatch(c -> c.userId().equals(older.id())), again.toString());
        assertEquals(again.scanned(), again.alreadyClaimed() + again.collisions().size(), again.toString());
    }

    /** The whole table, step by step, as an operator runs it; the steps' reports summed. */
    private LookalikeBackfill.Report runBackfill() {
        LookalikeBackfill backfill = hosts.services().get(LookalikeBackfill.class);
        int scanned = 0;
        int claimed = 0;
        int already = 0;
        List<LookalikeBackfill.Collision> collisions = new ArrayList<>();
        String cursor = null;
        int steps = 0;
        do {
            LookalikeBackfill.Report step = backfill.step(cursor, 500);
            scanned += step.scanned();
            claimed += step.claimed();
            already += step.alreadyClaimed();
            collisions.addAll(step.collisions());
            cursor = step.nextCursor();
            steps++;
        } while (cursor != null);
        assertTrue(steps >= 1);
        return new LookalikeBackfill.Report(scanned, claimed, already, collisions, null);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private ReservedNames reservedNames() {
        return hosts.services().get(ReservedNames.class);
    }

    private List<String> reserve(List<String> names, String reason) {
        TransactionPlan plan = new TransactionPlan();
        List<String> reserved = reservedNames().reserve(names, reason, "operator-id", Instant.now(), plan);
        commit(plan);
        return reserved;
    }

    private void commit(TransactionPlan plan) {
        assertTrue(plan.commit(hosts.services().get(TransactionWriter.class)).isEmpty());
    }

    /** Makes an account look as if it was created before look-alike claims existed. */
    private void deleteLookalikeClaim(String username) {
        String table = hosts.services().get(RossgramConfig.class).table();
        var deleted = hosts.services().get(DynamoDbClient.class).deleteItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("LOOKALIKE#" + UsernameSkeleton.of(username)),
                        "sk", AttributeValue.fromS("LOOKALIKE")))
                .returnValues("ALL_OLD"));
        assertNotNull(deleted.attributes().get("userId"), "no claim to delete for " + username);
    }

    private static void assertThrowsProblem(Runnable call, String field) {
        try {
            call.run();
            throw new AssertionError("accepted");
        } catch (ru.rossgram.shared.problem.ProblemException e) {
            assertEquals(400, e.type().status());
            assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
