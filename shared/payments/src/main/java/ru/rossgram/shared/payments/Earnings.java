package ru.rossgram.shared.payments;

import java.time.Instant;
import java.util.List;

/**
 * A creator's earnings ({@code GET /v1/me/earnings}): the balance of their ledger account and one page of its
 * entries, newest first.
 *
 * @param balance    what the creator has earned, net of the platform's fee and of refunds
 * @param nextCursor where the next page starts; null on the last
 */
public record Earnings(Amount balance, List<Line> items, String nextCursor) {
    public record Amount(long amount, String currency) {
    }

    /**
     * One entry: {@code sale} (a buyer paid; the amount is the creator's part) or {@code refund} (taken back).
     *
     * @param postId what was bought
     */
    public record Line(String id, String kind, Amount amount, String paymentId, String postId, Instant createdAt) {
    }
}
