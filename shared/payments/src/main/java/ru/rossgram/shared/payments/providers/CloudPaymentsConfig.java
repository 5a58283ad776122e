package ru.rossgram.shared.payments.providers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * CloudPayments ({@code ROSSGRAM_PAYMENTS_CLOUDPAYMENTS_*}).
 *
 * @param apiUrl    the API root, without a trailing slash
 * @param publicId  the site's Public ID, the user of HTTP Basic auth
 * @param apiSecret the site's API secret: the Basic auth password and the key of the notifications' HMAC
 */
@ConfigurationProperties("rossgram.payments.cloudpayments")
public record CloudPaymentsConfig(
        @Bindable(defaultValue = "https://api.cloudpayments.ru") String apiUrl,
        @Bindable(defaultValue = "") String publicId,
        @Bindable(defaultValue = "") String apiSecret) {
}
