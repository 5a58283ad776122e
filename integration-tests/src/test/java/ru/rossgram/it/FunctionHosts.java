package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.shared.media.MediaKeys;
import ru.rossgram.shared.media.PhotoRecord;
import ru.rossgram.shared.posts.PhotoResults;
import ru.rossgram.shared.posts.PhotoResults.Outcome;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The functions a test runs against its backend, each host started when first needed and all closed together
 * when the test is done; users calling them; and the shared services as one function of the template sees them,
 * for looking at storage directly and for doing what the thumbnail function does. Every host carries
 * {@link TestSettings#OVERRIDES}, and the test's own settings, on top of the template's environment.
 */
final class FunctionHosts implements AutoCloseable {
    private static final String FAN_OUT_TASKS = "tasks/fanout/";
    private static final String REGION = "us-east-1";
    private static final String EMPTY_ETAG = "d41d8cd98f00b204e9800998ecf8427e";
    private final Supplier<Backend> backend;
    private final String servicesFunction;
    private final Map<String, String> settings;
    private final List<FunctionHost> started = new ArrayList<>();
    private FunctionHost shared;
    private SharedServices services;

    /**
     * @param backend asked only when something is first started: a contract's backend is chosen in
     *     {@code @BeforeAll}, after the contract is built
     * @param servicesFunction the logical id of the function whose environment {@link #services()} are built with
     * @param settings environment variables every host gets, over the test overrides
     */
    FunctionHosts(Supplier<Backend> backend, String servicesFunction, Map<String, String> settings) {
        this.backend = backend;
        this.servicesFunction = servicesFunction;
        this.settings = Map.copyOf(settings);
    }

    /** The host most tests share. */
    synchronized FunctionHost shared() {
        if (shared == null) {
            shared = start(Map.of());
        }
        return shared;
    }

    /** Every function, as another warm instance, with {@code extra} on top of the test overrides and settings. */
    synchronized FunctionHost start(Map<String, String> extra) {
        Map<String, String> overrides = new HashMap<>(TestSettings.OVERRIDES);
        overrides.putAll(settings);
        overrides.putAll(extra);
        FunctionHost host = backend.get().functions(overrides);
        started.add(host);
        return host;
    }

    /** Storage and tables as {@code servicesFunction} sees them. */
    synchronized SharedServices services() {
        if (services == null) {
            services = SharedServices.asFunction(backend.get(), servicesFunction, Map.of());
        }
        return services;
    }

    /** The API through the shared host, as a client at an address of its own calls it, signed in as nobody. */
    ApiDriver api() {
        return api(shared());
    }

    ApiDriver api(FunctionHost functions) {
        return backend.get().api(functions, Addresses.clientAddress());
    }

    /** A new user named after {@code name}, calling the shared host from an address of their own. */
    User signUp(String name) {
        return signUp(shared(), name);
    }

    User signUp(FunctionHost functions, String name) {
        return User.signUp(api(functions), TestSettings.unique(name));
    }

    /** A post photo of {@code author}'s, processed as the thumbnail function processes one: its upload id. */
    String processedUpload(User author) {
        return processedUpload(author, "post", uploadId -> new PhotoRecord(1080, 1350, "#7a5c3e", "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
                List.of(new PhotoRecord.Rendition("w320", MediaKeys.thumbnailKey(author.id(), uploadId, "w320"), 320, 400))));
    }

    /** An upload of {@code author}'s for {@code purpose}, nothing sent, reported processed into {@code photo}. */
    String processedUpload(User author, String purpose, Function<String, PhotoRecord> photo) {
        String uploadId = author.ticket(purpose, "image/jpeg", 4096).path("uploadId").asText();
        assertEquals(Outcome.RECORDED, services().get(PhotoResults.class).recordReady(uploadId, photo.apply(uploadId)));
        return uploadId;
    }

    /**
     * A photo of {@code author}'s for a gated post (on sale or for subscribers), uploaded as {@code paid-post} and
     * processed as the thumbnail function leaves one: locked renditions and a preview. Its upload id.
     */
    String lockedUpload(User author) {
        return processedUpload(author, "paid-post", upload -> new PhotoRecord(1080, 1350, "#7a5533", "LKO2?U%2Tw=w]~RBVZRi};RPxuwH", List.of(
                new PhotoRecord.Rendition("w320", MediaKeys.lockedThumbnailKey(author.id(), upload, "w320"), 320, 400),
                new PhotoRecord.Rendition("w1080", MediaKeys.lockedThumbnailKey(author.id(), upload, "w1080"), 1080, 1350),
                new PhotoRecord.Rendition(MediaKeys.PREVIEW, MediaKeys.previewKey(author.id(), "01JD9PREVIEW0000000000000A"), 320, 400))));
    }

    /** A post of {@code author}'s with one processed photo, so published at once; {@code more} JSON fields. */
    String publishedPost(User author, String more) {
        return author.published(List.of(processedUpload(author)), more);
    }

    /** The fan-out tasks stored and not yet delivered, as S3 lists them. */
    List<String> pendingFanOutTasks() {
        SharedServices storage = services();
        return storage.get(S3Client.class).listObjectsV2Paginator(r -> r.bucket(storage.mediaBucket())
                .prefix(FAN_OUT_TASKS)).contents().stream().map(S3Object::key).sorted().toList();
    }

    /**
     * Delivers every stored fan-out task to the fan-out function of {@code through}, as the storage event S3 would
     * send, and the tasks they queue, until none is left (the local runner does the same by itself).
     *
     * @return the tasks' keys, in the order delivered
     */
    List<String> deliverFanOutTasks(FunctionHost through) {
        FunctionSpec fanOut = backend.get().template().function("FanOutFunction").orElseThrow();
        List<String> delivered = new ArrayList<>();
        for (int round = 0; round < 100; round++) {
            List<String> tasks = pendingFanOutTasks();
            if (tasks.isEmpty()) {
                return delivered;
            }
            for (String key : tasks) {
                through.invoke(fanOut, taskStored(key));
                delivered.add(key);
            }
        }
        throw new AssertionError("fan-out did not settle: " + pendingFanOutTasks());
    }

    /** The storage event S3 sends when a task object is stored. */
    String taskStored(String key) {
        return S3Notifications.objectCreated(REGION, services().mediaBucket(), key, 0, EMPTY_ETAG);
    }

    @Override
    public synchronized void close() {
        started.forEach(FunctionHost::close);
        if (services != null) {
            services.close();
        }
    }
}
