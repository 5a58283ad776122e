package ru.rossgram.aot;

import io.micronaut.aot.ConfigKeys;
import io.micronaut.aot.MicronautAotOptimizer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs Micronaut's ahead-of-time optimiser on one function's classpath, with the optimisations of
 * {@code optimizations.properties} (which says why each one is on or off). What it writes under the output
 * directory's {@code classes/} (an {@code ApplicationContextConfigurer} service and the static optimisations
 * it installs) is shaded into the function's deployable jar, and only there: tests and the local runner, which
 * load many functions in one JVM, start Micronaut without it.
 *
 * <p>Why not the Micronaut Maven plugin: its AOT goals fork {@code micronaut-aot-cli}, which our mirror lacks; the
 * CLI only calls {@link MicronautAotOptimizer#execute}, as this does. The optimiser must share the class loader
 * of the classes it analyses, so this runs inside the function's runtime classpath (exec:java), and reads that
 * classpath from its own class loader.
 */
public final class FunctionAotOptimizer {
    private static final String SERVICE_TYPES = "service.types";
    private static final String FORCE_INCLUDE = "serviceloading.force.include.impls";
    private static final String OVERRIDE = "rossgram.aot.optimizations";

    private FunctionAotOptimizer() {
    }

    /** Arguments: the output directory, then the Java package of the generated classes. */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: FunctionAotOptimizer <output directory> <generated package>");
        }
        long started = System.nanoTime();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Path output = Path.of(args[0]).toAbsolutePath();
        deleteRecursively(output); // what an earlier build generated must not outlive a change of optimisations
        Properties config = optimizations();
        config.setProperty(ConfigKeys.OUTPUT_DIRECTORY, output.toString());
        config.setProperty(ConfigKeys.GENERATED_PACKAGE, args[1]);
        config.setProperty(ConfigKeys.RUNTIME, "jit");
        config.setProperty(ConfigKeys.CLASSPATH, classpath(loader));
        List<String> serviceTypes = List.of(config.getProperty(SERVICE_TYPES).split("\\s*,\\s*"));
        if (!config.containsKey(FORCE_INCLUDE)) { // an override file may name its own list (empty: the optimiser's choice)
            config.setProperty(FORCE_INCLUDE, String.join(",", new ClasspathPossibleServices(loader).of(serviceTypes)));
        }
        MicronautAotOptimizer.execute(config);
        System.out.printf("Micronaut AOT: optimisations written to %s in %d ms%n", args[0], (System.nanoTime() - started) / 1_000_000);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + directory, e);
        }
    }

    /** Ours, or for measuring one optimisation at a time, the file the system property {@value #OVERRIDE} names. */
    private static Properties optimizations() {
        Properties config = new Properties();
        String override = System.getProperty(OVERRIDE);
        try (InputStream in = override != null ? Files.newInputStream(Path.of(override))
                : FunctionAotOptimizer.class.getResourceAsStream("optimizations.properties")) {
            config.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    /** The class loader's own entries: the function's classes and runtime dependencies, and this tool. */
    private static String classpath(ClassLoader loader) {
        if (!(loader instanceof URLClassLoader urls)) {
            throw new IllegalStateException("run this in a URL class loader holding the function's classpath, not " + loader);
        }
        return Arrays.stream(urls.getURLs()).map(FunctionAotOptimizer::file).collect(Collectors.joining(","));
    }

    private static String file(URL url) {
        try {
            return new File(url.toURI()).getAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file on the classpath: " + url, e);
        }
    }
}
