package ru.rossgram.local;

import java.util.LinkedHashMap;
import java.util.Map;
import ru.rossgram.paymentsim.PaymentSimulator;

/**
 * The four payment providers, played on this machine by {@link PaymentSimulator}: their APIs for checkout and
 * YooKassa's verification, their payment pages, and their notifications to our webhook route, signed with the
 * development credentials below. The runner hands the functions template parameters that point at it, so
 * checkout, webhooks and unlocking work with no provider account.
 */
final class LocalPayments implements AutoCloseable {
    private static final String YOOKASSA_SHOP = "100500";
    private static final String YOOKASSA_SECRET = "test_local_yookassa_secret";
    private static final String TBANK_TERMINAL = "1700000000000DEMO";
    private static final String TBANK_PASSWORD = "local-tbank-password";
    private static final String CLOUDPAYMENTS_PUBLIC_ID = "pk_local_cloudpayments";
    private static final String CLOUDPAYMENTS_SECRET = "local-cloudpayments-api-secret";
    private static final String ROBOKASSA_LOGIN = "rossgram-local";
    private static final String ROBOKASSA_PASSWORD1 = "local-robokassa-password-1";
    private static final String ROBOKASSA_PASSWORD2 = "local-robokassa-password-2";
    private static final String ROBOKASSA_PASSWORD3 = "local-robokassa-password-3";

    private final PaymentSimulator simulator;

    private LocalPayments(PaymentSimulator simulator) {
        this.simulator = simulator;
    }

    static LocalPayments start(int port) {
        return new LocalPayments(PaymentSimulator.builder().port(port)
                .yookassa(YOOKASSA_SHOP, YOOKASSA_SECRET)
                .tbank(TBANK_TERMINAL, TBANK_PASSWORD)
                .cloudPayments(CLOUDPAYMENTS_PUBLIC_ID, CLOUDPAYMENTS_SECRET)
                .robokassa(ROBOKASSA_LOGIN, ROBOKASSA_PASSWORD1, ROBOKASSA_PASSWORD2, ROBOKASSA_PASSWORD3)
                .start());
    }

    /** The template parameters that configure every provider against the simulator. */
    Map<String, String> templateParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("YooKassaApiUrl", simulator.yookassaApiUrl());
        parameters.put("YooKassaShopId", YOOKASSA_SHOP);
        parameters.put("YooKassaSecretKey", YOOKASSA_SECRET);
        parameters.put("TBankApiUrl", simulator.tbankApiUrl());
        parameters.put("TBankTerminalKey", TBANK_TERMINAL);
        parameters.put("TBankPassword", TBANK_PASSWORD);
        parameters.put("CloudPaymentsApiUrl", simulator.cloudPaymentsApiUrl());
        parameters.put("CloudPaymentsPublicId", CLOUDPAYMENTS_PUBLIC_ID);
        parameters.put("CloudPaymentsApiSecret", CLOUDPAYMENTS_SECRET);
        parameters.put("RobokassaPaymentUrl", simulator.robokassaPaymentUrl());
        parameters.put("RobokassaMerchantLogin", ROBOKASSA_LOGIN);
        parameters.put("RobokassaPassword1", ROBOKASSA_PASSWORD1);
        parameters.put("RobokassaPassword2", ROBOKASSA_PASSWORD2);
        parameters.put("RobokassaPassword3", ROBOKASSA_PASSWORD3);
        parameters.put("RobokassaRefundUrl", simulator.robokassaRefundUrl());
        parameters.put("RobokassaTestMode", "true");
        parameters.put("RobokassaPassword3", ROBOKASSA_PASSWORD3);
        parameters.put("RobokassaRefundUrl", simulator.robokassaRefundUrl());
        return parameters;
    }

    /** Where the simulated providers send their notifications: our API. */
    void notifyAt(String apiBaseUrl) {
        simulator.webhookBaseUrl(apiBaseUrl);
    }

    PaymentSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
