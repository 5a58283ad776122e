package ru.rossgram.shared.events;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import ru.rossgram.shared.config.FunctionContexts;
import ru.rossgram.shared.logging.InvocationLog;
import ru.rossgram.shared.snapshot.SnapshotHooks;

/**
 * Base of every function triggered by stored objects: {@link #handleObjects} hands each object's bucket and key
 * to {@link #handle} and logs one line per object with what came of it. Whatever {@code handle} throws fails
 * the invocation, so the platform delivers the whole batch again; subclasses throw only for faults worth a
 * retry, and handle an object twice as harmlessly as once. Each cloud's trigger format is an adapter over
 * {@code handleObjects}: {@link #execute} for S3 event notifications, {@code ru.rossgram.shared.events.yandex}
 * for Yandex Object Storage triggers.
 */
public abstract class StorageEventFunction extends MicronautRequestHandler<S3Event, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(StorageEventFunction.class);

    /** Primes this function before a SnapStart snapshot and re-seeds it after a restore; kept: CRaC holds it weakly. */
    private final SnapshotHooks snapshotHooks = SnapshotHooks.register(getApplicationContext());

    protected StorageEventFunction() {
        super();
    }

    protected StorageEventFunction(ApplicationContextBuilder contextBuilder) {
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

    /** AWS's adapter: each record of an S3 event notification, its key URL-decoded as S3 encodes it in events. */
    @Override
    public final Void execute(S3Event event) {
        if (event == null || event.getRecords() == null) {
            return null;
        }
        handleObjects(event.getRecords().stream().map(StorageEventFunction::storedObject).toList());
        return null;
    }

    /**
     * Handles a batch of stored objects in order, logging one line per object with its outcome.
     *
     * @throws RuntimeException the first object's failure, after its line is logged; the objects after it are
     *     not tried, and the platform delivers the whole batch again, so the ones before it run twice
     */
    public final void handleObjects(List<StoredObject> objects) {
        try (InvocationLog ignored = InvocationLog.begin(null)) {
            for (StoredObject object : objects) {
                handleLogged(object);
            }
        }
    }

    private static StoredObject storedObject(S3EventNotificationRecord record) {
        return new StoredObject(record.getS3().getBucket().getName(), record.getS3().getObject().getUrlDecodedKey(),
                record.getEventName());
    }

    /** Handles one object and logs one line with its outcome, a failure (rethrown for a retry) included. */
    private void handleLogged(StoredObject object) {
        long start = System.nanoTime();
        Object outcome;
        try {
            outcome = handle(object.bucket(), object.key());
        } catch (RuntimeException e) {
            line(LOG.atError().setCause(e), object, "failed", start);
            throw e;
        }
        line(LOG.atInfo(), object, outcome, start);
    }

    private static void line(LoggingEventBuilder line, StoredObject object, Object outcome, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        line.setMessage(object.event() + " s3://" + object.bucket() + "/" + object.key() + " -> " + outcome
                        + " in " + millis + " ms")
                .addKeyValue("event", object.event())
                .addKeyValue("bucket", object.bucket())
                .addKeyValue("key", object.key())
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
