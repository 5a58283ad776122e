package ru.rossgram.shared.payments.providers;

import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.payments.PaymentProvider;

/** Every provider's gateway, by provider. */
@Singleton
public class PaymentGateways {
    private final Map<PaymentProvider, PaymentGateway> byProvider = new EnumMap<>(PaymentProvider.class);

    public PaymentGateways(List<PaymentGateway> gateways) {
        gateways.forEach(gateway -> byProvider.put(gateway.provider(), gateway));
    }

    /** The provider's gateway, whether or not this deployment has its credentials. */
    public Optional<PaymentGateway> of(PaymentProvider provider) {
        return Optional.ofNullable(byProvider.get(provider));
    }

    /** The providers a buyer can pay with here: those with credentials. */
    public List<PaymentProvider> offered() {
        return byProvider.values().stream().filter(PaymentGateway::configured).map(PaymentGateway::provider).sorted().toList();
    }
}
