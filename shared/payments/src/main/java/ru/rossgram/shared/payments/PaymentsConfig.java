package ru.rossgram.shared.payments;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How Rossgram takes money ({@code ROSSGRAM_PAYMENTS_*}); each provider's credentials have their own settings.
 *
 * @param platformFeeBasisPoints the platform's share of every sale in hundredths of a percent (2000 = 20%), the
 *                               rest is the creator's
 * @param returnUrl              where a provider sends the buyer after paying: the app's deep link
 */
@ConfigurationProperties("rossgram.payments")
public record PaymentsConfig(
        @Bindable(defaultValue = "2000") int platformFeeBasisPoints,
        @Bindable(defaultValue = "rossgram://payments/return") String returnUrl) {

    public PaymentsConfig {
        if (platformFeeBasisPoints < 0 || platformFeeBasisPoints > 10_000) {
            throw new IllegalArgumentException("ROSSGRAM_PAYMENTS_PLATFORM_FEE_BASIS_POINTS must be 0 to 10000");
        }
    }
}
