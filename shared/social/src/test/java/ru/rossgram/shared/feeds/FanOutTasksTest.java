package ru.rossgram.shared.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.feeds.FanOutTasks.Task;

class FanOutTasksTest {
    private static final String AUTHOR = "01JD3Z6Q0V8X2K4M6N8P0R2T4W";
    private static final String POST = "01JD40A1B2C3D4E5F6G7H8J9KM";

    @Test
    void everyActionsTaskKey_parsesBackToTheSameTask() {
        for (FanOutAction action : FanOutAction.values()) {
            Task task = new Task(action, AUTHOR, POST, 7);
            assertTrue(task.key().startsWith(FanOutTasks.prefix(action)), task.key());
            assertEquals(Optional.of(task), FanOutTasks.parse(task.key()));
        }
        assertEquals("tasks/fanout/mark/" + AUTHOR + "/" + POST + "/0", new Task(FanOutAction.MARK, AUTHOR, POST, 0).key());
    }

    @Test
    void otherKeys_areNoTasks() {
        assertEquals(Optional.empty(), FanOutTasks.parse("tasks/fanout/promote/" + AUTHOR + "/" + POST + "/0"));
        assertEquals(Optional.empty(), FanOutTasks.parse("tasks/fanout/add/" + AUTHOR + "/" + POST));
        assertEquals(Optional.empty(), FanOutTasks.parse("originals/" + AUTHOR + "/" + POST));
        assertEquals(Optional.empty(), FanOutTasks.parse(null));
    }
}
