package ru.rossgram.shared.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class CursorCodecTest {
    private final CursorCodec codec = new CursorCodec("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aCursorDecodesToItsPosition_forItsOwnPurpose() {
        Map<String, String> position = Map.of("after", "01J0000000000000000000000A", "n", "7");
        String cursor = codec.encode("followers:u1", position);
        assertEquals(position, codec.decode("followers:u1", cursor));
    }

    @Test
    void anAlteredForgedOrBorrowedCursor_isRefused() {
        String cursor = codec.encode("followers:u1", Map.of("after", "b"));
        String payload = cursor.substring(0, cursor.indexOf('.'));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"after\":\"a\"}".getBytes())
                + cursor.substring(cursor.indexOf('.'));
        for (String bad : new String[] {forged, payload, payload + ".", cursor + "x", "garbage", "", "a.b.c",
                "%%%.%%%", "x".repeat(3000)}) {
            ProblemException e = assertThrows(ProblemException.class, () -> codec.decode("followers:u1", bad), bad);
            assertEquals(ProblemType.INVALID_CURSOR, e.type());
        }
        assertThrows(ProblemException.class, () -> codec.decode("followers:u2", cursor), "another list's cursor");
        assertThrows(ProblemException.class,
                () -> new CursorCodec("another secret, another server!!".getBytes()).decode("followers:u1", cursor));
    }

    @Test
    void pageRequestsReadLimitAndCursor() {
        assertEquals(new PageRequest(20, null), PageRequest.of(Map.of()));
        assertEquals(new PageRequest(5, "c"), PageRequest.of(Map.of("limit", "5", "cursor", "c")));
        for (String bad : new String[] {"0", "51", "-1", "ten", ""}) {
            assertThrows(ProblemException.class, () -> PageRequest.of(Map.of("limit", bad)), bad);
        }
    }
}
