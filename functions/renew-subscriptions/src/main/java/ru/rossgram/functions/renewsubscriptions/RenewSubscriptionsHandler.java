package ru.rossgram.functions.renewsubscriptions;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.config.FunctionContexts;
import ru.rossgram.shared.logging.InvocationLog;
import ru.rossgram.shared.payments.JobSummary;
import ru.rossgram.shared.payments.subscriptions.RenewalJob;

/**
 * The schedule's event (EventBridge, every 15 minutes): one run of {@link RenewalJob} over the subscriptions due by
 * now, answering and logging how many came to what. The event's content is not read: the job's clock decides what
 * is due, so a late or repeated firing does the same work as a timely one (and nothing twice).
 */
public class RenewSubscriptionsHandler extends MicronautRequestHandler<ScheduledEvent, String> {
    private static final Logger LOG = LoggerFactory.getLogger(RenewSubscriptionsHandler.class);

    @Inject
    RenewalJob renewals;

    public RenewSubscriptionsHandler() {
    }

    public RenewSubscriptionsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    /** Builds only the beans the function injects (see {@link FunctionContexts}). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return FunctionContexts.lambda();
    }

    @Override
    public String execute(ScheduledEvent event) {
        return renew();
    }

    /** One run, whatever fired it (each cloud's schedule event is an adapter over this). */
    public String renew() {
        try (InvocationLog ignored = InvocationLog.begin(null)) {
            JobSummary<RenewalJob.Outcome> summary = renewals.run();
            LOG.atInfo().setMessage("renewal run: " + summary)
                    .addKeyValue("due", summary.total())
                    .addKeyValue("charged", summary.count(RenewalJob.Outcome.CHARGED))
                    .addKeyValue("failed", summary.count(RenewalJob.Outcome.FAILED))
                    .log();
            return summary.toString();
        }
    }
}
