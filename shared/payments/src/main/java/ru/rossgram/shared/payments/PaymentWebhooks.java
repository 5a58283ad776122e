package ru.rossgram.shared.payments;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.payments.providers.Notification;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.ProviderEvent;
import ru.rossgram.shared.payments.providers.ProviderUnavailableException;
import ru.rossgram.shared.payments.providers.WebhookDelivery;
import ru.rossgram.shared.payments.providers.WebhookReply;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * A provider's notification ({@code POST /v1/webhooks/{provider}}): verified by the provider's gateway from the raw
 * bytes, each event it reports applied by {@link Settlement}, and answered the way that provider expects. An
 * unverifiable notification changes nothing and gets the provider's refusal; an authentic one is acknowledged
 * once it is taken (also when it was taken before), so the provider stops redelivering it.
 */
@Singleton
public class PaymentWebhooks {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentWebhooks.class);

    private final PaymentGateways gateways;
    private final Settlement settlement;

    public PaymentWebhooks(PaymentGateways gateways, Settlement settlement) {
        this.gateways = gateways;
        this.settlement = settlement;
    }

    /**
     * @throws ProblemException 404 for a provider we do not take payments with; 503 when verifying needs the
     *         provider's API and it did not answer, or the payment is contended past every retry (the provider
     *         delivers again)
     */
    public WebhookReply receive(String provider, WebhookDelivery delivery) {
        PaymentGateway gateway = PaymentProvider.fromWire(provider).flatMap(gateways::of).filter(PaymentGateway::configured)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No payment provider '" + ProblemException.quote(provider) + "' here."));
        Notification notification;
        try {
            notification = gateway.read(delivery);
        } catch (ProviderUnavailableException e) {
            LOG.warn("{} notification not verified, its API did not answer: {}", provider, e.getMessage());
            throw new ProblemException(ProblemType.PROVIDER_UNREACHABLE, "Could not verify the notification; deliver it again.");
        }
        if (notification instanceof Notification.Refused refused) {
            LOG.warn("{} notification refused from {}: {}", provider, delivery.sourceIp(), refused.reason());
            return refused.reply();
        }
        Notification.Verified verified = (Notification.Verified) notification;
        boolean refuse = false;
        for (ProviderEvent event : verified.events()) {
            Settlement.Outcome outcome = settlement.apply(event);
            LOG.info("{} {} {} -> {}", provider, event.eventKey(), event.kind(), outcome);
            refuse |= outcome == Settlement.Outcome.MISMATCH;
        }
        return refuse ? verified.refusal() : verified.acknowledgement();
    }
}
