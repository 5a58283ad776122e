package ru.rossgram.shared.launch;

import java.time.Instant;

/** A freshly issued invitation with its code, which is shown this once and never stored. */
public record IssuedInvitation(String id, String code, String kind, int maxUses, Instant expiresAt, String forUsername,
                               String note, Instant createdAt) {
}
