package ru.rossgram.shared.snapshot;

import io.micronaut.context.BeanContext;
import java.util.List;

/**
 * One thing the first request would otherwise pay for, done before a snapshot (see {@link SnapshotHooks}). A step
 * primes only beans the function has already built ({@link BeanContext#getActiveBeanRegistrations(Class)}), never
 * asks the context for one: a sign-up must not build an S3 client, nor a get-me Argon2, to warm them.
 *
 * <p>Steps are beans with no dependencies of their own, so finding them builds nothing else.
 */
public interface PrimingStep {
    /**
     * Warms what this step knows about, if the function has it.
     *
     * @return what was warmed ("DynamoDB GetItem"), one entry per bean; empty when the function has none of it
     * @throws RuntimeException when the warming call fails (the hooks log it and go on: a cold first request is
     *     slower, not wrong)
     */
    List<String> prime(BeanContext context);
}
