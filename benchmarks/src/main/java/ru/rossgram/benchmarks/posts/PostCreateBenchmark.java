package ru.rossgram.benchmarks.posts;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.benchmarks.Percentiles;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.shared.accounts.AccountRegistrar;
import ru.rossgram.shared.accounts.SignUpRequest;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.posts.NewPostRequest;
import ru.rossgram.shared.posts.PostCreator;
import ru.rossgram.shared.uploads.UploadRequest;
import ru.rossgram.shared.uploads.UploadService;
import ru.rossgram.shared.uploads.UploadTicket;

/**
 * What {@code POST /v1/posts} costs (docs/performance.md, "Creating a post"): the requests to DynamoDB and S3 and
 * the round trips they make one after another, for a post of one photo and a carousel of ten whose photos have
 * arrived in the bucket but are not processed yet (the usual case: the app posts right after uploading, so every
 * photo's arrival is checked with a HEAD). Runs the create-post function's service, configured from the
 * template's environment for {@code CreatePostFunction}, against DynamoDB Local and S3Proxy.
 */
public final class PostCreateBenchmark {
    private static final String FUNCTION = "CreatePostFunction";
    private static final byte[] PHOTO = new byte[2048]; // the bytes are only HEADed, never decoded here

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        try (LocalCloud cloud = LocalCloud.start(); ApplicationContext context = context(cloud)) {
            String userId = context.getBean(AccountRegistrar.class).signUp(new SignUpRequest("bench_poster",
                    "bench_poster@bench.example", "correct horse battery", "Bench", null, null), "127.0.0.1").account().id();
            Caller caller = new Caller(userId, "bench");
            StringBuilder report = new StringBuilder("| photos | requests (by operation) | round trips | p50 latency | p90 |\n"
                    + "|---|---|---|---|---|\n");
            for (int photos : List.of(1, 10)) {
                report.append(measure(context, caller, photos, posts)).append('\n');
            }
            Path out = Path.of("benchmarks/target/posts");
            Files.createDirectories(out);
            Files.writeString(out.resolve("results.md"), report);
            System.out.println(report);
            System.out.println("written to " + out.resolve("results.md"));
        }
    }

    private static String measure(ApplicationContext context, Caller caller, int photos, int posts) throws Exception {
        UploadService uploads = context.getBean(UploadService.class);
        PostCreator creator = context.getBean(PostCreator.class);
        HttpClient http = HttpClient.newHttpClient();
        List<Long> nanos = new ArrayList<>();
        Map<String, Integer> requests = Map.of();
        int roundTrips = 0;
        for (int run = 0; run < posts + 3; run++) { // the first three warm the JIT and connections
            List<String> uploadIds = new ArrayList<>();
            for (UploadTicket ticket : uploads.issue(caller, new UploadRequest("post", "image/jpeg",
                    (long) PHOTO.length, photos)).uploads()) {
                HttpResponse<Void> put = http.send(HttpRequest.newBuilder(ticket.url())
                        .header("content-type", ticket.headers().get("content-type"))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(PHOTO)).build(), HttpResponse.BodyHandlers.discarding());
                if (put.statusCode() != 200) {
                    throw new IllegalStateException("upload PUT answered " + put.statusCode());
                }
                uploadIds.add(ticket.uploadId());
            }
            ServiceCalls.reset();
            long started = System.nanoTime();
            creator.create(caller, new NewPostRequest(uploadIds, "bench", null, null, null, null));
            long took = System.nanoTime() - started;
            if (run >= 3) {
                nanos.add(took);
                requests = ServiceCalls.requests();
                roundTrips = ServiceCalls.roundTrips();
            }
        }
        Percentiles latency = Percentiles.of(nanos);
        return String.format("| %d | %d (%s) | %d | %.1f ms | %.1f ms |", photos,
                requests.values().stream().mapToInt(Integer::intValue).sum(), requests, roundTrips,
                latency.median() / 1e6, latency.p90() / 1e6);
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
}
