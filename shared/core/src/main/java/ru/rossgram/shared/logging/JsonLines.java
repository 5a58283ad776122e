package ru.rossgram.shared.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

/**
 * Logback's set-up for every function: one JSON object per line on standard output, where Lambda (with
 * {@code LogFormat: JSON}) and Yandex Cloud Logging pick the fields up. Each line has {@code timestamp},
 * {@code level}, {@code message}, {@code logger}, and from the MDC ({@link InvocationLog}) {@code function},
 * {@code requestId} and {@code userId}; key-value pairs a call adds ({@code addKeyValue}) are top-level fields
 * too, and an exception is one {@code exception} field, never lines of its own.
 *
 * <p>Set up in code and found through {@code ServiceLoader}, so a cold start parses no logback.xml. Our own
 * loggers speak at INFO; libraries (and, in the local runner's JVM, the engines) only at WARN.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class JsonLines extends ContextAwareBase implements Configurator {
    private static final String IGNORE = "[ignore]";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(context);
        stdout.setName("json-stdout");
        stdout.setEncoder(encoder(context));
        stdout.start();

        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stdout);
        context.getLogger("ru.rossgram").setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static LogstashEncoder encoder(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.setTimestampPattern("[ISO_INSTANT]");
        var names = encoder.getFieldNames();
        names.setTimestamp("timestamp");
        names.setLogger("logger");
        names.setStackTrace("exception");
        names.setVersion(IGNORE);
        names.setLevelValue(IGNORE);
        names.setThread(IGNORE);
        encoder.setIncludeContext(false);
        // Only our fields: Micronaut also puts the Lambda context's AWS* entries in the MDC, and they go stale
        // on a thread once its invocation is over.
        encoder.setIncludeMdcKeyNames(List.of(InvocationLog.FUNCTION, InvocationLog.REQUEST_ID, InvocationLog.USER_ID));
        ShortenedThrowableConverter exceptions = new ShortenedThrowableConverter();
        exceptions.setMaxDepthPerThrowable(40);
        exceptions.setMaxLength(16_384); // Yandex Cloud Logging splits (and stops parsing) lines over 64 KB
        exceptions.setRootCauseFirst(true);
        encoder.setThrowableConverter(exceptions);
        encoder.start();
        return encoder;
    }
}
