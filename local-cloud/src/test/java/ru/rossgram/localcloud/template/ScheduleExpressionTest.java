package ru.rossgram.localcloud.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleExpressionTest {
    private static final Instant NOON = Instant.parse("2027-01-29T12:00:00Z"); // a Friday

    @Test
    void rate_readsMinutesHoursAndDays_inEventBridgesGrammar() {
        ScheduleExpression.Rate hourly = assertInstanceOf(ScheduleExpression.Rate.class,
                ScheduleExpression.parse("rate(1 hour)"));
        assertEquals(Duration.ofHours(1), hourly.period());
        assertEquals("rate(1 hour)", hourly.text());
        assertEquals(Duration.ofMinutes(15), ((ScheduleExpression.Rate) ScheduleExpression.parse("rate(15 minutes)")).period());
        assertEquals(Duration.ofDays(2), ((ScheduleExpression.Rate) ScheduleExpression.parse(" rate(2 days) ")).period());
    }

    @Test
    void rate_refusesWhatEventBridgeRefuses() {
        for (String wrong : List.of("rate(1 hours)", "rate(5 minute)", "rate(0 minutes)", "rate(-1 minutes)",
                "rate(1 week)", "rate(1.5 hours)", "rate()", "every hour", "rate(99999999999999999999 days)")) {
            assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(wrong), wrong);
        }
    }

    @Test
    void rate_countsFromTheLastFiring_andSkipsWhatWasMissed() {
        ScheduleExpression rate = ScheduleExpression.parse("rate(10 minutes)");
        assertEquals(NOON.plusSeconds(600), rate.nextAfter(NOON.plusSeconds(1), NOON));
        // Time moved a day ahead: the next firing is the first one after it, not 144 made up.
        Instant dayLater = NOON.plus(Duration.ofDays(1)).plusSeconds(5);
        assertEquals(NOON.plus(Duration.ofDays(1)).plusSeconds(600), rate.nextAfter(dayLater, NOON));
    }

    @Test
    void cron_firesAtTheNextMatchingMinute_inUtc() {
        assertEquals(Instant.parse("2027-01-29T13:00:00Z"), next("cron(0 * * * ? *)", NOON));
        assertEquals(Instant.parse("2027-01-30T03:00:00Z"), next("cron(0 3 * * ? *)", NOON));
        assertEquals(Instant.parse("2027-01-29T12:15:00Z"), next("cron(0/15 * * * ? *)", NOON));
        assertEquals(Instant.parse("2027-02-01T09:30:00Z"), next("cron(30 9 ? * MON-FRI *)", NOON.plusSeconds(86_400)));
        assertEquals(Instant.parse("2027-03-01T00:00:00Z"), next("cron(0 0 1 mar,jun ? *)", NOON));
    }

    @Test
    void cron_readsTheDaySpecials() {
        assertEquals(Instant.parse("2027-01-31T00:00:00Z"), next("cron(0 0 L * ? *)", NOON), "last day of the month");
        assertEquals(Instant.parse("2027-02-28T00:00:00Z"), next("cron(0 0 L * ? *)", Instant.parse("2027-02-01T00:00:00Z")));
        assertEquals(Instant.parse("2028-02-29T00:00:00Z"), next("cron(0 0 L 2 ? *)", Instant.parse("2028-02-01T00:00:00Z")),
                "a leap year's February");
        // 2027-05-15 is a Saturday: the nearest weekday is Friday the 14th.
        assertEquals(Instant.parse("2027-05-14T00:00:00Z"), next("cron(0 0 15W 5 ? *)", NOON));
        assertEquals(Instant.parse("2027-02-26T00:00:00Z"), next("cron(0 0 ? * 6L *)", NOON.plusSeconds(86_400 * 3)),
                "the last Friday of February");
        assertEquals(Instant.parse("2027-02-01T00:00:00Z"), next("cron(0 0 ? * 2#1 *)", NOON), "the first Monday");
        assertEquals(Instant.parse("2027-04-30T00:00:00Z"), next("cron(0 0 LW 4 ? *)", NOON), "April's last weekday");
    }

    @Test
    void cron_whoseYearsAreOver_neverFiresAgain() {
        assertNull(next("cron(0 0 1 1 ? 2020)", NOON));
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), next("cron(0 0 1 1 ? 2030)", NOON));
    }

    @Test
    void cron_refusesWhatEventBridgeRefuses() {
        for (String wrong : List.of("cron(0 * * * *)", "cron(0 * * * * *)", "cron(0 * ? * ? *)", "cron(60 * * * ? *)",
                "cron(0 24 * * ? *)", "cron(0 0 32 * ? *)", "cron(0 0 ? * 8 *)", "cron(0 0 * FOO ? *)", "cron(5-1 * * * ? *)",
                "cron(0/0 * * * ? *)")) {
            assertThrows(IllegalArgumentException.class, () -> ScheduleExpression.parse(wrong), wrong);
        }
    }

    @Test
    void template_readsEachFunctionsScheduleEvents_withTheirStateAndInput(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  TickFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b.TickHandler
                      Events:
                        Hourly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 hour)
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: cron(0 3 * * ? *)
                            Input: '{"mode":"nightly"}'
                            Enabled: false
                        Paused:
                          Type: Schedule
                          Properties:
                            Schedule: rate(5 minutes)
                            State: DISABLED
                """);
        List<ScheduleEvent> schedules = SamTemplate.load(file).function("TickFunction").orElseThrow().schedules();

        assertEquals(List.of("Hourly", "Nightly", "Paused"), schedules.stream().map(ScheduleEvent::name).toList());
        assertTrue(schedules.get(0).enabled());
        assertEquals("rate(1 hour)", schedules.get(0).schedule().text());
        assertNull(schedules.get(0).input());
        assertFalse(schedules.get(1).enabled());
        assertEquals("{\"mode\":\"nightly\"}", schedules.get(1).input());
        assertFalse(schedules.get(2).enabled());
    }

    @Test
    void template_withAScheduleEventBridgeWouldRefuse_isRefusedWithWhere(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  TickFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.b.TickHandler
                      Events:
                        Hourly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 hours)
                """);
        SamTemplateException refused = assertThrows(SamTemplateException.class, () -> SamTemplate.load(file));
        assertTrue(refused.getMessage().contains("Hourly.Properties.Schedule"), refused.getMessage());
    }

    private static Instant next(String expression, Instant after) {
        return ScheduleExpression.parse(expression).nextAfter(after, after);
    }
}
