package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * {@code GET /v1/search}, end to end through the real routes: accounts found across alphabets by their usernames
 * and display names as sign-up, {@code PATCH /v1/me} and follows index them, ranked and filtered as a user sees
 * them. Names are random words (the table is shared with other tests), spelled in both alphabets by
 * {@link #cyrillic} and {@link #latin}.
 */
abstract class SearchContract extends Contract {
    private static final String CONSONANTS = "бвдзклмнпрстф";
    private static final String CONSONANTS_LATIN = "bvdzklmnprstf";
    private static final String VOWELS = "аоуи";
    private static final String VOWELS_LATIN = "aoui";

    protected SearchContract() {
        super("CreatePostFunction", Map.of());
    }

    // --- fixtures -------------------------------------------------------------------------------------------

    /** A random Cyrillic word of {@code syllables} consonant-vowel pairs, capitalised as a name is. */
    private static String cyrillic(int syllables) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(CONSONANTS.charAt(ThreadLocalRandom.current().nextInt(CONSONANTS.length())));
            word.append(VOWELS.charAt(ThreadLocalRandom.current().nextInt(VOWELS.length())));
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** {@code cyrillic}'s Latin spelling, lower case (every letter of {@link #cyrillic} has one). */
    private static String latin(String cyrillic) {
        StringBuilder out = new StringBuilder();
        for (char c : cyrillic.toLowerCase().toCharArray()) {
            int consonant = CONSONANTS.indexOf(c);
            out.append(consonant >= 0 ? CONSONANTS_LATIN.charAt(consonant) : VOWELS_LATIN.charAt(VOWELS.indexOf(c)));
        }
        return out.toString();
    }

    private User signUp(String username) {
        return User.signUp(hosts.api(), username);
    }

    private static void rename(User user, String json) {
        Reply reply = user.send("PATCH", "/v1/me", json);
        assertEquals(200, reply.status(), reply.body());
    }

    private static Reply search(User viewer, String q, String more) {
        String query = "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20") + more;
        return viewer.send("GET", "/v1/search?" + query, null);
    }

    /** The ids of the accounts {@code viewer}'s search for {@code q} answers, in order. */
    private static List<String> accounts(User viewer, String q) {
        Reply reply = search(viewer, q, "");
        assertEquals(200, reply.status(), reply.body());
        List<String> ids = new ArrayList<>();
        reply.json().path("accounts").forEach(account -> ids.add(account.path("id").asText()));
        return ids;
    }

    private static void assertFound(User viewer, String q, User expected) {
        assertTrue(accounts(viewer, q).contains(expected.id()), "'" + q + "' should find " + expected.username());
    }

    private static void assertNotFound(User viewer, String q, User unexpected) {
        assertFalse(accounts(viewer, q).contains(unexpected.id()), "'" + q + "' should not find " + unexpected.username());
    }

    // --- finding --------------------------------------------------------------------------------------------

    @Test
    void aLatinQueryFindsACyrillicDisplayName_andACyrillicQueryALatinUsername() {
        User viewer = hosts.signUp("viewer");
        String surname = cyrillic(5);
        User cyrillicName = hosts.signUp("someone");
        rename(cyrillicName, "{\"displayName\": \"Ольга " + surname + "\"}");
        String latinWord = latin(cyrillic(5));
        User latinName = signUp(latinWord + "_86");

        assertFound(viewer, latin(surname), cyrillicName);
        assertFound(viewer, latin(surname).substring(0, 4), cyrillicName);
        assertFound(viewer, surname.toUpperCase(), cyrillicName);
        assertFound(viewer, "Ольга " + surname, cyrillicName);
        assertFound(viewer, latinWord, latinName);
        StringBuilder spelledInCyrillic = new StringBuilder();
        for (int i = 0; i < latinWord.length(); i++) {
            char c = latinWord.charAt(i);
            int consonant = CONSONANTS_LATIN.indexOf(c);
            spelledInCyrillic.append(consonant >= 0 ? CONSONANTS.charAt(consonant) : VOWELS.charAt(VOWELS_LATIN.indexOf(c)));
        }
        assertFound(viewer, spelledInCyrillic.toString(), latinName);
        assertFound(viewer, "@" + latinWord.toUpperCase(), latinName);
    }

    @Test
    void yoMatchesYe_inBothDirections() {
        User viewer = hosts.signUp("viewer");
        String stem = cyrillic(4);
        User fyodor = hosts.signUp("fyodor");
        rename(fyodor, "{\"displayName\": \"Фёдор " + stem + "ёв\"}");

        assertFound(viewer, stem + "ев", fyodor);
        assertFound(viewer, stem + "ёв", fyodor);
        assertFound(viewer, latin(stem) + "ev", fyodor);
        assertFound(viewer, "Федор " + stem, fyodor);
    }

    @Test
    void theExactUsernameComesFirst_thenTheMoreFollowed() throws Exception {
        User viewer = hosts.signUp("viewer");
        String word = latin(cyrillic(5));
        User exact = signUp(word);
        User quiet = signUp(word + "_aa");
        User popular = signUp(word + "_zz");
        for (int i = 0; i < 10; i++) {
            hosts.signUp("fan").followed(popular);
        }

        List<String> found = accounts(viewer, word);
        assertEquals(List.of(exact.id(), popular.id(), quiet.id()), found);
        // "word_" folds to the same key but names no account exactly: the most followed leads, though its name
        // sorts after the others'.
        assertEquals(List.of(popular.id(), exact.id(), quiet.id()), accounts(viewer, word + "_"));
    }

    @Test
    void losingFollowersBelowAnOrderOfMagnitude_movesTheAccountBack() {
        User viewer = hosts.signUp("viewer");
        String word = latin(cyrillic(5));
        User first = signUp(word + "_aa");
        User second = signUp(word + "_zz");
        List<User> fans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            User fan = hosts.signUp("fan");
            fan.followed(second);
            fans.add(fan);
        }
        assertEquals(List.of(second.id(), first.id()), accounts(viewer, word));

        fans.get(0).unfollowed(second);
        assertEquals(List.of(first.id(), second.id()), accounts(viewer, word));
    }

    @Test
    void blockedAccounts_neverAppear_eitherWay() {
        User viewer = hosts.signUp("viewer");
        String word = latin(cyrillic(5));
        User blocksViewer = signUp(word + "_one");
        User blockedByViewer = signUp(word + "_two");
        User bystander = signUp(word + "_three");
        assertEquals(204, blocksViewer.put("block", viewer).status());
        assertEquals(204, viewer.put("block", blockedByViewer).status());

        assertEquals(List.of(bystander.id()), accounts(viewer, word));
        assertEquals(List.of(), accounts(viewer, word + "_one"));
        assertNotFound(blocksViewer, viewer.username(), viewer);
        assertFound(bystander, word + "_one", blocksViewer);
    }

    @Test
    void aRename_movesTheAccountToItsNewName_andAnewDisplayNameToItsWords() {
        User viewer = hosts.signUp("viewer");
        String before = latin(cyrillic(5));
        String after = latin(cyrillic(5));
        User renamed = signUp(before);
        String oldSurname = cyrillic(4);
        String newSurname = cyrillic(4);
        rename(renamed, "{\"displayName\": \"Анна " + oldSurname + "\"}");
        assertFound(viewer, before, renamed);
        assertFound(viewer, oldSurname, renamed);

        rename(renamed, "{\"username\": \"" + after + "\", \"displayName\": \"Анна " + newSurname + "\"}");

        assertNotFound(viewer, before, renamed);
        assertNotFound(viewer, oldSurname, renamed);
        assertFound(viewer, after, renamed);
        assertFound(viewer, latin(newSurname), renamed);
    }

    @Test
    void theLimit_boundsTheAccounts() {
        User viewer = hosts.signUp("viewer");
        String word = latin(cyrillic(5));
        for (String suffix : List.of("_a", "_b", "_c")) {
            signUp(word + suffix);
        }
        assertEquals(3, accounts(viewer, word).size());
        Reply two = search(viewer, word, "&limit=2");
        assertEquals(200, two.status(), two.body());
        assertEquals(2, two.json().path("accounts").size());
        assertEquals(0, two.json().path("hashtags").size());
    }

    @Test
    void aHashtagQuery_findsNoAccounts_andAnAccountQueryNoHashtags() {
        User viewer = hosts.signUp("viewer");
        String word = latin(cyrillic(5));
        signUp(word);
        Reply tagsOnly = search(viewer, "#" + word, "");
        assertEquals(200, tagsOnly.status(), tagsOnly.body());
        assertEquals(0, tagsOnly.json().path("accounts").size());
        assertEquals(1, accounts(viewer, "@" + word).size());
    }

    @Test
    void badQueries_areRefusedNamingQ() {
        User viewer = hosts.signUp("viewer");
        for (String more : List.of("/v1/search", "/v1/search?q=", "/v1/search?q=%F0%9F%94%A5__..",
                "/v1/search?q=" + "a".repeat(101))) {
            Reply refused = viewer.send("GET", more, null);
            assertEquals(400, refused.status(), more + ": " + refused.body());
            assertEquals("invalid-request", refused.problemType());
            assertEquals("q", refused.json().at("/errors/0/field").asText(), refused.body());
        }
        Reply badLimit = search(viewer, "anna", "&limit=0");
        assertEquals(400, badLimit.status(), badLimit.body());
        assertEquals("limit", badLimit.json().at("/errors/0/field").asText(), badLimit.body());
    }

    @Test
    void searching_needsASignedInCaller() {
        Reply anonymous = hosts.api().send("GET", "/v1/search?q=anna", null, Map.of());
        assertEquals(401, anonymous.status(), anonymous.body());
    }

    @Test
    void theAnswerCarriesWhatARowShows() {
        User viewer = hosts.signUp("viewer");
        String word = latin(cyrillic(5));
        User found = signUp(word);
        JsonNode account = search(viewer, word, "").json().path("accounts").get(0);
        assertEquals(found.id(), account.path("id").asText());
        assertEquals(word, account.path("username").asText());
        assertEquals("Маша Петрова", account.path("displayName").asText());
    }
}
