package ru.rossgram.shared.launch;

import java.time.Instant;

/** An account an invitation created: who, under which name, when. */
public record InvitationUse(String userId, String username, Instant usedAt) {
}
