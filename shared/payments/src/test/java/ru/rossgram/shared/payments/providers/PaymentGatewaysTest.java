package ru.rossgram.shared.payments.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.payments.PaymentProvider;

class PaymentGatewaysTest {
    @Test
    void onlyProvidersWithCredentials_areOffered_butEveryProviderHasAWebhookReader() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "rossgram.payments.tbank.terminal-key", "TerminalDEMO",
                "rossgram.payments.tbank.password", "secret",
                "rossgram.payments.yookassa.shop-id", "123456"))) {
            PaymentGateways gateways = context.getBean(PaymentGateways.class);

            assertEquals(List.of(PaymentProvider.TBANK), gateways.offered());
            assertTrue(gateways.of(PaymentProvider.TBANK).isPresent());
            assertTrue(gateways.of(PaymentProvider.YOOKASSA).isEmpty()); // a shop id without its secret key
            for (PaymentProvider provider : PaymentProvider.values()) {
                assertTrue(gateways.forWebhooks(provider).isPresent(), provider.wire());
            }
            var refused = gateways.forWebhooks(PaymentProvider.ROBOKASSA).orElseThrow()
                    .read(new WebhookDelivery("OutSum=1&InvId=1&SignatureValue=x".getBytes(), Map.of(), "127.0.0.1"));
            assertInstanceOf(Notification.Refused.class, refused);
        }
    }

    @Test
    void configDefaults_pointAtTheProvidersProductionEndpoints() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertEquals("https://api.yookassa.ru/v3", context.getBean(YooKassaConfig.class).apiUrl());
            assertEquals(false, context.getBean(YooKassaConfig.class).checkSenderIp());
            assertEquals("https://securepay.tinkoff.ru/v2", context.getBean(TBankConfig.class).apiUrl());
            assertEquals("https://api.cloudpayments.ru", context.getBean(CloudPaymentsConfig.class).apiUrl());
            assertEquals("md5", context.getBean(RobokassaConfig.class).hash());
        }
    }
}
