package ru.rossgram.paymentsim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;

/** One provider's side: its API routes, its payments, and the notifications it sends. */
interface ProviderEmulator {
    Provider provider();

    /** Serves a request to this provider's API; {@code path} is what follows {@code /<provider>}. */
    void serve(HttpExchange exchange, String path) throws IOException;

    Optional<SimulatedPayment> payment(String id);

    /** Every payment made here, in no particular order. */
    Collection<SimulatedPayment> payments();

    /** Whether the provider sends a server notification for {@code action} (Robokassa: only for payment). */
    default boolean notifies(Action action) {
        return true;
    }

    /**
     * Applies {@code action} to the payment and builds the notification the provider sends for it.
     *
     * @throws java.util.NoSuchElementException for an unknown payment
     * @throws IllegalStateException when the action is impossible from the payment's state
     */
    Optional<Notice> settle(String id, Action action);
}
