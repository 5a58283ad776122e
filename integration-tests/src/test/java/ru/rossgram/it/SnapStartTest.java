package ru.rossgram.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.rossgram.local.FunctionHost;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplate;
import ru.rossgram.shared.auth.PasswordHasher;
import ru.rossgram.shared.http.ApiFunction;
import ru.rossgram.shared.snapshot.DynamoDbPriming;
import ru.rossgram.shared.snapshot.SnapshotHooks;

/**
 * SnapStart as template.yaml turns it on and the functions' hooks carry it out: every function snapshots its
 * published versions and is invoked through its alias; every policy lets the priming read through; and the hooks,
 * run by hand on real function instances against the local engines (no JVM here can checkpoint), prime what each
 * function has and no more, and leave it answering.
 */
@ExtendWith(LocalEngines.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapStartTest {
    private final SamTemplate template = SamTemplate.locate();
    private FunctionHost functions;

    @AfterAll
    void close() {
        if (functions != null) {
            functions.close();
        }
    }

    @Test
    void everyFunction_snapshotsItsPublishedVersions_andIsInvokedThroughTheAliasLive() {
        Map<?, ?> globals = (Map<?, ?>) ((Map<?, ?>) template.section("Globals")).get("Function");
        assertEquals("live", globals.get("AutoPublishAlias"));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), globals.get("SnapStart"));
        for (FunctionSpec function : template.functions()) {
            Map<?, ?> own = properties(function);
            assertFalse(own.containsKey("SnapStart") || own.containsKey("AutoPublishAlias"),
                    function.logicalId() + " sets its own SnapStart or alias");
            // What SnapStart cannot run with, per AWS's list of its limits
            assertFalse(own.containsKey("ProvisionedConcurrencyConfig"), function.logicalId() + ": provisioned concurrency");
            assertFalse(own.containsKey("FileSystemConfigs"), function.logicalId() + ": EFS");
            Object storage = own.get("EphemeralStorage");
            assertTrue(storage == null || Integer.parseInt(String.valueOf(((Map<?, ?>) storage).get("Size"))) <= 512,
                    function.logicalId() + ": ephemeral storage over 512 MB");
        }
    }

    /** A function that may call DynamoDB at all may make the priming's one GetItem, of its key and no other. */
    @Test
    void everyFunctionThatUsesDynamoDb_mayMakeThePrimingRead() {
        List<String> refused = new ArrayList<>();
        for (FunctionSpec function : template.functions()) {
            List<?> policies = (List<?>) properties(function).get("Policies");
            if (policies != null && usesDynamoDb(policies) && !allowsPrimingRead(policies)) {
                refused.add(function.logicalId());
            }
        }
        assertEquals(List.of(), refused, "policies without a GetItem of " + DynamoDbPriming.KEY);
    }

    @Test
    void signUpsPriming_readsDynamoDb_runsJson_andHashesOnce_andSignUpsStillSucceed(Backend backend) {
        FunctionSpec signUp = template.function("SignUpFunction").orElseThrow();
        List<String> primed = hooks(backend, signUp).prime();
        assertTrue(primed.containsAll(List.of("DynamoDB GetItem", "JSON round trip", "Argon2 hash")), primed.toString());
        assertFalse(primed.contains("S3 presign"), "sign-up built an S3 presigner to prime it: " + primed);

        ApiDriver api = backend.api(functions(backend), "198.51.100.71");
        JsonNode account = User.createAccount(api, TestSettings.unique("primed"));
        assertFalse(account.at("/tokens/refreshToken").asText().isEmpty(), account.toString());

        hooks(backend, signUp).reseed(); // as after a restore: the function goes on answering
        User.createAccount(api, TestSettings.unique("restored"));
    }

    @Test
    void getMesPriming_readsDynamoDbAndPresigns_butNeverBuildsAPasswordHasher(Backend backend) {
        FunctionSpec getMe = template.function("GetMeFunction").orElseThrow();
        List<String> primed = hooks(backend, getMe).prime();
        assertTrue(primed.containsAll(List.of("DynamoDB GetItem", "JSON round trip")), primed.toString());
        assertFalse(primed.contains("Argon2 hash"), primed.toString());
        ApplicationContext context = functions(backend).bean(getMe, ApplicationContext.class);
        assertTrue(context.getActiveBeanRegistrations(PasswordHasher.class).isEmpty(), "get-me built a PasswordHasher");

        ApiDriver api = backend.api(functions(backend), "198.51.100.72");
        JsonNode account = User.createAccount(api, TestSettings.unique("primedme"));
        ApiDriver.Reply me = api.send("GET", "/v1/me", null,
                Map.of("authorization", "Bearer " + account.at("/tokens/accessToken").asText()));
        assertEquals(200, me.status(), me.body());
    }

    private SnapshotHooks hooks(Backend backend, FunctionSpec function) {
        return ((ApiFunction) functions(backend).handler(function)).snapshotHooks();
    }

    private FunctionHost functions(Backend backend) {
        if (functions == null) {
            functions = backend.functions(TestSettings.OVERRIDES);
        }
        return functions;
    }

    private Map<?, ?> properties(FunctionSpec function) {
        return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) template.section("Resources")).get(function.logicalId())).get("Properties");
    }

    private static boolean usesDynamoDb(List<?> policies) {
        return policies.stream().anyMatch(policy -> String.valueOf(policy).contains("DynamoDB")
                || String.valueOf(policy).contains("dynamodb:"));
    }

    /** A GetItem on the table with no condition, or with a {@code dynamodb:LeadingKeys} one the priming key meets. */
    private static boolean allowsPrimingRead(List<?> policies) {
        for (Object policy : policies) {
            Map<?, ?> named = (Map<?, ?>) policy;
            if (named.containsKey("DynamoDBReadPolicy") || named.containsKey("DynamoDBCrudPolicy")) {
                return true;
            }
            for (Object item : named.get("Statement") instanceof List<?> statements ? statements : List.of()) {
                Map<?, ?> statement = (Map<?, ?>) item;
                Object actions = statement.get("Action");
                boolean getItem = actions instanceof List<?> list ? list.contains("dynamodb:GetItem")
                        : "dynamodb:GetItem".equals(actions);
                if (getItem && "Allow".equals(statement.get("Effect")) && leadingKeysAllow(statement.get("Condition"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** IAM's {@code StringLike} pattern as a regular expression: {@code *} any run, {@code ?} any one character. */
    private static String glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }

    private static boolean leadingKeysAllow(Object condition) {
        if (condition == null) {
            return true;
        }
        for (var test : ((Map<?, ?>) condition).entrySet()) {
            List<?> keys = (List<?>) ((Map<?, ?>) test.getValue()).get("dynamodb:LeadingKeys");
            if (keys == null) {
                return false; // a condition on something else: not reasoned about here, so not counted
            }
            String operator = String.valueOf(test.getKey());
            boolean met = keys.stream().map(String::valueOf).anyMatch(key -> operator.endsWith("StringLike")
                    ? DynamoDbPriming.KEY.matches(glob(key)) : key.equals(DynamoDbPriming.KEY));
            if (!met) {
                return false;
            }
        }
        return true;
    }
}
