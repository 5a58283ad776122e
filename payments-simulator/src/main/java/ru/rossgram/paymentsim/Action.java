package ru.rossgram.paymentsim;

import java.util.Locale;

/** What the buyer or the shop does to a simulated payment. */
public enum Action {
    /** The buyer pays: succeeds from pending, or from canceled (a later attempt that went through). */
    PAY,
    /** The payment fails or is canceled: only from pending. */
    CANCEL,
    /** The shop refunds the whole payment: only after it succeeded. */
    REFUND;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
