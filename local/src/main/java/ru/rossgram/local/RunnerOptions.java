package ru.rossgram.local;

import ru.rossgram.localcloud.YandexTriggerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import ru.rossgram.localcloud.CloudProfile;

/**
 * How the local runner is started.
 *
 * @param template     the SAM template to serve (default: the nearest template.yaml)
 * @param host         the API's bind address (loopback by default; 0.0.0.0 to reach it from a phone)
 * @param port         the API port (0 picks a free one)
 * @param dynamoDbPort DynamoDB Local's port (0 picks a free one)
 * @param s3Port       the S3 server's port (0 picks a free one)
 * @param dataDirectory where data survives restarts; null for a throwaway in-memory run
 * @param reset        delete the data directory before starting
 * @param parameters   template parameter values (Name=Value)
 * @param environment  variables set for every function over what the template gives it, such as
 *                     {@code ROSSGRAM_UPLOADS_URL_TTL=10s} to watch upload URLs expire
 * @param paymentsPort the payment providers' simulator's port (0 picks a free one); -1 runs none, so the providers
 *                     are whatever the template parameters say (none, by default)
 * @param cloud        whose entry points and limits the runner plays: {@link CloudProfile#AWS} (API Gateway payload
 *                     2.0 and S3 notifications to the Lambda handlers) or {@link CloudProfile#YANDEX} (API Gateway
 *                     payload 1.0 and Object Storage triggers to the Yandex Cloud Functions classes, engines under
 *                     the Yandex limits)
 * @param triggers     how the Yandex mode's Object Storage triggers batch and retry
 * @param schedules    whether the template's {@code Schedule} events fire on their own (else only on demand, through
 *                     {@code POST /_local/schedules/<FunctionLogicalId>}: what tests want)
 * @param adjustableClock whether the functions' time can be moved forward ({@code POST /_local/clock}); else they
 *                     read the system clock
 */
public record RunnerOptions(Path template, String host, int port, int dynamoDbPort, int s3Port, Path dataDirectory,
                            boolean reset, Map<String, String> parameters, Map<String, String> environment,
                            int paymentsPort, CloudProfile cloud, YandexTriggerSettings triggers, boolean schedules,
                            boolean adjustableClock) {
    public static final String USAGE = """
            Usage: local-runner [options]
              --port N           API port (default 3000)
              --host ADDR        API bind address (default 127.0.0.1; 0.0.0.0 to reach it from a phone)
              --dynamodb-port N  DynamoDB Local port (default 8000; 0 = any free port)
              --s3-port N        S3 server port (default 9000; 0 = any free port)
              --data-dir DIR     keep data here between runs (default .rossgram-local)
              --in-memory        keep nothing: a throwaway run
              --reset            delete the data directory first
              --template FILE    the SAM template (default: nearest template.yaml)
              --param NAME=VALUE a template parameter value (repeatable)
              --env NAME=VALUE   an environment variable for every function, over the template's (repeatable)
              --payments-port N  the payment providers' simulator port (default 3100; 0 = any free port)
              --no-payments      run no provider simulator (providers then come from --param only)
              --cloud aws|yandex whose entry points serve the template (default aws): yandex sends API Gateway
                                 1.0 events and Object Storage trigger batches to each function's Yandex class,
                                 and the engines refuse what YDB and Object Storage refuse
              --schedules on|off the template's Schedule events fire on their own (default on); off: only on
                                 demand, POST /_local/schedules/<FunctionLogicalId>
              --clock adjustable|system
                                 adjustable (default): the functions' time moves forward on
                                 POST /_local/clock {"advance":"P31D"}; system: the system clock, not movable
            Yandex Object Storage triggers (with --cloud yandex; defaults: what the deploy sets)
              --trigger-batch-size N      messages per call, 1-10 (default 1)
              --trigger-batch-cutoff S    seconds a batch waits to fill, 1-60 (default 1)
              --trigger-retry-attempts N  calls after a failed one, whole batch again, 1-5 (default 2)
              --trigger-retry-interval S  seconds between them on Yandex, 10-60 (default 30; 60 times
                                          shorter here, as the S3 retries are)
            """;

    public static RunnerOptions defaults() {
        return new RunnerOptions(null, "127.0.0.1", 3000, 8000, 9000, Path.of(".rossgram-local"), false, Map.of(), Map.of(),
                3100, CloudProfile.AWS, YandexTriggerSettings.deployed(), true, true);
    }

    /**
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    public static RunnerOptions parse(String... args) {
        RunnerOptions d = defaults();
        Path template = d.template;
        String host = d.host;
        int port = d.port;
        int dynamoDbPort = d.dynamoDbPort;
        int s3Port = d.s3Port;
        Path dataDirectory = d.dataDirectory;
        boolean reset = false;
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        int paymentsPort = d.paymentsPort;
        CloudProfile cloud = d.cloud;
        YandexTriggerSettings triggers = d.triggers;
        boolean schedules = d.schedules;
        boolean adjustableClock = d.adjustableClock;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> port = port(arg, value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--dynamodb-port" -> dynamoDbPort = port(arg, value(args, ++i, arg));
                case "--s3-port" -> s3Port = port(arg, value(args, ++i, arg));
                case "--data-dir" -> dataDirectory = Path.of(value(args, ++i, arg));
                case "--in-memory" -> dataDirectory = null;
                case "--reset" -> reset = true;
                case "--template" -> template = Path.of(value(args, ++i, arg));
                case "--param" -> putPair(parameters, arg, value(args, ++i, arg));
                case "--env" -> putPair(environment, arg, value(args, ++i, arg));
                case "--payments-port" -> paymentsPort = port(arg, value(args, ++i, arg));
                case "--no-payments" -> paymentsPort = -1;
                case "--cloud" -> cloud = cloud(value(args, ++i, arg));
                case "--trigger-batch-size" -> triggers = trigger(arg, triggers,
                        number(arg, value(args, ++i, arg)), YandexTriggerSettings::withBatchSize);
                case "--trigger-batch-cutoff" -> triggers = trigger(arg, triggers,
                        seconds(arg, value(args, ++i, arg)), YandexTriggerSettings::withBatchCutoff);
                case "--trigger-retry-attempts" -> triggers = trigger(arg, triggers,
                        number(arg, value(args, ++i, arg)), YandexTriggerSettings::withRetryAttempts);
                case "--trigger-retry-interval" -> triggers = trigger(arg, triggers,
                        seconds(arg, value(args, ++i, arg)), YandexTriggerSettings::withRetryInterval);
                case "--schedules" -> schedules = choice(arg, value(args, ++i, arg), "on", "off");
                case "--clock" -> adjustableClock = choice(arg, value(args, ++i, arg), "adjustable", "system");
                default -> throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, Map.copyOf(parameters),
                Map.copyOf(environment), paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    public RunnerOptions withPort(int port) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters, environment,
                paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    public RunnerOptions withEnginePorts(int dynamoDbPort, int s3Port) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters, environment,
                paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    public RunnerOptions withDataDirectory(Path dataDirectory) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters, environment,
                paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    public RunnerOptions withTemplate(Path template) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters, environment,
                paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    public RunnerOptions withEnvironment(Map<String, String> environment) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters,
                Map.copyOf(environment), paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    public RunnerOptions withPaymentsPort(int paymentsPort) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters, environment,
                paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    public RunnerOptions withReset(boolean reset) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters, environment,
                paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    /** The same runner serving {@code cloud}'s entry points under its limits. */
    public RunnerOptions withCloud(CloudProfile cloud) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters, environment,
                paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    public RunnerOptions withTriggers(YandexTriggerSettings triggers) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters, environment,
                paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    /** The same runner firing schedules on their own ({@code true}) or only on demand. */
    public RunnerOptions withSchedules(boolean schedules) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters, environment,
                paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    /** The same runner with movable time ({@code true}) or the system clock. */
    public RunnerOptions withAdjustableClock(boolean adjustableClock) {
        return new RunnerOptions(template, host, port, dynamoDbPort, s3Port, dataDirectory, reset, parameters, environment,
                paymentsPort, cloud, triggers, schedules, adjustableClock);
    }

    /** True for {@code yes}, false for {@code no}; anything else names the flag and its two words. */
    private static boolean choice(String flag, String value, String yes, String no) {
        if (value.equalsIgnoreCase(yes)) {
            return true;
        }
        if (value.equalsIgnoreCase(no)) {
            return false;
        }
        throw new IllegalArgumentException(flag + " takes " + yes + " or " + no + ", got " + value);
    }

    private static CloudProfile cloud(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "aws" -> CloudProfile.AWS;
            case "yandex" -> CloudProfile.YANDEX;
            default -> throw new IllegalArgumentException("--cloud takes aws or yandex, got " + name);
        };
    }

    /** {@code settings}, or the reason they are out of range, prefixed with the flag that made them. */
    private static <T> YandexTriggerSettings trigger(String flag, YandexTriggerSettings settings, T value,
                                                     BiFunction<YandexTriggerSettings, T, YandexTriggerSettings> change) {
        try {
            return change.apply(settings, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    private static void putPair(Map<String, String> into, String flag, String pair) {
        int eq = pair.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException(flag + " takes NAME=VALUE, got " + pair);
        }
        into.put(pair.substring(0, eq), pair.substring(eq + 1));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number, got " + value);
        }
    }

    private static Duration seconds(String flag, String value) {
        return Duration.ofSeconds(number(flag, value));
    }

    private static int port(String flag, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a port number, got " + value);
        }
    }
}
