package ru.rossgram.it;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** What every test of this module shares: the functions' settings here, the one password, and unique names. */
final class TestSettings {
    static final String PASSWORD = "violet kettle sings at dawn";
    /** Cheap hashing and a low per-address limit keep the suite fast and the address throttle testable. */
    static final Map<String, String> OVERRIDES = Map.of(
            "ROSSGRAM_PASSWORD_HASHING_MEMORY_KIB", "1024",
            "ROSSGRAM_PASSWORD_HASHING_ITERATIONS", "1",
            "ROSSGRAM_SIGN_IN_THROTTLE_MAX_FAILURES_PER_ADDRESS", "12");

    private TestSettings() {
    }

    /** {@code base} and a random suffix: a username no other test of the run (or an earlier run's data) holds. */
    static String unique(String base) {
        return base + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static String signUpBody(String username, String email, String password) {
        return """
                {"username": "%s", "email": "%s", "password": "%s", "displayName": "Маша Петрова"}"""
                .formatted(username, email, password);
    }

    static String signInBody(String login, String password) {
        return "{\"login\": \"" + login + "\", \"password\": \"" + password + "\"}";
    }
}
