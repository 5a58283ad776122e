package ru.rossgram.it;

import java.net.URI;
import java.util.Map;
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

/** template.yaml's tables and buckets deployed to a LocalStack container, for the contracts' LocalStack variants. */
final class LocalStackBackend implements Backend {
    private final TemplateDeployment deployment;
    private final TemplateDeployment.Endpoints endpoints;
    private final Map<String, String> parameters;

    private LocalStackBackend(TemplateDeployment deployment, TemplateDeployment.Endpoints endpoints) {
        this.deployment = deployment;
        this.endpoints = endpoints;
        this.parameters = Map.of("AccessTokenSecret", Backend.randomAccessTokenSecret(), "S3PathStyle", "true");
    }

    /** The container a LocalStack variant runs: DynamoDB and S3. */
    static LocalStackContainer container() {
        return new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices(Service.DYNAMODB, Service.S3);
    }

    /** Creates the template's tables and buckets in the running {@code localstack}. */
    static Backend deploy(LocalStackContainer localstack) {
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
        return new LocalStackBackend(deployment, new TemplateDeployment.Endpoints(dynamoEndpoint, s3Endpoint,
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
}
