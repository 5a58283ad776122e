package ru.rossgram.functions.renewsubscriptions;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.jobs.JobSummary;
import ru.rossgram.shared.jobs.ScheduledJobFunction;
import ru.rossgram.shared.payments.subscriptions.RenewalJob;

/**
 * The schedule's event (EventBridge, every 15 minutes): one run of {@link RenewalJob} over the subscriptions due by
 * now, answering and logging how many came to what.
 */
public class RenewSubscriptionsHandler extends ScheduledJobFunction {
    @Inject
    RenewalJob renewals;

    public RenewSubscriptionsHandler() {
    }

    public RenewSubscriptionsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected String jobName() {
        return "renewal";
    }

    @Override
    protected JobSummary<?> runJob() {
        return renewals.run();
    }
}
