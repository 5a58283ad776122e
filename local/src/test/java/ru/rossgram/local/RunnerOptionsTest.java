package ru.rossgram.local;

import ru.rossgram.localcloud.YandexTriggerSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.localcloud.CloudProfile;

class RunnerOptionsTest {

    @Test
    void noArgumentsGiveTheDefaults() {
        assertEquals(RunnerOptions.defaults(), RunnerOptions.parse());
    }

    @Test
    void everyFlagIsRead() {
        RunnerOptions options = RunnerOptions.parse("--port", "3100", "--host", "0.0.0.0", "--dynamodb-port", "0",
                "--s3-port", "9100", "--data-dir", "/tmp/rg", "--reset", "--template", "t.yaml",
                "--param", "S3PathStyle=true", "--env", "ROSSGRAM_UPLOADS_URL_TTL=10s", "--env", "A=b=c");
        assertEquals(3100, options.port());
        assertEquals("0.0.0.0", options.host());
        assertEquals(0, options.dynamoDbPort());
        assertEquals(9100, options.s3Port());
        assertEquals(Path.of("/tmp/rg"), options.dataDirectory());
        assertTrue(options.reset());
        assertEquals(Path.of("t.yaml"), options.template());
        assertEquals(Map.of("S3PathStyle", "true"), options.parameters());
        assertEquals(Map.of("ROSSGRAM_UPLOADS_URL_TTL", "10s", "A", "b=c"), options.environment());
    }

    @Test
    void theCloudAndItsTriggerSettingsAreRead_awsAndTheDeployedSettingsByDefault() {
        assertEquals(CloudProfile.AWS, RunnerOptions.parse().cloud());
        assertEquals(YandexTriggerSettings.deployed(), RunnerOptions.parse().triggers());
        RunnerOptions options = RunnerOptions.parse("--cloud", "yandex", "--trigger-batch-size", "1", "--trigger-batch-cutoff", "5",
                "--trigger-retry-attempts", "5", "--trigger-retry-interval", "60");
        assertEquals(CloudProfile.YANDEX, options.cloud());
        assertEquals(new YandexTriggerSettings(1, Duration.ofSeconds(5), 5, Duration.ofSeconds(60)), options.triggers());
        assertEquals(Duration.ofSeconds(1), options.triggers().localRetryInterval());
    }

    @Test
    void triggerSettingsOutsideTheDocumentedRanges_areRefused_namingTheFlag() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--cloud", "gcp"))
                .getMessage().contains("--cloud takes aws or yandex"));
        String size = assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--trigger-batch-size", "11"))
                .getMessage();
        assertTrue(size.startsWith("--trigger-batch-size: ") && size.contains("1 to 10"), size);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--trigger-batch-cutoff", "0"))
                .getMessage().contains("1 to 60"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--trigger-retry-attempts", "6"))
                .getMessage().contains("1 to 5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--trigger-retry-interval", "9"))
                .getMessage().contains("10 to 60"));
    }

    @Test
    void schedulesFireOnTheirOwn_andTimeIsMovable_byDefault_andBothCanBeTurnedOff() {
        assertTrue(RunnerOptions.parse().schedules());
        assertTrue(RunnerOptions.parse().adjustableClock());
        RunnerOptions options = RunnerOptions.parse("--schedules", "off", "--clock", "system");
        assertEquals(false, options.schedules());
        assertEquals(false, options.adjustableClock());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--schedules", "never"))
                .getMessage().contains("--schedules takes on or off"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--clock", "fixed"))
                .getMessage().contains("--clock takes adjustable or system"));
    }

    @Test
    void inMemoryHasNoDataDirectory() {
        assertNull(RunnerOptions.parse("--in-memory").dataDirectory());
    }

    @Test
    void mistakesNameTheArgument() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--env", "NOVALUE"))
                .getMessage().contains("--env"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--port", "99999"))
                .getMessage().contains("--port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--param"))
                .getMessage().contains("--param"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse("--bogus"))
                .getMessage().contains("--bogus"));
    }
}
