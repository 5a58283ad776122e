package ru.rossgram.localcloud;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * AWS SDK v2 clients aimed at a local engine: static credentials, fixed region, endpoint
 * override, path-style S3 (a bucket cannot be a host name under 127.0.0.1). The HTTP client is
 * named explicitly because several implementations are on the classpath. Under {@link CloudProfile#YANDEX} the S3
 * client is configured as Yandex Object Storage needs.
 */
final class SdkClients {

    private final StaticCredentialsProvider credentials;
    private final Region region;
    private final CloudProfile profile;

    SdkClients(LocalCloudOptions options) {
        this.credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(options.accessKeyId(), options.secretAccessKey()));
        this.region = Region.of(options.region());
        this.profile = options.profile();
    }

    DynamoDbClient dynamoDb(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    S3Client s3(URI endpoint) {
        S3ClientBuilder builder = S3Client.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create());
        if (profile == CloudProfile.YANDEX) {
            // Object Storage wants Content-MD5 on DeleteObjects, which the SDK (2.30+) replaced with a CRC32
            // checksum: checksums only where required, and the legacy plugin to make that one MD5 again.
            builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .addPlugin(LegacyMd5Plugin.create());
        }
        return builder.build();
    }

    S3Presigner s3Presigner(URI endpoint) {
        return S3Presigner.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
    }
}
