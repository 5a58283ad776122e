package ru.rossgram.local;

import ru.rossgram.localcloud.YandexTriggerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.CloudProfile;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.LocalCloudOptions;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * The whole template running in this JVM: the engines, every function, the HTTP API on a real port.
 * Everything comes from the template, so a new function or route is served without touching this class.
 */
public final class LocalBackend implements AutoCloseable {
    private final SamTemplate template;
    private final LocalCloud cloud;
    private final CloudEntryPoints entryPoints;
    private final ApiServer api;
    private final Path dataDirectory;
    private final LocalPayments payments;

    private final CloudProfile profile;
    private final YandexTriggerSettings triggers;
    private final RunnerClock clock;
    private final Schedules schedules;
    private final boolean schedulesFireOnTheirOwn;

    private LocalBackend(SamTemplate template, LocalCloud cloud, CloudEntryPoints entryPoints, ApiServer api,
                         Path dataDirectory, LocalPayments payments, CloudProfile profile, YandexTriggerSettings triggers,
                         RunnerClock clock, Schedules schedules, boolean schedulesFireOnTheirOwn) {
        this.schedulesFireOnTheirOwn = schedulesFireOnTheirOwn;
        this.triggers = triggers;
        this.clock = clock;
        this.schedules = schedules;
        this.payments = payments;
        this.template = template;
        this.cloud = cloud;
        this.entryPoints = entryPoints;
        this.profile = profile;
        this.api = api;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts everything; {@code log} receives one line per request and per event delivered.
     *
     * @throws IOException when a port cannot be bound or the data directory cannot be used
     */
    public static LocalBackend start(RunnerOptions options, Consumer<String> log) throws IOException {
        SamTemplate template = options.template() == null ? SamTemplate.locate() : SamTemplate.load(options.template());
        Path data = options.dataDirectory() == null ? null : options.dataDirectory().toAbsolutePath().normalize();
        if (data != null && options.reset()) {
            deleteRecursively(data);
        }
        LocalPayments payments = options.paymentsPort() < 0 ? null : LocalPayments.start(options.paymentsPort());
        Map<String, String> given = new HashMap<>(payments == null ? Map.of() : payments.templateParameters());
        given.putAll(options.parameters()); // --param wins, e.g. a real provider's sandbox
        Map<String, String> parameters = new LocalParameters(template, data).resolve(given);

        LocalCloud cloud = LocalCloud.start(template, LocalCloudOptions.builder()
                .dataDirectory(data)
                .dynamoDbPort(options.dynamoDbPort())
                .s3Port(options.s3Port())
                .profile(options.cloud())
                .build());
        // One movable time for every function of this runner; a runner started on kept data goes on from its time.
        RunnerClock clock = options.adjustableClock() ? RunnerClock.start(data) : null;
        Function<FunctionSpec, Map<String, String>> environments = fn -> {
            Map<String, String> environment = new HashMap<>(cloud.functionEnvironment(fn, parameters));
            if (clock != null) {
                environment.putAll(clock.environment());
            }
            environment.putAll(options.environment());
            return environment;
        };
        HttpApiRoutes routes = new HttpApiRoutes(template.functions());
        CloudEntryPoints entryPoints = switch (options.cloud()) {
            case AWS -> CloudEntryPoints.aws(template, cloud, environments, log);
            case YANDEX -> CloudEntryPoints.yandex(template, cloud, environments, routes,
                    ApiDocs.documentBeside(template.directory()), options.triggers(), log);
        };
        // Objects landing in a bucket (a phone's presigned upload included) reach the subscribed functions.
        cloud.onObjectCreated(entryPoints.storage()::deliver);
        Schedules schedules = new Schedules(template, entryPoints.schedules(),
                clock == null ? java.time.Clock.systemUTC() : clock.clock(), options.schedules(), log);
        if (clock != null) {
            clock.onAdvance(schedules::wake);
        }
        ApiServer api;
        try {
            api = ApiServer.start(options.host(), options.port(),
                    new ApiGateway(routes, entryPoints.api()),
                    ApiDocs.beside(template.directory()), new LocalControls(clock, schedules),
                    template.httpApiCors().orElse(null), log);
        } catch (IOException | RuntimeException e) {
            schedules.close();
            if (clock != null) {
                clock.close();
            }
            entryPoints.close();
            cloud.close();
            if (payments != null) {
                payments.close();
            }
            throw e;
        }
        if (payments != null) {
            payments.notifyAt(api.uri().toString());
        }
        LocalBackend backend = new LocalBackend(template, cloud, entryPoints, api, data, payments, options.cloud(),
                options.triggers(), clock, schedules, options.schedules());
        backend.warmUpInBackground();
        return backend;
    }

    /** The payment providers' simulator, or empty when the runner was started without it. */
    public java.util.Optional<ru.rossgram.paymentsim.PaymentSimulator> paymentSimulator() {
        return java.util.Optional.ofNullable(payments).map(LocalPayments::simulator);
    }

    public URI apiUri() {
        return api.uri();
    }

    public LocalCloud cloud() {
        return cloud;
    }

    public SamTemplate template() {
        return template;
    }

    /** Whose entry points serve the template, and whose limits the engines enforce. */
    public CloudProfile profile() {
        return profile;
    }

    /** How the Object Storage triggers batch and retry, when the profile is Yandex's. */
    public YandexTriggerSettings triggers() {
        return triggers;
    }

    /** The functions' movable time; empty when the runner runs on the system clock ({@code --clock system}). */
    public java.util.Optional<RunnerClock> clock() {
        return java.util.Optional.ofNullable(clock);
    }

    /** The template's {@code Schedule} events as the runner fires them (on their own, or on demand only). */
    public Schedules schedules() {
        return schedules;
    }

    /** False when schedules fire only on demand ({@code --schedules off}). */
    public boolean schedulesFireOnTheirOwn() {
        return schedulesFireOnTheirOwn;
    }

    /** Null for an in-memory run. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Builds each function's handler off the request path, so the first request does not pay for it. */
    private void warmUpInBackground() {
        Thread warmer = new Thread(() -> {
            for (FunctionSpec function : template.functions()) {
                try {
                    entryPoints.warmUp().accept(function);
                } catch (RuntimeException e) {
                    // the first request to this function reports the same failure where it matters
                }
            }
        }, "function-warm-up");
        warmer.setDaemon(true);
        warmer.start();
    }

    /** Waits until every storage event (or trigger message) delivered so far has been handled (or given up). */
    public boolean awaitStorageEvents(java.time.Duration timeout) throws InterruptedException {
        return entryPoints.storage().awaitIdle(timeout);
    }

    @Override
    public void close() {
        api.close();
        schedules.close();
        entryPoints.close();
        if (clock != null) {
            clock.close();
        }
        cloud.close();
        if (payments != null) {
            payments.close();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
