package ru.rossgram.shared.payments.providers;

import java.util.List;

/** What {@link PaymentGateway#read} made of a delivery. */
public sealed interface Notification {
    /**
     * Authentic. {@code events} may be empty (a notification we do not act on, such as YooKassa's
     * {@code payment.waiting_for_capture}): it is acknowledged all the same.
     *
     * @param acknowledgement the answer that tells the provider the notification was taken
     * @param refusal         the answer for an authentic notification we will not take (an amount that does not
     *                        match the payment), which the provider records as failed
     */
    record Verified(List<ProviderEvent> events, WebhookReply acknowledgement, WebhookReply refusal) implements Notification {
        public Verified {
            events = List.copyOf(events);
        }
    }

    /** Not authentic or not readable; nothing may change. {@code reason} is for our log, never for the sender. */
    record Refused(WebhookReply reply, String reason) implements Notification {
    }
}
