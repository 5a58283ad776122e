package ru.rossgram.shared.accounts;

import java.time.Instant;

/**
 * A name an operator reserved: nobody takes it, or a name that looks like it, without an invitation issued for it.
 *
 * @param name       as the operator gave it (normalised: trimmed, NFC)
 * @param reason     why, in the operator's words (may be empty)
 * @param reservedBy the operator's user id
 */
public record ReservedName(String name, String reason, String reservedBy, Instant reservedAt) {
}
