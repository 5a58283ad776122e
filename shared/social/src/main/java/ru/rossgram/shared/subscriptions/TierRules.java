package ru.rossgram.shared.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.text.TextRules;

/**
 * The rules of a creator's tiers: their fields' shapes, the limit, and how ranks move. Ranks order the current (not
 * archived) tiers; an archived tier keeps the rank it had, so its subscribers keep seeing what they saw, and takes no
 * part in later moves. Archiving leaves every other rank as it is (nobody gains or loses posts); the next move
 * renumbers the current tiers 1..n.
 */
public final class TierRules {
    static final int NAME_MAX = 60;
    static final int DESCRIPTION_MAX = 1000;
    /** A month's price, in kopecks: 10 to 100,000 roubles. */
    static final long PRICE_MIN = 1_000;
    static final long PRICE_MAX = 10_000_000;

    private TierRules() {
    }

    /** @throws ProblemException 400 unless 1 to {@value #NAME_MAX} characters on one line (white space around dropped) */
    public static String name(String name) {
        if (name == null) {
            throw ProblemException.invalid("name", "required, 1 to " + NAME_MAX + " characters");
        }
        String value = TextRules.singleLine("name", name).strip();
        int length = value.codePointCount(0, value.length());
        if (length == 0 || length > NAME_MAX) {
            throw ProblemException.invalid("name", "1 to " + NAME_MAX + " characters");
        }
        return value;
    }

    /** @return the description without white space around, "" for none; 400 past {@value #DESCRIPTION_MAX} characters */
    public static String description(String description) {
        if (description == null) {
            return "";
        }
        String value = TextRules.multiLine("description", description).strip();
        if (value.codePointCount(0, value.length()) > DESCRIPTION_MAX) {
            throw ProblemException.invalid("description", "at most " + DESCRIPTION_MAX + " characters");
        }
        return value;
    }

    /** @throws ProblemException 400 for none, or outside {@value #PRICE_MIN} to {@value #PRICE_MAX} kopecks */
    public static Money price(Long kopecks) {
        if (kopecks == null || kopecks < PRICE_MIN || kopecks > PRICE_MAX) {
            throw ProblemException.invalid("price", "kopecks a month, " + PRICE_MIN + " to " + PRICE_MAX);
        }
        return Money.rub(kopecks);
    }

    /** @throws ProblemException 400 for anything but {@code active}, {@code hidden} or {@code archived} */
    public static Tier.State state(String wire) {
        for (Tier.State state : Tier.State.values()) {
            if (state.wire().equals(wire)) {
                return state;
            }
        }
        throw ProblemException.invalid("state", "active, hidden or archived");
    }

    /**
     * The rank a new tier takes: after every current one.
     *
     * @throws ProblemException 422 {@code too-many-tiers} when {@link CreatorTiers#MAX_TIERS} are current already
     */
    public static int rankOfNew(CreatorTiers tiers) {
        List<Tier> current = tiers.current();
        if (current.size() >= CreatorTiers.MAX_TIERS) {
            throw new ProblemException(ProblemType.TOO_MANY_TIERS, "You have " + current.size()
                    + " tiers, as many as allowed; archive one to make another.",
                    Map.<String, Object>of("limit", CreatorTiers.MAX_TIERS));
        }
        return current.stream().mapToInt(Tier::rank).max().orElse(0) + 1;
    }

    /**
     * The tiers with {@code moved} (a current tier) at {@code rank} among the current ones, and the others current
     * renumbered 1..n around it in the order they had; archived tiers unchanged.
     *
     * @throws ProblemException 400 unless {@code rank} is 1 to the number of current tiers
     */
    public static List<Tier> move(List<Tier> tiers, Tier moved, int rank) {
        List<Tier> current = new ArrayList<>(tiers.stream().filter(t -> t.state() != Tier.State.ARCHIVED)
                .sorted(java.util.Comparator.comparingInt(Tier::rank)).toList());
        if (rank < 1 || rank > current.size()) {
            throw ProblemException.invalid("rank", "1 to " + current.size() + " (your current tiers)");
        }
        current.removeIf(t -> t.tierId().equals(moved.tierId()));
        current.add(rank - 1, moved);
        List<Tier> next = new ArrayList<>(tiers.stream().filter(t -> t.state() == Tier.State.ARCHIVED).toList());
        for (int i = 0; i < current.size(); i++) {
            Tier tier = current.get(i);
            next.add(new Tier(tier.tierId(), tier.name(), tier.description(), tier.price(), tier.priceSince(), i + 1,
                    tier.state(), tier.createdAt()));
        }
        return next;
    }
}
