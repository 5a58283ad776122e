package ru.rossgram.aot;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.AnnotationMetadataProvider;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.reflect.ClassUtils;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The service implementations (bean definitions, bean configurations, ...) that could load from this classpath:
 * every one whose {@code @Requires} on classes this classpath meets. The optimiser drops a service whose
 * requirements fail at build time, and it checks all of them there, properties and environments included, with
 * the build machine's values. Forcing these in leaves it to drop only what can never load from the jar (its
 * classes are missing), and Micronaut checks every other requirement at run time, as it does without AOT: a
 * {@code LOGGER_LEVELS_*} or {@code MICRONAUT_*} variable set by the deployment, the JDK the function runs on.
 */
final class ClasspathPossibleServices {
    private static final List<String> PRESENT_MEMBERS = List.of("classes", "bean", "beans");
    private static final List<String> ABSENT_MEMBERS = List.of("missing", "missingClasses");

    private final ClassLoader loader;

    ClasspathPossibleServices(ClassLoader loader) {
        this.loader = loader;
    }

    /** Class names of the implementations of these service types that could load, sorted. */
    Collection<String> of(Collection<String> serviceTypes) {
        var names = new TreeSet<String>();
        for (String serviceType : serviceTypes) {
            ClassUtils.forName(serviceType, loader).ifPresent(type -> implementations(type).stream()
                    .filter(service -> !(service instanceof AnnotationMetadataProvider provider) || classesPresent(provider))
                    .forEach(service -> names.add(service.getClass().getName())));
        }
        return names;
    }

    private <S> List<S> implementations(Class<S> serviceType) {
        return SoftServiceLoader.load(serviceType, loader).collectAll();
    }

    private boolean classesPresent(AnnotationMetadataProvider provider) {
        for (AnnotationValue<Requires> requires : provider.getAnnotationMetadata().getAnnotationValuesByType(Requires.class)) {
            boolean missing = PRESENT_MEMBERS.stream().flatMap(member -> Arrays.stream(requires.stringValues(member)))
                    .anyMatch(name -> !ClassUtils.isPresent(name, loader));
            boolean unwanted = ABSENT_MEMBERS.stream().flatMap(member -> Arrays.stream(requires.stringValues(member)))
                    .anyMatch(name -> ClassUtils.isPresent(name, loader));
            if (missing || unwanted) {
                return false;
            }
        }
        return true;
    }
}
