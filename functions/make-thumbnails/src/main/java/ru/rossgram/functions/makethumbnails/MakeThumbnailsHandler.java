package ru.rossgram.functions.makethumbnails;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.thumbnails.PhotoProcessor;
import ru.rossgram.thumbnails.ProcessingOutcome;

/**
 * S3 {@code ObjectCreated} on {@code originals/} and {@code avatars/}: makes the photo's thumbnails and
 * records the outcome. Whatever it throws (storage or database faults) makes the platform retry the event;
 * images it refuses are recorded as rejected and not retried.
 */
public class MakeThumbnailsHandler extends MicronautRequestHandler<S3Event, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(MakeThumbnailsHandler.class);

    @Inject
    PhotoProcessor processor;

    public MakeThumbnailsHandler() {
    }

    public MakeThumbnailsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    /** Builds only the beans this function injects; see {@code ApiFunction}. */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return super.newApplicationContextBuilder().eagerInitSingletons(false);
    }

    @Override
    public Void execute(S3Event event) {
        for (S3EventNotificationRecord record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            String key = record.getS3().getObject().getUrlDecodedKey();
            long start = System.nanoTime();
            ProcessingOutcome outcome = processor.process(bucket, key);
            LOG.info("{} s3://{}/{} -> {} in {} ms", record.getEventName(), bucket, key, outcome,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return null;
    }
}
