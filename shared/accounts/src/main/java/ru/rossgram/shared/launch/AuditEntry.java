package ru.rossgram.shared.launch;

import java.time.Instant;
import java.util.Map;

/**
 * One operator action, as recorded in the same transaction as the action itself.
 *
 * @param id       a ULID: entries sort by it, newest first
 * @param operator who acted
 * @param action   what, in a stable dotted name ({@code invitations.issue}, {@code creators.mark}, ...)
 * @param details  what it acted on: a few short named values (ids, names, counts, a reason)
 * @param at       when
 */
public record AuditEntry(String id, Operator operator, String action, Map<String, String> details, Instant at) {
    public AuditEntry {
        details = Map.copyOf(details);
    }
}
