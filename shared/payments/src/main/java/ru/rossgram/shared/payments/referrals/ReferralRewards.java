package ru.rossgram.shared.payments.referrals;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.LedgerAccounts;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.Posting;
import ru.rossgram.shared.payments.providers.PaymentCard;
import ru.rossgram.shared.referrals.ReferralRepository;
import ru.rossgram.shared.referrals.ReferralsConfig;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The referral program's part of settling a sale, whatever was sold: when the seller was referred, its referrer
 * earns a share of the platform's fee on the sale (never of the creator's share), for a period from the seller's
 * sign-up and up to a cap per referred account, unless a fraud rule makes the sale ineligible. Everything it
 * decides goes into the settlement's own transaction, with conditions on what it read (the cap's counter, the
 * referrer's cards), so a race sends the settlement round again rather than past a rule.
 *
 * <p>A reward is pending for the hold and then available; a refund reverses exactly what was credited, recorded on
 * the payment, whenever it comes. No scheduler: the states are computed from time and the ledger.
 */
@Singleton
public class ReferralRewards {
    private final AccountRepository accounts;
    private final ReferralRepository referrals;
    private final ReferralRewardRepository rewards;
    private final PaymentCards cards;
    private final ReferralsConfig config;
    private final IdGenerator ids;

    public ReferralRewards(AccountRepository accounts, ReferralRepository referrals, ReferralRewardRepository rewards,
                           PaymentCards cards, ReferralsConfig config, IdGenerator ids) {
        this.accounts = accounts;
        this.referrals = referrals;
        this.rewards = rewards;
        this.cards = cards;
        this.config = config;
        this.ids = ids;
    }

    /**
     * What a sale or a refund adds to its settlement.
     *
     * @param postings ledger postings, written by the settlement together with the sale's own
     * @param items    other writes and checks
     * @param credit   what the sale credited the referrer, for the payment to record; null when nothing
     */
    public record Part(List<Posting> postings, List<TransactWriteItem> items, Payment.ReferralCredit credit) {
        public static final Part NOTHING = new Part(List.of(), List.of(), null);
    }

    /** The part of settling {@code payment}'s sale, paid with {@code card} (null when the provider reports none). */
    public Part onSale(Payment payment, PaymentCard card, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        if (card != null) {
            items.add(cards.paidWithItem(payment.buyerId(), card, now));
        }
        Optional<Account> seller = accounts.findById(payment.sellerId()).map(AccountRepository.StoredAccount::account);
        String referrer = seller.map(a -> a.membership().referredBy()).orElse(null);
        Money share = payment.platformFee().share(config.feeShareBasisPoints());
        if (referrer == null || share.minor() <= 0
                || now.isAfter(seller.get().createdAt().plus(config.period()))) {
            return new Part(List.of(), items, null);
        }
        Optional<Long> rewarded = referrals.rewarded(referrer, payment.sellerId());
        if (rewarded.isEmpty()) {
            return new Part(List.of(), items, null); // attributed without an edge: cannot happen, as sign-up writes both
        }
        String rewardId = ids.newId();
        ReferralReward.Reason ineligible = payment.buyerId().equals(referrer) ? ReferralReward.Reason.BUYER_IS_REFERRER
                : card != null && cards.paidWith(referrer, card) ? ReferralReward.Reason.REFERRER_CARD
                : rewarded.get() >= config.capPerReferral() ? ReferralReward.Reason.CAP_REACHED
                : null;
        if (ineligible != null) {
            items.add(rewards.rewardItem(referrer, reward(rewardId, payment, new Money(0, share.currency()),
                    ReferralReward.State.INELIGIBLE, ineligible, now)));
            return new Part(List.of(), items, null);
        }
        Money amount = new Money(Math.min(share.minor(), config.capPerReferral() - rewarded.get()), share.currency());
        items.add(rewards.rewardItem(referrer, reward(rewardId, payment, amount, ReferralReward.State.CREDITED, null, now)));
        items.add(referrals.rewardItem(referrer, payment.sellerId(), amount.minor(), config.capPerReferral() - amount.minor()));
        if (card != null) {
            items.add(cards.notPaidWithCheck(referrer, card));
        }
        return new Part(List.of(LedgerAccounts.referralReward(payment, referrer, amount)), items,
                new Payment.ReferralCredit(referrer, rewardId, amount));
    }

    /** The part of settling {@code payment}'s refund: the reversal of exactly what its sale credited, if anything. */
    public Part onRefund(Payment payment, Instant now) {
        Payment.ReferralCredit credit = payment.referralCredit();
        if (credit == null) {
            return Part.NOTHING;
        }
        Posting reversal = LedgerAccounts.referralReward(payment, credit.referrerId(), credit.amount()).reversed("referral-reversal");
        return new Part(List.of(reversal), List.of(
                rewards.reversedItem(credit.referrerId(), credit.rewardId(), now),
                rewards.reversedTotalItem(credit.referrerId(), credit.amount()),
                referrals.rewardReversedItem(credit.referrerId(), payment.sellerId(), credit.amount().minor())), null);
    }

    private static ReferralReward reward(String rewardId, Payment payment, Money amount, ReferralReward.State state,
                                         ReferralReward.Reason reason, Instant now) {
        return new ReferralReward(rewardId, payment.sellerId(), payment.paymentId(), payment.purchase().id(), amount,
                state, reason, now, null);
    }
}
