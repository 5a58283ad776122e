package ru.rossgram.shared.payments;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.payments.PaymentState.Transition;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.payments.referrals.ReferralRewards;
import ru.rossgram.shared.problem.ProblemException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Applies a provider's verified event to its payment, exactly once: one DynamoDB transaction records the event's
 * key, moves the payment along {@link PaymentState}, writes the ledger posting, applies what the purchase does
 * ({@link PurchaseEffects} of its kind: a post's grant, a subscription's period) and pays (or reverses) the
 * seller's referrer its reward ({@link ReferralRewards}): at most 20 actions (docs/data-model.md).
 * A redelivered event fails the key's condition and changes nothing; an event racing another for the same payment
 * fails the payment's state condition and is decided again from the state the other one left.
 */
@Singleton
public class Settlement {
    private static final Logger LOG = LoggerFactory.getLogger(Settlement.class);
    private static final int ATTEMPTS = 6;

    private final PaymentRepository payments;
    private final WebhookEvents events;
    private final Ledger ledger;
    private final Map<Purchase.Kind, PurchaseEffects> effects = new EnumMap<>(Purchase.Kind.class);
    private final TransactionWriter transactions;
    private final ReferralRewards referralRewards;
    private final Clock clock;

    public Settlement(PaymentRepository payments, WebhookEvents events, Ledger ledger, List<PurchaseEffects> effects,
                      TransactionWriter transactions, ReferralRewards referralRewards, Clock clock) {
        this.referralRewards = referralRewards;
        this.payments = payments;
        this.events = events;
        this.ledger = ledger;
        effects.forEach(e -> this.effects.put(e.kind(), e));
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What came of one event. */
    public enum Outcome {
        /** The payment moved; money and access with it where the transition says so. */
        APPLIED,
        /** Taken before (a redelivery, or a concurrent delivery that won): nothing changed. */
        DUPLICATE,
        /** Authentic but too late to matter (a success after the refund, a cancel after the success). */
        STALE,
        /** Not about a payment of ours. */
        UNKNOWN_PAYMENT,
        /** The amount or currency differs from the payment's: refused, and the payment flagged. */
        MISMATCH
    }

    /** @throws ProblemException 503 {@code busy} when the payment keeps changing under every attempt (retry the delivery) */
    public Outcome apply(ProviderEvent event) {
        Optional<Payment> found = find(event);
        if (found.isEmpty() || found.get().provider() != event.provider()) {
            LOG.warn("{} event {} is about no payment of ours", event.provider().wire(), event.eventKey());
            return Outcome.UNKNOWN_PAYMENT;
        }
        Payment payment = found.get();
        if (!payment.amount().equals(event.amount())) {
            String reason = event.kind() + " of " + event.amount().decimal() + " " + event.amount().currency()
                    + " for a payment of " + payment.amount().decimal() + " " + payment.amount().currency()
                    + " (event " + event.eventKey() + ")";
            LOG.warn("payment {} flagged: {}", payment.paymentId(), reason);
            payments.flag(payment.paymentId(), reason, clock.instant());
            return Outcome.MISMATCH;
        }
        AtomicReference<Payment> seen = new AtomicReference<>(payment);
        return Contention.retry(ATTEMPTS, "The payment keeps changing; deliver the notification again.", () -> {
            Optional<Outcome> outcome = settle(event, seen.get());
            if (outcome.isEmpty()) { // moved by another event: decide again from where it left the payment
                seen.set(payments.find(payment.paymentId()).orElseThrow());
            }
            return outcome;
        });
    }

    /** One transaction deciding {@code event} from {@code payment} as read; empty when the payment moved meanwhile. */
    private Optional<Outcome> settle(ProviderEvent event, Payment payment) {
        Instant now = clock.instant();
        Transition transition = payment.state().on(event.kind());
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(events.claimItem(event, payment.paymentId(), transition == null ? "stale" : transition.to().wire(), now));
        if (transition != null) {
            // A pledge's verification is no sale: the platform earns nothing on it, so no referrer does either.
            ReferralRewards.Part referral = !payment.isSale() ? ReferralRewards.Part.NOTHING : switch (transition.effect()) {
                case CREDIT -> referralRewards.onSale(payment, event.card(), now);
                case REVERSE -> referralRewards.onRefund(payment, now);
                case NONE -> ReferralRewards.Part.NOTHING;
            };
            Payment next = payment.withState(transition.to(), now);
            items.add(payments.transitionItem(payment, referral.credit() == null ? next : next.withReferralCredit(referral.credit())));
            items.addAll(effectItems(payment, event, transition, referral, now));
        }
        Optional<List<CancellationReason>> failed = transactions.write(items);
        if (failed.isEmpty()) {
            return Optional.of(transition == null ? Outcome.STALE : Outcome.APPLIED);
        }
        if (conditionFailed(failed.get(), 0)) {
            return Optional.of(Outcome.DUPLICATE);
        }
        return Optional.empty();
    }

    private Optional<Payment> find(ProviderEvent event) {
        if (event.paymentId() != null) {
            Optional<Payment> byOurs = payments.find(event.paymentId());
            if (byOurs.isPresent()) {
                return byOurs;
            }
        }
        return event.providerPaymentId() == null ? Optional.empty()
                : payments.findByProviderId(event.provider(), event.providerPaymentId());
    }

    /**
     * The money and access a transition moves: the sale's posting (or its reversal) and the referral program's in
     * one set of ledger writes, then the purchase's own effects and the referral program's other items. A decline
     * moves no money but may still change the purchase (a declined renewal).
     */
    private List<TransactWriteItem> effectItems(Payment payment, ProviderEvent event, Transition transition,
                                                ReferralRewards.Part referral, Instant now) {
        PurchaseEffects purchase = effects.get(payment.purchase().kind());
        Posting sale = LedgerAccounts.posting(payment);
        List<Posting> postings = new ArrayList<>();
        List<TransactWriteItem> items = new ArrayList<>();
        switch (transition.effect()) {
            case NONE -> {
                return transition.to() == PaymentState.CANCELED ? purchase.declined(payment, now) : List.of();
            }
            case CREDIT -> {
                postings.add(sale);
                items.addAll(purchase.credited(payment, event, now));
            }
            case REVERSE -> {
                postings.add(sale.reversed());
                items.addAll(purchase.reversed(payment, now));
            }
        }
        postings.addAll(referral.postings());
        items.addAll(referral.items());
        List<TransactWriteItem> all = new ArrayList<>(ledger.postingItems(postings, now));
        all.addAll(items);
        return all;
    }

    private static boolean conditionFailed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }
}
