package ru.rossgram.deploy.yandex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.localcloud.template.FunctionSpec;
import ru.rossgram.localcloud.template.SamTemplate;
import ru.rossgram.localcloud.template.ScheduleExpression;

/** A template's Schedule events become Yandex timer triggers with the cron expression that fires as EventBridge does. */
class TimerTriggerTest {

    private static String cron(String schedule) {
        return TimerTrigger.yandexCron(ScheduleExpression.parse(schedule));
    }

    @Test
    void aCronSchedule_carriesOverAsItIs_forYandexReadsTheSameSixFields() {
        assertEquals("0 * * * ? *", cron("cron(0 * * * ? *)"));
        assertEquals("30 3 ? * MON-FRI *", cron("cron(30 3 ? * mon-fri *)"));
        assertEquals("0 0 L * ? *", cron("cron(0 0 L * ? *)"));
        assertEquals("0 12 ? * 2#1 2030", cron("cron(0 12 ? * 2#1 2030)"));
    }

    @Test
    void aRate_becomesTheCronThatFiresAsOften() {
        assertEquals("* * * * ? *", cron("rate(1 minute)"));
        assertEquals("0/5 * * * ? *", cron("rate(5 minutes)"));
        assertEquals("0/30 * * * ? *", cron("rate(30 minutes)"));
        assertEquals("0 * * * ? *", cron("rate(1 hour)"));
        assertEquals("0 * * * ? *", cron("rate(60 minutes)"));
        assertEquals("0 0/6 * * ? *", cron("rate(6 hours)"));
        assertEquals("0 0/2 * * ? *", cron("rate(120 minutes)"));
        assertEquals("0 0 * * ? *", cron("rate(1 day)"));
        assertEquals("0 0 * * ? *", cron("rate(24 hours)"));
    }

    @Test
    void aRateNoCronSpacesEvenly_isRefused_askingForACron() {
        for (String uneven : List.of("rate(7 minutes)", "rate(90 minutes)", "rate(5 hours)", "rate(2 days)", "rate(25 hours)")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> cron(uneven), uneven);
            assertTrue(refused.getMessage().contains("cron(...)"), refused.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> cron("cron(0 0 1 1 ? 2150)"), "Yandex's years end at 2099");
    }

    @Test
    void thePlan_hasATimerPerEnabledSchedule_withItsPayload_andNoneForADisabledOne(@TempDir Path directory)
            throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Resources:
                  RenewSubscriptionsFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: renew.jar
                      Handler: example.RenewSubscriptionsHandler
                      Events:
                        Hourly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 hour)
                        NightlyReport:
                          Type: Schedule
                          Properties:
                            Schedule: cron(0 3 * * ? *)
                            Input: '{"report": true}'
                        Paused:
                          Type: Schedule
                          Properties:
                            Schedule: rate(5 minutes)
                            Enabled: false
                """);
        SamTemplate template = SamTemplate.load(file);
        FunctionSpec function = template.function("RenewSubscriptionsFunction").orElseThrow();

        TimerTrigger hourly = TimerTrigger.of(function, function.schedules().get(0));
        assertEquals("renew-subscriptions-hourly", hourly.name());
        assertEquals(List.of("--cron-expression", "0 * * * ? *"), hourly.flags());
        TimerTrigger nightly = TimerTrigger.of(function, function.schedules().get(1));
        assertEquals("renew-subscriptions-nightly-report", nightly.name());
        assertEquals(List.of("--cron-expression", "0 3 * * ? *", "--payload", "{\"report\": true}"), nightly.flags());

        String plan = new DeployPlan(template, Map.of("RenewSubscriptionsFunction",
                new FunctionPackage(Path.of("renew.zip"), "00", 1)), Map.of()).script();
        assertTrue(plan.contains("plan_timer RenewSubscriptionsFunction renew-subscriptions-hourly --cron-expression '0 * * * ? *'\n"),
                plan);
        assertTrue(plan.contains("plan_timer RenewSubscriptionsFunction renew-subscriptions-nightly-report"
                + " --cron-expression '0 3 * * ? *' --payload '{\"report\": true}'\n"), plan);
        assertTrue(plan.contains("# RenewSubscriptionsFunction Paused is disabled: no timer\n"), plan);
    }
}
