package ru.rossgram.localcloud.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    private static final SamTemplate PROJECT = SamTemplate.locate();

    @Test
    void locatesTheProjectTemplateAboveTheModuleDirectory() {
        assertEquals(SamTemplate.FILE_NAME, PROJECT.path().getFileName().toString());
        assertTrue(Files.isDirectory(PROJECT.directory().resolve("local-cloud")));
    }

    @Test
    void namesEachFunctionsYandexEntryPointBesideItsHandler() {
        FunctionSpec getMe = PROJECT.functions().stream()
                .filter(f -> f.handler().equals("ru.rossgram.functions.getme.GetMeHandler")).findFirst().orElseThrow();
        assertEquals("ru.rossgram.functions.getme.GetMeYandexFunction", getMe.yandexEntryPoint());
        FunctionSpec withMethod = new FunctionSpec("F", "functions/f", "a.b.FHandler::handleRequest", 128, 3,
                Map.of(), List.of(), List.of());
        assertEquals("a.b.FYandexFunction", withMethod.yandexEntryPoint());
    }

    @Test
    void readsParameterDefaults() {
        // The project's template grows with every feature: check the parameters this reader must handle,
        // not the whole list.
        assertEquals("false", PROJECT.parameters().get("S3PathStyle"));
        assertEquals("*", PROJECT.parameters().get("AllowedOrigins"));
        assertFalse(PROJECT.parameters().containsKey("AccessTokenSecret"), "a parameter without a default has no value");
        assertEquals(List.of("AccessTokenSecret", "S3PathStyle", "AllowedOrigins"),
                List.copyOf(PROJECT.parameterNames()).subList(0, 3));
    }

    @Test
    void readsTheTableWithItsIndexAndTimeToLive() {
        TableSpec table = PROJECT.table("MainTable").orElseThrow();
        assertEquals(Map.of("pk", "S", "sk", "S", "gsi1pk", "S", "gsi1sk", "S"), table.attributeDefinitions());
        assertEquals("pk", table.hashKey());
        assertEquals("sk", table.rangeKey());
        assertEquals("expiresAt", table.ttlAttribute());
        assertEquals(List.of(new GlobalSecondaryIndexSpec("gsi1", "gsi1pk", "gsi1sk", "ALL", List.of())),
                table.globalSecondaryIndexes());
    }

    @Test
    void readsTheBucketCorsWithOriginsFromTheParameter() {
        BucketSpec bucket = PROJECT.bucket("MediaBucket").orElseThrow();
        assertEquals(List.of(new CorsRule(List.of("GET", "PUT", "HEAD"), List.of("*"), List.of("*"),
                List.of("ETag"), 3000)), bucket.corsRules());
    }

    @Test
    void readsTheBucketsExpirationRules_forDeploymentsThatApplyThem() {
        assertEquals(List.of(new ExpirationRule("ForgetFanOutTasks", "tasks/", 1),
                        new ExpirationRule("ForgetInstagramExports", "imports/", 7, 3)),
                PROJECT.bucket("MediaBucket").orElseThrow().expirationRules());
    }

    @Test
    void readsFunctionsWithGlobalsAndRoutes() {
        assertEquals(List.of("SignUpFunction", "SignInFunction", "RefreshSessionFunction", "SignOutFunction",
                "GetMeFunction", "UpdateMeFunction"),
                PROJECT.functions().stream().map(FunctionSpec::logicalId).toList().subList(0, 6),
                "functions are read in template order");
        FunctionSpec signUp = PROJECT.function("SignUpFunction").orElseThrow();
        assertEquals("functions/sign-up/target/sign-up-lambda.jar", signUp.codeUri());
        assertEquals("ru.rossgram.functions.signup.SignUpHandler", signUp.handler());
        assertEquals(1024, signUp.memorySize());
        assertEquals(15, signUp.timeout());
        assertEquals(List.of(new HttpRoute("POST", "/v1/accounts")), signUp.httpRoutes());
        assertEquals(List.of(), signUp.s3Events());
        assertEquals(Map.of("Ref", "MainTable"), signUp.environment().get("ROSSGRAM_TABLE"));
        assertEquals(Map.of("Ref", "AccessTokenSecret"), signUp.environment().get("ROSSGRAM_ACCESS_TOKEN_SECRET"));
        assertEquals("-XX:+TieredCompilation -XX:TieredStopAtLevel=1", signUp.environment().get("JAVA_TOOL_OPTIONS"));
        assertEquals(List.of(new HttpRoute("PATCH", "/v1/me")),
                PROJECT.function("UpdateMeFunction").orElseThrow().httpRoutes());
    }

    @Test
    void loadsShortFormIntrinsicsAsTheirLongForms(@TempDir Path dir) throws IOException {
        SamTemplate template = SamTemplate.load(write(dir, """
                Parameters:
                  Origins: {Type: CommaDelimitedList, Default: 'http://a.test, https://*.b.test'}
                  Stage: {Type: String, Default: dev}
                Globals:
                  Function:
                    Timeout: 20
                    Environment:
                      Variables:
                        SHARED: global
                        OVERRIDDEN: global
                Resources:
                  Uploads:
                    Type: AWS::S3::Bucket
                    Properties:
                      CorsConfiguration:
                        CorsRules:
                          - AllowedMethods: [PUT]
                            AllowedOrigins: !Ref Origins
                  OnUpload:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: fn.jar
                      Handler: a.B
                      MemorySize: 512
                      Environment:
                        Variables:
                          OVERRIDDEN: own
                          ARN: !GetAtt Uploads.Arn
                          NESTED: !GetAtt Uploads.Some.Thing
                          LONG_ATT: {'Fn::GetAtt': [Uploads, Arn]}
                          SUB: !Sub '${Stage}-x'
                          JOINED: !Join ['-', [a, !Ref Stage]]
                          FIRST: !Select [0, !Split [',', !Ref Origins]]
                          WHEN: 2024-01-02
                      Events:
                        Created:
                          Type: S3
                          Properties:
                            Bucket: !Ref Uploads
                            Events: s3:ObjectCreated:*
                            Filter:
                              S3Key:
                                Rules:
                                  - {Name: prefix, Value: uploads/}
                                  - {Name: Suffix, Value: .jpg}
                        Api:
                          Type: HttpApi
                          Properties: {Path: '/v1/things/{id}', Method: get}
                """));

        assertEquals(List.of("http://a.test", "https://*.b.test"),
                template.bucket("Uploads").orElseThrow().corsRules().get(0).allowedOrigins());
        assertNull(template.bucket("Uploads").orElseThrow().corsRules().get(0).maxAge());

        FunctionSpec fn = template.function("OnUpload").orElseThrow();
        assertEquals(512, fn.memorySize());
        assertEquals(20, fn.timeout());
        Map<String, Object> env = fn.environment();
        assertEquals("global", env.get("SHARED"));
        assertEquals("own", env.get("OVERRIDDEN"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Uploads", "Arn")), env.get("ARN"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Uploads", "Some.Thing")), env.get("NESTED"));
        assertEquals(env.get("ARN"), env.get("LONG_ATT"));
        assertEquals(Map.of("Fn::Sub", "${Stage}-x"), env.get("SUB"));
        assertEquals(Map.of("Fn::Join", List.of("-", List.of("a", Map.of("Ref", "Stage")))), env.get("JOINED"));
        assertEquals(Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of(",", Map.of("Ref", "Origins"))))),
                env.get("FIRST"));
        assertEquals("2024-01-02", env.get("WHEN"));
        assertEquals(List.of(new S3EventSubscription("Uploads", List.of("s3:ObjectCreated:*"), "uploads/", ".jpg")),
                fn.s3Events());
        assertTrue(fn.s3Events().get(0).matchesKey("uploads/cat.jpg"));
        assertFalse(fn.s3Events().get(0).matchesKey("uploads/cat.png"));
        assertEquals(List.of(new HttpRoute("GET", "/v1/things/{id}")), fn.httpRoutes());
    }

    @Test
    void specsAreImmutable() {
        FunctionSpec fn = PROJECT.functions().get(0);
        assertThrows(UnsupportedOperationException.class, () -> fn.environment().put("X", "y"));
        assertThrows(UnsupportedOperationException.class, () -> PROJECT.tables().clear());
        assertThrows(UnsupportedOperationException.class, () -> PROJECT.parameters().clear());
    }

    @Test
    void namesTheProblemInABrokenTemplate(@TempDir Path dir) throws IOException {
        SamTemplateException e = assertThrows(SamTemplateException.class, () -> SamTemplate.load(write(dir, """
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      KeySchema:
                        - {AttributeName: pk, KeyType: SIDEWAYS}
                """)));
        assertTrue(e.getMessage().contains("Resources.T.Properties.KeySchema[0]"), e.getMessage());
    }

    @Test
    void failsWhenNoTemplateIsAbove(@TempDir Path dir) {
        assertThrows(SamTemplateException.class, () -> SamTemplate.locate(dir));
    }

    private static Path write(Path dir, String yaml) throws IOException {
        return Files.writeString(dir.resolve(SamTemplate.FILE_NAME), yaml);
    }
}
