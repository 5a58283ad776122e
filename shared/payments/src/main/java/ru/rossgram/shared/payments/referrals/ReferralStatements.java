package ru.rossgram.shared.payments.referrals;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.payments.Ledger;
import ru.rossgram.shared.payments.LedgerAccounts;
import ru.rossgram.shared.referrals.ReferralRepository;
import ru.rossgram.shared.referrals.Referrals;
import ru.rossgram.shared.referrals.ReferralsConfig;

/**
 * Shows a referrer its code, whom it referred and what that earned. Pending, available and reversed are computed
 * here from time and the ledger: pending is what was credited within the hold and not reversed; available is the
 * ledger balance of {@code referrer:<uid>} less pending; reversed is the running total refunds wrote.
 */
@Singleton
public class ReferralStatements {
    static final int REFERRED_SHOWN = 100;

    private final Referrals referralCodes;
    private final ReferralRepository referrals;
    private final ReferralRewardRepository rewards;
    private final AccountRepository accounts;
    private final Ledger ledger;
    private final CursorCodec cursors;
    private final ReferralsConfig config;
    private final Clock clock;

    public ReferralStatements(Referrals referralCodes, ReferralRepository referrals, ReferralRewardRepository rewards,
                              AccountRepository accounts, Ledger ledger, CursorCodec cursors, ReferralsConfig config,
                              Clock clock) {
        this.referralCodes = referralCodes;
        this.referrals = referrals;
        this.rewards = rewards;
        this.accounts = accounts;
        this.ledger = ledger;
        this.cursors = cursors;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @throws ru.rossgram.shared.problem.ProblemException 400 for a cursor not issued for this caller's history;
     *         503 {@code busy} when the caller's first code could not be made
     */
    public ReferralStatement of(Caller caller, PageRequest request) {
        String referrer = caller.userId();
        Instant now = clock.instant();
        String code = referralCodes.codeOf(referrer);
        String purpose = "referrals:" + referrer;
        String before = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get("before");
        List<ReferralReward> page = rewards.history(referrer, before, request.limit());
        List<ReferralRepository.Referred> referred = referrals.referred(referrer, REFERRED_SHOWN);

        Set<String> named = new HashSet<>();
        referred.forEach(r -> named.add(r.userId()));
        page.forEach(r -> named.add(r.referredId()));
        Map<String, Account> names = accounts.findAllById(named);

        long pending = rewards.since(referrer, now.minus(config.hold())).stream()
                .filter(r -> r.state() == ReferralReward.State.CREDITED && pending(r, now))
                .mapToLong(r -> r.amount().minor()).sum();
        long balance = ledger.balance(LedgerAccounts.referrer(referrer), Money.RUB).minor();
        ReferralStatement.Totals totals = new ReferralStatement.Totals(rub(pending), rub(balance - pending),
                rub(rewards.reversedTotal(referrer)));

        String next = page.size() == request.limit()
                ? cursors.encode(purpose, Map.of("before", page.get(page.size() - 1).rewardId())) : null;
        return new ReferralStatement(code, config.link(code),
                referred.stream().map(r -> new ReferralStatement.ReferredAccount(r.userId(), username(names, r.userId()), r.at())).toList(),
                totals, page.stream().map(r -> line(r, names, now)).toList(), next);
    }

    private ReferralStatement.Line line(ReferralReward reward, Map<String, Account> names, Instant now) {
        String state = switch (reward.state()) {
            case CREDITED -> pending(reward, now) ? "pending" : "available";
            case REVERSED -> "reversed";
            case INELIGIBLE -> "ineligible";
        };
        Account referred = names.get(reward.referredId());
        return new ReferralStatement.Line(reward.rewardId(),
                new ReferralStatement.ReferredAccount(reward.referredId(), username(names, reward.referredId()),
                        referred == null ? null : referred.createdAt()),
                reward.paymentId(), reward.postId(), new ReferralStatement.Amount(reward.amount().minor(), reward.amount().currency()),
                state, reward.reason() == null ? null : reward.reason().wire(), reward.at(),
                reward.state() != ReferralReward.State.INELIGIBLE ? reward.at().plus(config.hold()) : null);
    }

    private boolean pending(ReferralReward reward, Instant now) {
        return reward.at().plus(config.hold()).isAfter(now);
    }

    private static String username(Map<String, Account> names, String userId) {
        Account account = names.get(userId);
        return account == null ? null : account.username();
    }

    private static ReferralStatement.Amount rub(long kopecks) {
        return new ReferralStatement.Amount(kopecks, Money.RUB);
    }
}
