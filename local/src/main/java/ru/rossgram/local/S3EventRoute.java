package ru.rossgram.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.ObjectCreated;
import ru.rossgram.localcloud.template.S3EventSubscription;
import ru.rossgram.localcloud.template.SamTemplate;

/**
 * One S3 event of one function, with its bucket resolved to the physical name that stored objects
 * carry: S3's notification configuration for that function.
 *
 * @param function the function to invoke
 * @param subscription the template's event: bucket, event types, key filter
 * @param bucket the subscription's bucket, by physical name
 * @param configurationId what S3 would report as the notification configuration's id
 */
record S3EventRoute(FunctionSpec function, S3EventSubscription subscription, String bucket, String configurationId) {

    private static final String S3_PREFIX = "s3:";

    /**
     * Every S3 event of every function of the template.
     *
     * @throws IllegalArgumentException when an event names a resource that is not a bucket of the template
     */
    static List<S3EventRoute> of(SamTemplate template, Function<String, String> bucketNames) {
        List<S3EventRoute> routes = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            List<S3EventSubscription> events = function.s3Events();
            for (int i = 0; i < events.size(); i++) {
                S3EventSubscription subscription = events.get(i);
                if (template.bucket(subscription.bucketLogicalId()).isEmpty()) {
                    throw new IllegalArgumentException(function.logicalId() + " has an S3 event on "
                            + subscription.bucketLogicalId() + ", which is not a bucket of the template");
                }
                // SAM names the configuration after the function and event; the event's own name is not
                // kept in FunctionSpec, so its position stands in for it.
                String configurationId = function.logicalId() + "S3Event" + (i + 1);
                routes.add(new S3EventRoute(function, subscription,
                        bucketNames.apply(subscription.bucketLogicalId()), configurationId));
            }
        }
        return List.copyOf(routes);
    }

    /** @return whether S3 would notify this function of {@code object}: same bucket, event type, key filter */
    boolean matches(ObjectCreated object) {
        return bucket.equals(object.bucket())
                && subscription.events().stream().anyMatch(type -> typeMatches(type, object.eventName()))
                && subscription.matchesKey(object.key());
    }

    /** {@code s3:ObjectCreated:*} matches any {@code ObjectCreated:...}; otherwise the whole name must match. */
    static boolean typeMatches(String subscribedType, String eventName) {
        String type = subscribedType.startsWith(S3_PREFIX) ? subscribedType.substring(S3_PREFIX.length())
                : subscribedType;
        return type.endsWith("*") ? eventName.startsWith(type.substring(0, type.length() - 1))
                : type.equals(eventName);
    }
}
