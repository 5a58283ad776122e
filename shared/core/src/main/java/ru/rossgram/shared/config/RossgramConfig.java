package ru.rossgram.shared.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings every function shares, bound from the environment the template sets
 * ({@code ROSSGRAM_TABLE} becomes {@code rossgram.table}, and so on).
 *
 * @param table               the DynamoDB table that holds every aggregate
 * @param mediaBucket         the S3 bucket for photos
 * @param s3PathStyle         path-style S3 addressing, which many S3-compatible stores need
 * @param accessTokenSecret   base64 of at least 32 bytes; signs access tokens (HS256)
 * @param accessTokenTtl      lifetime of an access token: short, because a revoked session's access tokens keep
 *                            working until they expire (checking the session on every request would cost a read each)
 * @param refreshTokenTtl     lifetime of a session, renewed by each refresh
 * @param refreshTokenReuseGrace how long a just-rotated refresh token may be presented again and get the same
 *                            successor, so a client that refreshes twice at once keeps its session
 */
@ConfigurationProperties("rossgram")
public record RossgramConfig(
        String table,
        @Bindable(defaultValue = "") String mediaBucket,
        @Bindable(defaultValue = "false") boolean s3PathStyle,
        String accessTokenSecret,
        @Bindable(defaultValue = "5m") Duration accessTokenTtl,
        @Bindable(defaultValue = "30d") Duration refreshTokenTtl,
        @Bindable(defaultValue = "10s") Duration refreshTokenReuseGrace) {
}
