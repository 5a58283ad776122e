package ru.rossgram.paymentsim;

import java.util.Locale;

/** The providers the simulator plays; {@link #wire()} is the name in its paths and in our webhook routes. */
public enum Provider {
    YOOKASSA, TBANK, CLOUDPAYMENTS, ROBOKASSA;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name the simulator does not play */
    public static Provider fromWire(String wire) {
        for (Provider provider : values()) {
            if (provider.wire().equals(wire)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("no simulated provider " + wire);
    }
}
