package ru.rossgram.it;

import java.util.Map;
import ru.rossgram.localcloud.FunctionSpec;
import ru.rossgram.localcloud.SamTemplate;

/** Where the functions' tables and buckets live for a test run: local engines, or LocalStack. */
interface Backend {
    SamTemplate template();

    /** The function's environment as the template gives it, resolved against this backend. */
    Map<String, String> functionEnvironment(FunctionSpec function);

    /** The API of every function in the template, hosted in this JVM with test-friendly overrides. */
    default ApiDriver api(FunctionHost host, String sourceIp) {
        return new ApiDriver(host, template().functions(), sourceIp);
    }
}
