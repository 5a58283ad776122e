package ru.rossgram.localcloud;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.PhysicalNames;
import ru.rossgram.localcloud.template.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The template's DynamoDB tables and S3 buckets on real local engines: DynamoDB Local and
 * S3Proxy, both in this JVM on 127.0.0.1, no Docker. Everything is provisioned from
 * {@link SamTemplate} alone; with a data directory, what exists is kept across runs.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.start()) {
 *     Map<String, String> env = cloud.functionEnvironment(
 *             cloud.template().function("SignUpFunction").orElseThrow(),
 *             Map.of("AccessTokenSecret", secret));
 * }
 * }</pre>
 */
public final class LocalCloud implements AutoCloseable {

    private final SamTemplate template;
    private final LocalCloudOptions options;
    private final TemplateDeployment deployment;
    private final DynamoDbEngine dynamoDb;
    private final S3Engine s3;
    private boolean closed;

    private LocalCloud(SamTemplate template, LocalCloudOptions options, TemplateDeployment deployment,
            DynamoDbEngine dynamoDb, S3Engine s3) {
        this.template = template;
        this.options = options;
        this.deployment = deployment;
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
    }

    /**
     * Starts in memory with default options on the template found by {@link SamTemplate#locate()}.
     *
     * @return the running, provisioned cloud; close it to stop the engines
     */
    public static LocalCloud start() {
        return start(SamTemplate.locate(), LocalCloudOptions.defaults());
    }

    /**
     * Starts on the template found by {@link SamTemplate#locate()}.
     *
     * @param options data directory, ports, credentials, region
     * @return the running, provisioned cloud; close it to stop the engines
     */
    public static LocalCloud start(LocalCloudOptions options) {
        return start(SamTemplate.locate(), options);
    }

    /**
     * Starts both engines and provisions every table and bucket of the template.
     *
     * @param template the tables and buckets to provision
     * @param options data directory, ports, credentials, region
     * @return the running, provisioned cloud; close it to stop the engines
     * @throws SamTemplateException when a declared resource name ({@code BucketName}, {@code TableName})
     *     cannot be resolved locally or is not valid; nothing is started then
     * @throws IllegalStateException when an engine cannot start or provisioning fails
     */
    public static LocalCloud start(SamTemplate template, LocalCloudOptions options) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(options, "options");
        TemplateDeployment deployment = new TemplateDeployment(template, options.region());
        PhysicalNames names = deployment.names();
        EngineLogging.quiet();
        SdkClients clients = new SdkClients(options);
        Path data = options.dataDirectory();
        // Each engine's start is mostly class loading and one-off initialisation: overlap them.
        ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-cloud-s3-start");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture<S3Engine> s3 = CompletableFuture.supplyAsync(() -> {
                try {
                    return S3Engine.start(template, names, data == null ? null : data.resolve("s3"), options, clients);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, background);
            DynamoDbEngine dynamoDb;
            try {
                dynamoDb = DynamoDbEngine.start(template, names, data == null ? null : data.resolve("dynamodb"),
                        options, clients);
            } catch (Exception e) {
                Closer.closeAll(e, () -> s3.join().close());
                throw startFailure(e);
            }
            try {
                return new LocalCloud(template, options, deployment, dynamoDb, s3.get());
            } catch (ExecutionException e) {
                Closer.closeAll(e.getCause(), dynamoDb);
                throw startFailure(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                s3.thenAccept(S3Engine::close);  // whenever it has finished starting
                Closer.closeAll(e, dynamoDb);
                throw startFailure(e);
            }
        } finally {
            background.shutdown();
        }
    }

    private static IllegalStateException startFailure(Throwable cause) {
        return new IllegalStateException("cannot start the local cloud: " + cause.getMessage(), cause);
    }

    /** @return the template the cloud was provisioned from */
    public SamTemplate template() {
        return template;
    }

    /** @return the options the cloud was started with */
    public LocalCloudOptions options() {
        return options;
    }

    /** @return DynamoDB Local's endpoint, {@code http://127.0.0.1:<port>} */
    public URI dynamoEndpoint() {
        return dynamoDb.server().endpoint();
    }

    /**
     * @return S3Proxy's endpoint, {@code http://127.0.0.1:<port>}; buckets are addressed path-style,
     *     which SDK v2 clients choose by themselves for an IP-address endpoint
     */
    public URI s3Endpoint() {
        return s3.server().endpoint();
    }

    /** @return the region clients should sign for */
    public String region() {
        return options.region();
    }

    /** @return the access key both engines accept */
    public String accessKeyId() {
        return options.accessKeyId();
    }

    /** @return the secret for {@link #accessKeyId()} */
    public String secretAccessKey() {
        return options.secretAccessKey();
    }

    /**
     * The name a resource has here: what {@code !Ref} of it resolves to.
     *
     * @param logicalId a resource's logical id in the template
     * @return the resource's declared {@code BucketName} or {@code TableName}, resolved locally (as for
     *     the stack {@code rossgram-local}), else {@code rossgram-local-<LogicalId>}, lower-cased for buckets
     * @throws IllegalArgumentException when the template has no such resource
     */
    public String physicalName(String logicalId) {
        return deployment.physicalName(logicalId);
    }

    /** @return a DynamoDB client for this cloud, owned by it (closed by {@link #close()}) */
    public DynamoDbClient dynamoDbClient() {
        return dynamoDb.client();
    }

    /** @return an S3 client (path-style) for this cloud, owned by it (closed by {@link #close()}) */
    public S3Client s3Client() {
        return s3.client();
    }

    /** @return an S3 presigner (path-style) for this cloud, owned by it (closed by {@link #close()}) */
    public S3Presigner s3Presigner() {
        return s3.presigner();
    }

    /**
     * Tells {@code listener} of every object stored in any bucket of this cloud through its S3
     * endpoint from now on: PutObject (presigned or not), CompleteMultipartUpload and CopyObject,
     * once each, after the object is stored. The listener runs on the request's thread before the
     * client gets its response, so it should hand work off rather than do it; what it throws is
     * logged and does not fail the request. Listeners may be added at any time and are never removed.
     *
     * @param listener told of each stored object
     * @throws NullPointerException when {@code listener} is null
     */
    public void onObjectCreated(Consumer<ObjectCreated> listener) {
        s3.server().onObjectCreated(listener);
    }

    /**
     * The environment a function would get when deployed, aimed at this cloud: the template's
     * variables resolved to strings (Ref of a table or bucket to its physical name, Ref of a
     * parameter to the given value or its default, GetAtt X.Arn to a local ARN, Fn::Sub, Fn::Join,
     * Fn::Select), plus the standard AWS variables that point SDK clients at the local engines:
     * {@code AWS_ENDPOINT_URL_DYNAMODB}, {@code AWS_ENDPOINT_URL_S3}, {@code AWS_REGION},
     * {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}.
     *
     * @param fn a function of this cloud's template
     * @param parameterValues template parameter values; parameters left out use their default
     * @return variable name to value, in template order, standard AWS variables last
     * @throws IllegalArgumentException when a parameter value names no parameter of the template
     * @throws SamTemplateException when a referenced parameter has no value and no default, or an
     *     intrinsic cannot be resolved locally
     */
    public Map<String, String> functionEnvironment(FunctionSpec fn, Map<String, String> parameterValues) {
        return deployment.functionEnvironment(fn, parameterValues, new TemplateDeployment.Endpoints(
                dynamoEndpoint(), s3Endpoint(), options.region(), options.accessKeyId(), options.secretAccessKey()));
    }

    /**
     * Stops both engines (and the clients this cloud handed out). Data in a data directory stays.
     * Calling it again does nothing.
     *
     * @throws IllegalStateException when an engine fails to stop
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        IllegalStateException failure = new IllegalStateException("cannot stop the local cloud cleanly");
        Closer.closeAll(failure, s3, dynamoDb);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
