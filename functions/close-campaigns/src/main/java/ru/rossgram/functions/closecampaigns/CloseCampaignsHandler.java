package ru.rossgram.functions.closecampaigns;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.config.FunctionContexts;
import ru.rossgram.shared.logging.InvocationLog;
import ru.rossgram.shared.payments.JobSummary;
import ru.rossgram.shared.payments.crowdfunding.CampaignClosingJob;

/**
 * The schedule's event (EventBridge, every 15 minutes): one run of {@link CampaignClosingJob} over the campaigns and
 * pledges due by now, answering and logging how many came to what. The event's content is not read: the job's clock
 * decides what is due, so a late or repeated firing does the same work as a timely one (and nothing twice).
 */
public class CloseCampaignsHandler extends MicronautRequestHandler<ScheduledEvent, String> {
    private static final Logger LOG = LoggerFactory.getLogger(CloseCampaignsHandler.class);

    @Inject
    CampaignClosingJob closing;

    public CloseCampaignsHandler() {
    }

    public CloseCampaignsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    /** Builds only the beans the function injects (see {@link FunctionContexts}). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return FunctionContexts.lambda();
    }

    @Override
    public String execute(ScheduledEvent event) {
        return closeDue();
    }

    /** One run, whatever fired it (each cloud's schedule event is an adapter over this). */
    public String closeDue() {
        try (InvocationLog ignored = InvocationLog.begin(null)) {
            JobSummary<CampaignClosingJob.Outcome> summary = closing.run();
            LOG.atInfo().setMessage("closing run: " + summary)
                    .addKeyValue("due", summary.total())
                    .addKeyValue("closed", summary.count(CampaignClosingJob.Outcome.CLOSED))
                    .addKeyValue("failed", summary.count(CampaignClosingJob.Outcome.FAILED))
                    .log();
            return summary.toString();
        }
    }
}
