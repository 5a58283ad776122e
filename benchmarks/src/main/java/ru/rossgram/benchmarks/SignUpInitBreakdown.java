package ru.rossgram.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import ru.rossgram.shared.accounts.AccountRegistrar;
import ru.rossgram.shared.accounts.SignUpRequest;
import ru.rossgram.shared.accounts.SignedInAccount;
import ru.rossgram.shared.auth.AccessTokens;
import ru.rossgram.shared.auth.PasswordHasher;
import ru.rossgram.shared.auth.PasswordPolicy;
import ru.rossgram.shared.config.FunctionContexts;
import ru.rossgram.shared.config.PasswordHashingConfig;
import ru.rossgram.shared.http.ApiRequest;
import ru.rossgram.shared.http.JsonCodec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the sign-up function's cold start goes: in a fresh JVM on the deployable jar, does what
 * {@code SignUpHandler}'s constructor and first call do, one step at a time - the Micronaut context (as
 * the handler builds it, with {@code FunctionContexts}), then each expensive bean, then one
 * sign-up - and prints each
 * step's milliseconds on one line. Steps share class loading, so each is "the cost of this step after the
 * ones before it"; the order follows the handler's dependencies.
 *
 * <p>Singletons are lazy there as in the real handler, so each bean is created by its own step.
 *
 * <p>Also times Argon2id with the production settings: the first hash (inside PasswordHasher's constructor,
 * cold), a second one, and the median of a few once the code is compiled.
 *
 * <p>Run as {@code java -cp <sign-up jar>:<this probe's jar> ru.rossgram.benchmarks.SignUpInitBreakdown
 * <event.json>} with the function's environment.
 */
public final class SignUpInitBreakdown {
    private static final int WARM_HASHES = 5;

    private final Map<String, Long> steps = new LinkedHashMap<>();

    private SignUpInitBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        long mainEntered = System.currentTimeMillis();
        if (args.length != 1) {
            System.err.println("usage: SignUpInitBreakdown <event.json>");
            System.exit(2);
        }
        new SignUpInitBreakdown().run(Path.of(args[0]), mainEntered);
        System.exit(0);
    }

    private void run(Path eventFile, long mainEntered) throws Exception {
        // The functions' own context settings (lazy singletons), so each bean below is created by its step.
        ApplicationContext context = step("contextStart", () -> FunctionContexts.lambda().start());
        step("dynamoDbClient", () -> context.getBean(DynamoDbClient.class));
        step("passwordPolicy", () -> context.getBean(PasswordPolicy.class));
        PasswordHasher hasher = step("passwordHasher", () -> context.getBean(PasswordHasher.class));
        step("accessTokens", () -> context.getBean(AccessTokens.class));
        JsonCodec json = step("jsonCodec", () -> context.getBean(JsonCodec.class));
        AccountRegistrar registrar = step("accountRegistrar", () -> context.getBean(AccountRegistrar.class));
        long initEnd = System.currentTimeMillis();

        ApiRequest request = request(json, eventFile);
        SignUpRequest body = step("readBody", () -> json.read(request, SignUpRequest.class));
        step("argon2Second", () -> hasher.hash(body.password()));
        SignedInAccount account = step("signUp", () -> registrar.signUp(body, request.sourceIp()));
        step("respond", () -> json.response(201, account));

        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < WARM_HASHES; i++) {
            long t0 = System.nanoTime();
            hasher.hash(body.password());
            warm.add(Math.round((System.nanoTime() - t0) / 1_000_000.0));
        }
        warm.sort(null);

        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        PasswordHashingConfig argon2 = context.getBean(PasswordHashingConfig.class);
        StringBuilder line = new StringBuilder("breakdown");
        line.append(" jvmMillis=").append(mainEntered - jvmStart);
        steps.forEach((name, millis) -> line.append(' ').append(name).append("Millis=").append(millis));
        line.append(" initTotalMillis=").append(initEnd - mainEntered);
        line.append(" argon2WarmMillis=").append(warm.get(warm.size() / 2));
        line.append(" argon2MemoryKib=").append(argon2.memoryKib());
        line.append(" argon2Iterations=").append(argon2.iterations());
        line.append(" argon2Parallelism=").append(argon2.parallelism());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            line.append(" cpuMillis=").append(os.getProcessCpuTime() / 1_000_000);
        }
        System.out.println(line);
        System.out.flush();
    }

    /** The request the handler would see; only the body and its content type matter to sign-up. */
    private static ApiRequest request(JsonCodec json, Path eventFile) throws Exception {
        JsonNode event = json.mapper().readTree(eventFile.toFile());
        return new ApiRequest("POST /v1/accounts", "POST", "/v1/accounts", Map.of("content-type", "application/json"), Map.of(), Map.of(),
                event.get("body").asText().getBytes(StandardCharsets.UTF_8), "127.0.0.1", "breakdown");
    }

    private <T> T step(String name, Callable<T> work) throws Exception {
        long t0 = System.nanoTime();
        T result = work.call();
        steps.put(name, Math.round((System.nanoTime() - t0) / 1_000_000.0));
        return result;
    }
}
