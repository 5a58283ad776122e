package ru.rossgram.deploy.yandex;

import java.util.Locale;

/**
 * The names the Yandex deployment gives the template's resources, in one place for the gateway specification
 * and the deploy plan: a function's name in the folder and the gateway variable that carries its id.
 */
final class YandexNames {

    /** The gateway variable holding the service account the gateway invokes functions as. */
    static final String SERVICE_ACCOUNT_VARIABLE = "serviceAccountId";

    private YandexNames() {
    }

    /**
     * A function's name without the deployment's prefix: the logical id in kebab case, less its
     * {@code Function} suffix ({@code SignUpFunction} -> {@code sign-up}); Yandex names are lower-case.
     */
    static String functionName(String logicalId) {
        return kebab(logicalId, "Function");
    }

    /** A bucket's name after the deployment's bucket prefix: {@code MediaBucket} -> {@code media}. */
    static String bucketName(String logicalId) {
        return kebab(logicalId, "Bucket");
    }

    private static String kebab(String logicalId, String suffix) {
        String base = logicalId.endsWith(suffix) && logicalId.length() > suffix.length()
                ? logicalId.substring(0, logicalId.length() - suffix.length()) : logicalId;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The gateway specification variable that deploy.sh sets to the function's id. */
    static String functionIdVariable(String logicalId) {
        return "functionId." + logicalId;
    }
}
