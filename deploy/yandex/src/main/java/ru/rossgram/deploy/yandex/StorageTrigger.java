package ru.rossgram.deploy.yandex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ru.rossgram.localcloud.YandexTriggerSettings;
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
 * @param flags the yc flags: filter, events, and the batching and retries of {@link YandexTriggerSettings#deployed()}
 */
record StorageTrigger(String functionLogicalId, String bucketLogicalId, String name, List<String> flags) {

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
        YandexTriggerSettings settings = YandexTriggerSettings.deployed(); // the local runner plays the same
        flags.addAll(List.of("--batch-size", String.valueOf(settings.batchSize()),
                "--batch-cutoff", settings.batchCutoff().toSeconds() + "s",
                "--retry-attempts", String.valueOf(settings.retryAttempts()),
                "--retry-interval", settings.retryInterval().toSeconds() + "s"));
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
