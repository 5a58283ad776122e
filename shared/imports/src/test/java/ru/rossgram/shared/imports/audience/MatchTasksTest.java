package ru.rossgram.shared.imports.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MatchTasksTest {
    private static final String NEWCOMER = "01JD3Z6Q0V8X2K4M6N8P0R2T4W";
    private static final String OWNER = "01JD3Z6Q0V8X2K4M6N8P0R2T4X";

    @Test
    void aTaskKey_namesTheNewcomerAndTheLastListMatched_andParsesBack() {
        MatchTasks.Task task = new MatchTasks.Task(NEWCOMER, new HandleListRepository.Holder(OWNER, HandleList.FOLLOWING));
        assertEquals("tasks/imports/match/" + NEWCOMER + "/" + OWNER + "/following", task.key());
        assertEquals(Optional.of(task), MatchTasks.parse(task.key()));
    }

    @Test
    void otherKeys_areNotMatchTasks() {
        assertTrue(MatchTasks.parse("tasks/imports/unlink/" + NEWCOMER + "/0").isEmpty());
        assertTrue(MatchTasks.parse("tasks/imports/match/" + NEWCOMER + "/" + OWNER + "/friends").isEmpty());
    }
}
