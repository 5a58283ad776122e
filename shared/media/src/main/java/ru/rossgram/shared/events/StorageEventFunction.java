package ru.rossgram.shared.events;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.rossgram.shared.config.FunctionContexts;

/**
 * Base of every function triggered by stored objects (S3 event notifications): hands each record's bucket
 * and decoded key to {@link #handle} and logs what came of it. Whatever {@code handle} throws fails the
 * invocation, so the platform delivers the event again; subclasses throw only for faults worth a retry.
 * Another cloud's trigger format is one more adapter that calls the same services.
 */
public abstract class StorageEventFunction extends MicronautRequestHandler<S3Event, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(StorageEventFunction.class);

    protected StorageEventFunction() {
        super();
    }

    protected StorageEventFunction(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    /** Builds only the beans the function injects (see {@link FunctionContexts}). */
    @Override
    protected ApplicationContextBuilder newApplicationContextBuilder() {
        return FunctionContexts.lambda();
    }

    @Override
    public final Void execute(S3Event event) {
        if (event == null || event.getRecords() == null) {
            return null;
        }
        for (S3EventNotificationRecord record : event.getRecords()) {
            String bucket = record.getS3().getBucket().getName();
            String key = record.getS3().getObject().getUrlDecodedKey();
            long start = System.nanoTime();
            Object outcome = handle(bucket, key);
            LOG.info("{} s3://{}/{} -> {} in {} ms", record.getEventName(), bucket, key, outcome,
                    (System.nanoTime() - start) / 1_000_000);
        }
        return null;
    }

    /**
     * Handles one stored object.
     *
     * @return what came of it, for the log
     */
    protected abstract Object handle(String bucket, String key);
}
