package ru.rossgram.shared.payments;

import ru.rossgram.shared.posts.AccessGrants;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.providers.CreatedPayment;
import ru.rossgram.shared.payments.providers.PaymentGateway;
import ru.rossgram.shared.payments.providers.PaymentGateways;
import ru.rossgram.shared.payments.providers.PaymentOrder;
import ru.rossgram.shared.payments.providers.ProviderUnavailableException;
import ru.rossgram.shared.payments.crowdfunding.PledgeOffers;
import ru.rossgram.shared.payments.subscriptions.SubscriptionOffers;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostReader;
import ru.rossgram.shared.posts.PostRules;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Starts a purchase ({@code POST /v1/checkouts}) of a paid post, a subscription ({@link SubscriptionOffers}, whose
 * first payment asks the provider to save the method for the renewals) or a pledge ({@link PledgeOffers}, stored
 * with its payment in one transaction): a pending payment is stored first, then the provider is asked to
 * create its side, so every notification the provider can send finds a payment of ours. The buyer's
 * {@code Idempotency-Key} makes a retried checkout (a flaky network, a double tap) answer the same payment, and the
 * provider's own idempotency makes asking it again harmless.
 */
@Singleton
public class CheckoutService {
    private static final Logger LOG = LoggerFactory.getLogger(CheckoutService.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private final PaymentRepository payments;
    private final PostReader postReader;
    private final AccessGrants grants;
    private final SubscriptionOffers subscriptions;
    private final PledgeOffers pledges;
    private final PaymentGateways gateways;
    private final PaymentsConfig config;
    private final IdGenerator ids;
    private final Clock clock;

    public CheckoutService(PaymentRepository payments, PostReader postReader, AccessGrants grants,
                           SubscriptionOffers subscriptions, PledgeOffers pledges, PaymentGateways gateways,
                           PaymentsConfig config, IdGenerator ids, Clock clock) {
        this.subscriptions = subscriptions;
        this.pledges = pledges;
        this.payments = payments;
        this.postReader = postReader;
        this.grants = grants;
        this.gateways = gateways;
        this.config = config;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the client's key for this purchase attempt, or null for a new payment every time
     * @throws ProblemException 400 for a malformed request or key; 404 for a post the buyer cannot see or an
     *         unknown creator; 422 {@code not-for-sale} (free, not published, one's own, a tier not offered),
     *         {@code provider-unavailable}; 409 {@code already-purchased}, {@code already-subscribed},
     *         {@code already-pledged}, {@code reward-sold-out}, {@code campaign-closed}; 503
     *         {@code provider-unreachable} (retry with the same key)
     */
    public PaymentView checkout(Caller caller, CheckoutRequest request, String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalid("Idempotency-Key", "8 to 64 of A-Z a-z 0-9 . _ : -");
        }
        PaymentGateway gateway = gateway(request.provider());
        CheckoutSale sale = saleOf(caller, request.item(), idempotencyKey);

        Instant now = clock.instant();
        Money fee = sale.isSale() ? sale.price().share(config.platformFeeBasisPoints()) : new Money(0, sale.price().currency());
        Payment fresh = new Payment(ids.newId(), caller.userId(), sale.sellerId(), sale.purchase(), sale.price(),
                fee, gateway.provider(), payments.nextOrderNumber(),
                null, null, PaymentState.PENDING, null, now, now, 1, null, sale.charge(), sale.pledge());
        Optional<Payment> earlier = create(fresh, idempotencyKey, sale);
        Payment payment = earlier.orElse(fresh);
        if (earlier.isPresent() && !sameRequest(earlier.get(), gateway, sale)) {
            throw ProblemException.invalid("Idempotency-Key", "already used for another purchase");
        }
        if (payment.confirmationUrl() != null || payment.state() != PaymentState.PENDING) {
            return PaymentView.of(payment);
        }
        CreatedPayment created;
        try {
            created = gateway.create(new PaymentOrder(payment.paymentId(), payment.orderNumber(), payment.amount(),
                    sale.description(), config.returnUrl(), sale.saveMethod(), sale.saveMethod() ? payment.buyerId() : null));
        } catch (ProviderUnavailableException e) {
            LOG.warn("{} did not create payment {}: {}", gateway.provider().wire(), payment.paymentId(), e.getMessage());
            throw new ProblemException(ProblemType.PROVIDER_UNREACHABLE,
                    "The payment provider did not answer; retry with the same Idempotency-Key.", Map.of("retryAfterSeconds", 2));
        }
        payments.recordCreated(payment, created.providerPaymentId(), created.confirmationUrl(), clock.instant());
        return PaymentView.of(payments.find(payment.paymentId()).orElseThrow());
    }

    /** @throws ProblemException 404 unless the caller made the payment */
    public PaymentView find(Caller caller, String paymentId) {
        return payments.find(PostRules.postId(paymentId)).filter(p -> p.buyerId().equals(caller.userId()))
                .map(PaymentView::of)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "You have no such payment."));
    }

    private PaymentGateway gateway(String provider) {
        if (provider == null) {
            throw ProblemException.invalid("provider", "required");
        }
        return PaymentProvider.fromWire(provider).flatMap(gateways::of).filter(PaymentGateway::configured)
                .orElseThrow(() -> new ProblemException(ProblemType.PROVIDER_UNAVAILABLE, "Pay with one of "
                        + gateways.offered().stream().map(PaymentProvider::wire).toList() + ".",
                        Map.of("providers", gateways.offered().stream().map(PaymentProvider::wire).toList())));
    }

    /** Stores {@code fresh} with what its sale opens; a refused opening becomes the sale's problem. */
    private Optional<Payment> create(Payment fresh, String idempotencyKey, CheckoutSale sale) {
        List<TransactWriteItem> opening = sale.opening().items(fresh);
        try {
            return payments.create(fresh, idempotencyKey, opening);
        } catch (PaymentRepository.WritesRefused e) {
            throw sale.opening().refused(opening, e.reasons());
        }
    }

    private CheckoutSale saleOf(Caller caller, CheckoutRequest.Item item, String idempotencyKey) {
        if (item == null || item.type() == null) {
            throw ProblemException.invalid("item.type", "required");
        }
        Purchase.Kind kind = Purchase.Kind.fromWire(item.type())
                .orElseThrow(() -> ProblemException.invalid("item.type", "post, subscription or pledge"));
        return switch (kind) {
            case POST -> postForSale(caller, item);
            case SUBSCRIPTION -> subscriptions.sale(caller, item);
            // A retried pledge checkout must find its own pending pledge, not refuse it as a pledge made already.
            case PLEDGE -> pledges.sale(caller, item, idempotencyKey == null ? Optional.empty()
                    : payments.byIdempotencyKey(caller.userId(), idempotencyKey));
        };
    }

    private CheckoutSale postForSale(Caller caller, CheckoutRequest.Item item) {
        Post post = postReader.visible(caller, item.id());
        if (!post.paid() || post.isAuthor(caller.userId()) || post.status() != PostStatus.PUBLISHED) {
            throw new ProblemException(ProblemType.NOT_FOR_SALE, post.paid()
                    ? "Your own and unpublished posts are not for sale."
                    : post.forSubscribers() ? "The post is for the author's subscribers; it is not sold on its own."
                    : "The post is free.");
        }
        if (grants.has(caller.userId(), post.postId())) {
            throw new ProblemException(ProblemType.ALREADY_PURCHASED, "You already bought this post.");
        }
        return new CheckoutSale(post.authorId(), new Purchase(Purchase.Kind.POST, post.postId()), post.price(), null,
                "Rossgram: unlock a post", false);
    }

    private static boolean sameRequest(Payment payment, PaymentGateway gateway, CheckoutSale sale) {
        return payment.provider() == gateway.provider() && payment.purchase().equals(sale.purchase());
    }
}
