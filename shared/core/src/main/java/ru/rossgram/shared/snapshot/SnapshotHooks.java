package ru.rossgram.shared.snapshot;

import io.micronaut.context.BeanContext;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.auth.PasswordHasher;

/**
 * Lambda SnapStart's runtime hooks for one function container. Before the snapshot, every {@link PrimingStep} warms
 * what the function's first request would otherwise pay for (a DynamoDB call, a JSON round trip, an Argon2 hash, a
 * presign), so a container restored from the snapshot starts with them done. After a restore, the random sources
 * are re-seeded (see {@link Entropy}), so containers resumed from one snapshot never draw the same ids or tokens.
 *
 * <p>On a JVM without CRaC (locally, on Yandex, on Lambda without SnapStart) {@code org.crac} registers nothing
 * and neither hook ever runs.
 */
public final class SnapshotHooks implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotHooks.class);

    private final BeanContext context;

    private SnapshotHooks(BeanContext context) {
        this.context = context;
    }

    /**
     * Registers the hooks of the function whose beans {@code context} holds. CRaC keeps registered resources only
     * weakly: the caller keeps the returned hooks for as long as the function lives.
     */
    public static SnapshotHooks register(BeanContext context) {
        SnapshotHooks hooks = new SnapshotHooks(context);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> ignored) {
        LOG.info("primed before the snapshot: {}", prime());
    }

    @Override
    public void afterRestore(Context<? extends Resource> ignored) {
        reseed();
    }

    /**
     * Runs every priming step; a step that fails is logged and skipped, since a first request without it is only
     * slower.
     *
     * @return what was warmed, in the steps' order
     */
    public List<String> prime() {
        List<String> primed = new ArrayList<>();
        for (PrimingStep step : context.getBeansOfType(PrimingStep.class)) {
            try {
                primed.addAll(step.prime(context));
            } catch (RuntimeException e) {
                LOG.warn("priming step {} failed; the first request does its work", step.getClass().getSimpleName(), e);
            }
        }
        return primed;
    }

    /** Gives every random source a seed drawn after the restore. */
    public void reseed() {
        Entropy.renew();
        // password4j draws salts from a static SecureRandom of its own; only a function with a hasher has loaded it
        if (!context.getActiveBeanRegistrations(PasswordHasher.class).isEmpty()) {
            PasswordHasher.reseedSalts();
        }
    }
}
