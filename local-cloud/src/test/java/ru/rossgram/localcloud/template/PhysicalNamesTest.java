package ru.rossgram.localcloud.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.localcloud.LocalCloud;
import ru.rossgram.localcloud.LocalCloudOptions;
import ru.rossgram.localcloud.TemplateDeployment;

/** The names resources are created with and that {@code !Ref} gives, declared in the template or not. */
class PhysicalNamesTest {

    private static final String REGION = "eu-west-1";
    private static final TemplateDeployment.Endpoints ENDPOINTS = new TemplateDeployment.Endpoints(
            URI.create("http://127.0.0.1:8000"), URI.create("http://127.0.0.1:9000"), REGION, "key", "secret");
    private static final String STACK_ID_NAME = "!Join ['-', ['rossgram-media', !Select [2, !Split ['/', !Ref 'AWS::StackId']]]]";

    @TempDir
    Path dir;

    @Test
    void declaredBucketName_isTheBucketsName_andWhatEveryReferenceToItGives() throws IOException {
        TemplateDeployment deployment = deploy("""
                Resources:
                  Media:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: %s
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          BY_EXPRESSION: %s
                          BY_REF: !Ref Media
                          BY_SUB: !Sub '${Media}/originals'
                          ARN: !GetAtt Media.Arn
                """.formatted(STACK_ID_NAME, STACK_ID_NAME));

        assertEquals("rossgram-media-local", deployment.physicalName("Media"));
        Map<String, String> env = environment(deployment);
        assertEquals("rossgram-media-local", env.get("BY_EXPRESSION"));
        assertEquals("rossgram-media-local", env.get("BY_REF"));
        assertEquals("rossgram-media-local/originals", env.get("BY_SUB"));
        assertEquals("arn:aws:s3:::rossgram-media-local", env.get("ARN"));
    }

    @Test
    void declaredNames_resolveParameterDefaultsAndTheDeploymentsRegion() throws IOException {
        TemplateDeployment deployment = deploy("""
                Parameters:
                  Stage: {Type: String, Default: dev}
                Resources:
                  Media:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: !Sub '${AWS::StackName}-${Stage}-${AWS::AccountId}-${AWS::Region}'
                """);
        assertEquals("rossgram-local-dev-000000000000-eu-west-1", deployment.physicalName("Media"));
    }

    @Test
    void declaredTableName_isTheTablesName_andWhatEveryReferenceToItGives() throws IOException {
        TemplateDeployment deployment = deploy("""
                Parameters:
                  Stage: {Type: String, Default: dev}
                Resources:
                  Posts:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub '${Stage}.Posts_v2'
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment:
                        Variables:
                          BY_REF: !Ref Posts
                          ARN: !GetAtt Posts.Arn
                """);

        assertEquals("dev.Posts_v2", deployment.physicalName("Posts"));
        Map<String, String> env = environment(deployment);
        assertEquals("dev.Posts_v2", env.get("BY_REF"));
        assertEquals("arn:aws:dynamodb:eu-west-1:000000000000:table/dev.Posts_v2", env.get("ARN"));
    }

    @Test
    void undeclaredNames_keepTheLocalPrefix() throws IOException {
        TemplateDeployment deployment = deploy("""
                Resources:
                  Media: {Type: AWS::S3::Bucket, Properties: {BucketName: !Ref AWS::NoValue}}
                  MainTable: {Type: AWS::DynamoDB::Table, Properties: {KeySchema: [{AttributeName: pk, KeyType: HASH}]}}
                """);
        assertEquals("rossgram-local-media", deployment.physicalName("Media"));
        assertEquals("rossgram-local-MainTable", deployment.physicalName("MainTable"));
    }

    @Test
    void projectTemplate_givesEveryFunctionTheMediaBucketItWasCreatedAs() {
        TemplateDeployment deployment = new TemplateDeployment(SamTemplate.locate(), REGION);
        assertEquals("rossgram-media-local", deployment.physicalName("MediaBucket"));
        for (FunctionSpec fn : deployment.template().functions()) {
            assertEquals("rossgram-media-local", deployment.functionEnvironment(fn,
                    Map.of("AccessTokenSecret", "c2VjcmV0"), ENDPOINTS).get("ROSSGRAM_MEDIA_BUCKET"), fn.logicalId());
        }
    }

    @Test
    void aNameReferringToAnotherResource_isRefused() throws IOException {
        SamTemplateException bySub = refused("""
                  Media: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub '${Other}-copy'}}
                  Other: {Type: AWS::S3::Bucket}
                """);
        assertEquals("Resources.Media.Properties.BucketName refers to resource Other; a resource's name may use only"
                + " parameters and pseudo parameters", bySub.getMessage());

        SamTemplateException byGetAtt = refused("""
                  Posts:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Join ['-', [!GetAtt Other.Arn, posts]]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  Other: {Type: AWS::S3::Bucket}
                """);
        assertEquals("Resources.Posts.Properties.TableName refers to resource Other; a resource's name may use only"
                + " parameters and pseudo parameters", byGetAtt.getMessage());
    }

    @Test
    void aNameNeedingAParameterWithoutDefault_isRefused() throws IOException {
        SamTemplateException e = assertThrows(SamTemplateException.class, () -> deploy("""
                Parameters:
                  Stage: {Type: String}
                Resources:
                  Media: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub 'media-${Stage}'}}
                """));
        assertEquals("Resources.Media.Properties.BucketName needs parameter Stage, which has no default; a resource's"
                + " name is fixed before parameter values are known", e.getMessage());
    }

    @Test
    void anInvalidBucketName_isRefusedWithTheRuleItBreaks() throws IOException {
        assertBucketNameRefused("Rossgram_Media", "3 to 63 lower-case letters, digits, '-' or '.'");
        assertBucketNameRefused("ab", "3 to 63 lower-case letters");
        assertBucketNameRefused("m".repeat(64), "3 to 63 lower-case letters");
        assertBucketNameRefused("media-", "beginning and ending with a letter or digit");
        assertBucketNameRefused("rossgram..media", "two adjacent periods");
        assertBucketNameRefused("192.168.0.1", "must not look like an IP address");
        assertBucketNameRefused("xn--media", "must not begin with xn--");
        assertBucketNameRefused("media-s3alias", "must not end with -s3alias");
    }

    @Test
    void anInvalidTableName_isRefused() throws IOException {
        SamTemplateException e = refused("""
                  Posts:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: 'rossgram posts'
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                """);
        assertEquals("Resources.Posts.Properties.TableName resolves to 'rossgram posts', which is not a valid name:"
                + " a table name must be 3 to 255 letters, digits, '_', '-' or '.'", e.getMessage());
    }

    @Test
    void twoBucketsWithOneName_areRefused() throws IOException {
        SamTemplateException e = refused("""
                  Media: {Type: AWS::S3::Bucket}
                  Copy: {Type: AWS::S3::Bucket, Properties: {BucketName: rossgram-local-media}}
                """);
        assertEquals("Media and Copy are both named rossgram-local-media", e.getMessage());
    }

    @Test
    void aFunctionEnvironmentForAnotherRegion_isRefused() throws IOException {
        TemplateDeployment deployment = deploy("""
                Resources:
                  Fn: {Type: AWS::Serverless::Function, Properties: {Environment: {Variables: {A: b}}}}
                """);
        var elsewhere = new TemplateDeployment.Endpoints(ENDPOINTS.dynamoDb(), ENDPOINTS.s3(), "us-west-2", "k", "s");
        FunctionSpec fn = deployment.template().function("Fn").orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> deployment.functionEnvironment(fn, Map.of(), elsewhere));
    }

    @Test
    void localCloud_createsTablesAndBucketsUnderTheirDeclaredNames() throws IOException {
        SamTemplate template = SamTemplate.load(write("""
                Resources:
                  Media: {Type: AWS::S3::Bucket, Properties: {BucketName: %s}}
                  Posts:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: !Sub '${AWS::StackName}-posts'
                      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                      KeySchema: [{AttributeName: pk, KeyType: HASH}]
                """.formatted(STACK_ID_NAME)));
        try (LocalCloud cloud = LocalCloud.start(template, LocalCloudOptions.defaults())) {
            assertEquals("rossgram-media-local", cloud.physicalName("Media"));
            assertEquals("rossgram-local-posts", cloud.physicalName("Posts"));
            cloud.s3Client().headBucket(r -> r.bucket("rossgram-media-local"));
            cloud.dynamoDbClient().describeTable(r -> r.tableName("rossgram-local-posts"));
        }
    }

    @Test
    void localCloud_refusesAnInvalidNameBeforeStartingAnything() throws IOException {
        SamTemplate template = SamTemplate.load(write("""
                Resources:
                  Media: {Type: AWS::S3::Bucket, Properties: {BucketName: Media}}
                """));
        assertThrows(SamTemplateException.class, () -> LocalCloud.start(template, LocalCloudOptions.defaults()));
    }

    private void assertBucketNameRefused(String name, String rule) throws IOException {
        SamTemplateException e = refused("""
                  Media: {Type: AWS::S3::Bucket, Properties: {BucketName: '%s'}}
                """.formatted(name));
        assertTrue(e.getMessage().startsWith(
                "Resources.Media.Properties.BucketName resolves to '" + name + "', which is not a valid name: "), e.getMessage());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    private SamTemplateException refused(String resources) throws IOException {
        return assertThrows(SamTemplateException.class, () -> deploy("Resources:\n" + resources));
    }

    private TemplateDeployment deploy(String template) throws IOException {
        return new TemplateDeployment(SamTemplate.load(write(template)), REGION);
    }

    private Path write(String template) throws IOException {
        return Files.writeString(dir.resolve(SamTemplate.FILE_NAME), template);
    }

    private static Map<String, String> environment(TemplateDeployment deployment) {
        return deployment.functionEnvironment(deployment.template().function("Fn").orElseThrow(), Map.of(), ENDPOINTS);
    }
}
