package ru.rossgram.it;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplate;
import ru.rossgram.localcloud.TemplateDeployment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * JUnit extension for the contracts' LocalStack variants: template.yaml's tables and buckets deployed to one
 * LocalStack container (DynamoDB and S3) per test JVM, as the {@link Backend} a contract asks for. Where no Docker
 * engine answers, as on our machines and CI, the variant is skipped cleanly, not failed.
 */
public final class LocalStackBackend implements ExecutionCondition, ParameterResolver, Backend {
    private static final String KEY = LocalStackBackend.class.getName();

    private final LocalStackContainer container;
    private final TemplateDeployment deployment;
    private final TemplateDeployment.Endpoints endpoints;
    private final Map<String, String> parameters;

    private LocalStackBackend(LocalStackContainer container, TemplateDeployment deployment, TemplateDeployment.Endpoints endpoints) {
        this.container = container;
        this.deployment = deployment;
        this.endpoints = endpoints;
        this.parameters = Map.of("AccessTokenSecret", Backend.randomAccessTokenSecret(), "S3PathStyle", "true");
    }

    /** Required by JUnit; the real state lives in the root store so one container serves the whole JVM. */
    public LocalStackBackend() {
        this.container = null;
        this.deployment = null;
        this.endpoints = null;
        this.parameters = Map.of();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // Where no Docker engine runs, Testcontainers says so at ERROR before the tests skip; the skip is the message.
        if (org.slf4j.LoggerFactory.getLogger("org.testcontainers.dockerclient") instanceof ch.qos.logback.classic.Logger probe) {
            probe.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        return DockerClientFactory.instance().isDockerAvailable()
                ? ConditionEvaluationResult.enabled("a Docker engine answers")
                : ConditionEvaluationResult.disabled("no Docker engine answers, so no LocalStack");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Backend.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> new Closeable(deploy()), Closeable.class)
                .backend();
    }

    /** Starts LocalStack and creates the template's tables and buckets in it. */
    private static LocalStackBackend deploy() {
        LocalStackContainer localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                .withServices(Service.DYNAMODB, Service.S3);
        localstack.start();
        TemplateDeployment deployment = new TemplateDeployment(SamTemplate.locate());
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey()));
        Region region = Region.of(localstack.getRegion());
        URI dynamoEndpoint = localstack.getEndpointOverride(Service.DYNAMODB);
        URI s3Endpoint = localstack.getEndpointOverride(Service.S3);
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(region).credentialsProvider(credentials).build();
             S3Client s3 = S3Client.builder().endpointOverride(s3Endpoint).region(region).credentialsProvider(credentials)
                     .forcePathStyle(true).build()) {
            deployment.createTables(dynamo);
            deployment.createBuckets(s3);
        }
        return new LocalStackBackend(localstack, deployment, new TemplateDeployment.Endpoints(dynamoEndpoint, s3Endpoint,
                localstack.getRegion(), localstack.getAccessKey(), localstack.getSecretKey()));
    }

    @Override
    public SamTemplate template() {
        return deployment.template();
    }

    @Override
    public Map<String, String> functionEnvironment(FunctionSpec function) {
        return deployment.functionEnvironment(function, parameters, endpoints);
    }

    /** Lets JUnit stop the container when the root context closes, after the last test. */
    private record Closeable(LocalStackBackend backend) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            backend.container.stop();
        }
    }
}
