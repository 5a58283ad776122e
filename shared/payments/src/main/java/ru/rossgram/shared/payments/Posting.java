package ru.rossgram.shared.payments;

import ru.rossgram.shared.money.Money;
import java.util.List;

/**
 * The ledger entries one event of one payment writes together. Double entry: the amounts of a posting add up to
 * zero in every currency, so money only ever moves between ledger accounts and the sum of all balances stays zero.
 *
 * @param subject what the money was for (the post bought), shown in the accounts' histories
 */
public record Posting(String paymentId, String subject, List<Entry> entries) {
    /**
     * One line: {@code amount} is added to {@code account}'s balance (negative takes away).
     *
     * @param account such as {@code buyer:<uid>}, {@code creator:<uid>}, {@code platform:fees:<shard>}
     * @param kind    what the line is, for the account's history: {@code purchase}, {@code sale}, {@code fee},
     *                {@code refund}
     */
    public record Entry(String account, Money amount, String kind) {
    }

    public Posting {
        entries = List.copyOf(entries);
        java.util.Map<String, Long> sums = new java.util.TreeMap<>();
        entries.forEach(e -> sums.merge(e.amount().currency(), e.amount().minor(), Long::sum));
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new IllegalArgumentException("posting for " + paymentId + " does not balance in " + currency + ": " + sum);
            }
        });
    }

    /** The posting that undoes this one, line by line. */
    public Posting reversed() {
        return reversed("refund");
    }

    /** The posting that undoes this one, each line of kind {@code kind}. */
    public Posting reversed(String kind) {
        return new Posting(paymentId, subject, entries.stream()
                .map(e -> new Entry(e.account(), e.amount().negate(), kind)).toList());
    }
}
