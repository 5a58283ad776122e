package ru.rossgram.deploy.yandex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.S3EventSubscription;

/**
 * One Yandex Object Storage trigger of a template's S3 event subscription: its name, and the
 * {@code yc serverless trigger create object-storage} flags that are not ids (bucket, function and service
 * account ids are deploy.sh's to add).
 *
 * @param functionLogicalId the function it invokes
 * @param bucketLogicalId the bucket it watches
 * @param name the trigger's name without the deployment's prefix
 * @param flags the yc flags: filter, events, batching, retries
 */
record StorageTrigger(String functionLogicalId, String bucketLogicalId, String name, List<String> flags) {

    /**
     * One object a call, as S3 notifications arrive on AWS: the template's timeouts are sized for one photo (or one
     * fan-out step), and a batch shares one call's timeout and is retried as a whole.
     */
    static final int BATCH_SIZE = 1;
    static final String BATCH_CUTOFF = "1s";
    /** Two retries, as Lambda retries an asynchronous S3 invocation twice; the handlers are idempotent. */
    static final int RETRY_ATTEMPTS = 2;
    static final String RETRY_INTERVAL = "30s";

    StorageTrigger {
        flags = List.copyOf(flags);
    }

    /**
     * @throws IllegalStateException when the subscription asks for an event Yandex triggers do not offer
     */
    static StorageTrigger of(FunctionSpec function, S3EventSubscription subscription) {
        List<String> flags = new ArrayList<>();
        if (subscription.prefix() != null) {
            flags.add("--prefix");
            flags.add(subscription.prefix());
        }
        if (subscription.suffix() != null) {
            flags.add("--suffix");
            flags.add(subscription.suffix());
        }
        flags.add("--events");
        flags.add(String.join(",", subscription.events().stream().map(StorageTrigger::yandexEvent).distinct().toList()));
        flags.addAll(List.of("--batch-size", String.valueOf(BATCH_SIZE), "--batch-cutoff", BATCH_CUTOFF,
                "--retry-attempts", String.valueOf(RETRY_ATTEMPTS), "--retry-interval", RETRY_INTERVAL));
        String filter = (subscription.prefix() == null ? "" : subscription.prefix())
                + (subscription.suffix() == null ? "" : "-" + subscription.suffix());
        String name = YandexNames.functionName(function.logicalId())
                + (filter.isEmpty() ? "" : "-" + filter.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", ""));
        return new StorageTrigger(function.logicalId(), subscription.bucketLogicalId(), name, flags);
    }

    /** The trigger's event for an S3 notification type: created objects, deleted objects. */
    static String yandexEvent(String s3Event) {
        if (s3Event.startsWith("s3:ObjectCreated:")) {
            return "create-object";
        }
        if (s3Event.startsWith("s3:ObjectRemoved:")) {
            return "delete-object";
        }
        throw new IllegalStateException(s3Event + " has no Yandex Object Storage trigger event");
    }
}
