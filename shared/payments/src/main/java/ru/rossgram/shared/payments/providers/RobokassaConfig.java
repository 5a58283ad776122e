package ru.rossgram.shared.payments.providers;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;

/**
 * Robokassa ({@code ROSSGRAM_PAYMENTS_ROBOKASSA_*}).
 *
 * @param paymentUrl    the payment page the buyer is sent to
 * @param merchantLogin the shop's identifier
 * @param password1     signs the payment URL we build
 * @param password2     signs the ResultURL notifications Robokassa sends
 * @param testMode      adds {@code IsTest=1}; the shop's test passwords must then be configured
 * @param hash          the algorithm chosen in the shop's technical settings: md5, sha1, sha256, sha384 or sha512
 * @param recurringUrl  where recurring charges are posted; blank: {@code Recurring} beside the payment page
 *                      ({@code https://auth.robokassa.ru/Merchant/Recurring})
 * @param opStateUrl    the XML interface that reports an operation's state; blank: beside the payment page
 *                      ({@code https://auth.robokassa.ru/Merchant/WebService/Service.asmx/OpStateExt})
 * @param password3     signs requests to the refund API (a JWT, HS256); blank: refunds are refused (the shop enables
 *                      the refund API and sets this password in its technical settings)
 * @param refundUrl     the refund API's root, where {@code Refund/Create} and {@code Refund/GetState} are
 */
@ConfigurationProperties("rossgram.payments.robokassa")
public record RobokassaConfig(
        @Bindable(defaultValue = "https://auth.robokassa.ru/Merchant/Index.aspx") String paymentUrl,
        @Bindable(defaultValue = "") String merchantLogin,
        @Bindable(defaultValue = "") String password1,
        @Bindable(defaultValue = "") String password2,
        @Bindable(defaultValue = "false") boolean testMode,
        @Bindable(defaultValue = "md5") String hash,
        @Bindable(defaultValue = "") String recurringUrl,
        @Bindable(defaultValue = "") String opStateUrl,
        @Bindable(defaultValue = "") String password3,
        @Bindable(defaultValue = "https://services.robokassa.ru/RefundService/") String refundUrl) {

    /** {@link #recurringUrl}, or where it is beside the payment page. */
    public URI recurringUri() {
        return besidePaymentPage(recurringUrl, "Recurring");
    }

    /** {@link #opStateUrl}, or where it is beside the payment page. */
    public URI opStateUri() {
        return besidePaymentPage(opStateUrl, "WebService/Service.asmx/OpStateExt");
    }

    /** {@code method} ({@code Refund/Create}, {@code Refund/GetState}) under {@link #refundUrl}. */
    public URI refundUri(String method) {
        return URI.create(refundUrl.endsWith("/") ? refundUrl : refundUrl + "/").resolve(method);
    }

    private URI besidePaymentPage(String configured, String relative) {
        return configured.isBlank() ? URI.create(paymentUrl).resolve(relative) : URI.create(configured);
    }
}
