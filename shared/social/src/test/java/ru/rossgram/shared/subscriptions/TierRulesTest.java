package ru.rossgram.shared.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class TierRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    @Test
    void moving_aTierDown_renumbersTheCurrentOnes_oneToN_inTheirOrder() {
        List<Tier> tiers = List.of(tier("a", 1), tier("b", 2), tier("c", 3), tier("d", 4));
        List<Tier> moved = TierRules.move(tiers, tier("a", 1), 3);
        assertEquals(Map.of("b", 1, "c", 2, "a", 3, "d", 4), ranks(moved));
    }

    @Test
    void moving_aTierUp_pushesTheOthersUp() {
        List<Tier> tiers = List.of(tier("a", 1), tier("b", 2), tier("c", 3));
        assertEquals(Map.of("c", 1, "a", 2, "b", 3), ranks(TierRules.move(tiers, tier("c", 3), 1)));
    }

    @Test
    void moving_leavesArchivedTiersAtTheirRank_andClosesTheGapTheyLeft() {
        List<Tier> tiers = List.of(tier("a", 1), archived("b", 2), tier("c", 3), tier("d", 4));
        List<Tier> moved = TierRules.move(tiers, tier("d", 4), 1);
        assertEquals(Map.of("d", 1, "a", 2, "c", 3, "b", 2), ranks(moved));
        assertEquals(Tier.State.ARCHIVED, moved.stream().filter(t -> t.tierId().equals("b")).findFirst().orElseThrow().state());
    }

    @Test
    void moving_toARankPastTheCurrentTiers_isRefused() {
        List<Tier> tiers = List.of(tier("a", 1), archived("b", 2), tier("c", 3));
        for (int rank : new int[] {0, 3}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> TierRules.move(tiers, tier("a", 1), rank));
            assertEquals(ProblemType.INVALID_REQUEST, problem.type());
        }
    }

    @Test
    void aNewTier_ranksAfterTheCurrentOnes_notAfterTheArchived() {
        assertEquals(1, TierRules.rankOfNew(CreatorTiers.none("u")));
        assertEquals(3, TierRules.rankOfNew(new CreatorTiers("u", List.of(tier("a", 1), tier("b", 2), archived("c", 3)), 4)));
    }

    @Test
    void aSixthCurrentTier_isRefused_butArchivedOnesDoNotCount() {
        List<Tier> five = new ArrayList<>();
        for (int rank = 1; rank <= 5; rank++) {
            five.add(tier("t" + rank, rank));
        }
        ProblemException problem = assertThrows(ProblemException.class,
                () -> TierRules.rankOfNew(new CreatorTiers("u", five, 5)));
        assertEquals(ProblemType.TOO_MANY_TIERS, problem.type());
        five.set(4, archived("t5", 5));
        assertEquals(5, TierRules.rankOfNew(new CreatorTiers("u", five, 6)));
    }

    @Test
    void names_areOneToSixtyCharacters_onOneLine() {
        assertEquals("Закулисье", TierRules.name("  Закулисье "));
        assertEquals("я".repeat(60), TierRules.name("я".repeat(60)));
        for (String bad : new String[] {null, "", "   ", "я".repeat(61), "two\nlines"}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> TierRules.name(bad), String.valueOf(bad));
            assertEquals(ProblemType.INVALID_REQUEST, problem.type());
        }
    }

    @Test
    void descriptions_areOptional_upToAThousandCharacters() {
        assertEquals("", TierRules.description(null));
        assertEquals("line one\nline two", TierRules.description("line one\nline two\n"));
        assertThrows(ProblemException.class, () -> TierRules.description("x".repeat(1001)));
    }

    @Test
    void prices_areTenToAHundredThousandRoubles() {
        assertEquals(Money.rub(1_000), TierRules.price(1_000L));
        assertEquals(Money.rub(10_000_000), TierRules.price(10_000_000L));
        for (Long bad : new Long[] {null, 999L, 10_000_001L, -1L}) {
            assertThrows(ProblemException.class, () -> TierRules.price(bad), String.valueOf(bad));
        }
    }

    @Test
    void states_areActiveHiddenOrArchived() {
        assertEquals(Tier.State.HIDDEN, TierRules.state("hidden"));
        assertThrows(ProblemException.class, () -> TierRules.state("ACTIVE"));
        assertThrows(ProblemException.class, () -> TierRules.state("deleted"));
    }

    private static Tier tier(String id, int rank) {
        return new Tier(id, id, "", Money.rub(10_000), NOW, rank, Tier.State.ACTIVE, NOW);
    }

    private static Tier archived(String id, int rank) {
        return new Tier(id, id, "", Money.rub(10_000), NOW, rank, Tier.State.ARCHIVED, NOW);
    }

    private static Map<String, Integer> ranks(List<Tier> tiers) {
        return tiers.stream().collect(Collectors.toMap(Tier::tierId, Tier::rank));
    }
}
