package ru.rossgram.shared.launch;

import java.util.List;

/**
 * Body of {@code POST /v1/operator/reserved-names}, and its answer with the names as reserved.
 *
 * @param names  1 to 20 usernames nobody may take without an invitation issued for that name
 * @param reason why, in the operator's words (optional; kept with each name and in the audit log)
 */
public record NameReservation(List<String> names, String reason) {
}
