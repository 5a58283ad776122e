package ru.rossgram.shared.payments;

/**
 * Body of {@code POST /v1/checkouts}: what to buy and through which provider.
 *
 * @param item     {@code {"type": "post", "id": "<postId>"}} or
 *                 {@code {"type": "subscription", "id": "<tierId>", "creator": "<username>"}}
 * @param provider {@code yookassa}, {@code tbank}, {@code cloudpayments} or {@code robokassa}
 */
public record CheckoutRequest(Item item, String provider) {
    /** @param creator the creator's username, for a subscription (a tier id alone does not say whose it is) */
    public record Item(String type, String id, String creator) {
    }
}
