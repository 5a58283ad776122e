package ru.rossgram.shared.payments.crowdfunding;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PaymentRepository;
import ru.rossgram.shared.payments.PaymentState;
import ru.rossgram.shared.payments.Settlement;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.ProviderUnavailableException;
import ru.rossgram.shared.payments.providers.RefundOrder;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * A backer cancels a pledge while its campaign is live ({@code DELETE /v1/campaigns/{campaignId}/pledge}):
 *
 * <ul>
 *   <li>pending or saved: cancelled at once, its reward released and its saved method forgotten, in one transaction
 *       conditional on the pledge's version. A pending pledge gives up its payment: should that payment still
 *       succeed, its settlement keeps the pledge cancelled and marks the payment due for the closing job's refund
 *       ({@link PledgeTransitions}). A saved pledge's verification not refunded yet is refunded now (the backer
 *       is leaving: no reason to wait for the closing job), and stays due until its refund settles;</li>
 *   <li>collected (keep what you raise): the provider is asked to refund its payment; the refund's notification (or,
 *       for a provider that sends none, the event the refund request answers, settled here at once) reverses the
 *       ledger and makes the pledge refunded;</li>
 *   <li>already cancelled, refunded or dropped: nothing to do.</li>
 * </ul>
 */
@Singleton
public class PledgeCancels {
    private static final Logger LOG = LoggerFactory.getLogger(PledgeCancels.class);
    private static final int ATTEMPTS = 5;

    private final CampaignRepository campaigns;
    private final PaymentRepository payments;
    private final PaymentGateways gateways;
    private final Settlement settlement;
    private final TransactionWriter transactions;
    private final Clock clock;

    public PledgeCancels(CampaignRepository campaigns, PaymentRepository payments, PaymentGateways gateways,
                         Settlement settlement, TransactionWriter transactions, Clock clock) {
        this.campaigns = campaigns;
        this.payments = payments;
        this.gateways = gateways;
        this.settlement = settlement;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @return the pledge as it stands after the cancel (a collected one until its refund settles)
     * @throws ProblemException 404 for an unknown campaign or no pledge of the caller's; 409 {@code campaign-closed}
     *         after the deadline or once the campaign ended; 503 {@code provider-unreachable} (repeat the request)
     */
    public PledgeView cancel(Caller caller, String campaignId) {
        Campaign campaign = campaigns.find(campaignId).filter(c -> c.status() != Campaign.Status.DRAFT)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such campaign."));
        Pledge settled = Contention.retry(ATTEMPTS, "The pledge keeps changing; retry shortly.", () -> {
            Pledge pledge = campaigns.findPledge(campaignId, caller.userId())
                    .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "You have no pledge to this campaign."));
            if (!pledge.stands()) {
                return Optional.of(pledge);
            }
            Instant now = clock.instant();
            if (campaign.status() != Campaign.Status.LIVE || !now.isBefore(campaign.deadline())) {
                throw new ProblemException(ProblemType.CAMPAIGN_CLOSED, "The campaign is over; its pledges stand.");
            }
            if (pledge.state() == Pledge.State.COLLECTED) {
                refund(pledge.paymentId());
                return Optional.of(pledge);
            }
            if (pledge.verificationId() != null) {
                refund(pledge.verificationId());
            }
            Pledge cancelled = cancelled(pledge, now);
            return transactions.write(campaigns.pledgeItems(campaign, pledge, cancelled)).isEmpty()
                    ? Optional.of(cancelled) : Optional.empty();
        });
        Pledge current = campaigns.findPledge(campaignId, caller.userId()).orElse(settled);
        return PledgeView.of(current, campaign);
    }

    /** A pending or saved pledge, cancelled: no payment waited for, no method kept, due only for a verification's refund. */
    static Pledge cancelled(Pledge pledge, Instant now) {
        Instant due = pledge.verificationId() == null ? null : pledge.dueAt() == null ? now : pledge.dueAt();
        return pledge.with(Pledge.State.CANCELLED, now).withPayment(null)
                .withSavedMethod(null, pledge.verificationId()).withDueAt(due);
    }

    /**
     * Asks the provider to refund payment {@code paymentId} if it succeeded (a refunded one is left alone); a provider
     * that notifies no refund answers the refund's event, settled here at once.
     */
    private void refund(String paymentId) {
        Payment payment = payments.find(paymentId)
                .orElseThrow(() -> new IllegalStateException("a pledge names payment " + paymentId + ", which does not exist"));
        if (payment.state() != PaymentState.SUCCEEDED) {
            return;
        }
        PaymentGateway gateway = gateways.of(payment.provider())
                .orElseThrow(() -> new ProblemException(ProblemType.PROVIDER_UNREACHABLE,
                        "The provider of your payment is not reachable now; retry later.", Map.of("retryAfterSeconds", 60)));
        try {
            gateway.refund(new RefundOrder(payment.paymentId(), payment.orderNumber(), payment.providerPaymentId(),
                    payment.amount(), refundKey(payment))).ifPresent(settlement::apply);
        } catch (ProviderUnavailableException e) {
            LOG.warn("{} did not refund payment {}: {}", payment.provider().wire(), payment.paymentId(), e.getMessage());
            throw new ProblemException(ProblemType.PROVIDER_UNREACHABLE,
                    "The payment provider did not answer; repeat the request.", Map.of("retryAfterSeconds", 2));
        }
    }

    /** One refund per payment, however often the backer repeats the cancel. */
    static String refundKey(Payment payment) {
        return "refund-" + payment.paymentId();
    }
}
