package ru.rossgram.shared.payments.providers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * YooKassa API v3 ({@code ROSSGRAM_PAYMENTS_YOOKASSA_*}).
 *
 * @param apiUrl        the API root, without a trailing slash
 * @param shopId        the shop id, the user of HTTP Basic auth
 * @param secretKey     the API secret key, its password
 * @param checkSenderIp refuse notifications from outside YooKassa's published networks; off by default because
 *                      behind API Gateway or a proxy the address we see may not be the sender's
 */
@ConfigurationProperties("rossgram.payments.yookassa")
public record YooKassaConfig(
        @Bindable(defaultValue = "https://api.yookassa.ru/v3") String apiUrl,
        @Bindable(defaultValue = "") String shopId,
        @Bindable(defaultValue = "") String secretKey,
        @Bindable(defaultValue = "false") boolean checkSenderIp) {
}
