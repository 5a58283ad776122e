package ru.rossgram.shared.imports.audience;

import java.time.Instant;

/**
 * An account's link to its Instagram name ({@code GET /v1/me/instagram}).
 *
 * @param followers how many handles of the export's followers lists are stored so far
 * @param following how many handles of its following list are stored so far
 */
public record InstagramLink(String handle, Instant linkedAt, long followers, long following) {
}
