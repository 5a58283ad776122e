package ru.rossgram.shared.payments;

import java.util.Locale;
import java.util.Optional;

/** The payment providers a buyer can pay through; {@link #wire()} is the name in URLs and bodies. */
public enum PaymentProvider {
    YOOKASSA, TBANK, CLOUDPAYMENTS, ROBOKASSA;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentProvider> fromWire(String wire) {
        for (PaymentProvider provider : values()) {
            if (provider.wire().equals(wire)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}
