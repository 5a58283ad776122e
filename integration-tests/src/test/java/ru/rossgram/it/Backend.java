package ru.rossgram.it;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import ru.rossgram.local.ApiGateway;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.local.HttpApiRoutes;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplate;

/** Where the functions' tables and buckets live for a test run: local engines, or LocalStack. */
interface Backend {
    SamTemplate template();

    /** A fresh value for the template's AccessTokenSecret parameter: base64 of 32 random bytes. */
    static String randomAccessTokenSecret() {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return java.util.Base64.getEncoder().encodeToString(secret);
    }

    /** The function's environment as the template gives it, resolved against this backend. */
    Map<String, String> functionEnvironment(FunctionSpec function);

    /** Each function's environment as {@link #functionEnvironment} gives it, with {@code overrides} on top. */
    default Function<FunctionSpec, Map<String, String>> environments(Map<String, String> overrides) {
        return function -> {
            Map<String, String> environment = new HashMap<>(functionEnvironment(function));
            environment.putAll(overrides);
            return environment;
        };
    }

    /** Every function of the template, hosted in this JVM, with {@code overrides} on top of its environment. */
    default FunctionHost functions(Map<String, String> overrides) {
        return new FunctionHost(environments(overrides));
    }

    /** The API as a client at {@code sourceIp} sees it. */
    default ApiDriver api(FunctionHost functions, String sourceIp) {
        return new ApiDriver(new ApiGateway(new HttpApiRoutes(template().functions()), functions), sourceIp);
    }
}
