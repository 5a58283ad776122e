package ru.rossgram.shared.payments;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.payments.providers.ProviderUnavailableException;
import ru.rossgram.shared.payments.providers.RefundOrder;

/**
 * Charges of a saved method that nobody confirms (a subscription's renewal, a pledge's charge at a campaign's
 * deadline), made by a scheduled job, and refunds the job asks for.
 *
 * <p>A charge's payment has an id derived from what it pays for, so a retried or doubled run finds the payment the
 * first one made instead of making another, and only the run that stored it charges it. The charge is the
 * provider's to report: the settlement of its notification ({@link Settlement}) moves what it pays for. A job that
 * then finds the payment still pending {@code outcomeCheck} after it was charged asks the provider what became of it
 * ({@link PaymentGateway#outcome}, Robokassa's only report of a decline) and settles the answer through the
 * webhook's own exactly-once path.
 */
@Singleton
public class SavedMethodCharges {
    /**
     * How long a payment the provider has not acknowledged belongs to the run that stored it, which is charging it:
     * longer than a provider call takes, far shorter than the time between runs. After it, a run charges it again
     * (after an unreachable provider, say); the provider's idempotency (our payment id or order number) makes the
     * repeat the same charge.
     */
    public static final Duration CHARGE_LEASE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(SavedMethodCharges.class);

    private final PaymentRepository payments;
    private final PaymentGateways gateways;
    private final Settlement settlement;
    private final PaymentsConfig paymentsConfig;
    private final Clock clock;

    public SavedMethodCharges(PaymentRepository payments, PaymentGateways gateways, Settlement settlement,
                              PaymentsConfig paymentsConfig, Clock clock) {
        this.payments = payments;
        this.gateways = gateways;
        this.settlement = settlement;
        this.paymentsConfig = paymentsConfig;
        this.clock = clock;
    }

    /** What came of one charge, and when its job should look at what it pays for again. */
    public enum Outcome {
        /** Sent to the provider now: its notification settles it. */
        CHARGED,
        /** No saved method: declined through the settlement, as a provider would have. */
        DECLINED,
        /** Still pending when its outcome was asked for: settled with the provider's answer. */
        SETTLED,
        /** Waiting for its notification, or for the run that is charging it. */
        WAITING,
        /** Settled already, though what it pays for is still due for it: look again later, never charge twice. */
        SETTLED_BEFORE,
        /** The provider did not answer (or is not configured here): charge or ask again shortly. */
        UNREACHABLE
    }

    /**
     * @param lookAgainAt when the job should look again at what the payment is for; null: leave its marker as it is
     *                    (the settlement moved it, or another run owns the charge for the moment)
     */
    public record Charge(Outcome outcome, Instant lookAgainAt) {
    }

    /**
     * Charges the payment {@code paymentId} through {@code savedMethod} (null: declined at once), storing
     * {@code fresh} under that id when no payment has it yet; a payment found under it is followed up instead:
     * charged again when no provider took it within {@link #CHARGE_LEASE}, its outcome asked for once
     * {@code outcomeCheck} passed.
     *
     * @param fresh       the payment to store, asked for only when none is stored (an order number is spent on it)
     * @param description what the provider shows the payer
     */
    public Charge charge(String paymentId, Supplier<Payment> fresh, String savedMethod, String description,
                         Duration outcomeCheck) {
        Instant now = clock.instant();
        Optional<Payment> made = payments.find(paymentId);
        if (made.isPresent()) {
            return followUp(made.get(), savedMethod, description, outcomeCheck, now);
        }
        Payment payment = fresh.get();
        Optional<Payment> concurrent = payments.create(payment, null);
        if (concurrent.isPresent()) { // another run stored it a moment ago and is charging it
            return followUp(concurrent.get(), savedMethod, description, outcomeCheck, now);
        }
        return send(payment, savedMethod, description, outcomeCheck, now);
    }

    /**
     * Asks the provider to refund a succeeded payment in full, with a refund key derived from the payment (the same
     * for every repeat, so a repeat is the same refund); a refund event the provider answers with instead of
     * notifying (Robokassa) is settled at once.
     *
     * @return false when the provider could not be reached (or is not configured here): ask again later
     */
    public boolean refund(Payment payment) {
        Optional<PaymentGateway> gateway = gateways.of(payment.provider());
        if (gateway.isEmpty()) {
            LOG.error("refund of {}: {} is not configured here", payment.paymentId(), payment.provider().wire());
            return false;
        }
        Optional<ProviderEvent> refunded;
        try {
            refunded = gateway.get().refund(new RefundOrder(payment.paymentId(), payment.orderNumber(),
                    payment.providerPaymentId(), payment.amount(), refundKey(payment)));
        } catch (ProviderUnavailableException e) {
            LOG.warn("refund of {}: {} did not take it: {}", payment.paymentId(), payment.provider().wire(), e.getMessage());
            return false;
        }
        refunded.ifPresent(event -> LOG.info("refund of {}: {} answered {} -> {}", payment.paymentId(),
                payment.provider().wire(), event.kind(), settlement.apply(event)));
        return true;
    }

    /** The idempotency key of the (whole) refund of {@code payment}: one per payment, whoever asks. */
    public static String refundKey(Payment payment) {
        return IdGenerator.derivedId(payment.createdAt(), "refund", payment.paymentId());
    }

    private Charge send(Payment payment, String savedMethod, String description, Duration outcomeCheck, Instant now) {
        if (savedMethod == null) {
            // Nothing to charge: the same decline a provider would report, so what follows a decline applies unchanged.
            Settlement.Outcome declined = settlement.apply(new ProviderEvent(payment.provider(),
                    "no-saved-method:" + payment.paymentId(), PaymentState.Event.CANCELED, payment.paymentId(), null,
                    payment.amount()));
            LOG.info("charge {}: no saved method, declined -> {}", payment.paymentId(), declined);
            return new Charge(Outcome.DECLINED, null);
        }
        Optional<PaymentGateway> gateway = gateways.of(payment.provider());
        if (gateway.isEmpty()) {
            LOG.error("charge {}: {} is not configured here, nothing charged", payment.paymentId(), payment.provider().wire());
            return unreachable(now);
        }
        CreatedPayment charged;
        try {
            charged = gateway.get().charge(order(payment, description), savedMethod);
        } catch (ProviderUnavailableException e) {
            LOG.warn("charge {}: {} did not take it: {}", payment.paymentId(), payment.provider().wire(), e.getMessage());
            return unreachable(now);
        }
        payments.recordCharged(payment, charged.providerPaymentId(), clock.instant());
        return new Charge(Outcome.CHARGED, now.plus(outcomeCheck));
    }

    /** A payment made before: charged again if no provider took it, else its outcome awaited or asked for. */
    private Charge followUp(Payment payment, String savedMethod, String description, Duration outcomeCheck, Instant now) {
        if (payment.state() != PaymentState.PENDING) {
            LOG.warn("charge {} is {} but is still awaited", payment.paymentId(), payment.state().wire());
            return new Charge(Outcome.SETTLED_BEFORE, now.plus(outcomeCheck));
        }
        Instant touched = payment.updatedAt();
        if (payment.providerPaymentId() == null) {
            return touched.plus(CHARGE_LEASE).isAfter(now) ? new Charge(Outcome.WAITING, null)
                    : send(payment, savedMethod, description, outcomeCheck, now);
        }
        if (touched.plus(outcomeCheck).isAfter(now)) {
            return new Charge(Outcome.WAITING, touched.plus(outcomeCheck));
        }
        Optional<PaymentGateway> gateway = gateways.of(payment.provider());
        Optional<ProviderEvent> outcome;
        try {
            outcome = gateway.isEmpty() ? Optional.empty()
                    : gateway.get().outcome(order(payment, description), payment.providerPaymentId());
        } catch (ProviderUnavailableException e) {
            LOG.warn("charge {}: {} did not say what became of it: {}", payment.paymentId(), payment.provider().wire(), e.getMessage());
            return unreachable(now);
        }
        if (outcome.isEmpty()) {
            return new Charge(Outcome.WAITING, now.plus(outcomeCheck));
        }
        Settlement.Outcome settled = settlement.apply(outcome.get());
        LOG.info("charge {}: {} answered {} -> {}", payment.paymentId(), payment.provider().wire(), outcome.get().kind(), settled);
        return new Charge(Outcome.SETTLED, null);
    }

    /**
     * Look again just behind whatever else is due now, so the next run tries again and a provider's outage cannot
     * fill every run's batch with the same items.
     */
    private static Charge unreachable(Instant now) {
        return new Charge(Outcome.UNREACHABLE, now.plus(CHARGE_LEASE));
    }

    private PaymentOrder order(Payment payment, String description) {
        return new PaymentOrder(payment.paymentId(), payment.orderNumber(), payment.amount(), description,
                paymentsConfig.returnUrl(), false, payment.buyerId());
    }
}
