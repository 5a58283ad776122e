package ru.rossgram.functions.fanout;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.events.StorageEventFunction;
import ru.rossgram.shared.feeds.FanOutService;
import ru.rossgram.shared.feeds.FanOutTasks;

/**
 * S3 {@code ObjectCreated} on {@code tasks/fanout/}: runs one step of a post's fan-out into its followers'
 * feeds (or out of them, for a deleted post) and queues the next step if followers remain.
 */
public class FanOutHandler extends StorageEventFunction {
    @Inject
    FanOutService fanOut;

    public FanOutHandler() {
    }

    public FanOutHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected Object handle(String bucket, String key) {
        var task = FanOutTasks.parse(key);
        if (task.isEmpty()) {
            return "not a fan-out task";
        }
        FanOutService.StepResult result = fanOut.run(task.get());
        fanOut.finished(task.get());
        return result;
    }
}
