package ru.rossgram.shared.media;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How clients reach stored photos ({@code ROSSGRAM_MEDIA_*}).
 *
 * @param publicBaseUrl  when set (a CDN or a public-read origin in front of the bucket), thumbnail URLs are
 *                       this base plus the object key, stable and cacheable; when empty, they are presigned GETs
 * @param downloadUrlTtl lifetime of a presigned GET
 * @param paidUrlTtl     lifetime of a presigned GET of a paid photo's rendition: short, because a URL handed to a
 *                       buyer keeps working until it expires even if the purchase is refunded
 */
@ConfigurationProperties("rossgram.media")
public record MediaConfig(
        @Bindable(defaultValue = "") String publicBaseUrl,
        @Bindable(defaultValue = "1h") Duration downloadUrlTtl,
        @Bindable(defaultValue = "10m") Duration paidUrlTtl) {
}
