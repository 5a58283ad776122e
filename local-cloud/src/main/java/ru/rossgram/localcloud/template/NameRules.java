package ru.rossgram.localcloud.template;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The naming rules of S3 (general purpose buckets) and DynamoDB, checked locally so that a name
 * AWS would refuse is refused here too, rather than only at deployment.
 */
final class NameRules {

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_BUCKET_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_BUCKET_SUFFIXES =
            List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private NameRules() {
    }

    /**
     * @param type the resource type; types without rules here pass
     * @param where the template path of the name, for the message
     * @throws SamTemplateException when {@code name} breaks the service's rules
     */
    static void check(String type, String name, String where) {
        String problem = switch (type) {
            case SamTemplate.BUCKET_TYPE -> bucketNameProblem(name);
            case SamTemplate.TABLE_TYPE -> TABLE_NAME.matcher(name).matches() ? null
                    : "a table name must be 3 to 255 letters, digits, '_', '-' or '.'";
            default -> null;
        };
        if (problem != null) {
            throw new SamTemplateException(where + " resolves to '" + name + "', which is not a valid name: " + problem);
        }
    }

    private static String bucketNameProblem(String name) {
        if (!BUCKET_NAME.matcher(name).matches()) {
            return "a bucket name must be 3 to 63 lower-case letters, digits, '-' or '.', "
                    + "beginning and ending with a letter or digit";
        }
        if (name.contains("..")) {
            return "a bucket name must not have two adjacent periods";
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return "a bucket name must not look like an IP address";
        }
        for (String prefix : RESERVED_BUCKET_PREFIXES) {
            if (name.startsWith(prefix)) {
                return "a bucket name must not begin with " + prefix;
            }
        }
        for (String suffix : RESERVED_BUCKET_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return "a bucket name must not end with " + suffix;
            }
        }
        return null;
    }
}
