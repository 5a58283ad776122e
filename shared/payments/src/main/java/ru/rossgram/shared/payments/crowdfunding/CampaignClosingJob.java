package ru.rossgram.shared.payments.crowdfunding;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.jobs.JobSummary;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.PaymentsConfig;
import ru.rossgram.shared.payments.PledgeCharge;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.SavedMethodCharges;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * One run of the scheduled closing (the {@code close-campaigns} function): every shard's crowdfunding markers due by
 * now, at most {@link CrowdfundingConfig#batch()} a shard, earliest first, each decided from a consistent read
 * (docs/crowdfunding.md, the closing job):
 * <ul>
 *   <li>a campaign: a live one past its deadline is ended ({@link CampaignClosing#verdict}) and its pledging closed in
 *       one transaction; an ended one has its next batch of pledges worked through from its {@code closeCursor}
 *       ({@link CampaignClosing#actionFor}: charged, released, cancelled or refunded);</li>
 *   <li>a pledge: its own marker ({@link PledgeStep}): a reward hold's end, a verification's refund, a retry, a
 *       drop, a charge whose outcome is awaited.</li>
 * </ul>
 *
 * <p>Two runs racing do nothing twice: every pledge's move is conditional on the version read, and a charge's payment
 * has an id derived from (campaign, pledge, attempt) and is charged through {@link SavedMethodCharges}. A charging
 * pledge is written before its payment is charged and carries a marker, so a run that dies between the two is
 * finished by a later one. Money moves only through the settlement of a provider's event.
 */
@Singleton
public class CampaignClosingJob {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignClosingJob.class);
    /** Rounds for one pledge of a batch when a settlement moves it between our read and our write. */
    private static final int ATTEMPTS = 4;
    private static final String DESCRIPTION = "Rossgram: crowdfunding pledge";

    private final CampaignRepository campaigns;
    private final PaymentRepository payments;
    private final SavedMethodCharges charges;
    private final TransactionWriter transactions;
    private final CrowdfundingConfig config;
    private final PaymentsConfig paymentsConfig;
    private final Clock clock;

    public CampaignClosingJob(CampaignRepository campaigns, PaymentRepository payments, SavedMethodCharges charges,
                              TransactionWriter transactions, CrowdfundingConfig config, PaymentsConfig paymentsConfig,
                              Clock clock) {
        this.campaigns = campaigns;
        this.payments = payments;
        this.charges = charges;
        this.transactions = transactions;
        this.config = config;
        this.paymentsConfig = paymentsConfig;
        this.clock = clock;
    }

    /** What came of one due marker. */
    public enum Outcome {
        /** A live campaign past its deadline ended (succeeded or failed), its pledging closed, its first batch done. */
        CLOSED,
        /** A batch of an ended campaign's pledges was worked through. */
        BATCH,
        /** A pledge's retry was charged; its notification settles it. */
        CHARGED,
        /** A pledge's charge had no saved method: declined through the settlement. */
        DECLINED,
        /** A charge found still pending was settled with the outcome the provider gave when asked. */
        SETTLED,
        /** A pending pledge's reward hold ended: cancelled, its reward free. */
        CANCELLED,
        /** An errored pledge's fix window ended: dropped. */
        DROPPED,
        /** A refund was asked for (a verification payment's, or a cancelled campaign's collected pledge). */
        REFUNDED,
        /** Waiting: for a charge's notification, the run charging it, a retry's time or a refund's notification. */
        WAITING,
        /** The provider did not answer: the next run charges or asks again. */
        UNREACHABLE,
        /** Nothing to do after all: another run or a notification moved it first. */
        STALE,
        /** Something unexpected failed (logged with its cause); the next run looks at it again. */
        FAILED
    }

    /** One run at the clock's now. Each marker is decided on its own: one failing is logged and counted. */
    public JobSummary<Outcome> run() {
        Instant now = clock.instant();
        return JobSummary.tally(CampaignRepository.DUE_SHARDS, shard -> campaigns.dueBy(shard, now, config.batch()),
                due -> due.backerId() == null ? campaign(due, now) : pledge(due, now), Outcome.FAILED,
                due -> "closing: campaign " + due.campaignId() + (due.backerId() == null ? "" : " pledge of " + due.backerId())
                        + " due " + due.dueAt(), LOG);
    }

    /**
     * The id of the charge of a pledge's saved method, try {@code attempt}: the same for every run, so a second run
     * finds the first's payment. Its time part is the campaign's deadline.
     */
    public static String collectPaymentId(Campaign campaign, Pledge pledge, int attempt) {
        return IdGenerator.derivedId(campaign.deadline(), "pledge-collect", campaign.campaignId(), pledge.pledgeId(),
                Integer.toString(attempt));
    }

    // ----- a campaign's marker

    private Outcome campaign(CampaignRepository.Due due, Instant now) {
        Optional<Campaign> found = campaigns.find(due.campaignId());
        if (found.isEmpty() || !due.dueAt().equals(found.get().dueAt())) {
            return Outcome.STALE;
        }
        Campaign campaign = found.get();
        long pledged = campaign.status() == Campaign.Status.LIVE ? campaigns.totals(campaign.campaignId()).pledged() : 0;
        CampaignClosing.Step step = CampaignClosing.of(campaign, pledged, now);
        if (step instanceof CampaignClosing.Close close) {
            Campaign ended = moved(campaign, close.status(), now, null, now);
            List<TransactWriteItem> items = new ArrayList<>(campaigns.saveItems(campaign, ended));
            items.addAll(campaigns.closeItems(campaign.campaignId(), now));
            if (transactions.write(items).isPresent()) {
                return Outcome.STALE;
            }
            LOG.info("campaign {} ({}) {}: pledged {} of {}", campaign.campaignId(), campaign.mode().wire(),
                    close.status().wire(), pledged, campaign.goal().minor());
            batch(ended, now);
            return Outcome.CLOSED;
        }
        if (step instanceof CampaignClosing.LookAgain later) {
            Campaign waiting = moved(campaign, campaign.status(), campaign.endedAt(), campaign.closeCursor(), later.at());
            return transactions.write(campaigns.saveItems(campaign, waiting)).isEmpty() ? Outcome.WAITING : Outcome.STALE;
        }
        if (step instanceof CampaignClosing.NextBatch) {
            return batch(campaign, now);
        }
        return Outcome.STALE;
    }

    /**
     * Works through the next batch of an ended campaign's pledges from its cursor, then moves the cursor; the marker
     * stays due (now) while a full batch may have left pledges behind, and goes when a short one shows none are left.
     * What a pledge still waits for after its batch (a charge's outcome, a refund) is its own marker's.
     */
    private Outcome batch(Campaign campaign, Instant now) {
        List<Pledge> page = campaigns.pledges(campaign.campaignId(), campaign.closeCursor(), config.batch());
        for (Pledge pledge : page) {
            close(campaign, pledge, now);
        }
        String cursor = page.isEmpty() ? campaign.closeCursor() : page.get(page.size() - 1).backerId();
        Instant next = page.size() < config.batch() ? null : now;
        Campaign moved = moved(campaign, campaign.status(), campaign.endedAt(), cursor, next);
        return transactions.write(campaigns.saveItems(campaign, moved)).isEmpty() ? Outcome.BATCH : Outcome.STALE;
    }

    /** One pledge of an ended campaign, decided again from a fresh read whenever a settlement moved it meanwhile. */
    private void close(Campaign campaign, Pledge read, Instant now) {
        AtomicReference<Pledge> seen = new AtomicReference<>(read);
        Contention.retryUntilDone(ATTEMPTS, "pledge " + read.backerId() + " of " + campaign.campaignId() + " keeps changing", () -> {
            Pledge pledge = seen.get();
            boolean done = switch (CampaignClosing.actionFor(campaign, pledge)) {
                case NONE -> true;
                case CHARGE -> chargePledge(campaign, pledge, 1, now).isPresent();
                case RELEASE -> write(campaign, pledge, pledge.with(Pledge.State.RELEASED, now)
                        .withSavedMethod(null, pledge.verificationId()));
                case CANCEL -> write(campaign, pledge, pledge.with(Pledge.State.CANCELLED, now)
                        .withSavedMethod(null, pledge.verificationId()));
                case REFUND -> {
                    refundCollected(campaign, pledge, now);
                    yield true;
                }
            };
            if (!done) {
                seen.set(campaigns.findPledge(pledge.campaignId(), pledge.backerId()).orElseThrow());
            }
            return done;
        });
    }

    // ----- a pledge's marker

    /**
     * A verification (or a payment the pledge gave up) still to be returned is asked back first, whatever else the
     * pledge needs (a charge's follow-up, a retry, a drop): both happen in one visit, and the marker then comes back
     * for the refund's notification no later than it must.
     */
    private Outcome pledge(CampaignRepository.Due due, Instant now) {
        Optional<Pledge> found = campaigns.findPledge(due.campaignId(), due.backerId());
        Optional<Campaign> campaign = campaigns.find(due.campaignId());
        if (found.isEmpty() || campaign.isEmpty() || !due.dueAt().equals(found.get().dueAt())) {
            return Outcome.STALE;
        }
        Optional<Payment> verification = succeededVerification(found.get());
        Optional<Boolean> returned = verification.map(this::returnVerification);
        Outcome outcome = step(campaign.get(), found.get(), now);
        if (verification.isEmpty()) {
            return outcome;
        }
        awaitRefund(campaign.get(), found.get(), verification.get(), returned.get(), now);
        return outcome != Outcome.STALE ? outcome : returned.get() ? Outcome.REFUNDED : Outcome.UNREACHABLE;
    }

    private Outcome step(Campaign campaign, Pledge pledge, Instant now) {
        PledgeStep step = PledgeStep.of(campaign, pledge, now, config);
        if (step instanceof PledgeStep.CancelHold) {
            return write(campaign, pledge, pledge.with(Pledge.State.CANCELLED, now).withDueAt(null))
                    ? Outcome.CANCELLED : Outcome.STALE;
        }
        if (step instanceof PledgeStep.Drop) {
            return write(campaign, pledge, pledge.with(Pledge.State.DROPPED, now).withDueAt(null))
                    ? Outcome.DROPPED : Outcome.STALE;
        }
        if (step instanceof PledgeStep.Charge retry) {
            return chargePledge(campaign, pledge, retry.attempt(), now).map(CampaignClosingJob::outcomeOf).orElse(Outcome.STALE);
        }
        if (step instanceof PledgeStep.FollowUp charging) {
            return chargePledge(campaign, pledge, charging.attempt(), now).map(CampaignClosingJob::outcomeOf).orElse(Outcome.STALE);
        }
        if (step instanceof PledgeStep.Refund) {
            return refundCollected(campaign, pledge, now);
        }
        if (step instanceof PledgeStep.LookAgain later) {
            return moveDue(campaign, pledge, later.at(), now) ? Outcome.WAITING : Outcome.STALE;
        }
        if (step instanceof PledgeStep.Done) {
            moveDue(campaign, pledge, null, now);
        }
        return Outcome.STALE;
    }

    // ----- charges and refunds

    /**
     * Charges a saved or errored pledge's saved method as {@code attempt}, or follows up a charging one's charge. The
     * pledge is made {@code charging} (with its marker at the outcome check) before the payment is charged, on the
     * condition of the version read: of two racing runs only one goes on.
     *
     * @return what came of the charge; empty when the pledge changed since it was read
     */
    private Optional<SavedMethodCharges.Outcome> chargePledge(Campaign campaign, Pledge pledge, int attempt, Instant now) {
        String paymentId = collectPaymentId(campaign, pledge, attempt);
        Pledge charging = pledge;
        if (pledge.state() == Pledge.State.SAVED) {
            // Its marker is about to serve the charge, and the charge's settlement removes it: a verification not
            // yet returned (settled minutes before the deadline, say) is asked back now, not forgotten.
            succeededVerification(pledge).ifPresent(this::returnVerification);
        }
        if (pledge.state() != Pledge.State.CHARGING) {
            charging = pledge.with(Pledge.State.CHARGING, now).withPayment(paymentId)
                    .withAttempts(attempt, PledgeStep.fixBy(campaign, pledge, config))
                    .withDueAt(now.plus(config.outcomeCheck()));
            if (!write(campaign, pledge, charging)) {
                return Optional.empty();
            }
        }
        Pledge sent = charging;
        SavedMethodCharges.Charge charge = charges.charge(paymentId, () -> collectPayment(campaign, sent, paymentId, attempt, now),
                sent.savedMethod(), DESCRIPTION, config.outcomeCheck());
        LOG.info("pledge {} of {}: charge {} attempt {} -> {}", sent.backerId(), campaign.campaignId(), paymentId,
                attempt, charge.outcome());
        if (charge.outcome() != SavedMethodCharges.Outcome.CHARGED && charge.lookAgainAt() != null) {
            // A settlement that moved the pledge meanwhile moved its marker too: then this write loses, rightly.
            moveDue(campaign, sent, charge.lookAgainAt(), now);
        }
        return Optional.of(charge.outcome());
    }

    private Payment collectPayment(Campaign campaign, Pledge pledge, String paymentId, int attempt, Instant now) {
        return new Payment(paymentId, pledge.backerId(), campaign.creatorId(),
                new Purchase(Purchase.Kind.PLEDGE, campaign.campaignId()), pledge.amount(),
                pledge.amount().share(paymentsConfig.platformFeeBasisPoints()), pledge.provider(),
                payments.nextOrderNumber(), null, null, PaymentState.PENDING, null, now, now, 1, null, null,
                new PledgeCharge(pledge.pledgeId(), PledgeCharge.Reason.COLLECT, attempt));
    }

    /** A cancelled keep-what-you-raise campaign's collected pledge: its payment refunded; its settlement moves the pledge. */
    private Outcome refundCollected(Campaign campaign, Pledge pledge, Instant now) {
        Optional<Payment> paid = succeeded(pledge.paymentId());
        if (paid.isEmpty()) {
            LOG.warn("pledge {} of {} is collected but its payment {} is not a succeeded one: nothing to refund",
                    pledge.backerId(), campaign.campaignId(), pledge.paymentId());
            return Outcome.STALE;
        }
        return refund(campaign, pledge, paid.get(), now);
    }

    /** Asks for {@code payment}'s refund and has the pledge's marker come back for its notification. */
    private Outcome refund(Campaign campaign, Pledge pledge, Payment payment, Instant now) {
        boolean taken = charges.refund(payment);
        awaitRefund(campaign, pledge, payment, taken, now);
        return taken ? Outcome.REFUNDED : Outcome.UNREACHABLE;
    }

    /**
     * Unless the refund's settlement already moved the pledge (Robokassa's refund is settled at once), brings its
     * marker back no later than when the refund is to be asked again (the same refund): shortly when the provider did
     * not answer, after the outcome check when it took the refund and its notification has not come.
     */
    private void awaitRefund(Campaign campaign, Pledge pledge, Payment payment, boolean taken, Instant now) {
        Pledge after = campaigns.findPledge(pledge.campaignId(), pledge.backerId()).orElseThrow();
        Instant again = now.plus(taken ? config.outcomeCheck() : SavedMethodCharges.CHARGE_LEASE);
        if (stillAwaits(after, payment) && (after.dueAt() == null || after.dueAt().isAfter(again))) {
            moveDue(campaign, after, again, now);
        }
    }

    /**
     * Asks for a verification's (or a given-up payment's) refund beside the pledge's own step: a refund the gateway
     * refuses outright (not only an unreachable provider) is logged and asked again later, and never keeps the
     * pledge from its charge or the campaign's batch from its other pledges.
     *
     * @return whether the provider took the refund
     */
    private boolean returnVerification(Payment payment) {
        try {
            return charges.refund(payment);
        } catch (RuntimeException e) {
            LOG.error("refund of {} ({}) refused; asked again later", payment.paymentId(), payment.provider().wire(), e);
            return false;
        }
    }

    /** The pledge's verification payment (or a payment it gave up) while it is to be returned: succeeded, not refunded. */
    private Optional<Payment> succeededVerification(Pledge pledge) {
        return succeeded(pledge.verificationId());
    }

    /** The payment {@code paymentId} (null: none) if it succeeded and was not refunded. */
    private Optional<Payment> succeeded(String paymentId) {
        return Optional.ofNullable(paymentId).flatMap(payments::find).filter(p -> p.state() == PaymentState.SUCCEEDED);
    }

    private static boolean stillAwaits(Pledge pledge, Payment payment) {
        return payment.paymentId().equals(pledge.verificationId())
                || payment.paymentId().equals(pledge.paymentId()) && pledge.state() == Pledge.State.COLLECTED;
    }

    private static Outcome outcomeOf(SavedMethodCharges.Outcome charge) {
        return switch (charge) {
            case CHARGED -> Outcome.CHARGED;
            case DECLINED -> Outcome.DECLINED;
            case SETTLED -> Outcome.SETTLED;
            case WAITING, SETTLED_BEFORE -> Outcome.WAITING;
            case UNREACHABLE -> Outcome.UNREACHABLE;
        };
    }

    // ----- writes

    /** Replaces {@code seen} by {@code next}; false when the pledge changed since it was read. */
    private boolean write(Campaign campaign, Pledge seen, Pledge next) {
        return transactions.write(campaigns.pledgeItems(campaign, seen, next)).isEmpty();
    }

    /** Moves the pledge's marker to {@code at} (null: removes it); false when the pledge changed since it was read. */
    private boolean moveDue(Campaign campaign, Pledge pledge, Instant at, Instant now) {
        if (Objects.equals(at, pledge.dueAt())) {
            return true;
        }
        return write(campaign, pledge, pledge.with(pledge.state(), now).withDueAt(at));
    }

    private Campaign moved(Campaign c, Campaign.Status status, Instant endedAt, String closeCursor, Instant dueAt) {
        return new Campaign(c.campaignId(), c.creatorId(), c.title(), c.description(), c.cover(), c.goal(), c.deadline(),
                c.mode(), status, c.rewards(), dueAt, closeCursor, c.createdAt(), c.launchedAt(), endedAt,
                clock.instant(), c.version() + 1);
    }
}
