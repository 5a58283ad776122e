package ru.rossgram.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Swagger UI's files as its webjar ({@code org.webjars:swagger-ui}) ships them on the class path, so the
 * documentation page needs no CDN: the runner works offline. Read once each, on first use.
 */
final class SwaggerUiAssets {
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    /** Only these: the webjar's own index.html and initializer show the Petstore, not our API. */
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "favicon-16x16.png", "image/png",
            "favicon-32x32.png", "image/png");

    private final ClassLoader classLoader = SwaggerUiAssets.class.getClassLoader();
    private final String directory = WEBJAR + version(classLoader) + "/";
    private final Map<String, byte[]> read = new ConcurrentHashMap<>();

    record Asset(String contentType, byte[] body) {
    }

    /** The named file ({@code swagger-ui-bundle.js}), or empty for a name the page does not use. */
    Optional<Asset> find(String name) {
        String contentType = CONTENT_TYPES.get(name);
        if (contentType == null) {
            return Optional.empty();
        }
        return Optional.of(new Asset(contentType, read.computeIfAbsent(name, this::load)));
    }

    private byte[] load(String name) {
        try (InputStream in = classLoader.getResourceAsStream(directory + name)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar on the class path has no " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's version, which names its directory, as its own pom.properties says (the pom pins it). */
    private static String version(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(WEBJAR_VERSION)) {
            if (in == null) {
                throw new IllegalStateException("no swagger-ui webjar on the class path (" + WEBJAR_VERSION + ")");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
