package ru.rossgram.shared.payments.crowdfunding;

import java.time.Instant;
import java.util.Optional;
import ru.rossgram.shared.payments.Payment;
import ru.rossgram.shared.payments.PledgeCharge;
import ru.rossgram.shared.payments.crowdfunding.Pledge.State;

/**
 * What a settled pledge payment does to its pledge: pure rules, no I/O (docs/crowdfunding.md). Each method answers
 * the pledge to store, or empty when the payment changes nothing (the money still moves in the ledger). The caller
 * has checked that the payment is for this pledge ({@code pledgeId}).
 *
 * <ul>
 *   <li>{@code verify} credited: a pending pledge is saved with the method, and is due at once so that the closing
 *       job refunds the verification; any other pledge (cancelled meanwhile) only records the verification, due for
 *       its refund. Declined: a pending pledge is cancelled. Reversed: the verification is forgotten.</li>
 *   <li>{@code pledge} credited: a pending pledge is collected. A cancelled one whose payment is still its own (the
 *       reward hold expired: the backer was slow, not unwilling) is collected without its reward, which may be
 *       gone; one its backer cancelled (who gave up the payment) keeps cancelled, and the payment is due for its
 *       refund, like a verification. Declined: pending -> cancelled. Reversed: collected -> refunded.</li>
 *   <li>{@code collect} credited: charging, errored or (late) dropped -> collected. Declined attempt k: charging ->
 *       errored, retried {@code retryAfter[k-1]} after the deadline, else at the end of its fix window.</li>
 *   <li>{@code fix} credited: errored or (late) dropped -> collected; declined: stays errored.</li>
 *   <li>a {@code collect} or {@code fix} payment succeeding for a pledge another one collected (a retry racing the
 *       backer's fix) is due for its refund: the backer pays once.</li>
 * </ul>
 */
public final class PledgeTransitions {
    private PledgeTransitions() {
    }

    /** The pledge after {@code payment} succeeded; {@code savedMethod} is what the event reported saved, or null. */
    public static Optional<Pledge> credited(Pledge pledge, Payment payment, String savedMethod, Instant now) {
        State state = pledge.state();
        return switch (reason(payment)) {
            case VERIFY -> state == State.PENDING && savedMethod != null
                    ? Optional.of(pledge.with(State.SAVED, now).withSavedMethod(savedMethod, payment.paymentId()).withDueAt(now))
                    : Optional.of(toReturn(pledge.with(state == State.PENDING ? State.CANCELLED : state, now), payment, now));
            case PLEDGE -> switch (state) {
                case PENDING -> Optional.of(collected(pledge, now));
                case CANCELLED -> payment.paymentId().equals(pledge.paymentId())
                        ? Optional.of(collected(pledge.withoutReward(), now))
                        : Optional.of(toReturn(pledge.with(state, now), payment, now));
                default -> Optional.empty();
            };
            case COLLECT, FIX -> switch (state) {
                case CHARGING, ERRORED, DROPPED -> Optional.of(collected(pledge.withPayment(payment.paymentId()), now));
                // A second payment for a pledge already collected (the backer's fix and a retry racing it): the
                // backer pays once, so the later one is returned like a verification.
                case COLLECTED -> !payment.paymentId().equals(pledge.paymentId()) && pledge.verificationId() == null
                        ? Optional.of(toReturn(pledge.with(state, now), payment, now)) : Optional.empty();
                default -> Optional.empty();
            };
        };
    }

    /** The pledge after {@code payment} was declined (no money moved). */
    public static Optional<Pledge> declined(Pledge pledge, Payment payment, Campaign campaign, CrowdfundingConfig config,
                                            Instant now) {
        State state = pledge.state();
        return switch (reason(payment)) {
            case VERIFY, PLEDGE -> state == State.PENDING && payment.paymentId().equals(pledge.paymentId())
                    ? Optional.of(pledge.with(State.CANCELLED, now).withDueAt(null)) : Optional.empty();
            case COLLECT -> state == State.CHARGING ? Optional.of(errored(pledge, payment.pledge().attempt(), campaign, config, now))
                    : Optional.empty();
            case FIX -> Optional.empty();
        };
    }

    /** The pledge after {@code payment} was refunded, having succeeded. */
    public static Optional<Pledge> reversed(Pledge pledge, Payment payment, Instant now) {
        if (payment.paymentId().equals(pledge.verificationId())) { // a verification, or a payment given up, returned
            return Optional.of(pledge.with(pledge.state(), now).withSavedMethod(pledge.savedMethod(), null));
        }
        if (reason(payment) != PledgeCharge.Reason.VERIFY && pledge.state() == State.COLLECTED) {
            return Optional.of(settled(pledge.with(State.REFUNDED, now)));
        }
        return Optional.empty();
    }

    /**
     * Declined charge {@code attempt} of {@code campaign}'s deadline: errored, to be fixed by {@code deadline +
     * fixWindow}; due for the next retry while one is left, else at the end of the window (to be dropped).
     */
    static Pledge errored(Pledge pledge, int attempt, Campaign campaign, CrowdfundingConfig config, Instant now) {
        Instant fixBy = campaign.deadline().plus(config.fixWindow());
        Instant due = attempt <= config.retryAfter().size()
                ? campaign.deadline().plus(config.retryAfter().get(attempt - 1)) : fixBy;
        return pledge.with(State.ERRORED, now).withAttempts(Math.max(attempt, pledge.attempts()), fixBy).withDueAt(due);
    }

    private static Pledge collected(Pledge pledge, Instant now) {
        return settled(pledge.with(State.COLLECTED, now));
    }

    /**
     * A pledge with nothing left to happen to it: no longer due, unless a verification (or a payment it gave up) is
     * still to be returned; then the closing job must keep coming back until that refund settles, even after a
     * refusal by the provider.
     */
    private static Pledge settled(Pledge pledge) {
        return pledge.withDueAt(pledge.verificationId() != null ? pledge.updatedAt() : null);
    }

    /**
     * A succeeded payment the pledge no longer wants (its backer cancelled): recorded as the payment to return,
     * due at once, so that the closing job refunds it as it refunds a verification.
     */
    private static Pledge toReturn(Pledge pledge, Payment payment, Instant now) {
        return pledge.withSavedMethod(null, payment.paymentId()).withDueAt(now);
    }

    private static PledgeCharge.Reason reason(Payment payment) {
        return payment.pledge().reason();
    }
}
