package ru.rossgram.local;

import ru.rossgram.localcloud.YandexTriggerSettings;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import ru.rossgram.localcloud.CloudProfile;
import ru.rossgram.localcloud.template.HttpRoute;
import ru.rossgram.localcloud.template.FunctionSpec;

/** {@code main}: the whole Rossgram backend on this machine, from template.yaml, until Ctrl-C. */
public final class LocalRunner {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LocalRunner() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
            System.out.print(RunnerOptions.USAGE);
            return;
        }
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(RunnerOptions.USAGE);
            System.exit(2);
            return;
        }
        LocalBackend backend = LocalBackend.start(options, line -> System.out.println(LocalTime.now().format(CLOCK) + " " + line));
        System.out.print(banner(backend, (System.nanoTime() - started) / 1_000_000));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping...");
            backend.close();
            stopped.countDown();
        }, "local-runner-shutdown"));
        stopped.await();
    }

    private static String cloud(LocalBackend backend) {
        if (backend.profile() == CloudProfile.AWS) {
            return "aws: API Gateway payload 2.0 and S3 notifications to the Lambda handlers";
        }
        YandexTriggerSettings triggers = backend.triggers();
        return String.format(Locale.ROOT, "yandex: API Gateway payload 1.0 to the Yandex Cloud Functions classes, engines"
                        + " under the Yandex limits%n            Object Storage triggers: batches of up to %d, cutoff %d s,"
                        + " %d retries %d s apart (%d ms here)",
                triggers.batchSize(), triggers.batchCutoff().toSeconds(), triggers.retryAttempts(),
                triggers.retryInterval().toSeconds(), triggers.localRetryInterval().toMillis());
    }

    static String banner(LocalBackend backend, long startupMillis) {
        StringBuilder text = new StringBuilder();
        text.append("\nRossgram local backend\n");
        text.append("  API       ").append(backend.apiUri()).append('\n');
        text.append("  Cloud     ").append(cloud(backend)).append('\n');
        text.append("  S3        ").append(backend.cloud().s3Endpoint());
        backend.template().buckets().forEach(b -> text.append("  bucket ").append(backend.cloud().physicalName(b.logicalId())));
        text.append('\n');
        text.append("  DynamoDB  ").append(backend.cloud().dynamoEndpoint());
        backend.template().tables().forEach(t -> text.append("  table ").append(backend.cloud().physicalName(t.logicalId())));
        text.append('\n');
        text.append("  Data      ").append(backend.dataDirectory() == null ? "in memory (nothing is kept)" : backend.dataDirectory()).append('\n');
        backend.paymentSimulator().ifPresent(simulator -> text.append("  Payments  ").append(simulator.baseUrl())
                .append("  simulated YooKassa, T-Bank, CloudPayments, Robokassa; pay with POST /_control/<provider>/<id>/pay\n"));
        text.append("  Clock     ").append(backend.clock().map(clock -> clock.now() + " (" + clock.offset()
                + " ahead): move it with POST /_local/clock {\"advance\":\"P31D\"}").orElse("the system clock")).append('\n');
        text.append("  Routes\n");
        for (FunctionSpec function : backend.template().functions()) {
            for (HttpRoute route : function.httpRoutes()) {
                text.append(String.format(Locale.ROOT, "    %-7s %-28s -> %s%n", route.method(), route.path(), function.logicalId()));
            }
            String storage = backend.profile() == CloudProfile.YANDEX ? "TRIGGER" : "S3";
            function.s3Events().forEach(s3 -> text.append(String.format(Locale.ROOT, "    %-7s %-28s -> %s%n", storage,
                    s3.bucketLogicalId() + " " + String.join(",", s3.events()) + " " + (s3.prefix() == null ? "" : s3.prefix())
                            + "*" + (s3.suffix() == null ? "" : s3.suffix()), function.logicalId())));
            String timer = backend.profile() == CloudProfile.YANDEX ? "TIMER" : "SCHEDULE";
            function.schedules().forEach(schedule -> text.append(String.format(Locale.ROOT, "    %-7s %-28s -> %s%n", timer,
                    schedule.schedule().text() + (schedule.enabled() ? "" : " (disabled)"), function.logicalId())));
        }
        if (backend.template().functions().stream().anyMatch(function -> !function.schedules().isEmpty())) {
            text.append("  Schedules fire ").append(backend.schedulesFireOnTheirOwn() ? "on their own and" : "only")
                    .append(" on POST /_local/schedules/<FunctionLogicalId>\n");
        }
        text.append(String.format(Locale.ROOT, "Ready in %.1f s. Ctrl-C to stop.%n%n", startupMillis / 1000.0));
        return text.toString();
    }
}
