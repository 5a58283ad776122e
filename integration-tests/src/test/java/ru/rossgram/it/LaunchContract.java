package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.it.Concurrency.concurrently;
import static ru.rossgram.it.TestSettings.PASSWORD;
import static ru.rossgram.it.TestSettings.unique;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import ru.rossgram.it.ApiDriver.Reply;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.shared.accounts.ReservedNames;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.launch.Invitation;
import ru.rossgram.shared.launch.InvitationDesk;
import ru.rossgram.shared.launch.InvitationRepository;
import ru.rossgram.shared.launch.InvitationUse;
import ru.rossgram.shared.launch.InvitationView;
import ru.rossgram.shared.paging.Page;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.launch.InvitationOrder;
import ru.rossgram.shared.launch.IssuedInvitation;

/**
 * The launch, through the functions against a real backend: sign-up closed to all but invited people until
 * {@code SignUpOpensAt}, invitations redeemed in the account's own transaction, guessing throttled per address,
 * founding members' numbers and badges, and the invitations members earn. Operators' codes are issued as the
 * operator endpoints issue them, through {@link InvitationDesk}.
 */
abstract class LaunchContract extends Contract {
    private static final String OPENS_LATER = "2099-01-01T00:00:00Z";
    private static final String OPENED_BEFORE = "2020-01-01T00:00:00Z";
    private static final String OPERATOR = unique("rg.operator").toLowerCase(Locale.ROOT);
    private static final String OPERATORS_INVITATION = "open-sesame-" + unique("x");

    protected LaunchContract() {
        super("SignUpFunction", Map.of(
                "ROSSGRAM_LAUNCH_SIGN_UP_OPENS_AT", OPENS_LATER,
                "ROSSGRAM_OPERATORS_USERNAMES", OPERATOR,
                "ROSSGRAM_OPERATORS_INVITATION", OPERATORS_INVITATION));
    }

    // --- the closed phase ----------------------------------------------------------------------------------

    @Test
    void closedPhase_refusesSignUpWithoutACode() {
        Reply reply = signUp(hosts.api(), unique("nocode"), null);
        assertEquals(403, reply.status(), reply.body());
        assertEquals("invitation-required", reply.problemType());
        assertEquals(403, signUp(hosts.api(), unique("blank"), "  ").status());
    }

    @Test
    void closedPhase_refusesUnknownUsedUpExpiredAndWithdrawnCodes_eachWithItsOwnProblem() throws Exception {
        assertRefused(signUp(hosts.api(), unique("guess"), "RG-AAAA-AAAA-AAAA"), "invitation-unknown");
        assertRefused(signUp(hosts.api(), unique("junk"), "beta_tester"), "invitation-unknown");

        IssuedInvitation once = issue("partner", 1, null);
        assertEquals(201, signUp(hosts.api(), unique("first"), once.code()).status());
        assertRefused(signUp(hosts.api(), unique("second"), once.code()), "invitation-used-up");

        IssuedInvitation shortLived = issue("partner", 5, Instant.now().plusMillis(1500));
        Thread.sleep(2000);
        assertRefused(signUp(hosts.api(), unique("late"), shortLived.code()), "invitation-expired");

        IssuedInvitation withdrawn = issue("creator", 5, null);
        TransactionPlan plan = new TransactionPlan();
        desk().disable(withdrawn.id(), plan);
        assertTrue(plan.commit(transactions()).isEmpty());
        assertRefused(signUp(hosts.api(), unique("withdrawn"), withdrawn.code()), "invitation-disabled");

        assertEquals(1, uses(once).size(), "the refused sign-ups used nothing");
        assertEquals(0, uses(shortLived).size());
        assertEquals(0, uses(withdrawn).size());
    }

    @Test
    void aOneUseCode_underFiftySimultaneousSignUps_createsExactlyOneAccount() throws Exception {
        IssuedInvitation invitation = issue("partner", 1, null);
        List<Reply> replies = atOnce(50, "race", invitation, hosts::api);
        assertEquals(1, replies.stream().filter(reply -> reply.status() == 201).count(),
                replies.stream().map(Reply::status).toList().toString());
        for (Reply reply : replies) {
            if (reply.status() != 201) {
                assertEquals(422, reply.status(), reply.body());
                assertEquals("invitation-used-up", reply.problemType());
            }
        }
        assertEquals(1, uses(invitation).size());
        assertEquals(1, stored(invitation).uses());
    }

    @Test
    void aPartnerCodeForTwo_usedByTwoAtOnce_makesTwoPartnersWithConsecutiveFoundingNumbers() throws Exception {
        IssuedInvitation invitation = issue("partner", 2, null);
        List<Reply> replies = atOnce(2, "sponsor", invitation, hosts::api);
        List<Long> numbers = foundingNumbers(replies);
        for (Reply reply : replies) {
            assertEquals("[\"partner\"]", reply.json().at("/account/badges").toString());
            assertFalse(reply.json().at("/account/verifiedCreator").asBoolean());
        }
        assertEquals(1, Math.abs(numbers.get(0) - numbers.get(1)), "distinct and consecutive: " + numbers);
        assertRefused(signUp(hosts.api(), unique("third"), invitation.code()), "invitation-used-up");
        assertEquals(2, uses(invitation).size());
    }

    @Test
    void aCodeForFifty_usedByFiftyAtOnce_makesFiftyFoundingMembers_numberedWithoutGapsOrRepeats() throws Exception {
        IssuedInvitation invitation = issue("partner", 50, null);
        List<Long> numbers = foundingNumbers(atOnce(50, "crowd", invitation, hosts::api));
        assertEquals(50, numbers.stream().distinct().count(), numbers.toString());
        assertEquals(49, numbers.stream().mapToLong(Long::longValue).max().orElseThrow()
                - numbers.stream().mapToLong(Long::longValue).min().orElseThrow(), "no gaps when none is refused: " + numbers);
        assertEquals(50, stored(invitation).uses());
    }

    @Test
    void aCreatorCode_typedLoosely_makesAVerifiedCreatorWithTheCreatorBadge_onHerAccountAndProfile() {
        IssuedInvitation invitation = issue("creator", 1, null);
        String typed = " " + invitation.code().substring(3).toLowerCase(Locale.ROOT).replace("-", " ") + " ";
        String username = unique("blogger");
        Reply reply = signUp(hosts.api(), username, typed);
        assertEquals(201, reply.status(), reply.body());
        JsonNode account = reply.json().path("account");
        assertTrue(account.path("verifiedCreator").asBoolean());
        assertEquals("[\"creator\"]", account.path("badges").toString());
        long number = account.path("foundingNumber").asLong();
        assertTrue(number > 0);

        User blogger = new User(account.path("id").asText(), username, reply.json().at("/tokens/accessToken").asText(), hosts.api());
        JsonNode profile = blogger.ok("GET", "/v1/users/" + username, null, 200).json();
        assertTrue(profile.path("verifiedCreator").asBoolean(), profile.toString());
        assertEquals("[\"creator\"]", profile.path("badges").toString());
        assertEquals(number, profile.path("foundingNumber").asLong());
        assertEquals(username, uses(invitation).get(0).username());
    }

    @Test
    void theOperatorsInvitation_admitsAnOperatorsNameAsAFoundingPartner_andNoOtherName() {
        Reply operator = signUp(hosts.api(), OPERATOR, OPERATORS_INVITATION);
        assertEquals(201, operator.status(), operator.body());
        assertEquals("[\"partner\"]", operator.json().at("/account/badges").toString());
        assertTrue(operator.json().at("/account/foundingNumber").asLong() > 0);

        assertRefused(signUp(hosts.api(), unique("impostor"), OPERATORS_INVITATION), "invitation-unknown");
    }

    @Test
    void operatorsListTheirInvitations_newestFirst_byKind_withWhoUsedEach_andNeverTheCode() {
        IssuedInvitation partner = issue("partner", 2, null);
        IssuedInvitation creator = issue("creator", 1, null);
        String username = unique("listed");
        assertEquals(201, signUp(hosts.api(), username, creator.code()).status());

        Page<InvitationView> creators = desk().list("creator", null, 1);
        InvitationView newest = creators.items().get(0);
        assertEquals(creator.id(), newest.id());
        assertEquals(1, newest.uses());
        assertEquals(username, newest.usedBy().get(0).username());
        assertFalse(newest.toString().contains(creator.code().substring(3)), "the code is shown once, at issue");
        Page<InvitationView> older = desk().list("creator", creators.nextCursor(), 1);
        assertTrue(older.items().stream().noneMatch(view -> view.id().equals(creator.id())));
        assertTrue(older.items().stream().allMatch(view -> view.kind().equals("creator")));

        List<String> all = desk().list(null, null, 2).items().stream().map(InvitationView::id).toList();
        assertEquals(List.of(creator.id(), partner.id()), all);

        for (int i = 0; i < 2; i++) {
            TransactionPlan withdrawal = new TransactionPlan();
            desk().disable(partner.id(), withdrawal);
            assertTrue(withdrawal.commit(transactions()).isEmpty(), "withdrawing twice is harmless");
        }
        assertTrue(stored(partner).disabled());
        TransactionPlan unknown = new TransactionPlan();
        desk().disable("0".repeat(32), unknown);
        ProblemException notFound = assertThrows(ProblemException.class, () -> unknown.commit(transactions()));
        assertEquals(404, notFound.type().status());
    }

    // --- the open phase ------------------------------------------------------------------------------------------

    @Test
    void openPhase_letsAnyoneSignUp_withoutAFoundingNumber_butACreatorCodeStillVerifies() {
        ApiDriver open = hosts.api(hosts.start(Map.of("ROSSGRAM_LAUNCH_SIGN_UP_OPENS_AT", OPENED_BEFORE)));
        Reply plain = signUp(open, unique("latecomer"), null);
        assertEquals(201, plain.status(), plain.body());
        JsonNode account = plain.json().path("account");
        assertTrue(account.path("foundingNumber").isMissingNode() || account.path("foundingNumber").isNull(), account.toString());
        assertEquals("[]", account.path("badges").toString());

        Reply creator = signUp(open, unique("lateblogger"), issue("creator", 1, null).code());
        assertEquals(201, creator.status(), creator.body());
        assertTrue(creator.json().at("/account/verifiedCreator").asBoolean());
        assertEquals("[]", creator.json().at("/account/badges").toString());
        assertTrue(creator.json().at("/account/foundingNumber").isMissingNode() || creator.json().at("/account/foundingNumber").isNull());

        assertRefused(signUp(open, unique("typo"), "RG-AAAA-AAAA-AAAA"), "invitation-unknown");
    }

    @Test
    void aReservedName_isTakenOnlyWithTheCodeIssuedForIt_inEitherPhase() {
        String famous = unique("famous.blogger").toLowerCase(Locale.ROOT);
        TransactionPlan plan = new TransactionPlan();
        hosts.services().get(ReservedNames.class).reserve(List.of(famous), "a known creator", "operator-of-the-test",
                Instant.now(), plan);
        assertTrue(plan.commit(transactions()).isEmpty());
        ApiDriver open = hosts.api(hosts.start(Map.of("ROSSGRAM_LAUNCH_SIGN_UP_OPENS_AT", OPENED_BEFORE)));

        Reply withoutCode = signUp(open, famous, null);
        assertEquals(409, withoutCode.status(), withoutCode.body());
        assertEquals("username-reserved", withoutCode.problemType());
        Reply withAnotherCode = signUp(open, famous, issue("creator", 1, null).code());
        assertEquals(409, withAnotherCode.status(), withAnotherCode.body());
        assertEquals("username-reserved", withAnotherCode.problemType());

        TransactionPlan order = new TransactionPlan();
        IssuedInvitation forHer = desk().issue(new InvitationOrder("creator", 1, 1, null, famous, "her own name"),
                "operator-of-the-test", order).get(0);
        assertTrue(order.commit(transactions()).isEmpty());
        Reply taken = signUp(hosts.api(), famous, forHer.code());
        assertEquals(201, taken.status(), taken.body());
        assertTrue(taken.json().at("/account/verifiedCreator").asBoolean());
        assertEquals("[\"creator\"]", taken.json().at("/account/badges").toString());
    }

    // --- guessing ---------------------------------------------------------------------------------------------

    @Test
    void guessingCodes_isThrottledPerAddress_afterTheLimit_evenForARightCode_whileAnotherAddressSignsUp() {
        FunctionHost host = hosts.start(Map.of("ROSSGRAM_LAUNCH_MAX_WRONG_CODES_PER_ADDRESS", "3"));
        ApiDriver guesser = hosts.api(host);
        IssuedInvitation invitation = issue("partner", 5, null);
        assertEquals(201, signUp(guesser, unique("honest"), invitation.code()).status(), "a right code does not count");
        for (int i = 0; i < 3; i++) {
            assertRefused(signUp(guesser, unique("guess"), "RG-AAAA-AAAA-AAA" + "CDE".charAt(i)), "invitation-unknown");
        }
        Reply throttled = signUp(guesser, unique("lucky"), invitation.code());
        assertEquals(429, throttled.status(), throttled.body());
        assertEquals("too-many-attempts", throttled.problemType());
        assertTrue(Long.parseLong(throttled.header("retry-after")) > 0);

        Reply elsewhere = signUp(hosts.api(host), unique("neighbour"), invitation.code());
        assertEquals(201, elsewhere.status(), elsewhere.body());
    }

    @Test
    void rightCodes_neverCountAgainstAnAddress_soARoomOfInvitedPeopleOnOneNetworkAllSignUpAtOnce() throws Exception {
        IssuedInvitation invitation = issue("partner", 30, null);
        ApiDriver oneNetwork = hosts.api();
        List<Reply> replies = atOnce(30, "room", invitation, () -> oneNetwork);
        assertEquals(List.of(201), replies.stream().map(Reply::status).distinct().toList());
    }

    // --- members' invitations -----------------------------------------------------------------------------------

    @Test
    void members_earnInvitationsAsTheirAccountsAge_holdAtMostTheUnusedLimit_andSeeWhoUsedOne() throws Exception {
        FunctionHost host = hosts.start(Map.of(
                "ROSSGRAM_LAUNCH_MEMBER_INVITATION_INTERVAL", "1s",
                "ROSSGRAM_LAUNCH_MAX_UNUSED_MEMBER_INVITATIONS", "2"));
        Reply joined = signUp(hosts.api(host), unique("member"), issue("partner", 1, null).code());
        assertEquals(201, joined.status(), joined.body());
        User member = new User(joined.json().at("/account/id").asText(), joined.json().at("/account/username").asText(),
                joined.json().at("/tokens/accessToken").asText(), hosts.api(host));

        Thread.sleep(3200); // three intervals: three earned, but only two held unused
        JsonNode page = member.ok("GET", "/v1/me/invitations", null, 200).json();
        assertEquals(2, page.path("items").size(), page.toString());
        List<String> codes = codes(page);
        assertEquals(codes, codes(member.ok("GET", "/v1/me/invitations", null, 200).json()), "the same codes again");
        for (JsonNode item : page.path("items")) {
            assertEquals("member", item.path("kind").asText());
            assertEquals(0, item.path("uses").asInt());
            assertEquals(1, item.path("maxUses").asInt());
        }

        String friend = unique("friend");
        Reply invited = signUp(hosts.api(host), friend, codes.get(1));
        assertEquals(201, invited.status(), invited.body());
        assertEquals("[\"early\"]", invited.json().at("/account/badges").toString());

        JsonNode after = member.ok("GET", "/v1/me/invitations", null, 200).json();
        assertEquals(3, after.path("items").size(), "the one owed meanwhile, now that one was used: " + after);
        JsonNode used = StreamSupport.stream(after.path("items").spliterator(), false)
                .filter(item -> item.path("code").asText().equals(codes.get(1))).findFirst().orElseThrow();
        assertEquals(1, used.path("uses").asInt());
        assertEquals(friend, used.at("/usedBy/0/username").asText());
        assertRefused(signUp(hosts.api(host), unique("third"), codes.get(1)), "invitation-used-up");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** {@code people} sign-ups with the invitation's code released together, each from {@code network}'s address. */
    private static List<Reply> atOnce(int people, String name, IssuedInvitation invitation, Supplier<ApiDriver> network)
            throws Exception {
        String base = unique(name);
        return concurrently(people, i -> signUp(network.get(), base + i, invitation.code()));
    }

    /** The founding numbers of sign-ups that must all have succeeded. */
    private static List<Long> foundingNumbers(List<Reply> replies) {
        List<Long> numbers = new ArrayList<>();
        for (Reply reply : replies) {
            assertEquals(201, reply.status(), reply.body());
            numbers.add(reply.json().at("/account/foundingNumber").asLong());
        }
        return numbers;
    }

    private static List<String> codes(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).map(item -> item.path("code").asText()).toList();
    }

    private static void assertRefused(Reply reply, String problem) {
        assertEquals(422, reply.status(), reply.body());
        assertEquals(problem, reply.problemType(), reply.body());
    }

    /** A sign-up from {@code api}'s address, with {@code inviteCode} (null: none). */
    static Reply signUp(ApiDriver api, String username, String inviteCode) {
        String code = inviteCode == null ? "" : ", \"inviteCode\": \"" + inviteCode + "\"";
        return api.post("/v1/accounts", """
                {"username": "%s", "email": "%s@example.ru", "password": "%s", "displayName": "Основатель"%s}"""
                .formatted(username, username, PASSWORD, code));
    }

    private InvitationDesk desk() {
        return hosts.services().get(InvitationDesk.class);
    }

    private TransactionWriter transactions() {
        return hosts.services().get(TransactionWriter.class);
    }

    /** One code of {@code kind}, issued as the operator endpoints issue one. */
    private IssuedInvitation issue(String kind, int maxUses, Instant expiresAt) {
        TransactionPlan plan = new TransactionPlan();
        List<IssuedInvitation> issued = desk().issue(new InvitationOrder(kind, 1, maxUses, expiresAt, null, "launch test"),
                "operator-of-the-test", plan);
        assertTrue(plan.commit(transactions()).isEmpty());
        return issued.get(0);
    }

    private Invitation stored(IssuedInvitation invitation) {
        return hosts.services().get(InvitationRepository.class).find(invitation.id()).orElseThrow();
    }

    /** The accounts the invitation created, as stored. */
    private List<InvitationUse> uses(IssuedInvitation invitation) {
        return hosts.services().get(InvitationRepository.class).uses(invitation.id());
    }
}
