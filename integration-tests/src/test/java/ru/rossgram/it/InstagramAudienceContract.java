package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.ApiDriver.Reply.assertNotFound;
import static ru.rossgram.it.Concurrency.concurrently;
import static ru.rossgram.it.User.ids;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.imports.audience.AudienceCleanup;
import ru.rossgram.shared.imports.audience.HandleList;
import ru.rossgram.shared.imports.audience.HandleLists;
import ru.rossgram.shared.imports.audience.InstagramLinker;
import ru.rossgram.shared.imports.audience.LinkOutcome;
import ru.rossgram.shared.imports.audience.ListProgress;
import ru.rossgram.shared.imports.audience.MatchTasks;
import ru.rossgram.shared.imports.audience.NewcomerMatching;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reconnecting an Instagram audience (issue 17): what an import does (link the export's owner, store its lists) is
 * called on the shared services as the import processing function calls them; everything a user sees goes through
 * the instagram function's routes, and what unlinking leaves behind is looked up in the table itself.
 */
abstract class InstagramAudienceContract extends Contract {
    protected InstagramAudienceContract() {
        super("InstagramFunction", Map.of());
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    private User signUp() {
        return hosts.signUp("ig");
    }

    /** A handle nobody else in any run uses. */
    private static String handle(String base) {
        return base + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    private LinkOutcome link(User user, String handle) {
        return hosts.services().get(InstagramLinker.class).link(user.id(), handle);
    }

    private ListProgress store(User owner, HandleList list, List<String> handles) {
        return hosts.services().get(HandleLists.class).store(owner.id(), list, handles.iterator(), 0, Duration.ofSeconds(30));
    }

    private static JsonNode matches(User user) {
        Reply reply = user.send("GET", "/v1/me/instagram/matches", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> matchIds(User user) {
        return ids(matches(user));
    }

    private static JsonNode audience(User user) {
        Reply reply = user.send("GET", "/v1/me/instagram/audience", null);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static List<Long> counts(User user) {
        JsonNode audience = audience(user);
        assertTrue(audience.path("followYouHereExact").asBoolean());
        return List.of(audience.path("instagramFollowers").asLong(), audience.path("onRossgram").asLong(),
                audience.path("followYouHere").asLong());
    }

    private void cleanUpAfterUnlink(User user) {
        AudienceCleanup cleanup = hosts.services().get(AudienceCleanup.class);
        for (int step = 0; step < 100; step++) {
            if (!cleanup.step(user.id(), Duration.ZERO)) {
                return;
            }
        }
        throw new AssertionError("the cleanup never ends");
    }

    /** The sort keys under a partition, read from the table itself. */
    private List<String> itemsUnder(String pk) {
        DynamoDbClient dynamo = hosts.services().get(DynamoDbClient.class);
        String table = hosts.services().get(RossgramConfig.class).table();
        return dynamo.query(r -> r.tableName(table).consistentRead(true).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items().stream()
                .map(item -> item.get("sk").s()).toList();
    }

    // --- matches ------------------------------------------------------------------------------------------------

    @Test
    void anImportersLists_matchBothWays_whenTheNamedAccountsLinkLater_andAHandleNotHereNeverShows() {
        User anna = signUp();
        User boris = signUp();
        User dima = signUp();
        User carol = signUp(); // here, but never links an Instagram name
        String annaHandle = handle("anna");
        String borisHandle = handle("boris");
        String dimaHandle = handle("dima");
        String ghost = handle("ghost");
        assertEquals(LinkOutcome.Status.LINKED, link(anna, annaHandle).status());
        store(anna, HandleList.FOLLOWING, List.of(borisHandle, ghost, carol.username().toLowerCase()));
        store(anna, HandleList.FOLLOWERS, List.of(dimaHandle, ghost, handle("f1"), handle("f2")));
        assertEquals(List.of(), matchIds(anna));

        assertEquals(LinkOutcome.Status.LINKED, link(boris, borisHandle).status());
        assertEquals(LinkOutcome.Status.LINKED, link(dima, dimaHandle).status());

        JsonNode annas = matches(anna);
        assertEquals(List.of(boris.id(), dima.id()).stream().sorted().toList(), ids(annas).stream().sorted().toList());
        for (JsonNode match : annas.path("items")) {
            if (match.path("id").asText().equals(boris.id())) {
                assertEquals("You followed @" + borisHandle + " on Instagram", match.path("why").asText());
                assertEquals(borisHandle, match.path("instagramUsername").asText());
            } else {
                assertEquals("@" + dimaHandle + " followed you on Instagram", match.path("why").asText());
            }
        }
        JsonNode borises = matches(boris);
        assertEquals(List.of(anna.id()), ids(borises));
        assertEquals("@" + annaHandle + " followed you on Instagram", borises.path("items").path(0).path("why").asText());
        assertEquals(List.of(anna.id()), matchIds(dima));
        assertEquals(annaHandle, boris.profile(anna).path("instagramUsername").asText());
        assertTrue(boris.profile(carol).path("instagramUsername").isMissingNode());

        assertEquals(List.of(4L, 1L, 0L), counts(anna));
        assertEquals("following", dima.followed(anna));
        assertEquals(List.of(4L, 1L, 1L), counts(anna));
        assertEquals(List.of(), matchIds(dima), "an account already followed is no longer suggested");
    }

    @Test
    void anImporter_findsTheAccountsThatLinkedFirst_asHerListIsStored_andCountsThemOnce() {
        User anna = signUp();
        User boris = signUp();
        String borisHandle = handle("boris");
        assertEquals(LinkOutcome.Status.LINKED, link(boris, borisHandle).status());
        assertEquals(LinkOutcome.Status.LINKED, link(anna, handle("anna")).status());

        assertEquals(1, store(anna, HandleList.FOLLOWERS, List.of(handle("x"), borisHandle)).matched());
        assertEquals(1, store(anna, HandleList.FOLLOWERS, List.of(handle("x"), borisHandle)).matched());
        link(boris, borisHandle); // both sides meet the pair again

        assertEquals(List.of(boris.id()), matchIds(anna));
        assertEquals(List.of(anna.id()), matchIds(boris));
        assertEquals(List.of(2L, 1L, 0L), counts(anna));
    }

    @Test
    void aLongList_isStoredInResumableCalls_andACallRepeatedFromItsIndex_addsNothing() {
        User anna = signUp();
        link(anna, handle("anna"));
        List<String> followers = IntStream.range(0, 1200).mapToObj(i -> "f" + i + "_" + anna.id().toLowerCase()).toList();
        HandleLists lists = hosts.services().get(HandleLists.class);
        List<Long> indexes = new ArrayList<>();
        long next = 0;
        ListProgress progress;
        do {
            progress = lists.store(anna.id(), HandleList.FOLLOWERS, followers.subList((int) next, followers.size()).iterator(),
                    next, Duration.ZERO);
            next = progress.nextIndex();
            indexes.add(next);
        } while (!progress.finished());
        assertEquals(List.of(500L, 1000L, 1200L), indexes);
        ListProgress again = lists.store(anna.id(), HandleList.FOLLOWERS, followers.subList(500, 1200).iterator(), 500,
                Duration.ZERO);
        assertEquals(1000, again.nextIndex());
        assertEquals(List.of(1200L, 0L, 0L), counts(anna));
        Reply link = anna.send("GET", "/v1/me/instagram", null);
        assertEquals(200, link.status(), link.body());
        assertEquals(1200, link.json().path("followers").asLong());
        assertEquals(List.of(anna.id() + "#followers"), itemsUnder("IGHANDLE#" + followers.get(1199)));
    }

    @Test
    void aNameHeldByMoreListsThanOneCallReads_isMatchedInSteps_andEveryMatchIsPagedThrough() throws Exception {
        User famous = signUp();
        String famousHandle = handle("famous");
        List<User> fans = concurrently(10, 51, i -> signUp());
        concurrently(10, fans.size(), i -> {
            User fan = fans.get(i);
            link(fan, handle("fan"));
            store(fan, HandleList.FOLLOWING, List.of(famousHandle));
            return store(fan, HandleList.FOLLOWERS, List.of(famousHandle));
        });
        assertEquals(LinkOutcome.Status.LINKED, link(famous, famousHandle).status());
        assertEquals(fans.size(), everyMatch(famous).size(), "102 lists, all matched within the link's own call");

        NewcomerMatching matching = hosts.services().get(NewcomerMatching.class);
        assertTrue(matching.match(famous.id(), famousHandle, null, Duration.ZERO), "100 lists a Query: the rest queued");
        String bucket = hosts.services().mediaBucket();
        S3Client s3 = hosts.services().get(S3Client.class);
        List<String> queued = s3.listObjectsV2(r -> r.bucket(bucket).prefix(MatchTasks.PREFIX + famous.id() + "/"))
                .contents().stream().map(S3Object::key).toList();
        assertEquals(1, queued.size(), queued.toString());
        assertFalse(matching.step(MatchTasks.parse(queued.get(0)).orElseThrow(), Duration.ZERO), "the rest fits one step");

        List<String> matched = everyMatch(famous);
        assertEquals(fans.stream().map(User::id).sorted().toList(), matched.stream().sorted().toList());
        assertEquals(List.of(0L, 0L, 0L), counts(famous), "her followers list was never imported");
        assertEquals(List.of(1L, 1L, 0L), counts(fans.get(0)), "counted once, though matched again");
    }

    /** Every page of the matches, following {@code nextCursor} (pages of 20). */
    private static List<String> everyMatch(User user) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            String query = cursor == null ? "" : "?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            Reply reply = user.send("GET", "/v1/me/instagram/matches" + query, null);
            assertEquals(200, reply.status(), reply.body());
            all.addAll(ids(reply.json()));
            cursor = reply.json().path("nextCursor").asText(null);
            if (cursor == null) {
                return all;
            }
        }
        throw new AssertionError("the matches never end");
    }

    // --- follow all ---------------------------------------------------------------------------------------------

    @Test
    void followAll_followsPublicMatches_asksPrivateOnes_andLeavesBlockedOnesAlone() {
        User anna = signUp();
        User open = signUp();
        User closed = signUp();
        User blocker = signUp();
        User blocked = signUp();
        closed.makePrivate(true);
        List<User> named = List.of(open, closed, blocker, blocked);
        List<String> handles = new ArrayList<>();
        for (User user : named) {
            String h = handle("n");
            handles.add(h);
            link(user, h);
        }
        link(anna, handle("anna"));
        store(anna, HandleList.FOLLOWING, handles);
        assertEquals(204, blocker.put("block", anna).status());
        assertEquals(204, anna.put("block", blocked).status());
        assertEquals(List.of(closed.id(), open.id()).stream().sorted().toList(),
                matchIds(anna).stream().sorted().toList(), "blocked either way: not suggested");

        Reply reply = anna.send("POST", "/v1/me/instagram/matches/follow", null);
        assertEquals(200, reply.status(), reply.body());
        assertEquals(1, reply.json().path("followed").asInt());
        assertEquals(1, reply.json().path("requested").asInt());
        assertTrue(reply.json().path("nextCursor").isMissingNode());
        assertTrue(anna.relationshipWith(open).path("following").asBoolean());
        assertTrue(anna.relationshipWith(closed).path("requested").asBoolean());
        assertFalse(anna.relationshipWith(closed).path("following").asBoolean());
        assertFalse(anna.relationshipWith(blocked).path("following").asBoolean());
        assertNotFound(anna.profileReply(blocker));
        assertEquals(List.of(), matchIds(anna));
    }

    // --- one account per name -----------------------------------------------------------------------------------

    @Test
    void aLinkedName_staysWithItsAccount_andAReservedCreatorNameIsRefusedToOthers() {
        User anna = signUp();
        User impostor = signUp();
        String annaHandle = handle("anna");
        assertEquals(LinkOutcome.Status.LINKED, link(anna, annaHandle).status());
        assertEquals(LinkOutcome.Status.ALREADY_LINKED, link(anna, annaHandle).status());
        LinkOutcome refused = link(impostor, annaHandle);
        assertEquals(LinkOutcome.Status.CONFLICT, refused.status());
        assertEquals("@" + annaHandle + " is linked to another account.", refused.reason());
        assertEquals(LinkOutcome.Status.CONFLICT, link(anna, handle("other")).status(), "one name per account");
        assertEquals(LinkOutcome.Status.CONFLICT, link(impostor, "buzova").status());
        assertNotFound(impostor.send("GET", "/v1/me/instagram", null));
        assertNotFound(impostor.send("GET", "/v1/me/instagram/matches", null));
        assertNotFound(impostor.send("GET", "/v1/me/instagram/audience", null));
        Reply mine = anna.send("GET", "/v1/me/instagram", null);
        assertEquals(200, mine.status(), mine.body());
        assertEquals(annaHandle, mine.json().path("handle").asText());
        assertEquals(annaHandle, impostor.profile(anna).path("instagramUsername").asText());
    }

    @Test
    void accountsLinkingOneNameAtOnce_endWithExactlyOneHolder() throws Exception {
        String contested = handle("contested");
        List<User> users = concurrently(6, 6, i -> signUp());
        List<LinkOutcome> outcomes = concurrently(6, 6, i -> link(users.get(i), contested));
        assertEquals(1, outcomes.stream().filter(o -> o.status() == LinkOutcome.Status.LINKED).count(), outcomes.toString());
        long holders = users.stream().filter(u -> u.send("GET", "/v1/me/instagram", null).status() == 200).count();
        assertEquals(1, holders);
    }

    // --- unlink -------------------------------------------------------------------------------------------------

    @Test
    void unlink_hidesTheNameAndMatchesAtOnce_thenTheCleanupDeletesListsAndMatches_andTheNameCanBeLinkedAgain() {
        User anna = signUp();
        User boris = signUp();
        String annaHandle = handle("anna");
        String borisHandle = handle("boris");
        String ghost = handle("ghost");
        link(anna, annaHandle);
        link(boris, borisHandle);
        store(anna, HandleList.FOLLOWERS, List.of(borisHandle, ghost));
        store(anna, HandleList.FOLLOWING, List.of(borisHandle));
        assertEquals(List.of(anna.id()), matchIds(boris));
        assertEquals(List.of(2L, 1L, 0L), counts(anna));

        assertEquals(204, anna.send("DELETE", "/v1/me/instagram", null).status());
        assertEquals(204, anna.send("DELETE", "/v1/me/instagram", null).status());
        assertNotFound(anna.send("GET", "/v1/me/instagram", null));
        assertEquals(List.of(), matchIds(boris), "hidden before any cleanup step ran");
        assertTrue(boris.profile(anna).path("instagramUsername").isMissingNode());
        assertEquals(LinkOutcome.Status.CONFLICT, link(anna, annaHandle).status(), "not while the cleanup runs");

        cleanUpAfterUnlink(anna);
        assertEquals(List.of(), itemsUnder("IGHANDLE#" + borisHandle));
        assertEquals(List.of(), itemsUnder("IGHANDLE#" + ghost));
        assertEquals(List.of(), itemsUnder("IGMATCH#" + anna.id()));
        assertEquals(List.of(), itemsUnder("IGMATCH#" + boris.id()));
        assertEquals(List.of(), itemsUnder("IGLIST#" + anna.id() + "#followers"));

        User carol = signUp();
        assertEquals(LinkOutcome.Status.LINKED, link(carol, annaHandle).status(), "the name is free again");
        assertEquals(LinkOutcome.Status.LINKED, link(anna, handle("anna2")).status());
    }
}
