package ru.rossgram.shared.payments.subscriptions;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.PaymentsConfig;
import ru.rossgram.shared.jobs.JobSummary;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.SavedMethodCharges;
import ru.rossgram.shared.payments.Settlement;
import ru.rossgram.shared.payments.SubscriptionCharge;
import ru.rossgram.shared.subscriptions.TierRepository;

/**
 * One run of the scheduled renewal (the {@code renew-subscriptions} function): every shard's renewal markers due
 * within {@link #CHARGE_AHEAD}, at most {@link SubscriptionsConfig#batch()} a shard, earliest first, each decided by
 * {@link RenewalStep} from a consistent read of its subscription.
 *
 * <p>A renewal's payment has an id derived from what it pays for ({@link #renewalPaymentId}) and is charged through
 * {@link SavedMethodCharges}: once however many runs race. The settlement of its notification ({@link Settlement})
 * renews the subscription or makes it past due and moves its marker; meanwhile the marker waits
 * {@code outcomeCheck}, after which a run asks the provider what became of the charge.
 */
@Singleton
public class RenewalJob {
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
    private final SavedMethodCharges charges;
    private final TransactionWriter transactions;
    private final SubscriptionsConfig config;
    private final PaymentsConfig paymentsConfig;
    private final Clock clock;

    public RenewalJob(SubscriptionRepository subscriptions, PaymentRepository payments, TierRepository tiers,
                      SubscriptionWrites writes, SavedMethodCharges charges,
                      TransactionWriter transactions, SubscriptionsConfig config, PaymentsConfig paymentsConfig,
                      Clock clock) {
        this.subscriptions = subscriptions;
        this.payments = payments;
        this.tiers = tiers;
        this.writes = writes;
        this.charges = charges;
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

    /** One run at the clock's now. Each subscription is decided on its own: one failing is logged and counted. */
    public JobSummary<Outcome> run() {
        Instant now = clock.instant();
        return JobSummary.tally(SubscriptionRepository.DUE_SHARDS,
                shard -> subscriptions.dueBy(shard, now.plus(CHARGE_AHEAD), config.batch()), due -> renew(due, now),
                Outcome.FAILED, due -> "renewal of " + due.subscriberId() + " to " + due.creatorId() + " due " + due.dueAt(),
                LOG);
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
        SavedMethodCharges.Charge charge = charges.charge(paymentId, () -> renewalPayment(subscription, step, paymentId, now),
                subscription.savedMethod(), "Rossgram: subscription renewal", config.outcomeCheck());
        if (charge.outcome() == SavedMethodCharges.Outcome.SETTLED_BEFORE) {
            // Settled, yet the subscription is still due for it: the settlement found it stale. Look again later
            // rather than charge a period twice.
            return lookAgainAt(subscription, charge.lookAgainAt(), now) ? Outcome.WAITING : Outcome.STALE;
        }
        if (charge.lookAgainAt() != null) {
            lookAgainAt(subscription, charge.lookAgainAt(), now);
        }
        return switch (charge.outcome()) {
            case CHARGED -> Outcome.CHARGED;
            case DECLINED -> Outcome.DECLINED;
            case SETTLED -> Outcome.SETTLED;
            case UNREACHABLE -> Outcome.UNREACHABLE;
            case WAITING, SETTLED_BEFORE -> Outcome.WAITING;
        };
    }

    /** The renewal's payment, stored when the first run gets to it (it spends an order number). */
    private Payment renewalPayment(Subscription subscription, RenewalStep.Charge step, String paymentId, Instant now) {
        RenewalTerms terms = RenewalTerms.of(subscription, tiers.find(subscription.creatorId()), config.priceNotice());
        return new Payment(paymentId, subscription.subscriberId(), subscription.creatorId(),
                new Purchase(Purchase.Kind.SUBSCRIPTION, terms.tierId()), terms.amount(),
                terms.amount().share(paymentsConfig.platformFeeBasisPoints()), subscription.provider(),
                payments.nextOrderNumber(), null, null, PaymentState.PENDING, null, now, now, 1, null,
                new SubscriptionCharge(SubscriptionCharge.Reason.RENEWAL, step.period(), step.attempt()));
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

    private static Subscription dueAt(Subscription s, Instant dueAt, Instant now) {
        return new Subscription(s.subscriberId(), s.creatorId(), s.tierId(), s.price(), s.status(), s.anchor(), s.period(),
                s.paidThrough(), s.provider(), s.savedMethod(), s.pendingTierId(), s.failedAttempts(), s.graceUntil(),
                dueAt, s.startedAt(), now, s.version() + 1);
    }
}
