package ru.rossgram.shared.imports.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnlinkTasksTest {
    private static final String USER = "01JD3Z6Q0V8X2K4M6N8P0R2T4W";

    @Test
    void aTaskKey_namesTheAccountAndStep_andParsesBack() {
        UnlinkTasks.Task task = new UnlinkTasks.Task(USER, 3);
        assertEquals("tasks/imports/unlink/" + USER + "/3", task.key());
        assertEquals(Optional.of(task), UnlinkTasks.parse(task.key()));
        assertEquals(4, task.next().step());
    }

    @Test
    void otherKeys_areNotUnlinkTasks() {
        assertTrue(UnlinkTasks.parse("tasks/fanout/add/" + USER + "/" + USER + "/0").isEmpty());
        assertTrue(UnlinkTasks.parse("tasks/imports/unlink/../" + USER + "/0").isEmpty());
        assertTrue(UnlinkTasks.parse("tasks/imports/unlink/" + USER + "/x").isEmpty());
        assertTrue(UnlinkTasks.parse(null).isEmpty());
    }
}
