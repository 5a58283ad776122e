package ru.rossgram.shared.payments.providers;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.payments.PaymentProvider;

/** The gateways by provider: what checkout may offer, and who reads each provider's webhooks. */
@Singleton
public class PaymentGateways {
    private final Map<PaymentProvider, PaymentGateway> byProvider = new EnumMap<>(PaymentProvider.class);

    public PaymentGateways(Collection<PaymentGateway> gateways) {
        for (PaymentGateway gateway : gateways) {
            if (byProvider.put(gateway.provider(), gateway) != null) {
                throw new IllegalStateException("two gateways for " + gateway.provider());
            }
        }
    }

    /** The gateway checkout may use: empty when this deployment has no credentials for {@code provider}. */
    public Optional<PaymentGateway> of(PaymentProvider provider) {
        return forWebhooks(provider).filter(PaymentGateway::configured);
    }

    /**
     * The gateway that reads {@code provider}'s notifications, configured or not: an unconfigured one refuses
     * every notification, which is the answer a stray delivery should get.
     */
    public Optional<PaymentGateway> forWebhooks(PaymentProvider provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }

    /** The providers a buyer can choose from here, in {@link PaymentProvider} order. */
    public List<PaymentProvider> offered() {
        return byProvider.values().stream().filter(PaymentGateway::configured).map(PaymentGateway::provider).toList();
    }
}
