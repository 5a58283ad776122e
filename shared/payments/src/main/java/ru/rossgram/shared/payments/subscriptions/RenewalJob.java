package ru.rossgram.shared.payments.subscriptions;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.PaymentsConfig;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.Settlement;
import ru.rossgram.shared.payments.SubscriptionCharge;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.payments.providers.ProviderUnavailableException;
import ru.rossgram.shared.subscriptions.TierRepository;

/**
 * One run of the scheduled renewal (the {@code renew-subscriptions} function): every shard's renewal markers due
 * within {@link #CHARGE_AHEAD}, at most {@link SubscriptionsConfig#batch()} a shard, earliest first, each decided by
 * {@link RenewalStep} from a consistent read of its subscription.
 *
 * <p>A renewal's payment has an id derived from what it pays for ({@link #renewalPaymentId}), so a retried or doubled
 * run finds the payment the first one made instead of making another, and only the run that stored it charges it.
 * The charge is the provider's to report: the settlement of its notification ({@link Settlement}) renews the
 * subscription or makes it past due and moves its marker. Meanwhile the marker waits {@code outcomeCheck}; a run
 * that then finds the payment still pending asks the provider what became of it ({@link PaymentGateway#outcome},
 * Robokassa's only report of a decline) and settles the answer through the webhook's own exactly-once path.
 */
@Singleton
public class RenewalJob {
    /**
     * How long a renewal payment the provider has not acknowledged belongs to the run that stored it, which is
     * charging it: longer than a provider call takes, far shorter than the time between runs. After it, a run
     * charges it again (after an unreachable provider, say); the provider's idempotency (our payment id or order
     * number) makes the repeat the same charge.
     */
    static final Duration CHARGE_LEASE = Duration.ofMinutes(2);
    /**
     * How long before a period ends its renewal is charged: two runs of the 15-minute schedule, so the next period is
     * normally paid (and access extended) before the last one ends, with no gap for a renewing subscriber.
     */
    public static final Duration CHARGE_AHEAD = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(RenewalJob.class);

    private final SubscriptionRepository subscriptions;
    private final PaymentRepository payments;
    private final TierRepository tiers;
    private final SubscriptionWrites writes;
    private final PaymentGateways gateways;
    private final Settlement settlement;
    private final TransactionWriter transactions;
    private final SubscriptionsConfig config;
    private final PaymentsConfig paymentsConfig;
    private final Clock clock;

    public RenewalJob(SubscriptionRepository subscriptions, PaymentRepository payments, TierRepository tiers,
                      SubscriptionWrites writes, PaymentGateways gateways, Settlement settlement,
                      TransactionWriter transactions, SubscriptionsConfig config, PaymentsConfig paymentsConfig,
                      Clock clock) {
        this.subscriptions = subscriptions;
        this.payments = payments;
        this.tiers = tiers;
        this.writes = writes;
        this.gateways = gateways;
        this.settlement = settlement;
        this.transactions = transactions;
        this.config = config;
        this.paymentsConfig = paymentsConfig;
        this.clock = clock;
    }

    /** What came of one due subscription. */
    public enum Outcome {
        /** The renewal (or retry) was charged; its notification settles it. */
        CHARGED,
        /** No saved method to charge: declined as a provider would have, through the settlement. */
        DECLINED,
        /** Cancelled and paid through, or past due past its grace: ended, its access gone. */
        ENDED,
        /** A charge found still pending was settled with the outcome the provider gave when asked. */
        SETTLED,
        /** Waiting: for a charge's notification, another run's charge, a paid period or a grace to end. */
        WAITING,
        /** The provider did not answer: the next run charges or asks again. */
        UNREACHABLE,
        /** Nothing due after all: another run or a notification moved it first. */
        STALE,
        /** Something unexpected failed (logged with its cause); the next run looks at it again. */
        FAILED
    }

    /** How many due subscriptions came to each {@link Outcome} in one run. */
    public record Summary(Map<Outcome, Integer> counts) {
        public Summary {
            counts = Map.copyOf(counts);
        }

        public int count(Outcome outcome) {
            return counts.getOrDefault(outcome, 0);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(total() + " due");
            for (Outcome outcome : Outcome.values()) {
                if (count(outcome) > 0) {
                    text.append(", ").append(outcome.name().toLowerCase(Locale.ROOT)).append(' ').append(count(outcome));
                }
            }
            return text.toString();
        }
    }

    /** One run at the clock's now. Each subscription is decided on its own: one failing is logged and counted. */
    public Summary run() {
        Instant now = clock.instant();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (int shard = 0; shard < SubscriptionRepository.DUE_SHARDS; shard++) {
            for (SubscriptionRepository.Due due : subscriptions.dueBy(shard, now.plus(CHARGE_AHEAD), config.batch())) {
                Outcome outcome;
                try {
                    outcome = renew(due, now);
                } catch (RuntimeException e) {
                    LOG.error("renewal of {} to {} failed", due.subscriberId(), due.creatorId(), e);
                    outcome = Outcome.FAILED;
                }
                LOG.info("renewal of {} to {} due {} -> {}", due.subscriberId(), due.creatorId(), due.dueAt(), outcome);
                counts.merge(outcome, 1, Integer::sum);
            }
        }
        return new Summary(counts);
    }

    /**
     * The id of the payment for {@code period}, try {@code attempt}, of a subscription: the same for every run, so a
     * second run finds the first's payment. Its time part is the period's due date; the anchor is among its parts
     * so that a subscription begun again after its end (period 1 again) pays with new ids.
     */
    public static String renewalPaymentId(Subscription subscription, int period, int attempt) {
        return IdGenerator.derivedId(BillingCalendar.periodStart(subscription.anchor(), period), "subscription-renewal",
                subscription.subscriberId(), subscription.creatorId(), subscription.anchor().toString(),
                Integer.toString(period), Integer.toString(attempt));
    }

    private Outcome renew(SubscriptionRepository.Due due, Instant now) {
        Optional<Subscription> found = subscriptions.find(due.subscriberId(), due.creatorId());
        if (found.isEmpty() || !due.dueAt().equals(found.get().dueAt())) {
            return Outcome.STALE;
        }
        Subscription subscription = found.get();
        RenewalStep step = RenewalStep.of(subscription, now, CHARGE_AHEAD, config);
        if (step instanceof RenewalStep.End) {
            return end(subscription, now);
        }
        if (step instanceof RenewalStep.LookAgain later) {
            return lookAgainAt(subscription, later.at(), now) ? Outcome.WAITING : Outcome.STALE;
        }
        if (step instanceof RenewalStep.Charge charge) {
            return charge(subscription, charge, now);
        }
        return Outcome.STALE;
    }

    private Outcome charge(Subscription subscription, RenewalStep.Charge step, Instant now) {
        String paymentId = renewalPaymentId(subscription, step.period(), step.attempt());
        Optional<Payment> made = payments.find(paymentId);
        if (made.isPresent()) {
            return followUp(subscription, made.get(), now);
        }
        RenewalTerms terms = RenewalTerms.of(subscription, tiers.find(subscription.creatorId()), config.priceNotice());
        Payment fresh = new Payment(paymentId, subscription.subscriberId(), subscription.creatorId(),
                new Purchase(Purchase.Kind.SUBSCRIPTION, terms.tierId()), terms.amount(),
                terms.amount().share(paymentsConfig.platformFeeBasisPoints()), subscription.provider(),
                payments.nextOrderNumber(), null, null, PaymentState.PENDING, null, now, now, 1, null,
                new SubscriptionCharge(SubscriptionCharge.Reason.RENEWAL, step.period(), step.attempt()));
        Optional<Payment> concurrent = payments.create(fresh, null);
        if (concurrent.isPresent()) { // another run stored it a moment ago and is charging it
            return followUp(subscription, concurrent.get(), now);
        }
        return send(subscription, fresh, now);
    }

    /** Charges the saved method for {@code payment}, or declines it when there is none. */
    private Outcome send(Subscription subscription, Payment payment, Instant now) {
        if (subscription.savedMethod() == null) {
            // Nothing to charge (a subscription from a payment that saved no method): the same decline a provider
            // would report, so the settlement's retries, grace and end apply unchanged.
            Settlement.Outcome declined = settlement.apply(new ProviderEvent(payment.provider(),
                    "no-saved-method:" + payment.paymentId(), PaymentState.Event.CANCELED, payment.paymentId(), null,
                    payment.amount()));
            LOG.info("renewal {} of {} to {}: no saved method, declined -> {}", payment.paymentId(),
                    subscription.subscriberId(), subscription.creatorId(), declined);
            return Outcome.DECLINED;
        }
        Optional<PaymentGateway> gateway = gateways.of(payment.provider());
        if (gateway.isEmpty()) {
            LOG.error("renewal {}: {} is not configured here, nothing charged", payment.paymentId(), payment.provider().wire());
            return retryShortly(subscription, now);
        }
        CreatedPayment charged;
        try {
            charged = gateway.get().charge(order(payment), subscription.savedMethod());
        } catch (ProviderUnavailableException e) {
            LOG.warn("renewal {}: {} did not take the charge: {}", payment.paymentId(), payment.provider().wire(), e.getMessage());
            return retryShortly(subscription, now);
        }
        payments.recordCharged(payment, charged.providerPaymentId(), clock.instant());
        lookAgainAt(subscription, now.plus(config.outcomeCheck()), now);
        return Outcome.CHARGED;
    }

    /** A renewal payment made before: charged again if no provider took it, else its outcome awaited or asked for. */
    private Outcome followUp(Subscription subscription, Payment payment, Instant now) {
        if (payment.state() != PaymentState.PENDING) {
            // Settled, yet the subscription is still due for it: the settlement found it stale. Look again later
            // rather than charge a period twice.
            LOG.warn("renewal {} is {} but {} to {} is still due for it", payment.paymentId(), payment.state().wire(),
                    subscription.subscriberId(), subscription.creatorId());
            return lookAgainAt(subscription, now.plus(config.outcomeCheck()), now) ? Outcome.WAITING : Outcome.STALE;
        }
        Instant touched = payment.updatedAt();
        if (payment.providerPaymentId() == null) {
            return touched.plus(CHARGE_LEASE).isAfter(now) ? Outcome.WAITING : send(subscription, payment, now);
        }
        if (touched.plus(config.outcomeCheck()).isAfter(now)) {
            lookAgainAt(subscription, touched.plus(config.outcomeCheck()), now);
            return Outcome.WAITING;
        }
        Optional<PaymentGateway> gateway = gateways.of(payment.provider());
        Optional<ProviderEvent> outcome;
        try {
            outcome = gateway.isEmpty() ? Optional.empty() : gateway.get().outcome(order(payment), payment.providerPaymentId());
        } catch (ProviderUnavailableException e) {
            LOG.warn("renewal {}: {} did not say what became of it: {}", payment.paymentId(), payment.provider().wire(), e.getMessage());
            return retryShortly(subscription, now);
        }
        if (outcome.isEmpty()) {
            lookAgainAt(subscription, now.plus(config.outcomeCheck()), now);
            return Outcome.WAITING;
        }
        Settlement.Outcome settled = settlement.apply(outcome.get());
        LOG.info("renewal {}: {} answered {} -> {}", payment.paymentId(), payment.provider().wire(), outcome.get().kind(), settled);
        return Outcome.SETTLED;
    }

    /**
     * Leaves the subscription due, just behind whatever else is due now, so the next run tries again and a provider's
     * outage cannot fill every run's batch with the same subscriptions.
     */
    private Outcome retryShortly(Subscription subscription, Instant now) {
        lookAgainAt(subscription, now.plus(CHARGE_LEASE), now);
        return Outcome.UNREACHABLE;
    }

    /** Ends the subscription, its access and its place in the creator's counts, conditional on the version read. */
    private Outcome end(Subscription subscription, Instant now) {
        Subscription ended = SubscriptionTransitions.ended(subscription, now);
        return transactions.write(writes.items(subscription, ended)).isEmpty() ? Outcome.ENDED : Outcome.STALE;
    }

    /**
     * Moves the subscription's marker to {@code at}, nothing else (its access and counts stay); false when the
     * subscription changed since it was read.
     */
    private boolean lookAgainAt(Subscription subscription, Instant at, Instant now) {
        if (at.equals(subscription.dueAt())) {
            return true;
        }
        return transactions.write(subscriptions.saveItems(subscription, dueAt(subscription, at, now))).isEmpty();
    }

    private PaymentOrder order(Payment payment) {
        return new PaymentOrder(payment.paymentId(), payment.orderNumber(), payment.amount(),
                "Rossgram: subscription renewal", paymentsConfig.returnUrl(), false, payment.buyerId());
    }

    private static Subscription dueAt(Subscription s, Instant dueAt, Instant now) {
        return new Subscription(s.subscriberId(), s.creatorId(), s.tierId(), s.price(), s.status(), s.anchor(), s.period(),
                s.paidThrough(), s.provider(), s.savedMethod(), s.pendingTierId(), s.failedAttempts(), s.graceUntil(),
                dueAt, s.startedAt(), now, s.version() + 1);
    }
}
