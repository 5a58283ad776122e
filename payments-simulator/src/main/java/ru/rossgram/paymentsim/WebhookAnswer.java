package ru.rossgram.paymentsim;

/** What our webhook answered a delivered notification; {@link #NOT_SENT} where the provider sends none. */
public record WebhookAnswer(int status, String body) {
    public static final WebhookAnswer NOT_SENT = new WebhookAnswer(0, "the provider sends no notification for this");

    public boolean sent() {
        return status != 0;
    }
}
