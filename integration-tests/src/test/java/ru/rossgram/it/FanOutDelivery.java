package ru.rossgram.it;

import java.util.ArrayList;
import java.util.List;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.localcloud.template.FunctionSpec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Plays S3's part for the fan-out: publishing stores a task object, and {@link #deliver} hands every stored task to
 * the fan-out function as the storage event S3 would send (the local runner does the same by itself), and the tasks
 * those steps queue, until none is left. The fan-out's first step is where a post's side effects (the hashtag index,
 * caption mentions) happen.
 */
final class FanOutDelivery {
    private static final String REGION = "us-east-1";
    private static final String EMPTY_ETAG = "d41d8cd98f00b204e9800998ecf8427e";

    private final FunctionHosts hosts;
    private final Backend backend;

    FanOutDelivery(FunctionHosts hosts, Backend backend) {
        this.hosts = hosts;
        this.backend = backend;
    }

    FunctionSpec function() {
        return backend.template().function("FanOutFunction").orElseThrow();
    }

    /** The task objects stored and not yet done, in key order. */
    List<String> pending() {
        return hosts.services().get(S3Client.class)
                .listObjectsV2Paginator(r -> r.bucket(hosts.services().mediaBucket()).prefix("tasks/fanout/")).contents()
                .stream().map(S3Object::key).sorted().toList();
    }

    /** Delivers every stored task through {@code through}, and the tasks they queue, until none is left: the keys. */
    List<String> deliver(FunctionHost through) {
        List<String> delivered = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            List<String> tasks = pending();
            if (tasks.isEmpty()) {
                return delivered;
            }
            for (String key : tasks) {
                through.invoke(function(), stored(key));
                delivered.add(key);
            }
        }
        throw new AssertionError("fan-out did not settle: " + pending());
    }

    /** The storage event S3 sends when a task object is stored. */
    String stored(String key) {
        return S3Notifications.objectCreated(REGION, hosts.services().mediaBucket(), key, 0, EMPTY_ETAG);
    }
}
