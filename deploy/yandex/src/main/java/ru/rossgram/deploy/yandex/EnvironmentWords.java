package ru.rossgram.deploy.yandex;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.IntrinsicResolver;
import ru.rossgram.localcloud.template.PhysicalNames;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * A function's environment from the template as bash words for the plan: literals as they are, a template
 * parameter as the shell variable deploy.sh sets from {@code PARAM_<Name>} or the default ({@code param_<Name>}),
 * the name of a table or bucket as the shell variable holding the name it has in Yandex
 * ({@code resource_<LogicalId>}).
 *
 * <p>Values are resolved with the local cloud's intrinsic resolver, parameters standing in as markers; a value
 * that resolves to a resource's physical name is that resource (the bucket's name is an expression over the
 * stack id, not a Ref). Anything else naming AWS (an ARN, a resource inside a longer string) cannot be carried
 * to Yandex and stops the build.
 */
final class EnvironmentWords {

    private static final String REGION = "ru-central1";
    private static final char START = '\u0001';
    private static final char END = '\u0002';
    private static final Pattern MARKER = Pattern.compile(START + "([A-Za-z0-9]+)" + END);

    private final IntrinsicResolver resolver;
    private final Map<String, String> resourcesByName = new LinkedHashMap<>();
    private final Set<String> usedParameters = new LinkedHashSet<>();

    EnvironmentWords(SamTemplate template) {
        PhysicalNames names = new PhysicalNames(template, REGION);
        Map<String, String> markers = new LinkedHashMap<>();
        template.parameterNames().forEach(name -> markers.put(name, START + name + END));
        this.resolver = new IntrinsicResolver(template, names, markers, REGION);
        template.tables().forEach(table -> resourcesByName.put(names.of(table.logicalId()), table.logicalId()));
        template.buckets().forEach(bucket -> resourcesByName.put(names.of(bucket.logicalId()), bucket.logicalId()));
    }

    /**
     * @return variable name to bash word, in template order; a variable resolving to {@code AWS::NoValue} is left out
     * @throws IllegalStateException when a value names something of AWS that has no Yandex counterpart here
     */
    Map<String, String> of(FunctionSpec function) {
        Map<String, String> words = new LinkedHashMap<>();
        function.environment().forEach((name, value) -> {
            String where = function.logicalId() + ".Environment.Variables." + name;
            String resolved = resolver.resolve(value, where);
            if (resolved != null) {
                words.put(name, word(resolved, where));
            }
        });
        return words;
    }

    /** @return the parameters the environments used so far refer to, in the order first used */
    Set<String> usedParameters() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(usedParameters));
    }

    private String word(String resolved, String where) {
        String resource = resourcesByName.get(resolved);
        if (resource != null) {
            return ShellWords.variable("resource_" + resource);
        }
        for (String name : resourcesByName.keySet()) {
            if (resolved.contains(name)) {
                throw new IllegalStateException(where + " names " + resourcesByName.get(name)
                        + " inside a longer value, which the Yandex deployment cannot rename");
            }
        }
        if (resolved.contains("arn:")) {
            throw new IllegalStateException(where + " is an AWS ARN, which means nothing on Yandex Cloud");
        }
        StringBuilder word = new StringBuilder();
        Matcher matcher = MARKER.matcher(resolved);
        int literalStart = 0;
        while (matcher.find()) {
            appendLiteral(word, resolved.substring(literalStart, matcher.start()));
            usedParameters.add(matcher.group(1));
            word.append(ShellWords.variable("param_" + matcher.group(1)));
            literalStart = matcher.end();
        }
        appendLiteral(word, resolved.substring(literalStart));
        return word.isEmpty() ? ShellWords.literal("") : word.toString();
    }

    private static void appendLiteral(StringBuilder word, String literal) {
        if (!literal.isEmpty()) {
            word.append(ShellWords.literal(literal));
        }
    }
}
