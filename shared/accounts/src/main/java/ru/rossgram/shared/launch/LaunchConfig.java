package ru.rossgram.shared.launch;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The launch ({@code ROSSGRAM_LAUNCH_*}): when sign-up opens to everyone, how guessing codes is throttled, and how
 * members earn invitations.
 *
 * @param signUpOpensAt                 an ISO-8601 instant ({@code 2027-04-01T00:00:00Z}); before it sign-up needs an
 *                                      invitation and accounts become founding members; empty: open already
 * @param maxWrongCodesPerAddress       unknown invitation codes one client address may try within the window
 * @param wrongCodeWindow               how long a wrong code counts against its address, from when it was tried
 * @param memberInvitationInterval      a member earns one invitation per this much of her account's age
 * @param maxUnusedMemberInvitations    ... but holds at most this many unused at once
 */
@ConfigurationProperties("rossgram.launch")
public record LaunchConfig(
        @Bindable(defaultValue = "") String signUpOpensAt,
        @Bindable(defaultValue = "10") int maxWrongCodesPerAddress,
        @Bindable(defaultValue = "15m") Duration wrongCodeWindow,
        @Bindable(defaultValue = "7d") Duration memberInvitationInterval,
        @Bindable(defaultValue = "5") int maxUnusedMemberInvitations) {

    public LaunchConfig {
        signUpOpensAt = signUpOpensAt == null ? "" : signUpOpensAt.trim();
        opensAt(signUpOpensAt); // a deploy with a mistyped date fails at start, not at the first sign-up
        if (memberInvitationInterval == null || memberInvitationInterval.isZero() || memberInvitationInterval.isNegative()) {
            throw new IllegalArgumentException("ROSSGRAM_LAUNCH_MEMBER_INVITATION_INTERVAL must be positive");
        }
    }

    /** When sign-up opens to everyone; empty when it is open already. */
    public Optional<Instant> opensAt() {
        return opensAt(signUpOpensAt);
    }

    /** Whether sign-up still needs an invitation at {@code now} (and accounts created now are founding members). */
    public boolean closedAt(Instant now) {
        return opensAt().map(now::isBefore).orElse(false);
    }

    private static Optional<Instant> opensAt(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ROSSGRAM_LAUNCH_SIGN_UP_OPENS_AT must be an ISO-8601 instant such as "
                    + "2027-04-01T00:00:00Z, not '" + text + "'", e);
        }
    }
}
