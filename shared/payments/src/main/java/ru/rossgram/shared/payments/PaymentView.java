package ru.rossgram.shared.payments;

import java.net.URI;
import java.time.Instant;

/**
 * A payment as its buyer sees it.
 *
 * @param confirmationUrl the provider's page where the buyer pays; open it in a browser tab or web view
 */
public record PaymentView(String paymentId, String status, String provider, Item item, Amount amount,
                          URI confirmationUrl, Instant createdAt, Instant updatedAt) {
    public record Item(String type, String id) {
    }

    public record Amount(long amount, String currency) {
    }

    public static PaymentView of(Payment payment) {
        return new PaymentView(payment.paymentId(), payment.state().wire(), payment.provider().wire(),
                new Item(payment.purchase().kind().wire(), payment.purchase().id()),
                new Amount(payment.amount().minor(), payment.amount().currency()), payment.confirmationUrl(),
                payment.createdAt(), payment.updatedAt());
    }
}
