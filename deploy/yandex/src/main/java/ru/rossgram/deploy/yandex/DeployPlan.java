package ru.rossgram.deploy.yandex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.rossgram.localcloud.template.BucketSpec;
import ru.rossgram.localcloud.template.CorsRule;
import ru.rossgram.localcloud.template.ExpirationRule;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.GlobalSecondaryIndexSpec;
import ru.rossgram.localcloud.template.S3EventSubscription;
import ru.rossgram.localcloud.template.SamTemplate;
import ru.rossgram.localcloud.template.ScheduleEvent;
import ru.rossgram.localcloud.template.TableSpec;

/**
 * plan.sh: the template's resources as the commands of a small vocabulary that deploy.sh defines and then sources
 * this file to run ({@code plan_parameter}, {@code plan_table}, {@code plan_bucket}, {@code plan_function},
 * {@code plan_trigger}, {@code plan_timer}, {@code plan_gateway}). deploy.sh knows how to create a thing in Yandex Cloud; this file,
 * written from template.yaml on every build, says which things there are. Paths are relative to the directory
 * it is written in.
 */
final class DeployPlan {

    static final String FILE_NAME = "plan.sh";
    static final String RUNTIME = "java21";

    private final SamTemplate template;
    private final Map<String, FunctionPackage> packages;
    private final Map<String, List<String>> bucketFlags;

    /**
     * @param packages each function's package by logical id, paths relative to the plan's directory
     * @param bucketFlags each bucket's configuration files by logical id ({@code --cors FILE},
     *     {@code --lifecycle FILE}), relative to the plan's directory
     */
    DeployPlan(SamTemplate template, Map<String, FunctionPackage> packages, Map<String, List<String>> bucketFlags) {
        this.template = template;
        this.packages = Map.copyOf(packages);
        this.bucketFlags = Map.copyOf(bucketFlags);
    }

    String script() {
        EnvironmentWords environments = new EnvironmentWords(template);
        Map<String, Map<String, String>> environmentWords = new LinkedHashMap<>();
        template.functions().forEach(fn -> environmentWords.put(fn.logicalId(), environments.of(fn)));

        List<String> lines = new ArrayList<>();
        lines.add("# Generated from template.yaml by deploy/yandex (DeployPlan) on every build: do not edit.");
        lines.add("# deploy.sh defines the plan_* commands, then sources this file.");
        lines.add("");
        for (String parameter : environments.usedParameters()) {
            String fallback = template.parameters().get(parameter);
            lines.add("plan_parameter " + parameter + (fallback == null ? "" : " " + ShellWords.literal(fallback)));
        }
        for (TableSpec table : template.tables()) {
            lines.add(command("plan_table", table.logicalId(), "--attribute-definitions",
                    JsonText.of(attributeDefinitions(table)), "--key-schema", JsonText.of(keySchema(table.hashKey(),
                    table.rangeKey())))
                    + (table.globalSecondaryIndexes().isEmpty() ? "" : " --global-secondary-indexes "
                    + ShellWords.literal(JsonText.of(table.globalSecondaryIndexes().stream().map(DeployPlan::index).toList()))));
            if (table.ttlAttribute() != null) {
                lines.add(command("plan_time_to_live", table.logicalId(), table.ttlAttribute()));
            }
        }
        for (BucketSpec bucket : template.buckets()) {
            List<String> words = new ArrayList<>(List.of(bucket.logicalId(), YandexNames.bucketName(bucket.logicalId())));
            words.addAll(bucketFlags.getOrDefault(bucket.logicalId(), List.of()));
            lines.add(command("plan_bucket", words.toArray(String[]::new)));
        }
        for (FunctionSpec function : template.functions()) {
            lines.add(function(function, environmentWords.get(function.logicalId())));
        }
        for (FunctionSpec function : template.functions()) {
            for (S3EventSubscription subscription : function.s3Events()) {
                StorageTrigger trigger = StorageTrigger.of(function, subscription);
                List<String> words = new ArrayList<>(List.of(trigger.functionLogicalId(), trigger.bucketLogicalId(),
                        trigger.name()));
                words.addAll(trigger.flags());
                lines.add(command("plan_trigger", words.toArray(String[]::new)));
            }
        }
        for (FunctionSpec function : template.functions()) {
            for (ScheduleEvent schedule : function.schedules()) {
                if (!schedule.enabled()) {
                    lines.add("# " + function.logicalId() + " " + schedule.name() + " is disabled: no timer");
                    continue;
                }
                TimerTrigger timer = TimerTrigger.of(function, schedule);
                List<String> words = new ArrayList<>(List.of(timer.functionLogicalId(), timer.name()));
                words.addAll(timer.flags());
                lines.add(command("plan_timer", words.toArray(String[]::new)));
            }
        }
        List<String> gateway = new ArrayList<>(List.of(YandexDeploymentBuild.SPECIFICATION, YandexNames.SERVICE_ACCOUNT_VARIABLE));
        template.functions().stream().filter(fn -> !fn.httpRoutes().isEmpty()).forEach(fn ->
                gateway.add(YandexNames.functionIdVariable(fn.logicalId()) + "=" + fn.logicalId()));
        lines.add(command("plan_gateway", gateway.toArray(String[]::new)));
        return String.join("\n", lines) + "\n";
    }

    private String function(FunctionSpec function, Map<String, String> environment) {
        FunctionPackage zip = packages.get(function.logicalId());
        if (zip == null) {
            throw new IllegalStateException("no package for " + function.logicalId());
        }
        StringBuilder line = new StringBuilder(command("plan_function", function.logicalId(),
                YandexNames.functionName(function.logicalId()), zip.file().toString(), zip.sha256(),
                "--runtime", RUNTIME,
                "--entrypoint", function.yandexEntryPoint(),
                "--memory", function.memorySize() + "MB",
                "--execution-timeout", function.timeout() + "s",
                "--"));
        environment.forEach((name, word) -> {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalStateException(function.logicalId() + " has an environment variable named " + name);
            }
            line.append(" \\\n    ").append(name).append('=').append(word);
        });
        return line.toString();
    }

    /** The AWS CLI's put-bucket-cors document for a bucket's rules. */
    static String corsConfiguration(BucketSpec bucket) {
        List<Object> rules = new ArrayList<>();
        for (CorsRule rule : bucket.corsRules()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("AllowedMethods", rule.allowedMethods());
            json.put("AllowedOrigins", rule.allowedOrigins());
            if (!rule.allowedHeaders().isEmpty()) {
                json.put("AllowedHeaders", rule.allowedHeaders());
            }
            if (!rule.exposedHeaders().isEmpty()) {
                json.put("ExposeHeaders", rule.exposedHeaders());
            }
            if (rule.maxAge() != null) {
                json.put("MaxAgeSeconds", rule.maxAge());
            }
            rules.add(json);
        }
        return JsonText.of(Map.of("CORSRules", rules)) + "\n";
    }

    /** The AWS CLI's put-bucket-lifecycle-configuration document for a bucket's expiration rules (and upload aborts). */
    static String lifecycleConfiguration(BucketSpec bucket) {
        List<Object> rules = new ArrayList<>();
        for (ExpirationRule rule : bucket.expirationRules()) {
            Map<String, Object> json = new LinkedHashMap<>();
            if (rule.id() != null) {
                json.put("ID", rule.id());
            }
            json.put("Filter", Map.of("Prefix", rule.prefix()));
            json.put("Status", "Enabled");
            json.put("Expiration", Map.of("Days", rule.expirationInDays()));
            if (rule.abortIncompleteUploadsAfterDays() != null) {
                json.put("AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", rule.abortIncompleteUploadsAfterDays()));
            }
            rules.add(json);
        }
        return JsonText.of(Map.of("Rules", rules)) + "\n";
    }

    private static List<Object> attributeDefinitions(TableSpec table) {
        List<Object> definitions = new ArrayList<>();
        table.attributeDefinitions().forEach((name, type) -> {
            Map<String, Object> definition = new LinkedHashMap<>();
            definition.put("AttributeName", name);
            definition.put("AttributeType", type);
            definitions.add(definition);
        });
        return definitions;
    }

    private static List<Object> keySchema(String hashKey, String rangeKey) {
        List<Object> schema = new ArrayList<>();
        schema.add(keyElement(hashKey, "HASH"));
        if (rangeKey != null) {
            schema.add(keyElement(rangeKey, "RANGE"));
        }
        return schema;
    }

    private static Map<String, Object> keyElement(String attribute, String type) {
        Map<String, Object> element = new LinkedHashMap<>();
        element.put("AttributeName", attribute);
        element.put("KeyType", type);
        return element;
    }

    private static Map<String, Object> index(GlobalSecondaryIndexSpec index) {
        if (!index.projectionType().equals("ALL")) {
            // YDB's Document API projects global secondary indexes with ALL only.
            throw new IllegalStateException("index " + index.indexName() + " projects " + index.projectionType()
                    + "; the Document API supports only ALL");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("IndexName", index.indexName());
        json.put("KeySchema", keySchema(index.hashKey(), index.rangeKey()));
        json.put("Projection", Map.of("ProjectionType", "ALL"));
        return json;
    }

    /** A plan line: the command, then each argument as a single-quoted word. */
    private static String command(String name, String... arguments) {
        StringBuilder line = new StringBuilder(name);
        for (String argument : arguments) {
            line.append(' ').append(argument.matches("[A-Za-z0-9_./:=,+-]+") ? argument : ShellWords.literal(argument));
        }
        return line.toString();
    }
}
