package ru.rossgram.shared.imports.audience;

/**
 * Of your {@code instagramFollowers} Instagram followers, {@code onRossgram} are here, {@code followYouHere} follow
 * you here ({@code GET /v1/me/instagram/audience}).
 *
 * @param followYouHereExact false when {@code followYouHere} is a lower bound: counting stopped at
 *                           {@value AudienceCounts#COUNT_CAP} accounts (see {@link AudienceCounts})
 */
public record Audience(long instagramFollowers, long onRossgram, long followYouHere, boolean followYouHereExact) {
}
