package ru.rossgram.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.rossgram.localcloud.CloudProfile;
import ru.rossgram.shared.events.yandex.YandexTimerEvent;

/**
 * The runner's movable time and its schedules, over the schedules test template: {@code POST /_local/clock} moves the
 * clock every hosted function reads, {@code POST /_local/schedules/<Function>} fires a function as EventBridge would
 * (as a Yandex timer trigger would, in the Yandex mode) and answers its result, and a schedule the moved clock has
 * reached fires on its own.
 */
class SchedulesAndClockTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration MONTH = Duration.ofDays(31);

    private LocalBackend backend;

    private LocalBackend start(RunnerOptions options) throws Exception {
        Path template = Path.of(getClass().getResource("/schedules/template.yaml").toURI());
        backend = LocalBackend.start(options.withTemplate(template).withPort(0).withEnginePorts(0, 0).withPaymentsPort(-1)
                .withDataDirectory(null), line -> System.out.println(line));
        return backend;
    }

    private static RunnerOptions onDemand() {
        return RunnerOptions.defaults().withSchedules(false);
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(backend.apiUri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void aSchedule_firesOnDemand_withAScheduledEvent_andTheAnswerCarriesTheFunctionsResult() throws Exception {
        start(onDemand());
        Instant before = Instant.now();

        HttpResponse<String> fired = send("POST", "/_local/schedules/TickFunction", null);

        assertEquals(200, fired.statusCode(), fired.body());
        JsonNode answer = json(fired);
        assertEquals("TickFunction", answer.get("function").asText());
        assertEquals("EveryMinute", answer.get("event").asText());
        List<ClockReadingHandler.Reading> readings = ClockReadingHandler.of("TickFunction");
        ClockReadingHandler.Reading reading = readings.get(readings.size() - 1);
        assertEquals("read " + reading.clock(), answer.get("result").asText());
        ScheduledEvent event = reading.event();
        assertEquals("Scheduled Event", event.getDetailType());
        assertEquals("aws.events", event.getSource());
        assertEquals(List.of("arn:aws:events:" + backend.cloud().region() + ":000000000000:rule/TickFunctionEveryMinute"),
                event.getResources());
        Instant time = Instant.ofEpochMilli(event.getTime().getMillis());
        assertFalse(time.isBefore(before.minusSeconds(1)), "the firing's time, in whole seconds: " + time);
        assertFalse(event.getId().isBlank());
    }

    @Test
    void aScheduleWithInput_getsTheInputInstead_andFiresOnDemandThoughDisabled() throws Exception {
        start(onDemand());

        HttpResponse<String> fired = send("POST", "/_local/schedules/NightlyFunction/Nightly", null);

        assertEquals(200, fired.statusCode(), fired.body());
        ScheduledEvent event = ClockReadingHandler.of("NightlyFunction").get(0).event();
        assertEquals("nightly-input", event.getSource());
        assertEquals("Nightly", event.getDetailType());
        JsonNode planned = json(send("GET", "/_local/schedules", null));
        assertEquals("cron(0 3 * * ? *)", planned.get(1).get("schedule").asText());
        assertFalse(planned.get(1).get("enabled").asBoolean());
        assertNull(planned.get(1).get("next"), "a disabled schedule has no next firing");
    }

    @Test
    void movingTheClock_movesTheTimeOfEveryHostedFunction() throws Exception {
        start(onDemand());
        send("POST", "/_local/schedules/TickFunction", null);
        Instant tickBefore = last(ClockReadingHandler.of("TickFunction")).clock();
        Instant before = Instant.now();

        HttpResponse<String> moved = send("POST", "/_local/clock", "{\"advance\": \"P31D\"}");

        assertEquals(200, moved.statusCode(), moved.body());
        Instant now = Instant.parse(json(moved).get("now").asText());
        assertEquals(MONTH.toString(), json(moved).get("offset").asText());
        assertTrue(Duration.between(before, now).compareTo(MONTH) >= 0, "the runner's time: " + now);
        send("POST", "/_local/schedules/TickFunction", null);
        send("POST", "/_local/schedules/NightlyFunction", null);
        Instant tick = last(ClockReadingHandler.of("TickFunction")).clock();
        Instant nightly = last(ClockReadingHandler.of("NightlyFunction")).clock();
        assertTrue(Duration.between(tickBefore, tick).compareTo(MONTH) >= 0, "an instance built before the move: " + tick);
        assertTrue(Duration.between(before, nightly).compareTo(MONTH) >= 0, "one built after it: " + nightly);
        Instant clockNow = Instant.parse(json(send("GET", "/_local/clock", null)).get("now").asText());
        assertFalse(clockNow.isBefore(nightly), "GET /_local/clock answers the functions' time");
    }

    @Test
    void theClock_isNeverMovedBack_andRefusesWhatIsNoDuration() throws Exception {
        start(onDemand());

        assertEquals(400, send("POST", "/_local/clock", "{\"advance\": \"-P1D\"}").statusCode());
        assertEquals(400, send("POST", "/_local/clock", "{\"advance\": \"a month\"}").statusCode());
        assertEquals(400, send("POST", "/_local/clock", "{\"by\": \"P1D\"}").statusCode());
        assertEquals(400, send("POST", "/_local/clock", "not json").statusCode());
        assertEquals(405, send("DELETE", "/_local/clock", null).statusCode());
        assertEquals("PT0S", json(send("GET", "/_local/clock", null)).get("offset").asText());
        // A calendar month, counted from the functions' date.
        HttpResponse<String> month = send("POST", "/_local/clock", "{\"advance\": \"P1M\"}");
        assertEquals(200, month.statusCode(), month.body());
        assertTrue(Duration.parse(json(month).get("offset").asText()).toDays() >= 28);
    }

    @Test
    void unknownFunctionsAndControls_answer404() throws Exception {
        start(onDemand());

        assertEquals(404, send("POST", "/_local/schedules/NoSuchFunction", null).statusCode());
        assertEquals(404, send("POST", "/_local/schedules/TickFunction/NoSuchEvent", null).statusCode());
        assertEquals(404, send("GET", "/_local/nothing", null).statusCode());
        assertEquals(405, send("GET", "/_local/schedules/TickFunction", null).statusCode());
    }

    @Test
    void onTheSystemClock_timeCannotBeMoved() throws Exception {
        start(onDemand().withAdjustableClock(false));

        assertEquals(404, send("POST", "/_local/clock", "{\"advance\": \"P1D\"}").statusCode());
        assertTrue(backend.clock().isEmpty());
        send("POST", "/_local/schedules/TickFunction", null);
        Instant read = last(ClockReadingHandler.of("TickFunction")).clock();
        assertTrue(Duration.between(Instant.now(), read).abs().compareTo(Duration.ofMinutes(1)) < 0);
    }

    @Test
    void aSchedule_theMovedClockReaches_firesOnItsOwn() throws Exception {
        start(RunnerOptions.defaults());
        int before = ClockReadingHandler.of("TickFunction").size();

        backend.clock().orElseThrow().advance(Duration.ofMinutes(2));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (ClockReadingHandler.of("TickFunction").size() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<ClockReadingHandler.Reading> readings = ClockReadingHandler.of("TickFunction");
        assertTrue(readings.size() > before, "rate(1 minute) fired after the clock moved 2 minutes");
        assertTrue(ClockReadingHandler.of("NightlyFunction").isEmpty(), "a disabled schedule does not fire on its own");
    }

    @Test
    void inTheYandexMode_aScheduleFires_asATimerMessage_toTheYandexClass() throws Exception {
        start(onDemand().withCloud(CloudProfile.YANDEX));
        Instant unmoved = Instant.now();
        backend.clock().orElseThrow().advance(MONTH);
        int before = ClockReadingYandexFunction.READINGS.size();

        HttpResponse<String> fired = send("POST", "/_local/schedules/NightlyFunction", null);

        assertEquals(200, fired.statusCode(), fired.body());
        List<ClockReadingYandexFunction.Reading> readings = List.copyOf(ClockReadingYandexFunction.READINGS);
        assertEquals(before + 1, readings.size());
        ClockReadingYandexFunction.Reading reading = last(readings);
        assertEquals("read " + reading.clock(), json(fired).get("result").asText());
        YandexTimerEvent.Message message = reading.event().messages.get(0);
        assertEquals(1, reading.event().messages.size());
        assertEquals(YandexTimerEvent.TIMER_MESSAGE, message.event_metadata.event_type);
        assertEquals("local-timer-NightlyFunction-Nightly", message.details.trigger_id);
        assertEquals("{\"source\":\"nightly-input\",\"detail-type\":\"Nightly\"}", message.details.payload);
        Instant created = Instant.parse(message.event_metadata.created_at);
        assertTrue(Duration.between(unmoved, created).compareTo(MONTH) >= 0, "the message carries the moved time: " + created);
        assertTrue(Duration.between(unmoved, reading.clock()).compareTo(MONTH) >= 0);
        assertFalse(message.event_metadata.event_id.isBlank());
    }

    @Test
    void aRestartedRunner_goesOnFromTheTimeItsDataHasSeen(@TempDir Path data) throws Exception {
        Path template = Path.of(getClass().getResource("/schedules/template.yaml").toURI());
        RunnerOptions options = onDemand().withTemplate(template).withPort(0).withEnginePorts(0, 0).withPaymentsPort(-1)
                .withDataDirectory(data);
        try (LocalBackend first = LocalBackend.start(options, line -> { })) {
            first.clock().orElseThrow().advance(MONTH);
        }
        assertTrue(Files.isRegularFile(data.resolve(RunnerClock.FILE_NAME)));
        try (LocalBackend second = LocalBackend.start(options, line -> { })) {
            assertEquals(MONTH, second.clock().orElseThrow().offset());
        }
        try (LocalBackend reset = LocalBackend.start(options.withReset(true), line -> { })) {
            assertEquals(Duration.ZERO, reset.clock().orElseThrow().offset(), "--reset deletes the kept time with the data");
        }
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
