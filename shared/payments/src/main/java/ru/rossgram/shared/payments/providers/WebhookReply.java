package ru.rossgram.shared.payments.providers;

/** The HTTP answer a provider expects to a notification: {@code OK}, {@code {"code":0}}, {@code OK<InvId>}, ... */
public record WebhookReply(int status, String contentType, String body) {
    public static WebhookReply text(int status, String body) {
        return new WebhookReply(status, "text/plain; charset=utf-8", body);
    }

    public static WebhookReply json(int status, String body) {
        return new WebhookReply(status, "application/json", body);
    }
}
