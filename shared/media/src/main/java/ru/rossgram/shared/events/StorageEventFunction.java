package ru.rossgram.shared.events;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import ru.rossgram.shared.config.FunctionContexts;
import ru.rossgram.shared.logging.InvocationLog;

/**
 * Base of every function triggered by stored objects (S3 event notifications): hands each record's bucket
 * and decoded key to {@link #handle} and logs one line per object with what came of it. Whatever
 * {@code handle} throws fails the invocation, so the platform delivers the event again; subclasses throw
 * only for faults worth a retry.
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
        try (InvocationLog ignored = InvocationLog.begin(null)) {
            for (S3EventNotificationRecord record : event.getRecords()) {
                handleLogged(record);
            }
        }
        return null;
    }

    /** Handles one record and logs one line with its outcome, a failure (rethrown for a retry) included. */
    private void handleLogged(S3EventNotificationRecord record) {
        String bucket = record.getS3().getBucket().getName();
        String key = record.getS3().getObject().getUrlDecodedKey();
        long start = System.nanoTime();
        Object outcome;
        try {
            outcome = handle(bucket, key);
        } catch (RuntimeException e) {
            line(LOG.atError().setCause(e), record, bucket, key, "failed", start);
            throw e;
        }
        line(LOG.atInfo(), record, bucket, key, outcome, start);
    }

    private static void line(LoggingEventBuilder line, S3EventNotificationRecord record, String bucket, String key,
                             Object outcome, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        line.setMessage(record.getEventName() + " s3://" + bucket + "/" + key + " -> " + outcome + " in " + millis + " ms")
                .addKeyValue("event", record.getEventName())
                .addKeyValue("bucket", bucket)
                .addKeyValue("key", key)
                .addKeyValue("outcome", String.valueOf(outcome))
                .addKeyValue("latencyMs", millis)
                .log();
    }

    /**
     * Handles one stored object.
     *
     * @return what came of it, for the log
     */
    protected abstract Object handle(String bucket, String key);
}
