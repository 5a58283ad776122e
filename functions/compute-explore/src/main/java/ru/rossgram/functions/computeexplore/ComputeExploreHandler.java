package ru.rossgram.functions.computeexplore;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.explore.ExploreJob;
import ru.rossgram.shared.jobs.JobSummary;
import ru.rossgram.shared.jobs.ScheduledJobFunction;

/**
 * The schedule's event (EventBridge, every 30 minutes): one run of {@link ExploreJob}, which ranks the posts liked
 * and commented on in the window's hours and stores the explore snapshot every explore page reads.
 */
public class ComputeExploreHandler extends ScheduledJobFunction {
    @Inject
    ExploreJob job;

    public ComputeExploreHandler() {
    }

    public ComputeExploreHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected String jobName() {
        return "explore";
    }

    @Override
    protected JobSummary<?> runJob() {
        return job.run();
    }
}
