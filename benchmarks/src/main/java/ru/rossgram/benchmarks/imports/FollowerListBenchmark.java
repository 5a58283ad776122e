package ru.rossgram.benchmarks.imports;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ru.rossgram.benchmarks.posts.ServiceCalls;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.shared.accounts.AccountRegistrar;
import ru.rossgram.shared.accounts.SignUpRequest;
import ru.rossgram.shared.imports.audience.HandleList;
import ru.rossgram.shared.imports.audience.HandleLists;
import ru.rossgram.shared.imports.audience.InstagramLinker;
import ru.rossgram.shared.imports.audience.ListProgress;
import ru.rossgram.shared.imports.instagram.ExportLimits;
import ru.rossgram.shared.imports.instagram.ExportSource;
import ru.rossgram.shared.imports.instagram.InstagramExport;
import ru.rossgram.shared.imports.instagram.InstagramExportReader;

/**
 * The followers list's rate, for the 23.3-million-follower model (docs/performance.md): a linked account's
 * {@code followers_1.json} of {@code handles} handles stored through {@link HandleLists#store} as the import steps
 * call it (each call reopens the list, skips what earlier calls stored, takes at most the step's handle cap within
 * its budget), by the import-steps function's services configured from the template's environment for
 * {@code ImportStepsFunction}, against DynamoDB Local; every DynamoDB request counted by {@link ServiceCalls}.
 */
final class FollowerListBenchmark {
    private static final String FUNCTION = "ImportStepsFunction";
    private static final Duration STEP_BUDGET = Duration.ofSeconds(60); // the template's ROSSGRAM_IMPORTS_STEP_BUDGET
    private static final int HANDLES_PER_STEP = 100_000;                // ImportStepConfig's default

    private FollowerListBenchmark() {
    }

    static String run(int handles) throws Exception {
        String owner = "bench_" + Long.toString(System.nanoTime() & 0xFFFFFFFFFFL, 36);
        byte[] followers = BenchmarkExport.followersJson(handles);
        InstagramExport export = new InstagramExportReader(ExportLimits.DEFAULT).read(new InMemoryExport(Map.of(
                "account_information/personal_information.json", ("{\"profile_user\":[{\"string_map_data\":{\"Username\":"
                        + "{\"href\":\"\",\"value\":\"" + owner + "\",\"timestamp\":0}}}]}").getBytes(StandardCharsets.UTF_8),
                "followers_and_following/followers_1.json", followers)));
        long parsing = System.nanoTime();
        long parsed;
        try (Stream<String> all = export.followers().open()) {
            parsed = all.count();
        }
        double parseSeconds = (System.nanoTime() - parsing) / 1e9;

        try (LocalCloud cloud = LocalCloud.start(); ApplicationContext context = context(cloud)) {
            String userId = context.getBean(AccountRegistrar.class).signUp(new SignUpRequest(owner,
                    owner + "@bench.example", "correct horse battery", "Bench", null, null), "127.0.0.1").account().id();
            if (!context.getBean(InstagramLinker.class).link(userId, owner).linked()) {
                throw new IllegalStateException("the benchmark's name was not linked");
            }
            HandleLists lists = context.getBean(HandleLists.class);
            ServiceCalls.reset();
            long started = System.nanoTime();
            long index = 0;
            int calls = 0;
            boolean finished = false;
            while (!finished) {
                try (Stream<String> stream = export.followers().open()) {
                    Iterator<String> part = stream.skip(index).limit(HANDLES_PER_STEP).iterator();
                    ListProgress progress = lists.store(userId, HandleList.FOLLOWERS, part, index, STEP_BUDGET);
                    index = progress.nextIndex();
                    finished = index >= parsed;
                    calls++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Integer> requests = ServiceCalls.requests();
            FollowerImportModel model = new FollowerImportModel(handles, seconds, requests, parsed / parseSeconds,
                    STEP_BUDGET, HANDLES_PER_STEP);
            return String.format("%s, OpenJDK %s, DynamoDB Local, one thread%n%n", ImportReport.machine(),
                    System.getProperty("java.version"))
                    + String.format("Stored %,d followers (a followers_1.json of %,d bytes) in %.1f s through %d `store` calls: "
                            + "**%,.0f handles a second**; DynamoDB requests %s (%.1f ms a request).%n%n",
                    index, followers.length, seconds, calls, index / seconds, requests,
                    seconds * 1000 / requests.values().stream().mapToInt(Integer::intValue).sum())
                    + model.render();
        }
    }

    private static ApplicationContext context(LocalCloud cloud) {
        FunctionSpec fn = cloud.template().function(FUNCTION)
                .orElseThrow(() -> new IllegalStateException("template.yaml has no " + FUNCTION));
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Map<String, Object> environment = new HashMap<>(cloud.functionEnvironment(fn,
                Map.of("AccessTokenSecret", Base64.getEncoder().encodeToString(secret))));
        // Sign-up is setup here, not what is measured: the cheapest Argon2id that still hashes.
        environment.put("ROSSGRAM_PASSWORD_HASHING_MEMORY_KIB", "1024");
        environment.put("ROSSGRAM_PASSWORD_HASHING_ITERATIONS", "1");
        return ApplicationContext.builder().environmentPropertySource(false)
                .propertySources(PropertySource.of("lambda-environment", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
    }

    /** An export's files held in memory by name. */
    private record InMemoryExport(Map<String, byte[]> files) implements ExportSource {
        @Override
        public Collection<String> entryNames() {
            return List.copyOf(files.keySet());
        }

        @Override
        public InputStream open(String entryName) throws IOException {
            byte[] bytes = files.get(entryName);
            if (bytes == null) {
                throw new IOException("no entry " + entryName);
            }
            return new ByteArrayInputStream(bytes);
        }
    }
}
