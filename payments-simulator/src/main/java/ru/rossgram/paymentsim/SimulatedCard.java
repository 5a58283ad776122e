package ru.rossgram.paymentsim;

/**
 * The card a simulated buyer pays with, reported in each provider's notifications as that provider reports cards:
 * T-Bank {@code CardId}, {@code Pan} (masked) and {@code ExpDate}; CloudPayments {@code CardFirstSix},
 * {@code CardLastFour}, {@code CardExpDate}; YooKassa {@code payment_method.card}. Robokassa reports none.
 *
 * @param expiryMonth two digits
 * @param expiryYear  four digits
 * @param tbankCardId T-Bank's id for the card at the terminal
 */
public record SimulatedCard(String first6, String last4, String expiryMonth, String expiryYear, long tbankCardId) {
    /** The card every buyer pays with unless a test chooses another. */
    public static final SimulatedCard DEFAULT = new SimulatedCard("430000", "0777", "12", "2030", 322264L);

    /** A test card of its own: {@code n} picks the last four digits and T-Bank's id. */
    public static SimulatedCard numbered(int n) {
        return new SimulatedCard("220220", String.format("%04d", n % 10_000), "09", "2029", 500_000L + n);
    }

    /** T-Bank's mask of the number, such as {@code 430000******0777}. */
    public String pan() {
        return first6 + "******" + last4;
    }

    /** {@code MMYY}. */
    public String mmyy() {
        return expiryMonth + expiryYear.substring(2);
    }

    /** {@code MM/YY}, as CloudPayments writes it. */
    public String mmSlashYy() {
        return expiryMonth + "/" + expiryYear.substring(2);
    }
}
