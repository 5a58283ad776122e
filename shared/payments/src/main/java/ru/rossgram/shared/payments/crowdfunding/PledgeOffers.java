package ru.rossgram.shared.payments.crowdfunding;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.CheckoutRequest;
import ru.rossgram.shared.payments.CheckoutSale;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PledgeCharge;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A pledge as checkout sells it ({@code item: {type: pledge, id: <campaignId>, amount, rewardId?}}), docs/crowdfunding.md:
 * to a live campaign before its deadline, not one's own, by a backer with no pledge standing there. Keep what you
 * raise: the payment is the pledge; all or nothing: a verification payment that saves the backer's method. The new
 * pending pledge (its reward claimed, its hold due) is stored in the payment's own transaction, so a refused
 * condition (the reward sold out, the campaign closed meanwhile) stores neither. An errored pledge within its fix
 * window is paid by the same item ({@code fix}).
 */
@Singleton
public class PledgeOffers {
    /** At least 1 ₽: less is not worth a payment. */
    public static final long SMALLEST = 100;
    /** At most 1,000,000 ₽ a pledge: more is a typo, or a matter for the creator and the backer to arrange. */
    public static final long LARGEST = 100_000_000;

    private final CampaignRepository campaigns;
    private final CrowdfundingConfig config;
    private final IdGenerator ids;
    private final Clock clock;

    public PledgeOffers(CampaignRepository campaigns, CrowdfundingConfig config, IdGenerator ids, Clock clock) {
        this.campaigns = campaigns;
        this.config = config;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param retried the payment the checkout's Idempotency-Key made before, if any: a retry answers that payment
     *                instead of refusing the pledge it opened
     * @throws ProblemException 400 for a missing or out-of-range amount, an unknown reward or one whose minimum is
     *         more than the amount; 404 for an unknown or draft campaign; 422 {@code not-for-sale} for one's own;
     *         409 {@code campaign-closed}, {@code already-pledged}, {@code reward-sold-out}
     */
    public CheckoutSale sale(Caller caller, CheckoutRequest.Item item, Optional<Payment> retried) {
        if (item.id() == null || item.id().isBlank()) {
            throw ProblemException.invalid("item.id", "the campaign's id");
        }
        Campaign campaign = campaigns.find(item.id())
                .filter(c -> c.status() != Campaign.Status.DRAFT)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "There is no such campaign."));
        if (campaign.isCreator(caller.userId())) {
            throw new ProblemException(ProblemType.NOT_FOR_SALE, "You cannot back your own campaign.");
        }
        Pledge existing = campaigns.findPledge(campaign.campaignId(), caller.userId()).orElse(null);
        if (existing != null && retried.isPresent() && existing.pledgeId().equals(pledgeIdOf(retried.get()))) {
            return again(campaign, retried.get());
        }
        if (existing != null && existing.state() == Pledge.State.ERRORED) {
            return fix(campaign, existing, item);
        }
        Instant now = clock.instant();
        if (campaign.status() != Campaign.Status.LIVE || !now.isBefore(campaign.deadline())) {
            throw new ProblemException(ProblemType.CAMPAIGN_CLOSED, "The campaign takes no more pledges.");
        }
        if (existing != null && existing.stands()) {
            throw new ProblemException(ProblemType.ALREADY_PLEDGED,
                    "You have a pledge to this campaign; cancel it to pledge again.");
        }
        if (existing != null && existing.verificationId() != null) {
            // A new pledge takes the old one's place: it would forget the payment still to be returned.
            throw new ProblemException(ProblemType.ALREADY_PLEDGED,
                    "The payment of your cancelled pledge is being returned; pledge again once it is.");
        }
        Money amount = amountOf(campaign, item);
        String rewardId = rewardOf(campaign, item, amount);
        Pledge pending = new Pledge(campaign.campaignId(), caller.userId(), ids.newId(), amount, rewardId, null,
                Pledge.State.PENDING, null, null, null, 0, null, now.plus(config.holdReward()), now, now,
                existing == null ? 1 : existing.version() + 1);
        boolean keep = campaign.mode() == Campaign.Mode.KEEP_WHAT_YOU_RAISE;
        PledgeCharge charge = new PledgeCharge(pending.pledgeId(),
                keep ? PledgeCharge.Reason.PLEDGE : PledgeCharge.Reason.VERIFY, 1);
        Money price = keep ? amount : new Money(config.verification(), amount.currency());
        return new CheckoutSale(campaign.creatorId(), purchase(campaign), price, null, description(campaign, charge.reason()),
                !keep, charge, new Opening(campaign, existing, pending));
    }

    /** The sale of a retried checkout: the same payment, nothing opened again (the stored payment answers it). */
    private CheckoutSale again(Campaign campaign, Payment retried) {
        return new CheckoutSale(retried.sellerId(), retried.purchase(), retried.amount(), null,
                description(campaign, retried.pledge().reason()), retried.pledge().reason() == PledgeCharge.Reason.VERIFY,
                retried.pledge(), CheckoutSale.Opening.NOTHING);
    }

    /**
     * An errored pledge paid by its backer: the pledge's amount, whatever the item says (it may repeat the pledge's
     * amount and reward, or leave them out). The settlement of the payment collects the pledge.
     */
    private CheckoutSale fix(Campaign campaign, Pledge errored, CheckoutRequest.Item item) {
        if (item.amount() != null && item.amount() != errored.amount().minor()) {
            throw ProblemException.invalid("item.amount", "absent, or the errored pledge's amount " + errored.amount().minor());
        }
        if (item.rewardId() != null && !item.rewardId().equals(errored.rewardId())) {
            throw ProblemException.invalid("item.rewardId", "absent, or the errored pledge's reward");
        }
        if (errored.fixBy() != null && !clock.instant().isBefore(errored.fixBy())) {
            throw new ProblemException(ProblemType.CAMPAIGN_CLOSED, "The window to fix the pledge's payment is over.");
        }
        PledgeCharge charge = new PledgeCharge(errored.pledgeId(), PledgeCharge.Reason.FIX, 1);
        return new CheckoutSale(campaign.creatorId(), purchase(campaign), errored.amount(), null,
                description(campaign, charge.reason()), false, charge, CheckoutSale.Opening.NOTHING);
    }

    private static Money amountOf(Campaign campaign, CheckoutRequest.Item item) {
        if (item.amount() == null || item.amount() < SMALLEST || item.amount() > LARGEST) {
            throw ProblemException.invalid("item.amount", "kopecks, " + SMALLEST + " to " + LARGEST);
        }
        return new Money(item.amount(), campaign.goal().currency());
    }

    private static String rewardOf(Campaign campaign, CheckoutRequest.Item item, Money amount) {
        if (item.rewardId() == null) {
            return null;
        }
        Reward reward = campaign.reward(item.rewardId())
                .orElseThrow(() -> ProblemException.invalid("item.rewardId", "one of the campaign's rewards"));
        if (amount.minor() < reward.minimum().minor()) {
            throw ProblemException.invalid("item.amount", "at least the reward's minimum, " + reward.minimum().minor());
        }
        return reward.rewardId();
    }

    private static Purchase purchase(Campaign campaign) {
        return new Purchase(Purchase.Kind.PLEDGE, campaign.campaignId());
    }

    private static String pledgeIdOf(Payment payment) {
        return payment.pledge() == null ? null : payment.pledge().pledgeId();
    }

    private static String description(Campaign campaign, PledgeCharge.Reason reason) {
        String title = campaign.title().length() > 60 ? campaign.title().substring(0, 60) + "…" : campaign.title();
        return reason == PledgeCharge.Reason.VERIFY
                ? "Rossgram: card check for a pledge to «" + title + "» (returned)"
                : "Rossgram: pledge to «" + title + "»";
    }

    /** The new pending pledge, written with its payment; a refused condition answered as the backer's problem. */
    private final class Opening implements CheckoutSale.Opening {
        private final Campaign campaign;
        private final Pledge replaced;
        private final Pledge pending;

        Opening(Campaign campaign, Pledge replaced, Pledge pending) {
            this.campaign = campaign;
            this.replaced = replaced;
            this.pending = pending;
        }

        @Override
        public List<TransactWriteItem> items(Payment payment) {
            Pledge pledge = new Pledge(pending.campaignId(), pending.backerId(), pending.pledgeId(), pending.amount(),
                    pending.rewardId(), payment.provider(), pending.state(), payment.paymentId(), null, null, 0, null,
                    pending.dueAt(), pending.createdAt(), pending.updatedAt(), pending.version());
            return campaigns.pledgeItems(campaign, replaced, pledge);
        }

        @Override
        public ProblemException refused(List<TransactWriteItem> items, List<CancellationReason> reasons) {
            CampaignRepository.PledgeRefusal why = CampaignRepository.pledgeRefusal(items, reasons)
                    .orElseThrow(() -> new IllegalStateException("a pledge's writes were refused for no reason of theirs: " + reasons));
            return switch (why) {
                case SOLD_OUT -> new ProblemException(ProblemType.REWARD_SOLD_OUT,
                        "Every one of that reward is claimed; choose another, or none.");
                case CLOSED -> new ProblemException(ProblemType.CAMPAIGN_CLOSED, "The campaign takes no more pledges.");
                case PLEDGE_CHANGED -> new ProblemException(ProblemType.ALREADY_PLEDGED,
                        "You pledged to this campaign meanwhile.");
            };
        }
    }
}
