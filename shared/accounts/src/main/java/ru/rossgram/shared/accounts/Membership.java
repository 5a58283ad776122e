package ru.rossgram.shared.accounts;

import java.util.Set;

/**
 * How an account joined Rossgram and what that grants it, fixed at sign-up except {@code verifiedCreator}, which
 * operators may also set later.
 *
 * @param foundingNumber its order of arrival among the accounts created before sign-up opened to everyone; null
 *                       for accounts created after
 * @param badges         what the profile and post views show beside the name
 * @param verifiedCreator a creator Rossgram vouches for (a creator invitation, or an operator's mark)
 * @param invitationId   the invitation redeemed at sign-up, if any (its id, never the code)
 * @param referredBy     the account whose referral code this one named at sign-up, if any; never changes
 */
public record Membership(Long foundingNumber, Set<Badge> badges, boolean verifiedCreator, String invitationId,
                         String referredBy) {
    /** An account that joined in the open, invited and referred by nobody. */
    public static final Membership NONE = new Membership(null, Set.of(), false, null, null);

    public Membership {
        badges = Set.copyOf(badges);
    }

    /** Marks shown beside a founding member's name: the kind of invitation it came with, or {@code early}. */
    public enum Badge {
        PARTNER, CREATOR, EARLY;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Badge fromWire(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The badges as API responses name them, in a stable order. */
    public java.util.List<String> badgeNames() {
        return badges.stream().sorted().map(Badge::wire).toList();
    }

    public Membership withReferredBy(String referrer) {
        return new Membership(foundingNumber, badges, verifiedCreator, invitationId, referrer);
    }

    public Membership withVerifiedCreator(boolean verified) {
        return new Membership(foundingNumber, badges, verified, invitationId, referredBy);
    }
}
