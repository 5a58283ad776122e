package ru.rossgram.shared.launch;

/**
 * What lets a sign-up in ({@link LaunchGate#admit}): an invitation, the operators' invitation, or nothing (open
 * sign-up), and whether sign-up was still closed, which makes the account a founding member.
 *
 * @param invitation the invitation it redeems; null for none or the operators' invitation
 * @param operator   admitted by the operators' invitation, for an operator's name
 * @param founding   sign-up was closed when it was admitted
 */
public record Admission(Invitation invitation, boolean operator, boolean founding) {
    static Admission open() {
        return new Admission(null, false, false);
    }
}
