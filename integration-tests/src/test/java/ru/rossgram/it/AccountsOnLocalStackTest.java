package ru.rossgram.it;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import ru.rossgram.localcloud.FunctionSpec;
import ru.rossgram.localcloud.SamTemplate;
import ru.rossgram.localcloud.TemplateDeployment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The same accounts contract against LocalStack, where a Docker engine answers; skipped cleanly
 * (not failed) where there is none, as on our machines and CI.
 */
@Testcontainers(disabledWithoutDocker = true)
class AccountsOnLocalStackTest extends AccountsContract {
    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices(Service.DYNAMODB, Service.S3);

    private Backend backend;

    @BeforeAll
    void deployTemplate() {
        TemplateDeployment deployment = new TemplateDeployment(SamTemplate.locate());
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        Region region = Region.of(LOCALSTACK.getRegion());
        URI dynamoEndpoint = LOCALSTACK.getEndpointOverride(Service.DYNAMODB);
        URI s3Endpoint = LOCALSTACK.getEndpointOverride(Service.S3);
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(region).credentialsProvider(credentials).build();
             S3Client s3 = S3Client.builder().endpointOverride(s3Endpoint).region(region).credentialsProvider(credentials)
                     .forcePathStyle(true).build()) {
            deployment.createTables(dynamo);
            deployment.createBuckets(s3);
        }
        var endpoints = new TemplateDeployment.Endpoints(dynamoEndpoint, s3Endpoint, LOCALSTACK.getRegion(),
                LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey());
        Map<String, String> parameters = Map.of("AccessTokenSecret", Backend.randomAccessTokenSecret(), "S3PathStyle", "true");
        backend = new Backend() {
            @Override
            public SamTemplate template() {
                return deployment.template();
            }

            @Override
            public Map<String, String> functionEnvironment(FunctionSpec function) {
                return deployment.functionEnvironment(function, parameters, endpoints);
            }
        };
    }

    @Override
    protected Backend backend() {
        return backend;
    }
}
