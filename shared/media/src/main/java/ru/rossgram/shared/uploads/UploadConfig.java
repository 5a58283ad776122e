package ru.rossgram.shared.uploads;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Limits of photo uploads ({@code ROSSGRAM_UPLOADS_*}).
 *
 * @param maxBytes  the largest photo a client may declare, in bytes (default 25 MiB)
 * @param urlTtl    how long an upload URL works
 * @param retention how long an upload that no post took is kept before TTL removes its record; long
 *                  enough to outlive upload and processing by far (an attached upload lives as its post)
 */
@ConfigurationProperties("rossgram.uploads")
public record UploadConfig(
        @Bindable(defaultValue = "26214400") long maxBytes,
        @Bindable(defaultValue = "15m") Duration urlTtl,
        @Bindable(defaultValue = "7d") Duration retention) {
}
