package ru.rossgram.shared.launch;

import java.time.Instant;

/**
 * An operator's order for invitations ({@link InvitationDesk#issue}).
 *
 * @param kind        {@code partner} or {@code creator} (members' invitations are only earned)
 * @param count       how many codes, 1 to 20
 * @param maxUses     how many accounts each code may create, at least 1
 * @param expiresAt   when the codes stop working; null: {@link InvitationDesk#DEFAULT_VALIDITY} from now
 * @param forUsername a reserved name the code lets its user take; only with {@code count} 1
 * @param note        what the operator wants to remember about it (whom it was for), optional
 */
public record InvitationOrder(String kind, Integer count, Integer maxUses, Instant expiresAt, String forUsername,
                              String note) {
}
