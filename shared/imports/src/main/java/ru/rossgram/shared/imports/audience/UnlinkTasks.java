package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rossgram.shared.media.TaskObjects;

/**
 * The work queue of unlink cleanups, made as the fan-out's is ({@code FanOutTasks}): each step is an empty object
 * {@code tasks/imports/unlink/<userId>/<step>} in the media bucket, whose storing invokes the import processing
 * function, which runs {@link AudienceCleanup#step} and stores the next step's object while more remains.
 */
@Singleton
public class UnlinkTasks {
    public static final String PREFIX = "tasks/imports/unlink/";
    private static final Pattern KEY = Pattern.compile("tasks/imports/unlink/([0-9A-Z]{26})/(\\d{1,9})");

    private final TaskObjects objects;

    public UnlinkTasks(TaskObjects objects) {
        this.objects = objects;
    }

    /** One step of one account's cleanup. */
    public record Task(String userId, int step) {
        public String key() {
            return PREFIX + userId + "/" + step;
        }

        public Task next() {
            return new Task(userId, step + 1);
        }
    }

    /** Asks for {@code task} to run (storing the same key twice runs it twice, which is harmless). */
    public void enqueue(Task task) {
        objects.enqueue(task.key());
    }

    /** Removes a finished task's object. */
    public void delete(Task task) {
        objects.delete(task.key());
    }

    /** The task a stored object's key names, or empty for any other key. */
    public static Optional<Task> parse(String key) {
        Matcher m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Task(m.group(1), Integer.parseInt(m.group(2))));
    }
}
