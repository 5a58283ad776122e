package ru.rossgram.shared.payments;

/**
 * Body of {@code POST /v1/checkouts}: what to buy and through which provider.
 *
 * @param item     {@code {"type": "post", "id": "<postId>"}}
 * @param provider {@code yookassa}, {@code tbank}, {@code cloudpayments} or {@code robokassa}
 */
public record CheckoutRequest(Item item, String provider) {
    public record Item(String type, String id) {
    }
}
