package ru.rossgram.localcloud.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The SAM template (template.yaml), read into typed, immutable specs: the single source of the
 * tables, buckets and functions that {@link ru.rossgram.localcloud.LocalCloud} provisions and wires together.
 */
public final class SamTemplate {

    /** The template's file name, as SAM expects it at the project root. */
    public static final String FILE_NAME = "template.yaml";

    static final String TABLE_TYPE = "AWS::DynamoDB::Table";
    static final String BUCKET_TYPE = "AWS::S3::Bucket";
    static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    static final String HTTP_API_TYPE = "AWS::Serverless::HttpApi";

    private final Path path;
    private final Map<String, String> parameters;
    private final Set<String> parameterNames;
    private final Map<String, String> resourceTypes;
    private final Map<String, TemplateNode> declaredNames;
    private final List<TableSpec> tables;
    private final List<BucketSpec> buckets;
    private final List<FunctionSpec> functions;
    private final CorsRule httpApiCors;
    private final TemplateNode root;

    private SamTemplate(Path path, TemplateNode root) {
        this.path = path;
        this.root = root;
        Map<String, String> defaults = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        root.get("Parameters").entries().forEach((name, parameter) -> {
            names.add(name);
            TemplateNode fallback = parameter.get("Default");
            if (!fallback.isMissing()) {
                // A list default is legal YAML but CloudFormation means it as a comma list.
                defaults.put(name, fallback.raw() instanceof List<?> ? String.join(",", fallback.strings(Map.of()))
                        : fallback.text());
            }
        });
        this.parameters = Collections.unmodifiableMap(defaults);
        this.parameterNames = Collections.unmodifiableSet(names);

        TemplateNode globals = root.get("Globals").get("Function");
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, TemplateNode> nameExpressions = new LinkedHashMap<>();
        List<TableSpec> tableSpecs = new ArrayList<>();
        List<BucketSpec> bucketSpecs = new ArrayList<>();
        List<FunctionSpec> functionSpecs = new ArrayList<>();
        CorsRule[] apiCors = {null};
        root.get("Resources").entries().forEach((logicalId, resource) -> {
            String type = resource.get("Type").requiredText();
            types.put(logicalId, type);
            TemplateNode properties = resource.get("Properties");
            switch (type) {
                case TABLE_TYPE -> {
                    tableSpecs.add(TableSpec.read(logicalId, properties));
                    declareName(nameExpressions, logicalId, properties.get("TableName"));
                }
                case BUCKET_TYPE -> {
                    bucketSpecs.add(BucketSpec.read(logicalId, properties, parameters));
                    declareName(nameExpressions, logicalId, properties.get("BucketName"));
                }
                case FUNCTION_TYPE -> functionSpecs.add(FunctionSpec.read(logicalId, properties, globals));
                case HTTP_API_TYPE -> {
                    if (!properties.get("CorsConfiguration").isMissing()) {
                        apiCors[0] = CorsRule.readHttpApi(properties.get("CorsConfiguration"), parameters);
                    }
                }
                default -> { }
            }
        });
        this.resourceTypes = Collections.unmodifiableMap(types);
        this.declaredNames = Collections.unmodifiableMap(nameExpressions);
        this.tables = List.copyOf(tableSpecs);
        this.buckets = List.copyOf(bucketSpecs);
        this.functions = List.copyOf(functionSpecs);
        this.httpApiCors = apiCors[0];
    }

    private static void declareName(Map<String, TemplateNode> names, String logicalId, TemplateNode name) {
        if (!name.isMissing()) {
            names.put(logicalId, name);
        }
    }

    /**
     * Reads a template file.
     *
     * @param file the template.yaml to read
     * @return the parsed template
     * @throws SamTemplateException when the file cannot be read or is not a valid template
     */
    public static SamTemplate load(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new IntrinsicTagConstructor(options));
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            Object document = yaml.load(reader);
            if (!(document instanceof Map<?, ?>)) {
                throw new SamTemplateException(absolute + " is not a YAML mapping");
            }
            return new SamTemplate(absolute, TemplateNode.root(document));
        } catch (IOException e) {
            throw new SamTemplateException("cannot read " + absolute, e);
        } catch (YAMLException e) {
            throw new SamTemplateException("cannot parse " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Finds the template by walking up from the working directory, so that tests running in a
     * module directory find the project's template.
     *
     * @return the nearest template.yaml at or above {@code user.dir}
     * @throws SamTemplateException when no directory up to the root has one
     */
    public static SamTemplate locate() {
        return locate(Path.of(System.getProperty("user.dir")));
    }

    /**
     * Finds the template by walking up from a directory.
     *
     * @param start where to begin looking
     * @return the nearest template.yaml at or above {@code start}
     * @throws SamTemplateException when no directory up to the root has one
     */
    public static SamTemplate locate(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return load(candidate);
            }
        }
        throw new SamTemplateException("no " + FILE_NAME + " in " + start.toAbsolutePath() + " or above");
    }

    /**
     * A top-level section ({@code Globals}, {@code Resources}) as written, intrinsics in their long forms, frozen:
     * for checks the typed specs do not cover, such as SnapStart's settings or a function's policies.
     *
     * @return the section's maps, lists and scalars; null when the template has no such section
     */
    public Object section(String name) {
        return root.get(name).frozen();
    }

    /** @return the absolute path the template was read from */
    public Path path() {
        return path;
    }

    /** @return the directory of the template, against which CodeUri paths resolve */
    public Path directory() {
        return path.getParent();
    }

    /** @return parameter name to default value, for the parameters that have one, in template order */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** @return every declared parameter name, with or without a default, in template order */
    public Set<String> parameterNames() {
        return parameterNames;
    }

    /** @return logical id to resource type, for every resource, in template order */
    public Map<String, String> resourceTypes() {
        return resourceTypes;
    }

    /**
     * The name expressions the template gives its resources ({@code BucketName} of a bucket,
     * {@code TableName} of a table), unresolved: {@link PhysicalNames} resolves them.
     */
    Map<String, TemplateNode> declaredNames() {
        return declaredNames;
    }

    /** @return the DynamoDB tables, in template order */
    public List<TableSpec> tables() {
        return tables;
    }

    /** @return the S3 buckets, in template order */
    public List<BucketSpec> buckets() {
        return buckets;
    }

    /** The HTTP API's {@code CorsConfiguration}, if it has one. */
    public Optional<CorsRule> httpApiCors() {
        return Optional.ofNullable(httpApiCors);
    }

    /** @return the serverless functions, in template order */
    public List<FunctionSpec> functions() {
        return functions;
    }

    /**
     * @param logicalId a function's logical id
     * @return that function, if the template has it
     */
    public Optional<FunctionSpec> function(String logicalId) {
        return functions.stream().filter(fn -> fn.logicalId().equals(logicalId)).findFirst();
    }

    /**
     * @param logicalId a table's logical id
     * @return that table, if the template has it
     */
    public Optional<TableSpec> table(String logicalId) {
        return tables.stream().filter(table -> table.logicalId().equals(logicalId)).findFirst();
    }

    /**
     * @param logicalId a bucket's logical id
     * @return that bucket, if the template has it
     */
    public Optional<BucketSpec> bucket(String logicalId) {
        return buckets.stream().filter(bucket -> bucket.logicalId().equals(logicalId)).findFirst();
    }
}
