package ru.rossgram.shared.subscriptions;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All of a creator's tiers, stored together in one item so that ranks stay unique and the limit of
 * {@link #MAX_TIERS} holds under concurrent edits (one conditional write on {@code version}).
 *
 * @param version 0 for a creator who never defined a tier (nothing stored yet)
 */
public record CreatorTiers(String creatorId, List<Tier> tiers, long version) {
    /** Tiers a creator may have that are not archived. */
    public static final int MAX_TIERS = 5;

    public CreatorTiers {
        tiers = tiers.stream().sorted(Comparator.comparingInt(Tier::rank)).toList();
    }

    public static CreatorTiers none(String creatorId) {
        return new CreatorTiers(creatorId, List.of(), 0);
    }

    public Optional<Tier> tier(String tierId) {
        return tiers.stream().filter(t -> t.tierId().equals(tierId)).findFirst();
    }

    /** The rank a subscriber of {@code tierId} has now; 0 (no access) for a tier the creator no longer has. */
    public int rankOf(String tierId) {
        return tier(tierId).map(Tier::rank).orElse(0);
    }

    /** The tiers not archived, lowest rank first. */
    public List<Tier> current() {
        return tiers.stream().filter(t -> t.state() != Tier.State.ARCHIVED).toList();
    }

    /** What new subscribers may choose, lowest rank first. */
    public List<Tier> offered() {
        return tiers.stream().filter(Tier::offered).toList();
    }

    public CreatorTiers with(List<Tier> next) {
        return new CreatorTiers(creatorId, next, version + 1);
    }
}
