package ru.rossgram.localcloud;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import ru.rossgram.localcloud.template.BucketSpec;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.IntrinsicResolver;
import ru.rossgram.localcloud.template.PhysicalNames;
import ru.rossgram.localcloud.template.SamTemplate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The template's tables, buckets and function environments, deployed into any DynamoDB- and
 * S3-compatible endpoints in one region: our in-process engines, LocalStack, or a test account.
 * Physical names are the same everywhere (a declared {@code BucketName} or {@code TableName}
 * resolved as for the stack {@code rossgram-local}, else {@code rossgram-local-<LogicalId>}), so
 * data and code agree on them.
 */
public final class TemplateDeployment {
    private final SamTemplate template;
    private final String region;
    private final PhysicalNames names;

    /**
     * A deployment to {@link LocalCloudOptions#DEFAULT_REGION}, LocalStack's default region too.
     *
     * @throws SamTemplateException when a declared resource name cannot be resolved or is not valid
     */
    public TemplateDeployment(SamTemplate template) {
        this(template, LocalCloudOptions.DEFAULT_REGION);
    }

    /**
     * @param region the endpoints' region, which declared names using {@code AWS::Region} or
     *     {@code AWS::StackId} resolve with
     * @throws SamTemplateException when a declared resource name cannot be resolved (it refers to
     *     another resource, or to a parameter without a default), is not valid for its service, or is
     *     shared by two buckets or two tables
     */
    public TemplateDeployment(SamTemplate template, String region) {
        this.template = Objects.requireNonNull(template, "template");
        this.region = Objects.requireNonNull(region, "region");
        this.names = new PhysicalNames(template, region);
    }

    public SamTemplate template() {
        return template;
    }

    /** @return the region the deployment's names were resolved for */
    public String region() {
        return region;
    }

    /**
     * The name a resource is created with, and what {@code !Ref} of it resolves to.
     *
     * @throws IllegalArgumentException when the template has no such resource
     */
    public String physicalName(String logicalId) {
        return names.of(logicalId);
    }

    PhysicalNames names() {
        return names;
    }

    /** Creates the template's tables (with indexes and TTL) that {@code dynamo} does not have yet. */
    public void createTables(DynamoDbClient dynamo) {
        new TableProvisioner(dynamo, names).provision(template.tables());
    }

    /** Creates the template's buckets that {@code s3} does not have yet. */
    public void createBuckets(S3Client s3) {
        var existing = s3.listBuckets().buckets().stream().map(b -> b.name()).toList();
        for (BucketSpec bucket : template.buckets()) {
            String name = names.of(bucket.logicalId());
            if (!existing.contains(name)) {
                s3.createBucket(r -> r.bucket(name));
            }
        }
    }

    /**
     * A function's environment variables resolved for a deployment: Ref of a table or bucket to its
     * physical name, Ref of a parameter to the given value or its default, GetAtt X.Arn to an ARN,
     * Fn::Sub, Fn::Join, Fn::Select; plus the standard AWS variables that point SDK clients at
     * {@code endpoints}.
     *
     * @throws IllegalArgumentException when a parameter value names no parameter of the template, or
     *     {@code endpoints} are in another region than this deployment
     * @throws SamTemplateException when a referenced parameter has no value and no default, or an
     *     intrinsic cannot be resolved locally
     */
    public Map<String, String> functionEnvironment(FunctionSpec fn, Map<String, String> parameterValues, Endpoints endpoints) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(parameterValues, "parameterValues");
        if (!endpoints.region().equals(region)) {
            // A function naming a resource by an expression (not a Ref) would get another name than it was created with.
            throw new IllegalArgumentException("the endpoints are in " + endpoints.region()
                    + " but the deployment's names were resolved for " + region);
        }
        for (String name : parameterValues.keySet()) {
            if (!template.parameterNames().contains(name)) {
                throw new IllegalArgumentException(name + " is not a parameter of " + template.path());
            }
        }
        IntrinsicResolver resolver = new IntrinsicResolver(template, names, parameterValues, endpoints.region());
        Map<String, String> environment = new LinkedHashMap<>();
        fn.environment().forEach((name, value) -> {
            String resolved = resolver.resolve(value, fn.logicalId() + ".Environment.Variables." + name);
            if (resolved != null) {
                environment.put(name, resolved);
            }
        });
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamoDb().toString());
        environment.put("AWS_ENDPOINT_URL_S3", endpoints.s3().toString());
        environment.put("AWS_REGION", endpoints.region());
        environment.put("AWS_ACCESS_KEY_ID", endpoints.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", endpoints.secretAccessKey());
        return Collections.unmodifiableMap(environment);
    }

    /** Where the services are and how to sign requests to them. */
    public record Endpoints(URI dynamoDb, URI s3, String region, String accessKeyId, String secretAccessKey) {
    }
}
