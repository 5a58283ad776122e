package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.RouteKeysFile;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * A function is a folder under functions/, a function of template.yaml, a module and a dependency in
 * functions/pom.xml (the one artifact through which the local runner hosts them all), sample events under
 * events/ (in AWS's formats and in Yandex's), and a logical id in events/README.md. Each test names the entry that is
 * missing and where.
 */
class FunctionListConsistencyTest {
    private final SamTemplate template = SamTemplate.locate();
    private final Path root = template.directory();

    @Test
    void everyFunctionFolder_isAModuleOfTheFunctionsPom_andBack() throws Exception {
        Element functionsPom = pom(root.resolve("functions/pom.xml"));
        List<String> missing = new ArrayList<>();
        TreeSet<String> modules = new TreeSet<>(children(functionsPom, "modules", "module"));
        for (String folder : functionFolders()) {
            if (!modules.contains(folder)) {
                missing.add("functions/" + folder + " is not a <module> of functions/pom.xml");
            }
        }
        for (String module : modules) {
            if (!Files.isRegularFile(root.resolve("functions").resolve(module).resolve("pom.xml"))) {
                missing.add("functions/pom.xml lists <module>" + module + "</module>, but functions/" + module + "/pom.xml does not exist");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyFunctionModule_isADependencyOfTheFunctionsPom_soTheLocalRunnerHostsIt() throws Exception {
        List<String> dependencies = dependencyArtifactIds(pom(root.resolve("functions/pom.xml")));
        List<String> missing = new ArrayList<>();
        Map<String, String> artifacts = new TreeMap<>();
        for (String folder : functionFolders()) {
            String artifactId = text(pom(root.resolve("functions").resolve(folder).resolve("pom.xml")), "artifactId");
            artifacts.put(artifactId, folder);
            if (!dependencies.contains(artifactId)) {
                missing.add("functions/pom.xml has no <dependency> on " + artifactId + " (functions/" + folder
                        + "): the local runner would not host it");
            }
        }
        dependencies.stream().filter(d -> !artifacts.containsKey(d))
                .forEach(d -> missing.add("functions/pom.xml depends on " + d + ", which no folder under functions/ builds"));
        assertEquals(List.of(), missing);
    }

    @Test
    void theRootPom_buildsTheFunctions_throughTheirAggregatorOnly() throws Exception {
        List<String> modules = children(pom(root.resolve("pom.xml")), "modules", "module");
        assertEquals(1, modules.stream().filter(m -> m.equals("functions")).count(), "the root pom.xml lists <module>functions</module> once");
        assertEquals(List.of(), modules.stream().filter(m -> m.startsWith("functions/")).toList(),
                "the root pom.xml lists function modules itself; they belong in functions/pom.xml");
    }

    @Test
    void everyFunctionFolder_isAFunctionOfTheTemplate_andBack() throws IOException {
        List<String> missing = new ArrayList<>();
        TreeSet<String> folders = functionFolders();
        TreeSet<String> templateModules = new TreeSet<>();
        for (FunctionSpec function : template.functions()) {
            String module = FunctionModules.of(function);
            templateModules.add(module);
            if (!folders.contains(module)) {
                missing.add("template.yaml: " + function.logicalId() + "'s CodeUri names functions/" + module + ", which does not exist");
            }
        }
        folders.stream().filter(f -> !templateModules.contains(f))
                .forEach(f -> missing.add("functions/" + f + " is no function of template.yaml (no CodeUri names it)"));
        assertEquals(List.of(), missing);
    }

    @Test
    void everyFunction_hasSampleEvents_andItsLogicalIdInTheEventsReadme() throws IOException {
        String readme = Files.readString(root.resolve("events/README.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            Path events = root.resolve("events").resolve(FunctionModules.of(function));
            boolean hasEvent;
            try (Stream<Path> files = Files.isDirectory(events) ? Files.list(events) : Stream.empty()) {
                hasEvent = files.anyMatch(p -> p.toString().endsWith(".json"));
            }
            if (!hasEvent) {
                missing.add("events/" + FunctionModules.of(function) + "/ has no sample event for " + function.logicalId());
            }
            if (hasEvent && FunctionModules.yandexSampleEvents(template, function).isEmpty()) {
                missing.add("events/" + FunctionModules.of(function) + "/ has no Yandex sample event ("
                        + FunctionModules.YANDEX_PREFIX + "*.json) for " + function.logicalId());
            }
            if (!readme.contains("`" + function.logicalId() + "`")) {
                missing.add("events/README.md does not list the logical id `" + function.logicalId() + "`");
            }
        }
        assertEquals(List.of(), missing);
    }

    /** The not-found function's jar holds the route keys its build wrote from template.yaml: the same routes. */
    @Test
    void theNotFoundFunctionsRoutes_areTheTemplates() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ru/rossgram/functions/notfound/route-keys.txt")) {
            assertTrue(in != null, "the not-found function's route keys are not on the class path");
            List<String> built = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(RouteKeysFile.routeKeys(template), built, "functions/not-found was built from another template.yaml");
        }
    }

    private TreeSet<String> functionFolders() throws IOException {
        try (Stream<Path> folders = Files.list(root.resolve("functions"))) {
            return folders.filter(f -> Files.isRegularFile(f.resolve("pom.xml"))).map(f -> f.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Element pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    /** The text of {@code project/<name>}, not of a nested element such as the parent's artifactId. */
    private static String text(Element project, String name) {
        for (Node node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        throw new AssertionError("no <" + name + "> in " + project.getBaseURI());
    }

    /** The texts of {@code project/<list>/<item>}. */
    private static List<String> children(Element project, String list, String item) {
        List<String> values = new ArrayList<>();
        for (Node node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(list)) {
                NodeList items = element.getElementsByTagName(item);
                for (int i = 0; i < items.getLength(); i++) {
                    values.add(items.item(i).getTextContent().trim());
                }
            }
        }
        return values;
    }

    private static List<String> dependencyArtifactIds(Element project) {
        List<String> ids = new ArrayList<>();
        for (Node node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals("dependencies")) {
                NodeList artifactIds = element.getElementsByTagName("artifactId");
                for (int i = 0; i < artifactIds.getLength(); i++) {
                    ids.add(artifactIds.item(i).getTextContent().trim());
                }
            }
        }
        return ids;
    }
}
