package ru.rossgram.deploy.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.localcloud.template.CorsRule;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.HttpRoute;
import ru.rossgram.localcloud.template.SamTemplate;

/** The gateway specification says what template.yaml says, in the form Yandex API Gateway reads. */
class GatewaySpecificationTest {
    private final SamTemplate template = SamTemplate.locate();

    @Test
    void everyTemplateRoute_isExactlyOneOperation_integratedWithItsFunction() throws IOException {
        OpenAPI api = parse(specification(template));
        Map<String, String> expected = new LinkedHashMap<>();
        for (FunctionSpec function : template.functions()) {
            function.httpRoutes().stream().filter(route -> !route.isDefault())
                    .forEach(route -> expected.put(route.routeKey(), variable(function)));
        }
        Map<String, String> actual = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String previous = actual.put(method + " " + path, functionId(operation.getExtensions()));
            if (previous != null) {
                duplicates.add(method + " " + path);
            }
        }));
        assertEquals(List.of(), duplicates);
        assertEquals(expected, actual, "route key -> the function id variable its integration calls");
    }

    @Test
    void theSpecification_isOpenApi3_thatAParserReadsWithoutComplaint() throws IOException {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(specification(template), null, null);
        assertEquals(List.of(), result.getMessages());
        assertEquals("3.0.0", result.getOpenAPI().getOpenapi());
    }

    @Test
    void everyIntegration_callsTheLatestVersion_withTheAws10Payload_asTheGatewaysServiceAccount() throws IOException {
        OpenAPI api = parse(specification(template));
        List<Map<String, Object>> integrations = new ArrayList<>();
        api.getPaths().values().forEach(item -> {
            item.readOperations().forEach(operation -> integrations.add(integration(operation.getExtensions())));
            if (item.getExtensions() != null && item.getExtensions().get(GatewaySpecification.ANY_METHOD) != null) {
                integrations.add(integration(anyMethod(item)));
            }
        });
        assertTrue(integrations.size() > template.functions().size());
        for (Map<String, Object> integration : integrations) {
            assertEquals("cloud_functions", integration.get("type"));
            assertEquals("$latest", integration.get("tag"));
            assertEquals("1.0", integration.get("payload_format_version"));
            assertEquals("${var.serviceAccountId}", integration.get("service_account_id"));
        }
    }

    @Test
    void unknownPaths_andOtherMethodsOnKnownPaths_reachTheDefaultFunction() throws IOException {
        FunctionSpec notFound = template.functions().stream()
                .filter(f -> f.httpRoutes().stream().anyMatch(HttpRoute::isDefault)).findFirst().orElseThrow();
        OpenAPI api = parse(specification(template));
        PathItem catchAll = api.getPaths().get(GatewaySpecification.CATCH_ALL_PATH);
        assertNotNull(catchAll, "the greedy catch-all path");
        assertEquals(variable(notFound), functionId(anyMethod(catchAll)));
        assertEquals(variable(notFound), functionId(anyMethod(api.getPaths().get("/"))), "the root, which has no segment");
        api.getPaths().forEach((path, item) ->
                assertEquals(variable(notFound), functionId(anyMethod(item)), path + ": methods no route serves"));
    }

    @Test
    void pathParameters_areDeclared_asRequiredStrings() throws IOException {
        OpenAPI api = parse(specification(template));
        Operation deleteComment = api.getPaths().get("/v1/posts/{postId}/comments/{commentId}").getDelete();
        assertEquals(List.of("postId", "commentId"), deleteComment.getParameters().stream().map(Parameter::getName).toList());
        for (Parameter parameter : deleteComment.getParameters()) {
            assertEquals("path", parameter.getIn());
            assertEquals(Boolean.TRUE, parameter.getRequired());
            assertEquals("string", parameter.getSchema().getType());
        }
        Map<?, ?> catchAll = anyMethod(api.getPaths().get(GatewaySpecification.CATCH_ALL_PATH));
        assertEquals("proxy", ((Map<?, ?>) ((List<?>) catchAll.get("parameters")).get(0)).get("name"));
    }

    @Test
    void operations_carryTheContractsOperationIds() throws IOException {
        OpenAPI api = parse(specification(template));
        assertEquals("getMe", api.getPaths().get("/v1/me").getGet().getOperationId());
        assertEquals("deleteComment", api.getPaths().get("/v1/posts/{postId}/comments/{commentId}").getDelete().getOperationId());
    }

    @Test
    void theGatewaysCors_isTheHttpApis() throws IOException {
        CorsRule cors = template.httpApiCors().orElseThrow();
        Map<?, ?> gateway = (Map<?, ?>) parse(specification(template)).getExtensions().get("x-yc-apigateway");
        Map<?, ?> rule = (Map<?, ?>) gateway.get("cors");
        assertEquals(cors.allowedOrigins().size() == 1 ? cors.allowedOrigins().get(0) : cors.allowedOrigins(),
                rule.get("origin"));
        assertEquals(cors.allowedMethods(), rule.get("methods"));
        assertEquals(cors.allowedHeaders(), rule.get("allowedHeaders"));
        assertEquals(cors.maxAge(), rule.get("maxAge"));
    }

    @Test
    void aRouteAddedToTheTemplate_appearsInTheSpecification(@TempDir Path directory) throws IOException {
        String original = Files.readString(template.path(), StandardCharsets.UTF_8);
        String added = """
                  ArchiveFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: functions/archive/target/archive-lambda.jar
                      Handler: ru.rossgram.functions.archive.ArchiveHandler
                      Events:
                        Api:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref HttpApi
                            Path: /v1/posts/{postId}/archive
                            Method: PUT

                Outputs:
                """;
        Path copy = directory.resolve(SamTemplate.FILE_NAME);
        Files.writeString(copy, original.replaceFirst("\nOutputs:\n", "\n" + added.replace("$", "\\$")));
        SamTemplate changed = SamTemplate.load(copy);

        PathItem archive = parse(specification(changed)).getPaths().get("/v1/posts/{postId}/archive");

        assertNotNull(archive, "the added route's path");
        assertEquals("${var.functionId.ArchiveFunction}", functionId(archive.getPut().getExtensions()));
        assertEquals("postId", archive.getPut().getParameters().get(0).getName());
    }

    private String specification(SamTemplate template) throws IOException {
        ApiContract contract = ApiContract.read(this.template.directory().resolve("docs/openapi.yaml"));
        return new GatewaySpecification(template, contract).yaml();
    }

    private static OpenAPI parse(String yaml) {
        OpenAPI api = new OpenAPIV3Parser().readContents(yaml, null, null).getOpenAPI();
        assertNotNull(api, "the specification parses");
        return api;
    }

    private static String variable(FunctionSpec function) {
        return "${var." + YandexNames.functionIdVariable(function.logicalId()) + "}";
    }

    private static Map<String, Object> anyMethod(PathItem item) {
        @SuppressWarnings("unchecked")
        Map<String, Object> operation = (Map<String, Object>) item.getExtensions().get(GatewaySpecification.ANY_METHOD);
        assertNotNull(operation, "x-yc-apigateway-any-method");
        return operation;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> integration(Map<String, Object> extensions) {
        return (Map<String, Object>) extensions.get(GatewaySpecification.INTEGRATION);
    }

    private static String functionId(Map<String, Object> extensions) {
        return String.valueOf(integration(extensions).get("function_id"));
    }
}
