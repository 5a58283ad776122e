package ru.rossgram.shared.media;

import jakarta.inject.Singleton;
import ru.rossgram.shared.config.RossgramConfig;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Work queues made of the one thing every S3-compatible cloud can trigger a function with: storing an object. A
 * step of chained work (a fan-out, an import, an unlink's cleanup) is an empty object under {@code tasks/} in the
 * media bucket whose key names the step; the template subscribes the step's function to its prefix, so storing
 * the object invokes the function asynchronously with the platform's retries (locally, the runner does the same).
 * The key formats are each queue's own; this is only the storing and the removing.
 */
@Singleton
public class TaskObjects {
    private final S3Client s3;
    private final String bucket;

    public TaskObjects(S3Client s3, RossgramConfig config) {
        this.s3 = s3;
        this.bucket = config.mediaBucket();
    }

    /** Asks for the step {@code key} names to run (storing the same key twice runs it twice). */
    public void enqueue(String key) {
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/octet-stream"), RequestBody.empty());
    }

    /** Removes a finished step's object; it would otherwise wait for the bucket's lifecycle rule. */
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    public String bucket() {
        return bucket;
    }
}
