package ru.rossgram.shared.payments.subscriptions;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import ru.rossgram.shared.money.Money;

/**
 * When a subscription's periods begin and end, and what part of a period's price is left: pure arithmetic.
 *
 * <p>Periods are counted in Moscow time from the subscription's anchor (the instant of its first payment): period
 * {@code n} ends at the anchor's Moscow date and time plus {@code n} months, where a day the month lacks is clamped
 * to its last day, and every later month starts again from the anchor: subscribed on 31 January, billed on 28 or
 * 29 February, 31 March, 30 April, 31 May. Counting from the anchor each time (never from the previous end) is what
 * keeps a 31st-of-the-month subscriber on the 31st after February.
 */
public final class BillingCalendar {
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private BillingCalendar() {
    }

    /** The end of period {@code n} (1 the first) of a subscription anchored at {@code anchor}. */
    public static Instant periodEnd(Instant anchor, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("period " + n);
        }
        LocalDateTime local = LocalDateTime.ofInstant(anchor, MOSCOW);
        return local.plusMonths(n).atZone(MOSCOW).toInstant();
    }

    /** The start of period {@code n}: the end of period {@code n - 1}, the anchor for the first. */
    public static Instant periodStart(Instant anchor, int n) {
        return periodEnd(anchor, n - 1);
    }

    /**
     * What an upgrade at {@code at} costs for the rest of the period {@code [start, end)}: the price difference
     * times the share of the period left, counted in whole seconds, rounded half up to the kopeck (so a difference
     * of 100.00 with exactly half the period left costs 50.00, and never more than the whole difference). Nothing
     * when the period is over or the new price is not higher.
     */
    public static Money proratedDifference(Money oldPrice, Money newPrice, Instant start, Instant end, Instant at) {
        Money difference = newPrice.minus(oldPrice);
        long total = Duration.between(start, end).getSeconds();
        long left = Math.min(total, Math.max(0, Duration.between(at, end).getSeconds()));
        if (difference.minor() <= 0 || left == 0 || total <= 0) {
            return new Money(0, newPrice.currency());
        }
        BigInteger numerator = BigInteger.valueOf(difference.minor()).multiply(BigInteger.valueOf(left)).multiply(BigInteger.TWO)
                .add(BigInteger.valueOf(total));
        long kopecks = numerator.divide(BigInteger.valueOf(total).multiply(BigInteger.TWO)).longValueExact();
        return new Money(kopecks, newPrice.currency());
    }
}
