package ru.rossgram.shared.payments.subscriptions;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.payments.PaymentView;
import ru.rossgram.shared.subscriptions.CreatorTiers;
import ru.rossgram.shared.subscriptions.TierRepository;

/** What a subscriber pays for, and who subscribes to a creator. */
@Singleton
public class SubscriptionLists {
    private final SubscriptionRepository subscriptions;
    private final SubscriberCounts counts;
    private final TierRepository tiers;
    private final AccountRepository accounts;
    private final CursorCodec cursors;

    public SubscriptionLists(SubscriptionRepository subscriptions, SubscriberCounts counts, TierRepository tiers,
                             AccountRepository accounts, CursorCodec cursors) {
        this.subscriptions = subscriptions;
        this.counts = counts;
        this.tiers = tiers;
        this.accounts = accounts;
        this.cursors = cursors;
    }

    /** The caller's subscriptions, ended ones too, in creator id order (a subscriber has few). */
    public List<SubscriptionView> mine(Caller caller) {
        List<Subscription> mine = subscriptions.ofSubscriber(caller.userId());
        Map<String, Account> creators = accounts.findAllById(mine.stream().map(Subscription::creatorId).toList());
        List<SubscriptionView> views = new ArrayList<>();
        for (Subscription sub : mine) {
            Account creator = creators.get(sub.creatorId());
            views.add(SubscriptionView.of(sub, creator == null ? null : creator.username(), tiers.find(sub.creatorId())));
        }
        return views;
    }

    /** @throws ru.rossgram.shared.problem.ProblemException 400 for a cursor not issued for this creator's list */
    public SubscriberList subscribers(Caller caller, PageRequest request) {
        String purpose = "subscribers:" + caller.userId();
        String before = request.cursor() == null ? null : cursors.decode(purpose, request.cursor()).get("before");
        List<Subscription> page = subscriptions.ofCreator(caller.userId(), before, request.limit());
        Map<String, Account> fans = accounts.findAllById(page.stream().map(Subscription::subscriberId).toList());
        CreatorTiers creatorTiers = tiers.find(caller.userId());
        List<SubscriberList.Subscriber> subscribers = new ArrayList<>();
        for (Subscription sub : page) {
            Account fan = fans.get(sub.subscriberId());
            subscribers.add(new SubscriberList.Subscriber(sub.subscriberId(), fan == null ? null : fan.username(),
                    SubscriptionView.TierRef.of(sub.tierId(), creatorTiers),
                    new PaymentView.Amount(sub.price().minor(), sub.price().currency()), sub.status().wire(),
                    sub.startedAt(), sub.paidThrough()));
        }
        String next = page.size() == request.limit()
                ? cursors.encode(purpose, Map.of("before", SubscriptionRepository.listPosition(page.get(page.size() - 1))))
                : null;
        SubscriberCounts.Counts live = counts.find(caller.userId());
        return new SubscriberList(new SubscriberList.Counts(live.total(), new HashMap<>(live.perTier())), subscribers, next);
    }
}
