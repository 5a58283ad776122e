package ru.rossgram.shared.jobs;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import ru.rossgram.shared.config.FunctionContexts;
import ru.rossgram.shared.logging.InvocationLog;
import ru.rossgram.shared.snapshot.SnapshotHooks;

/**
 * Base of every function a schedule fires (EventBridge every 15 minutes; a Yandex timer trigger through
 * {@link YandexTimerJobFunction}): one run of its job, answering and logging how many due items came to what. The
 * event's content is not read: the job's clock decides what is due, so a late or repeated firing does the same work
 * as a timely one (and nothing twice).
 */
public abstract class ScheduledJobFunction extends MicronautRequestHandler<ScheduledEvent, String> {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobFunction.class);

    /** Primes this function before a SnapStart snapshot and re-seeds it after a restore; kept: CRaC holds it weakly. */
    private final SnapshotHooks snapshotHooks = SnapshotHooks.register(getApplicationContext());

    protected ScheduledJobFunction() {
    }

    protected ScheduledJobFunction(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    /** The hooks SnapStart runs on this function (tests and the cold-start probe run them by hand). */
    public final SnapshotHooks snapshotHooks() {
        return snapshotHooks;
    }

    /** Builds only the beans the function injects (see {@link FunctionContexts}). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return FunctionContexts.lambda();
    }

    @Override
    public String execute(ScheduledEvent event) {
        return runOnce();
    }

    /** One run, whatever fired it (each cloud's schedule event is an adapter over this). */
    public String runOnce() {
        try (InvocationLog ignored = InvocationLog.begin(null)) {
            JobSummary<?> summary = runJob();
            LoggingEventBuilder line = LOG.atInfo().setMessage(jobName() + " run: " + summary).addKeyValue("due", summary.total());
            summary.counts().forEach((outcome, count) -> line.addKeyValue(outcome.name().toLowerCase(Locale.ROOT), count));
            line.log();
            return summary.toString();
        }
    }

    /** What the log calls the job ({@code renewal}, {@code closing}). */
    protected abstract String jobName();

    /** One run of the job at its clock's now. */
    protected abstract JobSummary<?> runJob();
}
