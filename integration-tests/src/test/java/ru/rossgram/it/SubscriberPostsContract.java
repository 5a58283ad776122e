package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.posts.AccessGrants;
import ru.rossgram.shared.subscriptions.SubscriptionAccess;

/**
 * Posts for subscribers of a tier rank and above, through the real readers: the post, the author's grid and the home
 * feed lock them exactly as paid posts for everyone but the author and the subscribers whose access opens the rank.
 * Access items are what billing writes; this contract writes them itself, through the table, as setup.
 */
abstract class SubscriberPostsContract extends Contract {
    private static final List<String> OPEN = List.of("w320", "w1080");
    private static final List<String> PREVIEW = List.of("preview");

    protected SubscriberPostsContract() {
        super("CreatePostFunction", Map.of());
    }

    /** A creator with three tiers, ranks 1 to 3, and a post of hers for rank 2 and above. */
    private record Creator(User user, String bronze, String silver, String gold, String post) {
    }

    private Creator creatorWithAPostForRankTwo() {
        User user = hosts.signUp("creator");
        String bronze = tier(user, "Бронза", 10_000);
        String silver = tier(user, "Серебро", 30_000);
        String gold = tier(user, "Золото", 90_000);
        JsonNode created = user.posted(List.of(hosts.lockedUpload(user)), "\"caption\": \"Для своих\", \"minTierRank\": 2");
        assertEquals(2, created.path("minTierRank").asInt(), created.toString());
        assertEquals(Boolean.FALSE, created.path("locked").asBoolean(), "the author's own answer is open");
        assertEquals(OPEN, names(created.at("/photos/0/urls")));
        return new Creator(user, bronze, silver, gold, created.path("id").asText());
    }

    @Test
    void aPostForRankTwo_isLockedForAStrangerAndRankOne_andOpenToRanksTwoAndThree_inThePostTheGridAndTheFeed() {
        Creator creator = creatorWithAPostForRankTwo();
        User stranger = follower(creator);
        User bronze = subscriber(creator, creator.bronze(), Duration.ofDays(30));
        User silver = subscriber(creator, creator.silver(), Duration.ofDays(30));
        User gold = subscriber(creator, creator.gold(), Duration.ofDays(30));

        assertSeen(stranger, creator, true);
        assertSeen(bronze, creator, true);
        assertSeen(silver, creator, false);
        assertSeen(gold, creator, false);
        JsonNode own = creator.user().ok("GET", "/v1/posts/" + creator.post(), null, 200).json();
        assertEquals(false, own.path("locked").asBoolean());
        assertEquals(OPEN, names(own.at("/photos/0/urls")));
        JsonNode ownGrid = creator.user().ok("GET", "/v1/users/" + creator.user().username() + "/posts", null, 200).json();
        assertEquals(false, ownGrid.at("/items/0/locked").asBoolean());
    }

    @Test
    void accessThatHasEnded_locksThePostAgain() {
        Creator creator = creatorWithAPostForRankTwo();
        User lapsed = subscriber(creator, creator.gold(), Duration.ofMinutes(-1));
        assertSeen(lapsed, creator, true);
        grant(lapsed, creator, creator.gold(), Duration.ofDays(3)); // paid again
        assertSeen(lapsed, creator, false);
    }

    @Test
    void reorderingTiers_movesAccessWithTheTiersNewRank() {
        Creator creator = creatorWithAPostForRankTwo();
        User bronze = subscriber(creator, creator.bronze(), Duration.ofDays(30));
        User silver = subscriber(creator, creator.silver(), Duration.ofDays(30));
        assertSeen(bronze, creator, true);
        creator.user().ok("PATCH", "/v1/me/tiers/" + creator.bronze(), "{\"rank\": 2}", 200); // bronze 2, silver 1
        assertSeen(bronze, creator, false);
        assertSeen(silver, creator, true);
    }

    @Test
    void anArchivedTiersSubscribers_keepTheirAccess_andHidingChangesNothing() {
        Creator creator = creatorWithAPostForRankTwo();
        User silver = subscriber(creator, creator.silver(), Duration.ofDays(30));
        User gold = subscriber(creator, creator.gold(), Duration.ofDays(30));
        creator.user().ok("PATCH", "/v1/me/tiers/" + creator.silver(), "{\"state\": \"archived\"}", 200);
        creator.user().ok("PATCH", "/v1/me/tiers/" + creator.gold(), "{\"state\": \"hidden\"}", 200);
        assertSeen(silver, creator, false);
        assertSeen(gold, creator, false);
    }

    @Test
    void aPostAlsoForSale_opensToItsBuyer_whoSubscribesToNothing() {
        User creator = hosts.signUp("creator");
        tier(creator, "Бронза", 10_000);
        String post = creator.published(List.of(hosts.lockedUpload(creator)), "\"price\": 19900, \"minTierRank\": 1");
        User buyer = hosts.signUp("buyer");
        JsonNode before = buyer.ok("GET", "/v1/posts/" + post, null, 200).json();
        assertTrue(before.path("locked").asBoolean());
        assertEquals(19_900, before.at("/price/amount").asLong());
        assertEquals(1, before.path("minTierRank").asInt());
        write(hosts.services().get(AccessGrants.class).grantItem(buyer.id(), post, "01JD9PAYMENT00000000000000", Instant.now()));
        JsonNode after = buyer.ok("GET", "/v1/posts/" + post, null, 200).json();
        assertEquals(false, after.path("locked").asBoolean());
        assertEquals(OPEN, names(after.at("/photos/0/urls")));
    }

    @Test
    void aPostForSubscribers_needsATierOfItsRank_aRankOneToFive_andPhotosUploadedAsPaidPosts() {
        User creator = hosts.signUp("creator");
        Reply noTier = creator.createPost(User.postBody(List.of(hosts.lockedUpload(creator)), "\"minTierRank\": 1"));
        assertEquals(422, noTier.status(), noTier.body());
        assertEquals("no-tier-for-rank", noTier.problemType());
        tier(creator, "Бронза", 10_000);
        tier(creator, "Серебро", 30_000);
        Reply tooHigh = creator.createPost(User.postBody(List.of(hosts.lockedUpload(creator)), "\"minTierRank\": 3"));
        assertEquals("no-tier-for-rank", tooHigh.problemType());
        for (int rank : new int[] {0, 6}) {
            Reply invalid = creator.createPost(User.postBody(List.of(hosts.lockedUpload(creator)), "\"minTierRank\": " + rank));
            assertEquals(400, invalid.status(), invalid.body());
            assertEquals("invalid-request", invalid.problemType());
        }
        Reply freePhoto = creator.createPost(User.postBody(List.of(hosts.processedUpload(creator)), "\"minTierRank\": 2"));
        assertEquals(422, freePhoto.status(), freePhoto.body());
        assertEquals("upload-not-paid", freePhoto.problemType());
        assertEquals(2, creator.posted(List.of(hosts.lockedUpload(creator)), "\"minTierRank\": 2").path("minTierRank").asInt(),
                "a hidden or the highest tier may be the one that opens it");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /**
     * What {@code reader} sees of the creator's post in the post itself, the creator's grid and her own feed: locked
     * with the preview only, or open with every rendition.
     */
    private static void assertSeen(User reader, Creator creator, boolean locked) {
        List<JsonNode> views = new ArrayList<>();
        views.add(reader.ok("GET", "/v1/posts/" + creator.post(), null, 200).json());
        views.add(reader.ok("GET", "/v1/users/" + creator.user().username() + "/posts", null, 200).json().at("/items/0"));
        views.add(reader.feedPage().at("/items/0"));
        for (JsonNode view : views) {
            assertEquals(creator.post(), view.path("id").asText(), view.toString());
            assertEquals(2, view.path("minTierRank").asInt());
            assertEquals(locked, view.path("locked").asBoolean(), reader.username() + ": " + view);
            assertEquals(locked ? PREVIEW : OPEN, names(view.at("/photos/0/urls")), view.toString());
        }
    }

    /** A follower of the creator (so the post is in her feed) with no subscription. */
    private User follower(Creator creator) {
        User follower = hosts.signUp("follower");
        follower.followed(creator.user());
        return follower;
    }

    /** A follower whose subscription to {@code tierId} gives access for {@code left} from now (negative: ended). */
    private User subscriber(Creator creator, String tierId, Duration left) {
        User subscriber = follower(creator);
        grant(subscriber, creator, tierId, left);
        return subscriber;
    }

    private void grant(User subscriber, Creator creator, String tierId, Duration left) {
        write(hosts.services().get(SubscriptionAccess.class).putItem(new SubscriptionAccess.Access(subscriber.id(),
                creator.user().id(), tierId, Instant.now().plus(left))));
    }

    private void write(software.amazon.awssdk.services.dynamodb.model.TransactWriteItem item) {
        assertTrue(hosts.services().get(TransactionWriter.class).write(List.of(item)).isEmpty());
    }

    private static String tier(User creator, String name, long price) {
        return creator.ok("POST", "/v1/me/tiers", "{\"name\": \"" + name + "\", \"price\": " + price + "}", 201)
                .json().path("id").asText();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
