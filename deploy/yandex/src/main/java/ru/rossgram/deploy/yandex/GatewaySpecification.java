package ru.rossgram.deploy.yandex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import ru.rossgram.localcloud.template.CorsRule;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.HttpRoute;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * The Yandex API Gateway specification (OpenAPI 3.0 with Yandex's extensions) of the template's HTTP API: each
 * route an operation integrated with its function ({@code cloud_functions}, payload format 1.0, the AWS-1.0-like
 * event the Yandex entry points read), the HTTP API's CORS as the gateway's, and what no route serves sent to the
 * template's {@code $default} function, so that unknown paths and methods get our problem answer, not the
 * gateway's own.
 *
 * <p>Function ids and the gateway's service account are specification variables ({@code ${var.functionId.X}},
 * {@code ${var.serviceAccountId}}) that deploy.sh sets with {@code --variables}: the file deployed is the file
 * generated.
 */
final class GatewaySpecification {

    static final String OPENAPI_VERSION = "3.0.0";
    static final String INTEGRATION = "x-yc-apigateway-integration";
    static final String ANY_METHOD = "x-yc-apigateway-any-method";
    /** Greedy: matches any number of segments (Yandex's extension of OpenAPI path templates). */
    static final String CATCH_ALL_PATH = "/{proxy+}";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}+]+)\\+?}");

    private final SamTemplate template;
    private final ApiContract contract;

    GatewaySpecification(SamTemplate template, ApiContract contract) {
        this.template = template;
        this.contract = contract;
    }

    /** @return the specification as YAML */
    String yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return "# Generated from template.yaml by deploy/yandex (GatewaySpecification) on every build: do not edit.\n"
                + new Yaml(options).dump(document());
    }

    /** @return the specification as nested maps, in the order it is written */
    Map<String, Object> document() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("openapi", OPENAPI_VERSION);
        spec.put("info", ordered("title", contract.title(), "version", contract.version()));
        spec.put("x-yc-apigateway", gatewaySettings());
        spec.put("paths", paths());
        return spec;
    }

    private Map<String, Object> gatewaySettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("service_account_id", variable(YandexNames.SERVICE_ACCOUNT_VARIABLE));
        Map<String, Object> variables = new LinkedHashMap<>();
        // A variable must have a default; an empty id makes a deployment that forgot one fail, not misroute.
        variables.put(YandexNames.SERVICE_ACCOUNT_VARIABLE, ordered("default", "",
                "description", "the service account the gateway invokes the functions as (functions.functionInvoker)"));
        for (FunctionSpec function : httpFunctions()) {
            variables.put(YandexNames.functionIdVariable(function.logicalId()), ordered("default", "",
                    "description", "the id of the function " + YandexNames.functionName(function.logicalId())));
        }
        settings.put("variables", variables);
        template.httpApiCors().ifPresent(cors -> settings.put("cors", cors(cors)));
        return settings;
    }

    private static Map<String, Object> cors(CorsRule rule) {
        Map<String, Object> cors = new LinkedHashMap<>();
        cors.put("origin", rule.allowedOrigins().size() == 1 ? rule.allowedOrigins().get(0) : rule.allowedOrigins());
        cors.put("methods", rule.allowedMethods());
        cors.put("allowedHeaders", rule.allowedHeaders());
        if (!rule.exposedHeaders().isEmpty()) {
            cors.put("exposedHeaders", rule.exposedHeaders());
        }
        if (rule.maxAge() != null) {
            cors.put("maxAge", rule.maxAge());
        }
        return cors;
    }

    private Map<String, Object> paths() {
        Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
        FunctionSpec fallback = defaultFunction();
        for (FunctionSpec function : template.functions()) {
            for (HttpRoute route : function.httpRoutes()) {
                if (route.isDefault()) {
                    continue;
                }
                Map<String, Object> item = paths.computeIfAbsent(route.path(), path -> new LinkedHashMap<>());
                String method = route.method().toLowerCase(Locale.ROOT);
                if (item.containsKey(method) || method.equals("any")) {
                    throw new IllegalStateException(route.routeKey() + " (" + function.logicalId() + ") is served twice"
                            + " or as ANY, which the gateway specification cannot say beside other methods");
                }
                Map<String, Object> operation = new LinkedHashMap<>();
                contract.operationId(route.routeKey()).ifPresent(id -> operation.put("operationId", id));
                operation.putAll(operationBody(route.path(), function));
                item.put(method, operation);
            }
        }
        if (fallback != null) {
            // The root and the greedy path catch what no route matches (whether {proxy+} matches no segment is
            // undocumented); on a served path, any other method. The fallback answers 404, or 405 with Allow.
            paths.computeIfAbsent("/", path -> new LinkedHashMap<>());
            paths.computeIfAbsent(CATCH_ALL_PATH, path -> new LinkedHashMap<>());
            paths.forEach((path, item) -> item.put(ANY_METHOD, operationBody(path, fallback)));
        }
        return new LinkedHashMap<>(paths);
    }

    private Map<String, Object> operationBody(String path, FunctionSpec function) {
        Map<String, Object> operation = new LinkedHashMap<>();
        List<Map<String, Object>> parameters = pathParameters(path);
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        operation.put("responses", Map.of("default", Map.of("description", "the answer of "
                + YandexNames.functionName(function.logicalId()) + " (docs/openapi.yaml describes it)")));
        operation.put(INTEGRATION, integration(function));
        return operation;
    }

    static Map<String, Object> integration(FunctionSpec function) {
        Map<String, Object> integration = new LinkedHashMap<>();
        integration.put("type", "cloud_functions");
        integration.put("function_id", variable(YandexNames.functionIdVariable(function.logicalId())));
        integration.put("tag", "$latest");
        integration.put("service_account_id", variable(YandexNames.SERVICE_ACCOUNT_VARIABLE));
        // 1.0 is the AWS-1.0-like event the Yandex entry points read; the gateway's default is 0.1.
        integration.put("payload_format_version", "1.0");
        return integration;
    }

    static List<Map<String, Object>> pathParameters(String path) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(path);
        while (matcher.find()) {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("name", matcher.group(1));
            parameter.put("in", "path");
            parameter.put("required", true);
            parameter.put("schema", Map.of("type", "string"));
            parameters.add(parameter);
        }
        return parameters;
    }

    /** A map of the given keys and values that keeps their order (Map.of's differs from run to run). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String variable(String name) {
        return "${var." + name + "}";
    }

    private List<FunctionSpec> httpFunctions() {
        return template.functions().stream().filter(f -> !f.httpRoutes().isEmpty()).toList();
    }

    private FunctionSpec defaultFunction() {
        List<FunctionSpec> defaults = template.functions().stream()
                .filter(f -> f.httpRoutes().stream().anyMatch(HttpRoute::isDefault)).toList();
        if (defaults.size() > 1) {
            throw new IllegalStateException("more than one function serves $default: " + defaults);
        }
        return defaults.isEmpty() ? null : defaults.get(0);
    }
}
