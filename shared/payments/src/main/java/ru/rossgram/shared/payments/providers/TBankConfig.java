package ru.rossgram.shared.payments.providers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * T-Bank Internet Acquiring ({@code ROSSGRAM_PAYMENTS_TBANK_*}).
 *
 * @param apiUrl      the API root, without a trailing slash
 * @param terminalKey the terminal's key
 * @param password    the terminal's password: it signs our requests and T-Bank's notifications ({@code Token})
 */
@ConfigurationProperties("rossgram.payments.tbank")
public record TBankConfig(
        @Bindable(defaultValue = "https://securepay.tinkoff.ru/v2") String apiUrl,
        @Bindable(defaultValue = "") String terminalKey,
        @Bindable(defaultValue = "") String password) {
}
