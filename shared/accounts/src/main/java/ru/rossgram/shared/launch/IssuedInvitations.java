package ru.rossgram.shared.launch;

import java.util.List;

/** The answer to an operator's order: the invitations with their codes, shown this once. */
public record IssuedInvitations(List<IssuedInvitation> invitations) {
    public IssuedInvitations {
        invitations = List.copyOf(invitations);
    }
}
