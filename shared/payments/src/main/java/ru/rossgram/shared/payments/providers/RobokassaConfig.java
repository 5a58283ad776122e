package ru.rossgram.shared.payments.providers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Robokassa ({@code ROSSGRAM_PAYMENTS_ROBOKASSA_*}).
 *
 * @param paymentUrl    the payment page the buyer is sent to
 * @param merchantLogin the shop's identifier
 * @param password1     signs the payment URL we build
 * @param password2     signs the ResultURL notifications Robokassa sends
 * @param testMode      adds {@code IsTest=1}; the shop's test passwords must then be configured
 * @param hash          the algorithm chosen in the shop's technical settings: md5, sha1, sha256, sha384 or sha512
 */
@ConfigurationProperties("rossgram.payments.robokassa")
public record RobokassaConfig(
        @Bindable(defaultValue = "https://auth.robokassa.ru/Merchant/Index.aspx") String paymentUrl,
        @Bindable(defaultValue = "") String merchantLogin,
        @Bindable(defaultValue = "") String password1,
        @Bindable(defaultValue = "") String password2,
        @Bindable(defaultValue = "false") boolean testMode,
        @Bindable(defaultValue = "md5") String hash) {
}
