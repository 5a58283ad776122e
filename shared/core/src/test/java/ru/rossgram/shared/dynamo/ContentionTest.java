package ru.rossgram.shared.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.http.ApiResponse;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemResponses;
import ru.rossgram.shared.problem.ProblemType;

class ContentionTest {
    /** No pauses: these tests are about how many rounds run and how it ends, not about time. */
    private static final Backoff NONE = new Backoff(0, 0);

    @Test
    void retry_givesTheFirstResultARoundGives_andRunsNoMoreRounds() {
        AtomicInteger rounds = new AtomicInteger();
        String result = Contention.retry(10, NONE, "busy", () -> rounds.incrementAndGet() < 3 ? Optional.empty() : Optional.of("won"));
        assertEquals("won", result);
        assertEquals(3, rounds.get());
    }

    @Test
    void retry_runsAtMostTheBoundedRounds_thenAnswersBusyWithRetryAfter() {
        AtomicInteger rounds = new AtomicInteger();
        ProblemException busy = assertThrows(ProblemException.class,
                () -> Contention.retry(6, NONE, "The post is changing too fast; retry shortly.", () -> {
                    rounds.incrementAndGet();
                    return Optional.empty();
                }));
        assertEquals(6, rounds.get());
        assertEquals(ProblemType.BUSY, busy.type());
        assertEquals("The post is changing too fast; retry shortly.", busy.detail());

        ApiResponse response = ProblemResponses.of(busy, "/v1/posts/1");
        assertEquals(503, response.statusCode());
        assertEquals("1", response.headers().get("retry-after"));
        assertTrue(response.body().contains("\"type\":\"https://rossgram.ru/problems/busy\""), response.body());
    }

    @Test
    void retry_letsWhatARoundThrowsThrough_atOnce() {
        AtomicInteger rounds = new AtomicInteger();
        ProblemException notFound = new ProblemException(ProblemType.NOT_FOUND, "no such post");
        ProblemException thrown = assertThrows(ProblemException.class, () -> Contention.retry(5, NONE, "busy", () -> {
            rounds.incrementAndGet();
            throw notFound;
        }));
        assertSame(notFound, thrown, "an outcome no retry changes is the caller's answer");
        assertEquals(1, rounds.get());
    }

    @Test
    void retryUntilDone_stopsWhenARoundIsDone_andAnswersBusyWhenNoneIs() {
        AtomicInteger rounds = new AtomicInteger();
        Contention.retryUntilDone(4, NONE, "busy", () -> rounds.incrementAndGet() == 2);
        assertEquals(2, rounds.get());

        rounds.set(0);
        assertThrows(ProblemException.class, () -> Contention.retryUntilDone(4, NONE, "busy", () -> {
            rounds.incrementAndGet();
            return false;
        }));
        assertEquals(4, rounds.get());
    }

    @Test
    void backoff_startsAfterTheFirstRound_doublesItsCeiling_andNeverPassesItsMaximum() {
        Backoff brief = Backoff.BRIEF;
        assertEquals(List.of(0L, 20L, 40L, 80L, 160L, 200L, 200L),
                List.of(1, 2, 3, 4, 5, 6, 7).stream().map(brief::ceilingMillis).toList());
        assertEquals(200L, brief.ceilingMillis(1_000), "no overflow however many rounds");
        assertEquals(1000L, Backoff.PATIENT.ceilingMillis(40));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(50, 10));
    }
}
