package ru.rossgram.benchmarks.bare;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The SDK clients of the bare handlers, built once per container from the variables the real functions read
 * (ROSSGRAM_TABLE, ROSSGRAM_MEDIA_BUCKET, ROSSGRAM_S3_PATH_STYLE, the AWS_* credentials, region and endpoints), with
 * the url-connection HTTP client the real functions use too. Every client is made only when first asked for, as
 * the real functions' lazy singletons are: a bare handler pays only for the clients it uses.
 */
public final class BareClients {
    private final Map<String, String> env;
    private DynamoDbClient dynamo;
    private S3Client s3;
    private S3Presigner presigner;

    /** @param env the function's environment: {@code System.getenv()} in a container */
    public BareClients(Map<String, String> env) {
        this.env = env;
    }

    public String table() {
        return required("ROSSGRAM_TABLE");
    }

    public String bucket() {
        return required("ROSSGRAM_MEDIA_BUCKET");
    }

    public DynamoDbClient dynamo() {
        if (dynamo == null) {
            var builder = DynamoDbClient.builder().region(region()).credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.builder().build());
            endpoint("AWS_ENDPOINT_URL_DYNAMODB").ifPresent(builder::endpointOverride);
            dynamo = builder.build();
        }
        return dynamo;
    }

    public S3Client s3() {
        if (s3 == null) {
            var builder = S3Client.builder().region(region()).credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.builder().build())
                    .forcePathStyle(pathStyle());
            endpoint("AWS_ENDPOINT_URL_S3").ifPresent(builder::endpointOverride);
            s3 = builder.build();
        }
        return s3;
    }

    public S3Presigner presigner() {
        if (presigner == null) {
            var builder = S3Presigner.builder().region(region()).credentialsProvider(credentials())
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle()).build());
            endpoint("AWS_ENDPOINT_URL_S3").ifPresent(builder::endpointOverride);
            presigner = builder.build();
        }
        return presigner;
    }

    private boolean pathStyle() {
        return Boolean.parseBoolean(env.getOrDefault("ROSSGRAM_S3_PATH_STYLE", "false"));
    }

    private Region region() {
        return Region.of(required("AWS_REGION"));
    }

    private StaticCredentialsProvider credentials() {
        String sessionToken = env.get("AWS_SESSION_TOKEN");
        AwsCredentials credentials = sessionToken == null || sessionToken.isBlank()
                ? AwsBasicCredentials.create(required("AWS_ACCESS_KEY_ID"), required("AWS_SECRET_ACCESS_KEY"))
                : AwsSessionCredentials.create(required("AWS_ACCESS_KEY_ID"), required("AWS_SECRET_ACCESS_KEY"), sessionToken);
        return StaticCredentialsProvider.create(credentials);
    }

    private java.util.Optional<URI> endpoint(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(URI.create(value));
    }

    private String required(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
