package ru.rossgram.functions.closecampaigns;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.jobs.JobSummary;
import ru.rossgram.shared.jobs.ScheduledJobFunction;
import ru.rossgram.shared.payments.crowdfunding.CampaignClosingJob;

/**
 * The schedule's event (EventBridge, every 15 minutes): one run of {@link CampaignClosingJob} over the campaigns and
 * pledges due by now: live campaigns past their deadline closed, ended ones' pledges charged, released, cancelled or
 * refunded batch by batch, and the pledges' own markers (reward holds, verification refunds, retries, drops).
 */
public class CloseCampaignsHandler extends ScheduledJobFunction {
    @Inject
    CampaignClosingJob closing;

    public CloseCampaignsHandler() {
    }

    public CloseCampaignsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected String jobName() {
        return "closing";
    }

    @Override
    protected JobSummary<?> runJob() {
        return closing.run();
    }
}
