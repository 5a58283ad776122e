package ru.rossgram.deploy.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.rossgram.deploy.yandex.DryRunCommands.flag;
import static ru.rossgram.deploy.yandex.DryRunCommands.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.localcloud.template.BucketSpec;
import ru.rossgram.localcloud.template.CorsRule;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.S3EventSubscription;
import ru.rossgram.localcloud.template.SamTemplate;
import ru.rossgram.localcloud.template.ScheduleEvent;
import ru.rossgram.localcloud.template.TableSpec;

/**
 * Runs {@code deploy.sh --dry-run} (after the package phase wrote the gateway specification, the plan and the
 * packages) with nothing but bash on the path, so neither yc nor aws, and checks what it would do against
 * template.yaml: every file it names exists, every version's entry point is a Yandex-runnable class in the jar that
 * version deploys, every function and every storage subscription is deployed, and the gateway names every HTTP
 * function with every variable set.
 */
@Tag("after-package")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployDryRunIT {
    private static final String NAME = "rossgram";
    private static final String BUCKET_PREFIX = "rossgram-dry-run";

    private final SamTemplate template = SamTemplate.locate();
    private final Path module = template.directory().resolve("deploy/yandex");
    private DryRunCommands dryRun;

    @BeforeAll
    void runTheDryRun(@TempDir Path tools) throws Exception {
        // Only bash and dirname reachable: a dry run must not need yc or the AWS CLI.
        for (String tool : List.of("bash", "dirname")) {
            Files.createSymbolicLink(tools.resolve(tool), onPath(tool));
        }
        ProcessBuilder process = new ProcessBuilder("bash", module.resolve("deploy.sh").toString(), "--dry-run");
        Map<String, String> environment = process.environment();
        environment.keySet().removeIf(name -> name.startsWith("YC_") || name.startsWith("PARAM_"));
        environment.put("PATH", tools.toString());
        environment.put("YC_FOLDER_ID", "b1g-dry-run-folder");
        environment.put("YC_BUCKET_PREFIX", BUCKET_PREFIX);
        environment.put("PARAM_AccessTokenSecret", Base64.getEncoder().encodeToString(new byte[32]));
        Process running = process.start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(running.getErrorStream()));
        String output = read(running.getInputStream());
        assertTrue(running.waitFor(60, TimeUnit.SECONDS), "the dry run finishes");
        assertEquals(0, running.exitValue(), "deploy.sh --dry-run failed: " + errors.get());
        dryRun = DryRunCommands.parse(output);
    }

    @Test
    void everyFileTheDryRunNames_exists() {
        List<String> missing = new ArrayList<>();
        int files = 0;
        for (List<String> command : dryRun.commands()) {
            for (String word : command) {
                String path = word.startsWith("file://") ? word.substring("file://".length()) : word;
                if (path.startsWith("/")) {
                    files++;
                    if (!Files.isRegularFile(Path.of(path))) {
                        missing.add(path + " (in: " + String.join(" ", command.subList(0, 4)) + " ...)");
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
        // The specification, the bucket's CORS and lifecycle documents, a package per function.
        assertEquals(template.functions().size() + 3, files);
    }

    @Test
    void everyVersionsEntryPoint_isAPublicNonGenericFunction_withANoArgumentConstructor_inTheJarItDeploys(
            @TempDir Path unpacked) throws Exception {
        Map<String, Path> uploads = uploadedPackages();
        List<String> problems = new ArrayList<>();
        for (List<String> version : dryRun.starting("yc", "serverless", "function", "version", "create")) {
            String entryPoint = flag(version, "--entrypoint").orElseThrow();
            Path zip = uploads.get(flag(version, "--package-object-name").orElseThrow());
            if (zip == null) {
                problems.add(entryPoint + ": its package is not uploaded before its version is created");
                continue;
            }
            Path jar = onlyJarIn(zip, unpacked);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Class<?> entry = Class.forName(entryPoint, false, loader);
                if (!Function.class.isAssignableFrom(entry)) {
                    problems.add(entryPoint + " does not implement java.util.function.Function");
                }
                if (!Modifier.isPublic(entry.getModifiers()) || Modifier.isAbstract(entry.getModifiers())
                        || entry.getTypeParameters().length > 0) {
                    problems.add(entryPoint + " is not a public, concrete, non-generic class");
                }
                if (!Modifier.isPublic(entry.getConstructor().getModifiers())) {
                    problems.add(entryPoint + " has no public no-argument constructor");
                }
                if (!functionOfConcreteTypes(entry)) {
                    problems.add(entryPoint + " does not name concrete input and output types");
                }
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                problems.add(entryPoint + " is not in " + zip.getFileName() + "'s jar: " + e);
            } finally {
                Files.delete(jar);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyTemplateFunction_getsOneVersion_withTheTemplatesEntryPointMemoryTimeoutAndEnvironment() {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (List<String> version : dryRun.starting("yc", "serverless", "function", "version", "create")) {
            List<String> previous = versions.put(flag(version, "--function-id").orElseThrow(), version);
            assertEquals(null, previous, "one version per function per run");
        }
        assertEquals(template.functions().size(), versions.size());
        for (FunctionSpec function : template.functions()) {
            String name = NAME + "-" + YandexNames.functionName(function.logicalId());
            assertEquals(1, dryRun.starting("yc", "serverless", "function", "create", "--name", name).size(), name);
            List<String> version = versions.get("<id of function " + name + ">");
            assertTrue(version != null, name + " gets a version");
            assertEquals("java21", flag(version, "--runtime").orElseThrow());
            assertEquals(function.yandexEntryPoint(), flag(version, "--entrypoint").orElseThrow());
            assertEquals(function.memorySize() + "MB", flag(version, "--memory").orElseThrow());
            assertEquals(function.timeout() + "s", flag(version, "--execution-timeout").orElseThrow());
            Map<String, String> environment = environment(version);
            for (String variable : function.environment().keySet()) {
                assertTrue(environment.containsKey(variable), name + " gets " + variable);
            }
            assertEquals(BUCKET_PREFIX + "-media", environment.get("ROSSGRAM_MEDIA_BUCKET"));
            assertEquals("MainTable", environment.get("ROSSGRAM_TABLE"));
            assertEquals("<Document API endpoint of database " + NAME + ">", environment.get("AWS_ENDPOINT_URL_DYNAMODB"));
            assertEquals("https://storage.yandexcloud.net", environment.get("AWS_ENDPOINT_URL_S3"));
            assertEquals("ru-central1", environment.get("AWS_REGION"));
            assertTrue(environment.containsKey("AWS_ACCESS_KEY_ID") && environment.containsKey("AWS_SECRET_ACCESS_KEY"));
            String javaOptions = String.valueOf(function.environment().get("JAVA_TOOL_OPTIONS"));
            assertEquals(javaOptions, environment.get("JAVA_TOOL_OPTIONS"), name + "'s own JAVA_TOOL_OPTIONS wins");
        }
    }

    @Test
    void everyStorageSubscription_hasATrigger_withItsFilter_onItsBucket_invokingItsFunction() {
        List<List<String>> triggers = new ArrayList<>(dryRun.starting("yc", "serverless", "trigger", "create", "object-storage"));
        int subscriptions = 0;
        for (FunctionSpec function : template.functions()) {
            for (S3EventSubscription subscription : function.s3Events()) {
                subscriptions++;
                String functionId = "<id of function " + NAME + "-" + YandexNames.functionName(function.logicalId()) + ">";
                List<String> trigger = triggers.stream()
                        .filter(t -> flag(t, "--invoke-function-id").orElse("").equals(functionId)
                                && Objects.equals(subscription.prefix(), flag(t, "--prefix").orElse(null)))
                        .findFirst().orElse(null);
                assertTrue(trigger != null, function.logicalId() + " has no trigger for " + subscription);
                triggers.remove(trigger);
                assertEquals(BUCKET_PREFIX + "-" + YandexNames.bucketName(subscription.bucketLogicalId()),
                        flag(trigger, "--bucket-id").orElseThrow());
                assertEquals("create-object", flag(trigger, "--events").orElseThrow());
                assertEquals(subscription.suffix(), flag(trigger, "--suffix").orElse(null));
                assertEquals("<id of service account " + NAME + "-invoker>",
                        flag(trigger, "--invoke-function-service-account-id").orElseThrow());
                int retries = Integer.parseInt(flag(trigger, "--retry-attempts").orElseThrow());
                assertTrue(retries >= 1 && retries <= 5, "Yandex allows 1 to 5 retry attempts");
                int batch = Integer.parseInt(flag(trigger, "--batch-size").orElseThrow());
                assertTrue(batch >= 1 && batch <= 10, "Yandex delivers 1 to 10 messages a call");
            }
        }
        assertEquals(List.of(), triggers, "triggers no subscription asks for");
        assertEquals(4, subscriptions, "originals/, avatars/, tasks/fanout/ and tasks/imports/");
    }

    @Test
    void everyEnabledSchedule_hasATimer_withItsYandexCron_invokingItsFunction() {
        List<List<String>> timers = new ArrayList<>(dryRun.starting("yc", "serverless", "trigger", "create", "timer"));
        for (FunctionSpec function : template.functions()) {
            for (ScheduleEvent schedule : function.schedules().stream().filter(ScheduleEvent::enabled).toList()) {
                String functionId = "<id of function " + NAME + "-" + YandexNames.functionName(function.logicalId()) + ">";
                String cron = TimerTrigger.yandexCron(schedule.schedule());
                List<String> timer = timers.stream()
                        .filter(t -> flag(t, "--invoke-function-id").orElse("").equals(functionId)
                                && flag(t, "--cron-expression").orElse("").equals(cron))
                        .findFirst().orElse(null);
                assertTrue(timer != null, function.logicalId() + " has no timer firing on " + cron);
                timers.remove(timer);
                assertEquals(schedule.input(), flag(timer, "--payload").orElse(null));
                assertEquals("<id of service account " + NAME + "-invoker>",
                        flag(timer, "--invoke-function-service-account-id").orElseThrow());
            }
        }
        assertEquals(List.of(), timers, "timers no schedule asks for");
    }

    @Test
    void theGateway_getsTheGeneratedSpecification_namingEveryHttpFunction_withEveryVariableSet() {
        List<List<String>> creates = dryRun.starting("yc", "serverless", "api-gateway", "create");
        assertEquals(1, creates.size());
        List<String> create = creates.get(0);
        Path specification = Path.of(flag(create, "--spec").orElseThrow());
        assertEquals(module.resolve("target/gateway.yaml"), specification);
        OpenAPI api = new OpenAPIV3Parser().read(specification.toString());

        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : flag(create, "--variables").orElseThrow().split(",")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Map<?, ?> declared = (Map<?, ?>) ((Map<?, ?>) api.getExtensions().get("x-yc-apigateway")).get("variables");
        assertEquals(new TreeSet<>(stringKeys(declared)), new TreeSet<>(values.keySet()), "every variable set, no other");

        Set<String> called = new TreeSet<>();
        api.getPaths().values().forEach(item -> {
            item.readOperations().forEach(operation -> called.add(functionVariable(operation.getExtensions())));
            called.add(functionVariable((Map<?, ?>) item.getExtensions().get(GatewaySpecification.ANY_METHOD)));
        });
        Set<String> httpFunctions = new TreeSet<>();
        for (FunctionSpec function : template.functions()) {
            if (!function.httpRoutes().isEmpty()) {
                String variable = YandexNames.functionIdVariable(function.logicalId());
                httpFunctions.add(variable);
                assertEquals("<id of function " + NAME + "-" + YandexNames.functionName(function.logicalId()) + ">",
                        values.get(variable), variable);
            }
        }
        assertEquals(httpFunctions, called, "the functions the specification calls");
        assertEquals("<id of service account " + NAME + "-invoker>", values.get(YandexNames.SERVICE_ACCOUNT_VARIABLE));
    }

    @Test
    void theDocumentTable_hasTheTemplatesKeySchema_andIndexes() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (TableSpec table : template.tables()) {
            List<String> create = dryRun.starting("aws", "dynamodb", "create-table", "--table-name", table.logicalId()).get(0);
            JsonNode keys = json.readTree(flag(create, "--key-schema").orElseThrow());
            assertEquals(table.hashKey(), keys.get(0).get("AttributeName").asText());
            assertEquals("HASH", keys.get(0).get("KeyType").asText());
            assertEquals(table.rangeKey(), keys.get(1).get("AttributeName").asText());
            JsonNode indexes = json.readTree(flag(create, "--global-secondary-indexes").orElseThrow());
            assertEquals(table.globalSecondaryIndexes().size(), indexes.size());
            for (int i = 0; i < indexes.size(); i++) {
                assertEquals(table.globalSecondaryIndexes().get(i).indexName(), indexes.get(i).get("IndexName").asText());
                assertEquals(table.globalSecondaryIndexes().get(i).hashKey(),
                        indexes.get(i).get("KeySchema").get(0).get("AttributeName").asText());
                assertEquals("ALL", indexes.get(i).get("Projection").get("ProjectionType").asText());
            }
            assertTrue(dryRun.starting("aws", "dynamodb", "create-table").get(0).contains(dryRunEndpoint()));
            assertEquals(1, dryRun.starting("aws", "dynamodb", "update-time-to-live", "--table-name", table.logicalId()).size());
        }
    }

    @Test
    void everyBucket_getsTheTemplatesCorsRules_andExpiryRules() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (BucketSpec bucket : template.buckets()) {
            String name = BUCKET_PREFIX + "-" + YandexNames.bucketName(bucket.logicalId());
            assertEquals(1, dryRun.starting("yc", "storage", "bucket", "create", "--name", name).size(), name);
            JsonNode cors = json.readTree(document(dryRun.starting("aws", "s3api", "put-bucket-cors", "--bucket", name),
                    "--cors-configuration")).get("CORSRules");
            assertEquals(bucket.corsRules().size(), cors.size());
            for (int i = 0; i < cors.size(); i++) {
                CorsRule rule = bucket.corsRules().get(i);
                assertEquals(rule.allowedMethods(), texts(cors.get(i).get("AllowedMethods")));
                assertEquals(rule.allowedOrigins(), texts(cors.get(i).get("AllowedOrigins")));
                assertEquals(rule.exposedHeaders(), texts(cors.get(i).get("ExposeHeaders")));
                assertEquals(rule.maxAge(), cors.get(i).get("MaxAgeSeconds").asInt());
            }
            JsonNode expiry = json.readTree(document(dryRun.starting("aws", "s3api",
                    "put-bucket-lifecycle-configuration", "--bucket", name), "--lifecycle-configuration")).get("Rules");
            assertEquals(bucket.expirationRules().size(), expiry.size());
            for (int i = 0; i < expiry.size(); i++) {
                assertEquals(bucket.expirationRules().get(i).prefix(), expiry.get(i).get("Filter").get("Prefix").asText());
                assertEquals(bucket.expirationRules().get(i).expirationInDays(), expiry.get(i).get("Expiration").get("Days").asInt());
                Integer abortAfter = bucket.expirationRules().get(i).abortIncompleteUploadsAfterDays();
                assertEquals(abortAfter == null ? 0 : abortAfter,
                        expiry.get(i).path("AbortIncompleteMultipartUpload").path("DaysAfterInitiation").asInt());
            }
        }
    }

    @Test
    void everyPackage_isTheFunctionsJarAlone_andWithinWhatYandexTakesFromABucket() throws IOException {
        Map<String, Path> uploads = uploadedPackages();
        assertEquals(template.functions().size(), uploads.size());
        List<String> sizes = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            Path zip = uploads.values().stream()
                    .filter(p -> p.getFileName().toString().equals(YandexNames.functionName(function.logicalId()) + ".zip"))
                    .findFirst().orElseThrow();
            try (ZipFile archive = new ZipFile(zip.toFile())) {
                List<String> entries = Collections.list(archive.entries()).stream().map(ZipEntry::getName).toList();
                assertEquals(List.of(Path.of(function.codeUri()).getFileName().toString()), entries,
                        zip + " holds the template's CodeUri jar at its root, and nothing else");
            }
            long size = Files.size(zip);
            assertTrue(size <= FunctionPackage.MAX_BUCKET_PACKAGE, zip + " is " + size + " bytes");
            sizes.add(String.format("%s %.1f MB", zip.getFileName(), size / 1e6));
        }
        System.out.println("Yandex packages: " + String.join(", ", sizes));
    }

    private static String document(List<List<String>> commands, String flag) throws IOException {
        assertEquals(1, commands.size(), "one command that sets " + flag);
        return Files.readString(Path.of(flag(commands.get(0), flag).orElseThrow().substring("file://".length())));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private String dryRunEndpoint() {
        return "<Document API endpoint of database " + NAME + ">";
    }

    /** Object name to the local ZIP the dry run uploads as it. */
    private Map<String, Path> uploadedPackages() {
        Map<String, Path> uploads = new LinkedHashMap<>();
        for (List<String> copy : dryRun.starting("aws", "s3", "cp")) {
            String target = copy.get(4);
            String objectName = target.substring(target.indexOf('/', "s3://".length()) + 1);
            uploads.put(objectName, Path.of(copy.get(3)));
        }
        return uploads;
    }

    private static Path onlyJarIn(Path zip, Path directory) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(archive.entries());
            assertEquals(1, entries.size(), zip + " holds one entry");
            ZipEntry jar = entries.get(0);
            assertFalse(jar.getName().contains("/"), "the jar is at the root");
            assertTrue(jar.getName().endsWith(".jar"));
            Path extracted = directory.resolve(jar.getName());
            try (InputStream in = archive.getInputStream(jar)) {
                Files.copy(in, extracted);
            }
            return extracted;
        }
    }

    /** Yandex maps input and output by the type arguments: Function's must be classes, not type variables. */
    private static boolean functionOfConcreteTypes(Class<?> entry) {
        for (Class<?> type = entry; type != null; type = type.getSuperclass()) {
            for (Type implemented : type.getGenericInterfaces()) {
                if (implemented instanceof ParameterizedType parameterized && parameterized.getRawType() == Function.class) {
                    return Arrays.stream(parameterized.getActualTypeArguments()).allMatch(t -> t instanceof Class<?>);
                }
            }
        }
        return false;
    }

    private static Map<String, String> environment(List<String> version) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String flag : flags(version, "--environment")) {
            // deploy.sh CSV-quotes a field holding a comma or quote, as yc parses such lists.
            String entry = flag.startsWith("\"") ? flag.substring(1, flag.length() - 1).replace("\"\"", "\"") : flag;
            environment.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
        }
        return environment;
    }

    private static String functionVariable(Map<?, ?> operation) {
        assertInstanceOf(Map.class, operation);
        String id = String.valueOf(((Map<?, ?>) operation.get(GatewaySpecification.INTEGRATION)).get("function_id"));
        return id.substring("${var.".length(), id.length() - 1);
    }

    private static List<String> stringKeys(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    private static Path onPath(String tool) {
        for (String directory : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(directory, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(tool + " is not on the PATH");
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
