package ru.rossgram.shared.money;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: a whole number of minor units (kopecks for roubles) and an ISO 4217 currency. Never a
 * floating-point number; providers that speak in roubles with a decimal point are converted at their edge.
 */
public record Money(long minor, String currency) {
    public static final String RUB = "RUB";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern DECIMAL = Pattern.compile("(\\d{1,13})(?:\\.(\\d{1,2}))?");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
    }

    public static Money rub(long kopecks) {
        return new Money(kopecks, RUB);
    }

    /**
     * Reads a provider's decimal amount such as {@code "199.00"} or {@code "199"}: at most two decimals, no sign,
     * no exponent.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Money parseDecimal(String amount, String currency) {
        var m = amount == null ? null : DECIMAL.matcher(amount.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a decimal amount: " + amount);
        }
        String fraction = m.group(2) == null ? "00" : (m.group(2) + "0").substring(0, 2);
        return new Money(Long.parseLong(m.group(1)) * 100 + Long.parseLong(fraction), currency);
    }

    /** The amount with two decimals and a point, as YooKassa, CloudPayments and Robokassa write it. */
    public String decimal() {
        long whole = Math.abs(minor) / 100;
        long cents = Math.abs(minor) % 100;
        return (minor < 0 ? "-" : "") + whole + "." + (cents < 10 ? "0" : "") + cents;
    }

    public Money negate() {
        return new Money(-minor, currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    /** {@code basisPoints}/10,000 of this amount, rounded down to a whole minor unit. */
    public Money share(int basisPoints) {
        return new Money(Math.multiplyExact(minor, basisPoints) / 10_000, currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(currency + " and " + other.currency + " do not add up");
        }
    }
}
