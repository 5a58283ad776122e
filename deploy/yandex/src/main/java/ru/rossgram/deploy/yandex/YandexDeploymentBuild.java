package ru.rossgram.deploy.yandex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.rossgram.localcloud.template.BucketSpec;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * The build step of the Yandex deployment (the module's package phase): from template.yaml and the API contract,
 * writes into one directory the gateway specification, each function's package, each bucket's CORS and lifecycle
 * documents and the plan deploy.sh runs. Nothing there is kept by hand.
 */
public final class YandexDeploymentBuild {

    static final String SPECIFICATION = "gateway.yaml";
    static final String PACKAGES = "packages";

    private YandexDeploymentBuild() {
    }

    /** Arguments: the template, the API contract, the output directory. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: YandexDeploymentBuild <template.yaml> <openapi.yaml> <output dir>");
        }
        write(SamTemplate.load(Path.of(args[0])), ApiContract.read(Path.of(args[1])), Path.of(args[2]));
    }

    static void write(SamTemplate template, ApiContract contract, Path output) throws IOException {
        Files.createDirectories(output);
        Files.writeString(output.resolve(SPECIFICATION), new GatewaySpecification(template, contract).yaml(),
                StandardCharsets.UTF_8);

        Map<String, FunctionPackage> packages = new LinkedHashMap<>();
        for (FunctionSpec function : template.functions()) {
            if (function.codeUri() == null) {
                throw new IllegalStateException(function.logicalId() + " has no local CodeUri to package");
            }
            Path zip = output.resolve(PACKAGES).resolve(YandexNames.functionName(function.logicalId()) + ".zip");
            FunctionPackage written = FunctionPackage.write(template.directory().resolve(function.codeUri()), zip);
            packages.put(function.logicalId(), new FunctionPackage(output.relativize(zip), written.sha256(), written.size()));
            System.out.printf(Locale.ROOT, "%-40s %6.1f MB%s%n", output.relativize(zip), written.size() / 1e6,
                    written.size() > FunctionPackage.MAX_DIRECT_PACKAGE ? " (over 3.5 MB: deployed from a bucket)" : "");
        }

        Map<String, List<String>> bucketFlags = new LinkedHashMap<>();
        for (BucketSpec bucket : template.buckets()) {
            List<String> flags = new ArrayList<>();
            if (!bucket.corsRules().isEmpty()) {
                String file = "bucket-cors-" + bucket.logicalId() + ".json";
                Files.writeString(output.resolve(file), DeployPlan.corsConfiguration(bucket), StandardCharsets.UTF_8);
                flags.addAll(List.of("--cors", file));
            }
            if (!bucket.expirationRules().isEmpty()) {
                String file = "bucket-lifecycle-" + bucket.logicalId() + ".json";
                Files.writeString(output.resolve(file), DeployPlan.lifecycleConfiguration(bucket), StandardCharsets.UTF_8);
                flags.addAll(List.of("--lifecycle", file));
            }
            bucketFlags.put(bucket.logicalId(), flags);
        }
        Files.writeString(output.resolve(DeployPlan.FILE_NAME), new DeployPlan(template, packages, bucketFlags).script(),
                StandardCharsets.UTF_8);
    }
}
