package ru.rossgram.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import ru.rossgram.localcloud.LocalCloud;

/**
 * The thumbnails contract against a local cloud, whichever profile its variant's extension starts. The S3 server tells
 * of each stored object before answering the client that stored it, which lets a test act while the function is
 * half-way through.
 */
abstract class ThumbnailsOnLocalCloud extends ThumbnailsContract {
    private final Map<String, Runnable> onStored = new ConcurrentHashMap<>();

    @BeforeAll
    void listenToStorage(LocalCloud cloud) {
        // Listeners stay for the JVM's life; this one only acts on what a test of this class asked for.
        cloud.onObjectCreated(object -> onStored.forEach((prefix, action) -> {
            if (object.key().startsWith(prefix) && onStored.remove(prefix, action)) {
                action.run();
            }
        }));
    }

    @Override
    protected boolean whenStored(String keyPrefix, Runnable action) {
        onStored.put(keyPrefix, action);
        return true;
    }
}
