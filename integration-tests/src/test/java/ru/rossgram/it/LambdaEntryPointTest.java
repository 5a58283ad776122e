package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jsoniter.JsonIterator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.it.launch.LambdaLaunch;
import ru.rossgram.it.launch.YandexLaunch;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * Every function's deployable jar (its template CodeUri), started as Lambda starts it: a fresh JVM, the
 * no-argument constructor, configuration only in environment variables, one sample event; and started again
 * as Yandex Cloud Functions starts it, through its Yandex entry class. In-process tests
 * build handlers another way and cannot see a bean the jar lacks at init; this can.
 * Needs the jars, so it runs in {@code mvn verify} (the README's test command), not in a bare {@code mvn test}.
 */
@ExtendWith(LocalEngines.class)
class LambdaEntryPointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyDeployableJar_startsWithTheNoArgumentConstructor_andAnswers(Backend backend) {
        SamTemplate template = backend.template();
        return template.functions().stream().map(function ->
                DynamicTest.dynamicTest(function.logicalId(), () -> {
                    Path jar = template.directory().resolve(function.codeUri());
                    Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built (run mvn verify)");
                    String output = launch(backend, function, jar, sampleEvent(template, function), List.of());
                    if (function.httpRoutes().isEmpty()) {
                        assertTrue(output.contains("handled"), output);
                        return;
                    }
                    assertTrue(output.contains("status="), output);
                    int status = Integer.parseInt(output.replaceAll("(?s).*status=(\\d+).*", "$1"));
                    assertTrue(status < 500, function.logicalId() + " answered " + status + ":\n" + output);
                }));
    }

    /**
     * The same jar started as Yandex Cloud Functions starts it: a fresh JVM, the Yandex entry class's no-argument
     * constructor, configuration only in environment variables, one Yandex sample event read with jsoniter (the
     * runtime's mapper, not in the jar). One jar serves both clouds.
     */
    @TestFactory
    Stream<DynamicTest> everyDeployableJar_startsItsYandexEntryPoint_withTheNoArgumentConstructor_andAnswers(Backend backend) {
        SamTemplate template = backend.template();
        return template.functions().stream().map(function ->
                DynamicTest.dynamicTest(function.logicalId(), () -> {
                    Path jar = template.directory().resolve(function.codeUri());
                    Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built (run mvn verify)");
                    Path event = FunctionModules.yandexSampleEvents(template, function).stream().findFirst()
                            .orElseThrow(() -> new AssertionError("no Yandex sample event for " + function.logicalId()));
                    String output = launch(backend, function, jar, YandexLaunch.class, JsonIterator.class,
                            function.yandexEntryPoint(), event, List.of());
                    if (!function.schedules().isEmpty()) { // a timer's firing: one run, answered with its summary
                        assertTrue(output.matches("(?s).*handled \"\\d+ due.*"), output);
                        return;
                    }
                    if (function.httpRoutes().isEmpty()) {
                        int messages = JSON.readTree(event.toFile()).path("messages").size();
                        assertTrue(output.contains("handled \"" + messages + " handled\""), output);
                        return;
                    }
                    assertTrue(output.contains("status="), output);
                    int status = Integer.parseInt(output.replaceAll("(?s).*status=(\\d+).*", "$1"));
                    assertTrue(status < 500, function.logicalId() + " answered " + status + ":\n" + output);
                }));
    }

    /**
     * Lambda's own context builder creates every singleton at init, and cannot be told not to; the functions
     * build theirs with {@code FunctionContexts}, so a sign-up builds the beans it uses and never an S3 client
     * (its jar holds one, for avatars), nor the framework beans its jar no longer lists. The class-load log of the child JVM shows what was built.
     */
    @Test
    void signingUp_throughTheDeployableJar_neverBuildsAnS3Client(Backend backend, @TempDir Path work) throws Exception {
        SamTemplate template = backend.template();
        FunctionSpec signUp = template.function("SignUpFunction").orElseThrow();
        Path jar = template.directory().resolve(signUp.codeUri());
        Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built (run mvn verify)");
        // The sample new account, under a name no other test in this JVM signs up with.
        Path event = Files.writeString(work.resolve("sign-up.json"), Files.readString(
                template.directory().resolve("events/sign-up/new-account.json")).replace("masha", "jar.masha"));
        Path classLog = work.resolve("classes.log");
        String output = launch(backend, signUp, jar, event, List.of("-Xlog:class+load:file=" + classLog));
        assertTrue(output.contains("status=201"), output);
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains("software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient "), "the log is read");
        assertFalse(loaded.contains("software.amazon.awssdk.services.s3.DefaultS3Client "), "sign-up built an S3 client");
        // The jar lists none of micronaut-http's server beans (see the shade filters in pom.xml): no SSL configuration
        // or executor configuration is built at init.
        assertFalse(loaded.contains("io.micronaut.http.ssl.DefaultSslConfiguration "), "sign-up built HTTP server SSL beans");
        assertFalse(loaded.contains("io.micronaut.scheduling.executor.UserExecutorConfiguration "), "sign-up built executor beans");
    }

    /**
     * SnapStart's priming, run on the deployable jars as Lambda runs it before the snapshot: sign-up's reads
     * DynamoDB and hashes once and the function then signs up; get-me's primes what get-me has and never loads
     * Argon2 (it has no PasswordHasher, and priming must not build one). The class-load log shows what was loaded.
     */
    @Test
    void priming_throughTheDeployableJars_warmsWhatEachFunctionHas_andNoMore(Backend backend, @TempDir Path work)
            throws Exception {
        SamTemplate template = backend.template();
        FunctionSpec signUp = template.function("SignUpFunction").orElseThrow();
        FunctionSpec getMe = template.function("GetMeFunction").orElseThrow();
        for (FunctionSpec function : List.of(signUp, getMe)) {
            Assumptions.assumeTrue(Files.isRegularFile(template.directory().resolve(function.codeUri())),
                    function.codeUri() + " is not built (run mvn verify)");
        }
        Path event = Files.writeString(work.resolve("sign-up.json"), Files.readString(
                template.directory().resolve("events/sign-up/new-account.json")).replace("masha", "primed.masha"));
        String signedUp = launch(backend, signUp, template.directory().resolve(signUp.codeUri()), event,
                List.of("-Drossgram.launch.prime=true"));
        assertTrue(primed(signedUp).containsAll(List.of("DynamoDB GetItem", "Argon2 hash")), signedUp);
        assertTrue(signedUp.contains("status=201"), signedUp);

        Path classLog = work.resolve("get-me-classes.log");
        String answered = launch(backend, getMe, template.directory().resolve(getMe.codeUri()), sampleEvent(template, getMe),
                List.of("-Drossgram.launch.prime=true", "-Xlog:class+load:file=" + classLog));
        assertTrue(primed(answered).contains("DynamoDB GetItem"), answered);
        assertFalse(primed(answered).contains("Argon2 hash"), answered);
        String loaded = Files.readString(classLog);
        assertTrue(loaded.contains("ru.rossgram.shared.snapshot.DynamoDbPriming "), "the log is read");
        assertFalse(loaded.contains("com.password4j.Argon2Function "), "get-me's priming loaded Argon2");
    }

    /** What a launch with {@code rossgram.launch.prime} printed as primed. */
    private static List<String> primed(String output) {
        String line = output.lines().filter(text -> text.startsWith("primed=[")).findFirst()
                .orElseThrow(() -> new AssertionError("no priming line in:\n" + output));
        return List.of(line.substring("primed=[".length(), line.length() - 1).split(", "));
    }

    /** Each jar holds the shared modules its function uses: accounts functions no social graph or payments. */
    @Test
    void functionJars_holdOnlyTheSharedModulesTheirFunctionUses(Backend backend) throws Exception {
        SamTemplate template = backend.template();
        Map<String, List<String>> absent = Map.of(
                "SignUpFunction", List.of("social/", "posts/", "feeds/", "engagement/", "payments/"),
                "GetMeFunction", List.of("social/", "posts/", "feeds/", "engagement/", "payments/"),
                "FeedFunction", List.of("payments/"),
                "CreateUploadFunction", List.of("accounts/", "posts/", "payments/"));
        for (var entry : absent.entrySet()) {
            Path jar = template.directory().resolve(template.function(entry.getKey()).orElseThrow().codeUri());
            Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built (run mvn verify)");
            try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                List<String> shared = zip.stream().map(java.util.zip.ZipEntry::getName)
                        .filter(name -> name.startsWith("ru/rossgram/shared/")).toList();
                assertFalse(shared.isEmpty(), jar + " holds no shared code at all");
                for (String module : entry.getValue()) {
                    assertTrue(shared.stream().noneMatch(name -> name.startsWith("ru/rossgram/shared/" + module)),
                            entry.getKey() + "'s jar holds " + module);
                }
            }
        }
    }

    /**
     * The memory claim of the thumbnail function, checked on its deployable jar: a 48-megapixel phone photo,
     * processed in a JVM sized as in a 512 MB function (the JVM takes its default heap, a quarter of that),
     * comes out as thumbnails, and the process's peak resident memory stays under 512 MB.
     */
    @Test
    void theThumbnailJar_processesA48MegapixelPhoto_withinA512MbFunction(Backend backend, @TempDir Path work) throws Exception {
        FunctionSpec function = backend.template().function("MakeThumbnailsFunction").orElseThrow();
        Path jar = backend.template().directory().resolve(function.codeUri());
        Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built (run mvn verify)");
        FunctionHost functions = backend.functions(TestSettings.OVERRIDES);
        try {
            ApiDriver api = backend.api(functions, "198.51.100.48");
            JsonNode account = User.createAccount(api, TestSettings.unique("big"));
            Map<String, String> auth = Map.of("authorization", "Bearer " + account.at("/tokens/accessToken").asText(),
                    "content-type", "application/json");
            byte[] photo = photoJpeg(8000, 6000);
            ApiDriver.Reply issued = api.send("POST", "/v1/uploads",
                    "{\"purpose\":\"post\",\"contentType\":\"image/jpeg\",\"contentLength\":" + photo.length + "}", auth);
            assertEquals(201, issued.status(), issued.body());
            JsonNode ticket = JSON.readTree(issued.body()).at("/uploads/0");
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ticket.path("url").asText()))
                    .header("content-type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(photo)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, put.statusCode(), put.body());

            String uploadId = ticket.path("uploadId").asText();
            String key = "originals/" + account.at("/account/id").asText() + "/" + uploadId;
            Path event = work.resolve("event.json");
            Files.writeString(event, s3Event(backend.functionEnvironment(function).get("ROSSGRAM_MEDIA_BUCKET"), key, photo.length));
            String output = launch(backend, function, jar, event, List.of("-XX:MaxRAM=512m"));
            assertTrue(output.contains("handled"), output);
            long peakRssKb = Long.parseLong(output.replaceAll("(?s).*peakRssKb=(\\d+).*", "$1"));
            System.out.println("48 MP through the thumbnail jar: peak RSS " + peakRssKb / 1024 + " MB");
            assertTrue(peakRssKb < 512 * 1024, "peak RSS " + peakRssKb + " kB");

            ApiDriver.Reply upload = api.send("GET", "/v1/uploads/" + uploadId, null, auth);
            JsonNode shown = JSON.readTree(upload.body());
            assertEquals("ready", shown.path("status").asText(), upload.body());
            assertEquals(8000, shown.at("/photo/width").asInt());
            assertEquals(List.of("square150", "w320", "w640", "w1080"), fieldNames(shown.at("/photo/urls")));
        } finally {
            functions.close();
        }
    }

    /** An S3 ObjectCreated:Put notification for one object, as S3 sends it. */
    private static String s3Event(String bucket, String key, long size) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                 "eventTime":"2026-11-22T09:00:00.000Z","eventName":"ObjectCreated:Put",
                 "userIdentity":{"principalId":"AWS:LOCAL"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},
                 "responseElements":{"x-amz-request-id":"0000000000000000","x-amz-id-2":"launch"},
                 "s3":{"s3SchemaVersion":"1.0","configurationId":"Originals",
                  "bucket":{"name":"%s","ownerIdentity":{"principalId":"LOCAL"},"arn":"arn:aws:s3:::%s"},
                  "object":{"key":"%s","size":%d,"eTag":"0","sequencer":"0000000000000000A0"}}}]}
                """.formatted(bucket, bucket, key, size);
    }

    /** A photo-sized baseline JPEG: gradients with fine detail, so it decodes like a camera's. */
    private static byte[] photoJpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int detail = ((x ^ y) & 7) * 4;
                row[x] = (x * 200 / width + detail) << 16 | (y * 200 / height + detail) << 8 | (128 + detail);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String codeSource(Class<?> type) throws java.net.URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** The $default function's jar carries the template's route keys its build wrote: a wrong method on a real path is 405. */
    @Test
    void theNotFoundJar_knowsTheTemplatesRoutes(Backend backend) throws Exception {
        SamTemplate template = backend.template();
        FunctionSpec notFound = template.function("NotFoundFunction").orElseThrow();
        Path jar = template.directory().resolve(notFound.codeUri());
        Assumptions.assumeTrue(Files.isRegularFile(jar), jar + " is not built (run mvn verify)");
        assertTrue(launch(backend, notFound, jar, template.directory().resolve("events/not-found/wrong-method.json"), List.of())
                .contains("status=405"));
        assertTrue(launch(backend, notFound, jar, template.directory().resolve("events/not-found/no-such-route.json"), List.of())
                .contains("status=404"));
    }

    private static Path sampleEvent(SamTemplate template, FunctionSpec function) throws IOException {
        return FunctionModules.sampleEvents(template, function).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no sample event for " + function.logicalId()));
    }

    private static String launch(Backend backend, FunctionSpec function, Path jar, Path event, List<String> jvmOptions)
            throws Exception {
        // On Lambda, the runtime's serialization library reads the event; it is not in the function's jar.
        return launch(backend, function, jar, LambdaLaunch.class, LambdaEventSerializers.class, function.handler(), event, jvmOptions);
    }

    /**
     * Starts {@code launcher} in a fresh JVM on the jar, the launcher and the runtime library that holds
     * {@code runtimeLibrary}, with only the function's environment, to construct {@code entryClass} and hand it the event.
     */
    private static String launch(Backend backend, FunctionSpec function, Path jar, Class<?> launcher, Class<?> runtimeLibrary,
                                 String entryClass, Path event, List<String> jvmOptions) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, jar.toString(), codeSource(launcher),
                        codeSource(runtimeLibrary)),
                launcher.getName(), entryClass, event.toString()));
        ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
        process.environment().clear();
        process.environment().putAll(backend.functionEnvironment(function));
        process.environment().putAll(TestSettings.OVERRIDES);
        Process child = process.start();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError(function.logicalId() + " did not answer within 60 s");
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        return output;
    }
}
