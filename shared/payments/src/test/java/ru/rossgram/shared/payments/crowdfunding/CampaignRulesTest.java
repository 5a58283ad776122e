package ru.rossgram.shared.payments.crowdfunding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentView.Amount;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class CampaignRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final CrowdfundingConfig CONFIG = new CrowdfundingConfig(Duration.ofDays(60), Duration.ofHours(1), 100,
            Duration.ofMinutes(30), List.of(Duration.ofDays(2), Duration.ofDays(4), Duration.ofDays(6)), Duration.ofDays(7),
            Duration.ofHours(1), 100);

    @Test
    void aDeadline_mustBeAnHourToSixtyDaysAhead_boundsIncluded() {
        assertEquals(NOW.plus(Duration.ofHours(1)), CampaignRules.deadline("2026-12-07T10:00:00Z", NOW, CONFIG));
        assertEquals(NOW.plus(Duration.ofDays(60)), CampaignRules.deadline("2027-02-05T12:00:00+03:00", NOW, CONFIG));
        for (String deadline : List.of("2026-12-07T09:59:59Z", "2027-02-05T09:00:01Z", "2026-12-01T00:00:00Z")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> CampaignRules.deadline(deadline, NOW, CONFIG));
            assertEquals(ProblemType.DEADLINE_OUT_OF_RANGE, refused.type(), deadline);
            assertEquals("2026-12-07T10:00:00Z", refused.extensions().get("earliest"));
            assertEquals("2027-02-05T09:00:00Z", refused.extensions().get("latest"));
        }
    }

    @Test
    void aDeadline_thatIsNoDateTimeWithAnOffset_isAnInvalidField() {
        for (String deadline : List.of("2027-01-01", "2027-01-01T10:00:00", "tomorrow")) {
            assertEquals(ProblemType.INVALID_REQUEST,
                    assertThrows(ProblemException.class, () -> CampaignRules.deadline(deadline, NOW, CONFIG)).type(), deadline);
        }
        assertEquals(ProblemType.INVALID_REQUEST,
                assertThrows(ProblemException.class, () -> CampaignRules.deadline(null, NOW, CONFIG)).type());
    }

    @Test
    void aGoal_isRoublesFromOneHundredToOneHundredMillion() {
        assertEquals(Money.rub(10_000), CampaignRules.goal(new Amount(10_000, "RUB")));
        assertEquals(Money.rub(10_000_000_000L), CampaignRules.goal(new Amount(10_000_000_000L, "RUB")));
        for (Amount goal : List.of(new Amount(9_999, "RUB"), new Amount(10_000_000_001L, "RUB"),
                new Amount(-1, "RUB"), new Amount(1_000_000, "EUR"))) {
            assertThrows(ProblemException.class, () -> CampaignRules.goal(goal), goal.toString());
        }
        assertThrows(ProblemException.class, () -> CampaignRules.goal(null));
    }

    @Test
    void rewards_getNewIds_inTheOrderSent_withTheirFieldsChecked() {
        AtomicInteger next = new AtomicInteger();
        List<Reward> rewards = CampaignRules.rewards(List.of(
                new NewReward(" Открытки ", null, new Amount(50_000, "RUB"), "2026-12", null),
                new NewReward("Книга", "С автографом", new Amount(350_000, "RUB"), "2031-12", 200)),
                NOW, () -> "R" + next.incrementAndGet());
        assertEquals(List.of("R1", "R2"), rewards.stream().map(Reward::rewardId).toList());
        assertEquals("Открытки", rewards.get(0).title());
        assertEquals("", rewards.get(0).description());
        assertEquals(200, rewards.get(1).limit());
        assertEquals(List.of(), CampaignRules.rewards(null, NOW, () -> "R"));
    }

    @Test
    void aReward_isRefused_namingItsField() {
        assertField("rewards[0].minimum", new NewReward("A", null, new Amount(99, "RUB"), "2027-01", null));
        assertField("rewards[0].minimum", new NewReward("A", null, new Amount(100_000_001, "RUB"), "2027-01", null));
        assertField("rewards[0].limit", new NewReward("A", null, new Amount(100, "RUB"), "2027-01", 0));
        assertField("rewards[0].deliveryEstimate", new NewReward("A", null, new Amount(100, "RUB"), "2026-11", null));
        assertField("rewards[0].deliveryEstimate", new NewReward("A", null, new Amount(100, "RUB"), "2032-01", null));
        assertField("rewards[0].deliveryEstimate", new NewReward("A", null, new Amount(100, "RUB"), "2027-13", null));
        assertField("rewards[0].deliveryEstimate", new NewReward("A", null, new Amount(100, "RUB"), "Q1 2027", null));
        assertField("rewards[0].title", new NewReward(" ", null, new Amount(100, "RUB"), "2027-01", null));
        List<NewReward> eleven = new ArrayList<>(Collections.nCopies(11,
                new NewReward("A", null, new Amount(100, "RUB"), "2027-01", null)));
        ProblemException tooMany = assertThrows(ProblemException.class, () -> CampaignRules.rewards(eleven, NOW, () -> "R"));
        assertEquals(true, tooMany.extensions().toString().contains("rewards"));
    }

    @Test
    void aTitle_isOneLineOfAtMostOneHundredCharacters() {
        assertEquals("Север", CampaignRules.title("  Север "));
        assertEquals("я".repeat(100), CampaignRules.title("я".repeat(100)));
        for (String title : List.of("", "   ", "я".repeat(101), "две\nстроки")) {
            assertThrows(ProblemException.class, () -> CampaignRules.title(title), title);
        }
        assertThrows(ProblemException.class, () -> CampaignRules.title(null));
    }

    @Test
    void aMode_isOneOfTheTwo() {
        assertEquals(Campaign.Mode.ALL_OR_NOTHING, CampaignRules.mode("all_or_nothing"));
        assertEquals(Campaign.Mode.KEEP_WHAT_YOU_RAISE, CampaignRules.mode("keep_what_you_raise"));
        assertThrows(ProblemException.class, () -> CampaignRules.mode("ALL_OR_NOTHING"));
        assertThrows(ProblemException.class, () -> CampaignRules.mode(null));
    }

    private static void assertField(String field, NewReward reward) {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> CampaignRules.rewards(List.of(reward), NOW, () -> "R"), reward.toString());
        assertEquals(ProblemType.INVALID_REQUEST, refused.type());
        assertEquals(true, refused.extensions().toString().contains(field), field + ": " + refused.extensions());
    }
}
