package ru.rossgram.paymentsim;

import java.util.Map;

/**
 * Runs the simulator for a demo script. It reads the same variables our functions read for their gateways
 * ({@code ROSSGRAM_PAYMENTS_YOOKASSA_SHOP_ID} and so on), so one environment configures both ends, plus
 * {@code PAYMENTSIM_PORT} (default 8099) and {@code PAYMENTSIM_WEBHOOK_BASE_URL}.
 */
public final class PaymentSimulatorMain {
    private PaymentSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        PaymentSimulator simulator = PaymentSimulator.builder()
                .port(Integer.parseInt(env.getOrDefault("PAYMENTSIM_PORT", "8099")))
                .yookassa(env.getOrDefault("ROSSGRAM_PAYMENTS_YOOKASSA_SHOP_ID", ""), env.getOrDefault("ROSSGRAM_PAYMENTS_YOOKASSA_SECRET_KEY", ""))
                .tbank(env.getOrDefault("ROSSGRAM_PAYMENTS_TBANK_TERMINAL_KEY", ""), env.getOrDefault("ROSSGRAM_PAYMENTS_TBANK_PASSWORD", ""))
                .cloudPayments(env.getOrDefault("ROSSGRAM_PAYMENTS_CLOUDPAYMENTS_PUBLIC_ID", ""),
                        env.getOrDefault("ROSSGRAM_PAYMENTS_CLOUDPAYMENTS_API_SECRET", ""))
                .robokassa(env.getOrDefault("ROSSGRAM_PAYMENTS_ROBOKASSA_MERCHANT_LOGIN", ""),
                        env.getOrDefault("ROSSGRAM_PAYMENTS_ROBOKASSA_PASSWORD1", ""), env.getOrDefault("ROSSGRAM_PAYMENTS_ROBOKASSA_PASSWORD2", ""),
                        env.getOrDefault("ROSSGRAM_PAYMENTS_ROBOKASSA_PASSWORD3", ""))
                .robokassaHash(env.getOrDefault("ROSSGRAM_PAYMENTS_ROBOKASSA_HASH", "md5"))
                .webhookBaseUrl(env.get("PAYMENTSIM_WEBHOOK_BASE_URL"))
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("payment simulator on " + simulator.baseUrl() + ", webhooks to " + env.get("PAYMENTSIM_WEBHOOK_BASE_URL"));
        Thread.currentThread().join();
    }
}
