package ru.rossgram.shared.payments;

/**
 * Body of {@code POST /v1/checkouts}: what to buy and through which provider.
 *
 * @param item     {@code {"type": "post", "id": "<postId>"}} or
 *                 {@code {"type": "subscription", "id": "<tierId>", "creator": "<username>"}} or
 *                 {@code {"type": "pledge", "id": "<campaignId>", "amount": 50000, "rewardId": "<rewardId>"}}
 * @param provider {@code yookassa}, {@code tbank}, {@code cloudpayments} or {@code robokassa}
 */
public record CheckoutRequest(Item item, String provider) {
    /**
     * @param creator  the creator's username, for a subscription (a tier id alone does not say whose it is)
     * @param amount   for a pledge, how much the backer pledges, in kopecks
     * @param rewardId for a pledge, the reward chosen (its minimum is at most {@code amount}); null for none
     */
    public record Item(String type, String id, String creator, Long amount, String rewardId) {
        /** A post's or a subscription's item. */
        public Item(String type, String id, String creator) {
            this(type, id, creator, null, null);
        }
    }
}
