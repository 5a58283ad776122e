package ru.rossgram.shared.payments.providers;

/**
 * The card a payment was made with, as the provider reports it: never the number, only what providers may show
 * (the first six and last four digits, the expiry) and, at T-Bank, its id for the card.
 *
 * @param first6         the bank's identification number, or null
 * @param last4          the last four digits, or null
 * @param expiry         {@code MMYY}, or null
 * @param providerCardId the provider's own id for the card (T-Bank {@code CardId}) prefixed with the provider, or null
 */
public record PaymentCard(String first6, String last4, String expiry, String providerCardId) {

    /** A card from a mask such as T-Bank's {@code 430000******0777}; null parts where the mask does not say. */
    public static PaymentCard fromMask(String pan, String expiryMmYy, String providerCardId) {
        String digits = pan == null ? "" : pan.strip();
        boolean masked = digits.length() >= 10 && digits.substring(0, 6).chars().allMatch(Character::isDigit)
                && digits.substring(digits.length() - 4).chars().allMatch(Character::isDigit);
        return of(masked ? digits.substring(0, 6) : null, masked ? digits.substring(digits.length() - 4) : null,
                expiryMmYy, providerCardId);
    }

    /** A card from its parts as given; answers null when none of them says anything. */
    public static PaymentCard of(String first6, String last4, String expiryMmYy, String providerCardId) {
        String expiry = expiryMmYy == null ? null : expiryMmYy.replaceAll("[^0-9]", "");
        PaymentCard card = new PaymentCard(blankToNull(first6), blankToNull(last4),
                expiry == null || expiry.length() != 4 ? null : expiry, blankToNull(providerCardId));
        return card.fingerprint() == null ? null : card;
    }

    /**
     * What identifies the card whichever provider reports it: first six, last four and expiry when the provider
     * gives all three (the same card at T-Bank and at YooKassa then matches); else the provider's card id; null
     * when neither is known.
     */
    public String fingerprint() {
        if (first6 != null && last4 != null && expiry != null) {
            return first6 + "*" + last4 + "*" + expiry;
        }
        return providerCardId;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
