package ru.rossgram.paymentsim;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The card issuers' answer to a charge of a saved method, decided at once: a card a test set to decline is
 * declined, every other card is charged.
 */
final class CardAuthorizer {
    private final Set<SimulatedCard> declining = ConcurrentHashMap.newKeySet();

    void declineCharges(SimulatedCard card, boolean decline) {
        if (decline) {
            declining.add(card);
        } else {
            declining.remove(card);
        }
    }

    /** PAY when {@code card} is charged, CANCEL when its issuer declines. */
    Action charge(SimulatedCard card) {
        return declining.contains(card) ? Action.CANCEL : Action.PAY;
    }
}
