package ru.rossgram.paymentsim;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One payment at a simulated provider. Mutable, guarded by its own lock: a control call and an API read may meet.
 */
public final class SimulatedPayment {
    public enum State { PENDING, SUCCEEDED, CANCELED, REFUNDED }

    private static final AtomicLong CREATED = new AtomicLong();

    private final String id;
    private final String merchantReference;
    private final long amountMinor;
    private final String currency;
    private final String description;
    private final Map<String, String> custom;
    private final long sequence = CREATED.incrementAndGet();
    private boolean savesMethod;
    private boolean merchantInitiated;
    private String savedMethod;
    private State state = State.PENDING;
    private String transactionId;
    private String refundId;
    private SimulatedCard card = SimulatedCard.DEFAULT;

    SimulatedPayment(String id, String merchantReference, long amountMinor, String currency, String description,
                     Map<String, String> custom) {
        this.id = id;
        this.merchantReference = merchantReference;
        this.amountMinor = amountMinor;
        this.currency = currency;
        this.description = description == null ? "" : description;
        this.custom = Map.copyOf(custom);
    }

    /** The provider's id: YooKassa's payment id, T-Bank's PaymentId, CloudPayments' order id, Robokassa's InvId. */
    public String id() {
        return id;
    }

    /** The shop's reference: metadata.paymentId, OrderId, InvoiceId or Shp_paymentId. */
    public String merchantReference() {
        return merchantReference;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public String currency() {
        return currency;
    }

    public String description() {
        return description;
    }

    /** Custom fields the shop sent and gets back (Robokassa's Shp_ parameters). */
    public Map<String, String> custom() {
        return custom;
    }

    /** Creation order across the simulator: later payments have larger numbers. */
    long sequence() {
        return sequence;
    }

    /** Whether the shop asked to save the payment method (YooKassa save_payment_method, T-Bank Recurrent=Y, ...). */
    public synchronized boolean savesMethod() {
        return savesMethod;
    }

    synchronized void saveMethodWhenPaid() {
        savesMethod = true;
    }

    /** Whether the shop charged a saved method with this payment, without the buyer. */
    public synchronized boolean merchantInitiated() {
        return merchantInitiated;
    }

    /**
     * The saved method this payment made (when paid, if it {@link #savesMethod()}) or was charged to: YooKassa's
     * payment method id, T-Bank's RebillId, CloudPayments' Token, Robokassa's parent InvId; else null.
     */
    public synchronized String savedMethod() {
        return savedMethod;
    }

    synchronized void savedMethod(String method) {
        savedMethod = method;
    }

    /** Marks a charge of the saved {@code method}, paid with {@code paidWith}. */
    synchronized void chargeOf(String method, SimulatedCard paidWith) {
        merchantInitiated = true;
        savedMethod = method;
        card = paidWith;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized String transactionId() {
        return transactionId;
    }

    /** The card it was (or will be) paid with. */
    public synchronized SimulatedCard card() {
        return card;
    }

    /** Chooses the card the buyer pays with. */
    synchronized void payWith(SimulatedCard chosen) {
        card = chosen;
    }

    public synchronized String refundId() {
        return refundId;
    }

    /**
     * Moves the payment as {@code action} does; {@code operationId} names the operation (a transaction or refund).
     *
     * @throws IllegalStateException when the action is not possible from the current state
     */
    synchronized void apply(Action action, String operationId) {
        boolean allowed = switch (action) {
            case PAY -> state == State.PENDING || state == State.CANCELED;
            case CANCEL -> state == State.PENDING;
            case REFUND -> state == State.SUCCEEDED;
        };
        if (!allowed) {
            throw new IllegalStateException("cannot " + action.wire() + " payment " + id + " that is " + state);
        }
        switch (action) {
            case PAY -> {
                state = State.SUCCEEDED;
                transactionId = operationId;
            }
            case CANCEL -> {
                state = State.CANCELED;
                transactionId = operationId;
            }
            case REFUND -> {
                state = State.REFUNDED;
                refundId = operationId;
            }
        }
    }
}
