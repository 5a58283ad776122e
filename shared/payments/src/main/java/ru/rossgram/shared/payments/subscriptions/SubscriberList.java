package ru.rossgram.shared.payments.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.payments.PaymentView;

/**
 * A creator's subscribers ({@code GET /v1/me/subscribers}), newest first, with the counts of live ones.
 *
 * @param counts     live subscriptions in all and per tier id
 * @param nextCursor null on the last page
 */
public record SubscriberList(Counts counts, List<Subscriber> subscribers, String nextCursor) {
    public record Counts(long total, Map<String, Long> perTier) {
    }

    public record Subscriber(String userId, String username, SubscriptionView.TierRef tier, PaymentView.Amount price,
                             String status, Instant startedAt, Instant paidThrough) {
    }
}
