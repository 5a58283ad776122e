package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * A creator's subscription tiers through the tiers function: adding, editing, reordering, hiding and archiving them,
 * the limit of five current tiers under concurrent requests, and what others are offered.
 */
abstract class TiersContract extends Contract {
    protected TiersContract() {
        super("TiersFunction", Map.of());
    }

    @Test
    void aCreator_addsTiers_rankedInTheOrderAdded_andSeesThemAll() {
        User creator = hosts.signUp("creator");
        JsonNode bronze = create(creator, "Бронза", 19_900);
        assertEquals(1, bronze.path("rank").asInt());
        assertEquals("active", bronze.path("state").asText());
        assertEquals(19_900, bronze.at("/price/amount").asLong());
        assertEquals("RUB", bronze.at("/price/currency").asText());
        assertEquals(2, create(creator, "Серебро", 49_900).path("rank").asInt());
        assertEquals(List.of("Бронза", "Серебро"), names(creator.ok("GET", "/v1/me/tiers", null, 200).json()));
        assertEquals(List.of("Бронза", "Серебро"), names(hosts.signUp("fan").ok("GET",
                "/v1/users/" + creator.username() + "/tiers", null, 200).json()));
    }

    @Test
    void editing_aPrice_startsANewPriceSince_andOtherEditsKeepIt() {
        User creator = hosts.signUp("creator");
        JsonNode tier = create(creator, "Закулисье", 29_900);
        String id = tier.path("id").asText();
        JsonNode renamed = patch(creator, id, "{\"name\": \"Мастерская\", \"description\": \"Исходники\", \"price\": 29900}", 200);
        assertEquals("Мастерская", renamed.path("name").asText());
        assertEquals("Исходники", renamed.path("description").asText());
        assertEquals(tier.path("priceSince").asText(), renamed.path("priceSince").asText(), "the same price is no new price");
        JsonNode raised = patch(creator, id, "{\"price\": 34900}", 200);
        assertEquals(34_900, raised.at("/price/amount").asLong());
        assertNotEquals(tier.path("priceSince").asText(), raised.path("priceSince").asText());
        assertEquals("Мастерская", raised.path("name").asText());
    }

    @Test
    void movingATier_renumbersTheCurrentOnes_oneToN() {
        User creator = hosts.signUp("creator");
        String a = create(creator, "A", 10_000).path("id").asText();
        create(creator, "B", 20_000);
        String c = create(creator, "C", 30_000).path("id").asText();
        assertEquals(1, patch(creator, c, "{\"rank\": 1}", 200).path("rank").asInt());
        assertEquals(Map.of("C", 1, "A", 2, "B", 3), ranks(creator.ok("GET", "/v1/me/tiers", null, 200).json()));
        patch(creator, a, "{\"rank\": 3}", 200);
        assertEquals(List.of("C", "B", "A"), names(creator.ok("GET", "/v1/me/tiers", null, 200).json()), "lowest rank first");
        assertEquals("invalid-request", creator.send("PATCH", "/v1/me/tiers/" + a, "{\"rank\": 4}").problemType());
    }

    @Test
    void hiddenAndArchivedTiers_areNotOffered_andAnArchivedTierNeverComesBack() {
        User creator = hosts.signUp("creator");
        String a = create(creator, "A", 10_000).path("id").asText();
        String b = create(creator, "B", 20_000).path("id").asText();
        create(creator, "C", 30_000);
        assertEquals("hidden", patch(creator, b, "{\"state\": \"hidden\"}", 200).path("state").asText());
        assertEquals("archived", patch(creator, a, "{\"state\": \"archived\"}", 200).path("state").asText());
        User fan = hosts.signUp("fan");
        assertEquals(List.of("C"), names(fan.ok("GET", "/v1/users/" + creator.username() + "/tiers", null, 200).json()));
        JsonNode mine = creator.ok("GET", "/v1/me/tiers", null, 200).json();
        assertEquals(Map.of("A", 1, "B", 2, "C", 3), ranks(mine), "archiving renumbers nothing");
        assertEquals(Set.of("archived", "hidden", "active"), states(mine));

        for (String edit : List.of("{\"state\": \"active\"}", "{\"name\": \"A again\"}", "{\"rank\": 1}")) {
            Reply refused = creator.send("PATCH", "/v1/me/tiers/" + a, edit);
            assertEquals(409, refused.status(), edit + ": " + refused.body());
            assertEquals("tier-archived", refused.problemType());
        }
        assertEquals("active", patch(creator, b, "{\"state\": \"active\"}", 200).path("state").asText(), "hiding is not for good");
        assertEquals(List.of("B", "C"), names(fan.ok("GET", "/v1/users/" + creator.username() + "/tiers", null, 200).json()));
    }

    @Test
    void tenConcurrentAdds_makeFiveTiers_rankedOneToFive_andAnArchiveMakesRoomForOneMore() throws Exception {
        User creator = hosts.signUp("creator");
        List<Reply> replies = concurrently(10, i -> creator.send("POST", "/v1/me/tiers",
                "{\"name\": \"Tier " + i + "\", \"price\": " + (10_000 + i) + "}"));
        List<Integer> statuses = new ArrayList<>();
        replies.forEach(reply -> statuses.add(reply.status()));
        assertEquals(5, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        replies.stream().filter(reply -> reply.status() != 201).forEach(reply -> {
            assertEquals(422, reply.status(), reply.body());
            assertEquals("too-many-tiers", reply.problemType());
            assertEquals(5, reply.json().path("limit").asInt());
        });
        JsonNode mine = creator.ok("GET", "/v1/me/tiers", null, 200).json();
        assertEquals(new TreeSet<>(List.of(1, 2, 3, 4, 5)), new TreeSet<>(ranks(mine).values()));
        assertEquals(5, mine.path("items").size());

        assertEquals("too-many-tiers", creator.send("POST", "/v1/me/tiers", "{\"name\": \"Sixth\", \"price\": 10000}").problemType());
        patch(creator, mine.at("/items/4/id").asText(), "{\"state\": \"archived\"}", 200); // the highest
        assertEquals(5, create(creator, "Sixth", 10_000).path("rank").asInt(), "after the current ones");
    }

    @Test
    void badFields_areRefused_namingTheField() {
        User creator = hosts.signUp("creator");
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("{\"price\": 10000}", "name");
        bodies.put("{\"name\": \"   \", \"price\": 10000}", "name");
        bodies.put("{\"name\": \"" + "я".repeat(61) + "\", \"price\": 10000}", "name");
        bodies.put("{\"name\": \"two\\nlines\", \"price\": 10000}", "name");
        bodies.put("{\"name\": \"A\", \"description\": \"" + "x".repeat(1001) + "\", \"price\": 10000}", "description");
        bodies.put("{\"name\": \"A\"}", "price");
        bodies.put("{\"name\": \"A\", \"price\": 999}", "price");
        bodies.put("{\"name\": \"A\", \"price\": 10000001}", "price");
        bodies.forEach((body, field) -> {
            Reply refused = creator.send("POST", "/v1/me/tiers", body);
            assertEquals(400, refused.status(), body + ": " + refused.body());
            assertTrue(refused.json().toString().contains(field), refused.body());
        });
        String id = create(creator, "A", 10_000).path("id").asText();
        assertEquals("invalid-request", creator.send("PATCH", "/v1/me/tiers/" + id, "{\"state\": \"deleted\"}").problemType());
        assertEquals("invalid-request", creator.send("PATCH", "/v1/me/tiers/" + id, "{\"price\": 5}").problemType());
        assertEquals("invalid-request", creator.send("PATCH", "/v1/me/tiers/" + id,
                "{\"state\": \"archived\", \"rank\": 1}").problemType());
        assertEquals(404, creator.send("PATCH", "/v1/me/tiers/01JD3Z6Q0V8X2K4M6N8P0R2T4W", "{\"name\": \"B\"}").status());
        assertEquals(404, hosts.signUp("other").send("PATCH", "/v1/me/tiers/" + id, "{\"name\": \"B\"}").status(),
                "another's tier is not yours to edit");
        assertEquals(List.of("A"), names(creator.ok("GET", "/v1/me/tiers", null, 200).json()), "nothing refused was stored");
    }

    @Test
    void anAccountsTiers_areNotFound_forAnUnknownNameOrAcrossItsBlock_butAPrivateAccountsAreListed() {
        User creator = hosts.signUp("creator");
        create(creator, "A", 10_000);
        User fan = hosts.signUp("fan");
        assertEquals(404, fan.send("GET", "/v1/users/nobody_" + creator.username() + "/tiers", null).status());
        creator.makePrivate(true);
        assertEquals(List.of("A"), names(fan.ok("GET", "/v1/users/" + creator.username() + "/tiers", null, 200).json()),
                "subscribing is how one sees a private account's posts");
        assertEquals(204, creator.put("block", fan).status());
        assertEquals(404, fan.send("GET", "/v1/users/" + creator.username() + "/tiers", null).status());
        assertEquals(List.of(), names(hosts.signUp("plain").ok("GET", "/v1/users/" + fan.username() + "/tiers", null, 200).json()));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static JsonNode create(User creator, String name, long price) {
        return creator.ok("POST", "/v1/me/tiers", "{\"name\": \"" + name + "\", \"price\": " + price + "}", 201).json();
    }

    private static JsonNode patch(User creator, String tierId, String body, int status) {
        return creator.ok("PATCH", "/v1/me/tiers/" + tierId, body, status).json();
    }

    private static List<String> names(JsonNode tiers) {
        List<String> names = new ArrayList<>();
        tiers.path("items").forEach(tier -> names.add(tier.path("name").asText()));
        return names;
    }

    private static Map<String, Integer> ranks(JsonNode tiers) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        tiers.path("items").forEach(tier -> ranks.put(tier.path("name").asText(), tier.path("rank").asInt()));
        return ranks;
    }

    private static Set<String> states(JsonNode tiers) {
        Set<String> states = new TreeSet<>();
        tiers.path("items").forEach(tier -> states.add(tier.path("state").asText()));
        return states;
    }
}
