package ru.rossgram.shared.payments.crowdfunding;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.Purchase;
import ru.rossgram.shared.payments.PurchaseEffects;
import ru.rossgram.shared.payments.SellerActivity;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What a pledge payment's settlement does to the pledge ({@link PledgeTransitions}), with its totals shard, its
 * reward's claim and its due marker ({@link CampaignRepository#pledgeItems}), read consistently for every attempt
 * of the settlement and written conditional on the versions read, so a race with a cancel, a checkout or the closing
 * job sends the settlement round again. A payment for a pledge that is no longer the stored one (its backer
 * cancelled and pledged again) changes no pledge: its money still moves in the ledger.
 */
@Singleton
public class PledgeEffects implements PurchaseEffects {
    private static final Logger LOG = LoggerFactory.getLogger(PledgeEffects.class);

    private final CampaignRepository campaigns;
    private final CrowdfundingConfig config;
    private final SellerActivity activity;

    public PledgeEffects(CampaignRepository campaigns, CrowdfundingConfig config, SellerActivity activity) {
        this.campaigns = campaigns;
        this.config = config;
        this.activity = activity;
    }

    @Override
    public Purchase.Kind kind() {
        return Purchase.Kind.PLEDGE;
    }

    @Override
    public List<TransactWriteItem> credited(Payment payment, ProviderEvent event, Instant now) {
        return items(payment, "credited", now, (campaign, pledge) -> PledgeTransitions.credited(pledge, payment, event.savedMethod(), now));
    }

    @Override
    public List<TransactWriteItem> declined(Payment payment, Instant now) {
        return items(payment, "declined", now, (campaign, pledge) -> PledgeTransitions.declined(pledge, payment, campaign, config, now));
    }

    @Override
    public List<TransactWriteItem> reversed(Payment payment, Instant now) {
        return items(payment, "reversed", now, (campaign, pledge) -> PledgeTransitions.reversed(pledge, payment, now));
    }

    private interface Transition {
        Optional<Pledge> next(Campaign campaign, Pledge pledge);
    }

    private List<TransactWriteItem> items(Payment payment, String what, Instant now, Transition transition) {
        Optional<Campaign> campaign = campaigns.find(payment.purchase().id());
        Optional<Pledge> pledge = campaigns.findPledge(payment.purchase().id(), payment.buyerId())
                .filter(p -> p.pledgeId().equals(payment.pledge().pledgeId()));
        if (campaign.isEmpty() || pledge.isEmpty()) {
            LOG.warn("{} {} payment {} is for pledge {}, which is no longer the backer's: no pledge changes",
                    what, payment.pledge().reason().wire(), payment.paymentId(), payment.pledge().pledgeId());
            return List.of();
        }
        Optional<Pledge> next = transition.next(campaign.get(), pledge.get());
        if (next.isEmpty()) {
            LOG.info("{} {} payment {} changes pledge {} in state {} in nothing", what, payment.pledge().reason().wire(),
                    payment.paymentId(), pledge.get().pledgeId(), pledge.get().state().wire());
        }
        return next.map(n -> withNotice(payment, pledge.get(), n, now, campaigns.pledgeItems(campaign.get(), pledge.get(), n)))
                .orElse(List.of());
    }

    /**
     * The creator hears of a pledge once, when it first stands (saved, or collected at once), and the notice goes
     * when the money is given back.
     */
    private List<TransactWriteItem> withNotice(Payment payment, Pledge before, Pledge after, Instant now,
                                               List<TransactWriteItem> items) {
        boolean firstStands = before.state() == Pledge.State.PENDING
                && (after.state() == Pledge.State.SAVED || after.state() == Pledge.State.COLLECTED);
        boolean refunded = after.state() == Pledge.State.REFUNDED && before.state() != Pledge.State.REFUNDED;
        if (!firstStands && !refunded) {
            return items;
        }
        List<TransactWriteItem> all = new ArrayList<>(items);
        all.addAll(firstStands ? activity.pledged(payment, after.amount(), now)
                : activity.pledgeRefunded(payment));
        return all;
    }
}
