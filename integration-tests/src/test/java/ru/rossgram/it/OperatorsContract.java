package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.TestSettings.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;

/**
 * The operators' endpoints, end to end through the functions against a real backend: only the accounts the
 * deployment's configuration names may use them, and every action they take is in the audit log, written in the
 * action's own transaction.
 */
abstract class OperatorsContract extends Contract {
    private static final String UNKNOWN_INVITATION_ID = "0123456789abcdef0123456789abcdef";

    private final String operatorName;
    private final String operatorInvitation;
    private User operator;

    protected OperatorsContract() {
        this(unique("ops"), unique("ops-secret"));
    }

    private OperatorsContract(String operatorName, String operatorInvitation) {
        super("OperatorFunction", Map.of(
                "ROSSGRAM_OPERATORS_USERNAMES", "someone.else, " + operatorName,
                "ROSSGRAM_OPERATORS_INVITATION", operatorInvitation));
        this.operatorName = operatorName;
        this.operatorInvitation = operatorInvitation;
    }

    /** The operator the configuration names, signed up once per contract run with the operators' invitation. */
    private synchronized User operator() {
        if (operator == null) {
            JsonNode account = signUpWith(operatorName, operatorInvitation);
            operator = new User(account.at("/account/id").asText(), operatorName, account.at("/tokens/accessToken").asText(), hosts.api());
        }
        return operator;
    }

    private Reply signUp(String username, String inviteCode) {
        return hosts.api().post("/v1/accounts", """
                {"username": "%s", "email": "%s@example.ru", "password": "%s", "displayName": "Маша", "inviteCode": "%s"}"""
                .formatted(username, unique("mail"), TestSettings.PASSWORD, inviteCode));
    }

    private JsonNode signUpWith(String username, String inviteCode) {
        Reply reply = signUp(username, inviteCode);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    /** Every operator route, with a body that would be valid for an operator. */
    private static List<String[]> routes(String username) {
        return List.of(
                new String[] {"POST", "/v1/operator/invitations", "{\"kind\": \"creator\", \"count\": 2}"},
                new String[] {"GET", "/v1/operator/invitations", null},
                new String[] {"POST", "/v1/operator/invitations/" + UNKNOWN_INVITATION_ID + "/disable", null},
                new String[] {"POST", "/v1/operator/creators/" + username, null},
                new String[] {"DELETE", "/v1/operator/creators/" + username, null},
                new String[] {"POST", "/v1/operator/reserved-names", "{\"names\": [\"" + unique("held") + "\"]}"},
                new String[] {"GET", "/v1/operator/reserved-names", null},
                new String[] {"POST", "/v1/operator/migrations/lookalikes", null},
                new String[] {"GET", "/v1/operator/audit", null});
    }

    private JsonNode auditPage(String query) {
        return operator().ok("GET", "/v1/operator/audit" + query, null, 200).json();
    }

    private JsonNode newestAudit() {
        return auditPage("?limit=1").path("items").path(0);
    }

    // --- the role ---------------------------------------------------------------------------------------------

    @Test
    void everyOperatorRoute_refusesOtherAccounts_withOperatorsOnly_andRecordsNothing() {
        operator().ok("POST", "/v1/operator/creators/" + operator().username(), null, 200); // the log has an entry
        String newestBefore = newestAudit().path("id").asText();
        User member = hosts.signUp("member");
        for (String[] route : routes(member.username())) {
            Reply refused = member.send(route[0], route[1], route[2]);
            assertEquals(403, refused.status(), route[0] + " " + route[1] + ": " + refused.body());
            assertEquals("operators-only", refused.problemType());
            Reply anonymous = hosts.api().send(route[0], route[1], route[2],
                    route[2] == null ? Map.of() : Map.of("content-type", "application/json"));
            assertEquals(401, anonymous.status(), route[0] + " " + route[1] + ": " + anonymous.body());
        }
        for (String path : List.of("/v1/operator/invitations", "/v1/operator/reserved-names")) {
            Reply unread = member.send("POST", path, "{\"isAdmin\": ");
            assertEquals(403, unread.status(), path + ": " + unread.body()); // the body is not even read
        }
        assertFalse(member.profile(member).path("verifiedCreator").asBoolean());
        assertEquals(newestBefore, newestAudit().path("id").asText());
    }

    @Test
    void operatorPowers_comeFromTheDeploymentsConfiguration_notFromTheToken() {
        User signedIn = operator();
        var unconfigured = hosts.start(Map.of("ROSSGRAM_OPERATORS_USERNAMES", "someone.else"));
        User sameTokenElsewhere = new User(signedIn.id(), signedIn.username(), signedIn.token(), hosts.api(unconfigured));
        Reply refused = sameTokenElsewhere.send("GET", "/v1/operator/audit", null);
        assertEquals(403, refused.status(), refused.body());
        assertEquals("operators-only", refused.problemType());
        signedIn.ok("GET", "/v1/operator/audit", null, 200);
    }

    @Test
    void operatorNames_matchIgnoringCase_likeUsernames() {
        var upperCased = hosts.start(Map.of("ROSSGRAM_OPERATORS_USERNAMES", operatorName.toUpperCase()));
        User signedIn = operator();
        new User(signedIn.id(), signedIn.username(), signedIn.token(), hosts.api(upperCased))
                .ok("GET", "/v1/operator/audit", null, 200);
    }

    // --- invitations -------------------------------------------------------------------------------------------

    @Test
    void creatorCodes_areShownOnce_listedWithTheirUsesButNeverTheirCodes_andAudited() {
        JsonNode issued = operator().ok("POST", "/v1/operator/invitations",
                "{\"kind\": \"creator\", \"count\": 3, \"note\": \"Beauty bloggers\"}", 201).json().path("invitations");
        assertEquals(3, issued.size(), issued.toString());
        List<String> ids = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        issued.forEach(invitation -> {
            assertEquals("creator", invitation.path("kind").asText());
            assertTrue(invitation.path("code").asText().matches("RG(-[A-Z0-9]{4}){3}"), invitation.toString());
            ids.add(invitation.path("id").asText());
            codes.add(invitation.path("code").asText());
        });
        assertEquals(3, codes.stream().distinct().count());

        JsonNode entry = newestAudit();
        assertEquals("invitations.issue", entry.path("action").asText(), entry.toString());
        assertEquals(operator().id(), entry.at("/operator/id").asText());
        assertEquals("creator", entry.at("/details/kind").asText());
        assertEquals("3", entry.at("/details/count").asText());
        assertEquals(String.join(",", ids), entry.at("/details/invitationIds").asText());
        codes.forEach(code -> assertFalse(entry.toString().contains(code), "the log shows a code"));

        String newcomer = unique("blogger");
        JsonNode account = signUpWith(newcomer, codes.get(0));
        assertTrue(account.at("/account/verifiedCreator").asBoolean(), account.toString());

        JsonNode listed = invitationsListed("creator", ids.get(0));
        assertEquals(1, listed.path("uses").asInt(), listed.toString());
        assertEquals(newcomer, listed.at("/usedBy/0/username").asText(), listed.toString());
        assertEquals(account.at("/account/id").asText(), listed.at("/usedBy/0/userId").asText());
        assertEquals("Beauty bloggers", listed.path("note").asText());
        assertEquals(operator().id(), listed.path("issuedBy").asText());
        assertEquals(0, invitationsListed("creator", ids.get(1)).path("uses").asInt());
        JsonNode firstPage = operator().ok("GET", "/v1/operator/invitations?limit=50", null, 200).json();
        codes.forEach(code -> assertFalse(firstPage.toString().contains(code), "the listing shows a code"));
    }

    /** The listed invitation {@code id} of {@code kind}, paging through the listing newest first. */
    private JsonNode invitationsListed(String kind, String id) {
        String cursor = "";
        do {
            JsonNode page = operator().ok("GET", "/v1/operator/invitations?kind=" + kind + "&limit=50"
                    + (cursor.isEmpty() ? "" : "&cursor=" + cursor), null, 200).json();
            for (JsonNode invitation : page.path("items")) {
                assertEquals(kind, invitation.path("kind").asText());
                if (invitation.path("id").asText().equals(id)) {
                    return invitation;
                }
            }
            cursor = page.path("nextCursor").asText("");
        } while (!cursor.isEmpty());
        throw new AssertionError("invitation " + id + " is not listed");
    }

    @Test
    void aWithdrawnCode_isRefusedAtSignUp_asInvitationDisabled() {
        JsonNode issued = operator().ok("POST", "/v1/operator/invitations", "{\"kind\": \"partner\", \"maxUses\": 5}", 201)
                .json().at("/invitations/0");
        String id = issued.path("id").asText();
        operator().ok("POST", "/v1/operator/invitations/" + id + "/disable", null, 204);

        Reply refused = signUp(unique("sponsor"), issued.path("code").asText());
        assertEquals(422, refused.status(), refused.body());
        assertEquals("invitation-disabled", refused.problemType());
        assertTrue(invitationsListed("partner", id).path("disabled").asBoolean());
        JsonNode entry = newestAudit();
        assertEquals("invitations.disable", entry.path("action").asText(), entry.toString());
        assertEquals(id, entry.at("/details/invitationId").asText());
    }

    @Test
    void withdrawingAnInvitationThatDoesNotExist_is404_andRecordsNothing() {
        operator().ok("POST", "/v1/operator/creators/" + operator().username(), null, 200);
        String newestBefore = newestAudit().path("id").asText();
        for (String id : List.of(UNKNOWN_INVITATION_ID, "not-an-id")) {
            Reply missing = operator().send("POST", "/v1/operator/invitations/" + id + "/disable", null);
            assertEquals(404, missing.status(), missing.body());
            assertEquals("not-found", missing.problemType());
        }
        assertEquals(newestBefore, newestAudit().path("id").asText());
    }

    @Test
    void aReservedName_isTakenOnlyWithTheCreatorCodeIssuedForIt() {
        String star = unique("star");
        operator().ok("POST", "/v1/operator/reserved-names", "{\"names\": [\"" + star + "\"]}", 201);
        String code = operator().ok("POST", "/v1/operator/invitations",
                "{\"kind\": \"creator\", \"forUsername\": \"" + star + "\"}", 201).json().at("/invitations/0/code").asText();
        String otherCode = operator().ok("POST", "/v1/operator/invitations", "{\"kind\": \"creator\"}", 201)
                .json().at("/invitations/0/code").asText();

        Reply withAnotherCode = signUp(star, otherCode);
        assertEquals(409, withAnotherCode.status(), withAnotherCode.body());
        assertEquals("username-reserved", withAnotherCode.problemType());
        JsonNode account = signUpWith(star, code);
        assertEquals(star, account.at("/account/username").asText());
        assertTrue(account.at("/account/verifiedCreator").asBoolean());
    }

    @Test
    void issuingAnInvalidOrder_is400NamingTheField_andRecordsNothing() {
        operator().ok("POST", "/v1/operator/creators/" + operator().username(), null, 200);
        String newestBefore = newestAudit().path("id").asText();
        Map<String, String> cases = Map.of(
                "{\"kind\": \"member\"}", "kind",
                "{\"kind\": \"creator\", \"count\": 21}", "count",
                "{\"kind\": \"creator\", \"expiresAt\": \"2020-01-01T00:00:00Z\"}", "expiresAt");
        cases.forEach((body, field) -> {
            Reply refused = operator().send("POST", "/v1/operator/invitations", body);
            assertEquals(400, refused.status(), body + " -> " + refused.body());
            assertEquals(field, refused.json().at("/errors/0/field").asText(), refused.body());
        });
        assertEquals(newestBefore, newestAudit().path("id").asText());
    }

    // --- reserved names ------------------------------------------------------------------------------------------

    @Test
    void reservingNames_refusesThemAndTheirLookalikes_atSignUp_andIsAudited() {
        String buzova = unique("buzova");
        String other = unique("star");
        JsonNode reserved = operator().ok("POST", "/v1/operator/reserved-names", """
                {"names": [" %s ", "%s"], "reason": "  Known creator; invitation on its way "}""".formatted(buzova, other), 201).json();
        assertEquals(List.of(buzova, other), List.of(reserved.at("/names/0").asText(), reserved.at("/names/1").asText()));
        assertEquals("Known creator; invitation on its way", reserved.path("reason").asText());

        for (String taken : List.of(buzova, buzova.toUpperCase(), buzova.replace('o', '0'), other)) {
            Reply refused = hosts.api().post("/v1/accounts", TestSettings.signUpBody(taken, unique("fan") + "@example.ru", TestSettings.PASSWORD));
            assertEquals(409, refused.status(), taken + ": " + refused.body());
            assertEquals("username-reserved", refused.problemType());
        }

        JsonNode entry = newestAudit();
        assertEquals("reserved-names.reserve", entry.path("action").asText(), entry.toString());
        assertEquals(operator().id(), entry.at("/operator/id").asText());
        assertEquals(buzova + "," + other, entry.at("/details/names").asText());
        assertEquals("Known creator; invitation on its way", entry.at("/details/reason").asText());

        List<String> listed = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = operator().ok("GET", "/v1/operator/reserved-names?limit=50" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), null, 200).json();
            page.path("items").forEach(item -> {
                if (item.path("name").asText().equals(buzova)) {
                    assertEquals(operator().id(), item.path("reservedBy").asText());
                    assertEquals("Known creator; invitation on its way", item.path("reason").asText());
                }
                listed.add(item.path("name").asText());
            });
            cursor = page.path("nextCursor").asText("");
        } while (!cursor.isEmpty());
        assertTrue(listed.containsAll(List.of(buzova, other)), listed.toString());
    }

    @Test
    void anOperatorsName_isReservedForIt_atSignUp() {
        Reply refused = hosts.api().post("/v1/accounts", TestSettings.signUpBody(operatorName.toUpperCase(), unique("fan") + "@example.ru", TestSettings.PASSWORD));
        assertEquals(409, refused.status(), refused.body());
        assertEquals("username-reserved", refused.problemType());
    }

    @Test
    void reservingTooManyNames_is400_andRecordsNothing() {
        operator().ok("POST", "/v1/operator/creators/" + operator().username(), null, 200);
        String newestBefore = newestAudit().path("id").asText();
        String names = String.join("\", \"", IntStream.range(0, 21).mapToObj(i -> unique("n" + i)).toList());
        Reply refused = operator().send("POST", "/v1/operator/reserved-names", "{\"names\": [\"" + names + "\"]}");
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid-request", refused.problemType());
        assertEquals(newestBefore, newestAudit().path("id").asText());
    }

    // --- the look-alike migration ------------------------------------------------------------------------------

    @Test
    void aLookalikeMigrationStep_answersItsReport_andIsAuditedWithIt() {
        JsonNode report = operator().ok("POST", "/v1/operator/migrations/lookalikes?limit=200", null, 200).json();
        int scanned = report.path("scanned").asInt();
        assertEquals(scanned, report.path("claimed").asInt() + report.path("alreadyClaimed").asInt() + report.path("collisions").size(),
                report.toString());

        JsonNode entry = newestAudit();
        assertEquals("migrations.lookalikes", entry.path("action").asText(), entry.toString());
        assertEquals("start", entry.at("/details/from").asText());
        assertEquals(Integer.toString(scanned), entry.at("/details/scanned").asText());
        assertEquals(report.path("claimed").asText(), entry.at("/details/claimed").asText());
        assertEquals(Integer.toString(report.path("collisions").size()), entry.at("/details/collisions").asText());
        assertEquals(Boolean.toString(!report.has("nextCursor")), entry.at("/details/done").asText());

        Reply tooBig = operator().send("POST", "/v1/operator/migrations/lookalikes?limit=5000", null);
        assertEquals(400, tooBig.status(), tooBig.body());
        assertEquals(entry.path("id").asText(), newestAudit().path("id").asText());
    }

    // --- verified creators -------------------------------------------------------------------------------------

    @Test
    void markingACreator_showsOnTheirProfileAndPosts_untilTheMarkIsWithdrawn_eachStepAudited() {
        User creator = hosts.signUp("creator");
        User reader = hosts.signUp("reader");
        String postId = hosts.publishedPost(creator, "");
        assertFalse(reader.profile(creator).path("verifiedCreator").asBoolean());
        Instant before = Instant.now();

        JsonNode marked = operator().ok("POST", "/v1/operator/creators/" + creator.username().toUpperCase(), null, 200).json();
        assertEquals(creator.id(), marked.path("id").asText());
        assertEquals(creator.username(), marked.path("username").asText());
        assertTrue(marked.path("verifiedCreator").asBoolean());
        assertTrue(reader.profile(creator).path("verifiedCreator").asBoolean());
        assertTrue(reader.post(postId).at("/author/verifiedCreator").asBoolean());
        assertAudited(newestAudit(), "creators.mark", creator, before);

        operator().ok("DELETE", "/v1/operator/creators/" + creator.username(), null, 200);
        assertFalse(reader.profile(creator).path("verifiedCreator").asBoolean());
        assertFalse(reader.post(postId).at("/author/verifiedCreator").asBoolean());
        assertAudited(newestAudit(), "creators.unmark", creator, before);
    }

    private void assertAudited(JsonNode entry, String action, User subject, Instant notBefore) {
        assertEquals(action, entry.path("action").asText(), entry.toString());
        assertEquals(operator().id(), entry.at("/operator/id").asText(), entry.toString());
        assertEquals(operatorName, entry.at("/operator/username").asText(), entry.toString());
        assertEquals(subject.id(), entry.at("/details/userId").asText(), entry.toString());
        assertEquals(subject.username(), entry.at("/details/username").asText(), entry.toString());
        Instant at = Instant.parse(entry.path("at").asText());
        assertFalse(at.isBefore(notBefore.minusSeconds(1)), entry.toString());
        assertTrue(at.isBefore(Instant.now().plus(Duration.ofSeconds(1))), entry.toString());
    }

    @Test
    void markingAnAccountThatDoesNotExist_is404_andRecordsNothing() {
        operator().ok("POST", "/v1/operator/creators/" + operator().username(), null, 200);
        String newestBefore = newestAudit().path("id").asText();
        Reply missing = operator().send("POST", "/v1/operator/creators/" + unique("nobody"), null);
        assertEquals(404, missing.status(), missing.body());
        assertEquals("not-found", missing.problemType());
        assertEquals(newestBefore, newestAudit().path("id").asText());
    }

    // --- the audit log ------------------------------------------------------------------------------------------

    @Test
    void auditLog_listsEveryAction_newestFirst_pagedWithACursor() {
        User anna = hosts.signUp("anna");
        User boris = hosts.signUp("boris");
        operator().ok("POST", "/v1/operator/creators/" + anna.username(), null, 200);
        operator().ok("POST", "/v1/operator/creators/" + boris.username(), null, 200);
        operator().ok("DELETE", "/v1/operator/creators/" + anna.username(), null, 200);

        JsonNode first = auditPage("?limit=2");
        assertEquals(2, first.path("items").size());
        assertEquals(List.of("creators.unmark " + anna.username(), "creators.mark " + boris.username()),
                List.of(described(first.path("items").path(0)), described(first.path("items").path(1))));
        String cursor = first.path("nextCursor").asText();
        assertNotNull(cursor);
        assertFalse(cursor.isEmpty());

        JsonNode second = auditPage("?limit=2&cursor=" + cursor);
        assertEquals("creators.mark " + anna.username(), described(second.path("items").path(0)));
        assertTrue(second.path("items").path(0).path("id").asText().compareTo(first.path("items").path(1).path("id").asText()) < 0);
    }

    private static String described(JsonNode entry) {
        return entry.path("action").asText() + " " + entry.at("/details/username").asText();
    }

    @Test
    void auditLog_refusesACursorItDidNotIssue() {
        Reply forged = operator().send("GET", "/v1/operator/audit?cursor=eyJiZWZvcmUiOiJ6In0.AAAA", null);
        assertEquals(400, forged.status(), forged.body());
        assertEquals("invalid-cursor", forged.problemType());
    }
}
