package ru.rossgram.shared.payments.subscriptions;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.PaymentView;
import ru.rossgram.shared.payments.PaymentsConfig;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.SubscriptionCharge;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.ProviderUnavailableException;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.UserLookup;
import ru.rossgram.shared.subscriptions.CreatorTiers;
import ru.rossgram.shared.subscriptions.Tier;
import ru.rossgram.shared.subscriptions.TierRepository;

/**
 * A subscriber's changes to a subscription: cancel ({@code DELETE /v1/me/subscriptions/{username}}) and a change of
 * tier ({@code PATCH}). Each change is one transaction conditional on the subscription's version
 * ({@link SubscriptionWrites}), retried from a fresh read when it loses a race.
 *
 * <p>An upgrade (a tier of higher rank) takes effect when its prorated price difference is paid: the saved method is
 * charged ({@link PaymentGateway#charge}) and the settlement of that payment changes the tier; a difference that
 * rounds to 0 kopecks changes it at once. The upgrade's payment id is derived from subscription, period and tier,
 * so a repeated request answers the same payment and never charges twice. A downgrade waits for the next renewal.
 */
@Singleton
public class SubscriptionChanges {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionChanges.class);
    private static final int ATTEMPTS = 5;
    private static final String BUSY = "The subscription keeps changing; retry shortly.";

    private final SubscriptionRepository subscriptions;
    private final SubscriptionWrites writes;
    private final TierRepository tiers;
    private final UserLookup users;
    private final PaymentRepository payments;
    private final PaymentGateways gateways;
    private final PaymentsConfig paymentsConfig;
    private final TransactionWriter transactions;
    private final Clock clock;

    public SubscriptionChanges(SubscriptionRepository subscriptions, SubscriptionWrites writes, TierRepository tiers,
                               UserLookup users, PaymentRepository payments, PaymentGateways gateways,
                               PaymentsConfig paymentsConfig, TransactionWriter transactions, Clock clock) {
        this.subscriptions = subscriptions;
        this.writes = writes;
        this.tiers = tiers;
        this.users = users;
        this.payments = payments;
        this.gateways = gateways;
        this.paymentsConfig = paymentsConfig;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What a change of tier did: the subscription as it stands, and the upgrade's payment when one is being
     * charged (the tier changes when it settles).
     */
    public record TierChange(SubscriptionView subscription, PaymentView payment) {
    }

    /**
     * Stops the renewals; access lasts to the end of the paid period. Cancelling a cancelled or ended subscription
     * changes nothing.
     *
     * @throws ProblemException 404 for an unknown creator or when the caller never subscribed to them
     */
    public SubscriptionView cancel(Caller caller, String username) {
        Account creator = users.byUsername(username);
        return Contention.retry(ATTEMPTS, BUSY, () -> {
            Subscription current = subscriptionOf(caller, creator);
            Optional<Subscription> next = SubscriptionTransitions.cancelled(current, clock.instant());
            if (next.isEmpty() || transactions.write(writes.items(current, next.get())).isEmpty()) {
                return Optional.of(SubscriptionView.of(next.orElse(current), creator.username(), tiers.find(creator.userId())));
            }
            return Optional.empty();
        });
    }

    /**
     * Moves the subscription to {@code tierId}: see the class's description.
     *
     * @throws ProblemException 400 without a tier; 404 for an unknown creator or no subscription; 422
     *         {@code not-for-sale} for a tier not offered; 409 {@code not-subscribed} unless the subscription is
     *         active (past due: a downgrade only); 503 {@code provider-unreachable} (repeat the request)
     */
    public TierChange changeTier(Caller caller, String username, String tierId) {
        if (tierId == null || tierId.isBlank()) {
            throw ProblemException.invalid("tierId", "required");
        }
        Account creator = users.byUsername(username);
        return Contention.retry(ATTEMPTS, BUSY, () -> {
            Subscription current = subscriptionOf(caller, creator);
            CreatorTiers creatorTiers = tiers.find(creator.userId());
            Tier target = creatorTiers.tier(tierId).filter(Tier::offered)
                    .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOR_SALE, "The creator offers no such tier."));
            boolean upgrade = target.rank() > creatorTiers.rankOf(current.tierId());
            Subscription.Status status = current.status();
            if (status != Subscription.Status.ACTIVE && (upgrade || status != Subscription.Status.PAST_DUE)) {
                throw new ProblemException(ProblemType.NOT_SUBSCRIBED, "Only an active subscription changes tier"
                        + (status == Subscription.Status.PAST_DUE ? " upwards; pay the renewal first." : "; subscribe again."));
            }
            Instant now = clock.instant();
            Subscription next;
            if (target.tierId().equals(current.tierId())) {
                next = SubscriptionTransitions.withPendingTier(current, null, now); // keep the tier: no downgrade waits
            } else if (!upgrade) {
                next = SubscriptionTransitions.withPendingTier(current, target.tierId(), now);
            } else {
                Money difference = BillingCalendar.proratedDifference(current.price(), target.price(),
                        BillingCalendar.periodStart(current.anchor(), current.period()), current.paidThrough(), now);
                if (difference.minor() > 0) {
                    PaymentView payment = chargeUpgrade(current, target, difference, creator);
                    return Optional.of(new TierChange(SubscriptionView.of(current, creator.username(), creatorTiers), payment));
                }
                next = SubscriptionTransitions.withTier(current, target.tierId(), target.price(), now);
            }
            if (transactions.write(writes.items(current, next)).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(new TierChange(SubscriptionView.of(next, creator.username(), creatorTiers), null));
        });
    }

    private Subscription subscriptionOf(Caller caller, Account creator) {
        return subscriptions.find(caller.userId(), creator.userId()).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "You never subscribed to @" + creator.username() + "."));
    }

    /** The upgrade's payment for this period and tier (made once), charged on the saved method. */
    private PaymentView chargeUpgrade(Subscription sub, Tier target, Money difference, Account creator) {
        PaymentGateway gateway = gateways.of(sub.provider()).filter(PaymentGateway::configured)
                .orElseThrow(() -> new ProblemException(ProblemType.PROVIDER_UNAVAILABLE,
                        "The provider that holds your payment method is not offered now; subscribe again to upgrade."));
        if (sub.savedMethod() == null) {
            throw new ProblemException(ProblemType.NOT_SUBSCRIBED, "No payment method is saved; subscribe again to upgrade.");
        }
        Instant now = clock.instant();
        Payment fresh = new Payment(upgradePaymentId(sub, target), sub.subscriberId(), sub.creatorId(),
                new Purchase(Purchase.Kind.SUBSCRIPTION, target.tierId()), difference,
                difference.share(paymentsConfig.platformFeeBasisPoints()), sub.provider(), payments.nextOrderNumber(),
                null, null, PaymentState.PENDING, null, now, now, 1, null,
                new SubscriptionCharge(SubscriptionCharge.Reason.UPGRADE, sub.period(), 1));
        Payment payment = payments.create(fresh, null).orElse(fresh);
        if (payment.state() != PaymentState.PENDING) {
            return PaymentView.of(payment);
        }
        CreatedPayment created;
        try {
            created = gateway.charge(new PaymentOrder(payment.paymentId(), payment.orderNumber(), payment.amount(),
                    "Rossgram: upgrade to " + target.name() + " (@" + creator.username() + ")", paymentsConfig.returnUrl(),
                    false, sub.subscriberId()), sub.savedMethod());
        } catch (ProviderUnavailableException e) {
            LOG.warn("{} did not charge upgrade {}: {}", gateway.provider().wire(), payment.paymentId(), e.getMessage());
            throw new ProblemException(ProblemType.PROVIDER_UNREACHABLE,
                    "The payment provider did not answer; repeat the request.", Map.of("retryAfterSeconds", 2));
        }
        payments.recordCharged(payment, created.providerPaymentId(), clock.instant());
        return PaymentView.of(payments.find(payment.paymentId()).orElseThrow());
    }

    /**
     * One upgrade payment per subscription, period and tier: a repeated request finds the payment stored under this
     * id and charges it again only while pending (the provider's idempotency on our id makes that harmless).
     */
    static String upgradePaymentId(Subscription sub, Tier target) {
        return IdGenerator.derivedId(BillingCalendar.periodStart(sub.anchor(), sub.period()), "subscription-upgrade",
                sub.subscriberId(), sub.creatorId(), sub.anchor().toString(), Integer.toString(sub.period()), target.tierId());
    }
}
