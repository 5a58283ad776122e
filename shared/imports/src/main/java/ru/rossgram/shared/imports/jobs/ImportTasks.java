package ru.rossgram.shared.imports.jobs;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rossgram.shared.media.TaskObjects;

/**
 * The import's work queue, made as the fan-out's is (see {@code FanOutTasks}): each step is an empty object
 * {@code tasks/imports/run/<userId>/<importId>/<step>} in the media bucket, and storing it invokes the processing
 * function, subscribed to {@code tasks/imports/}, with the platform's retries. The key names the step; the import
 * item says how far the work got, so a repeated or stale task does nothing.
 */
@Singleton
public class ImportTasks {
    /** Everything the processing function is subscribed to; other kinds of task live beside {@code run/}. */
    public static final String PREFIX = "tasks/imports/";
    private static final String RUN = PREFIX + "run/";
    private static final Pattern KEY = Pattern.compile("tasks/imports/run/([0-9A-Z]{26})/([0-9A-Z]{26})/(\\d{1,9})");

    private final TaskObjects objects;

    public ImportTasks(TaskObjects objects) {
        this.objects = objects;
    }

    /** One step of one import, as its task key names it. */
    public record Task(String userId, String importId, int step) {
        public String key() {
            return RUN + userId + "/" + importId + "/" + step;
        }

        public Task next() {
            return new Task(userId, importId, step + 1);
        }
    }

    /** Asks for {@code task} to run (storing the same key twice runs it twice, which the step number makes harmless). */
    public void enqueue(Task task) {
        objects.enqueue(task.key());
    }

    /** Removes a finished task's object; it would otherwise wait for the lifecycle rule. */
    public void delete(Task task) {
        objects.delete(task.key());
    }

    /** The step a stored object's key names, or empty for any other key. */
    public static Optional<Task> parse(String key) {
        Matcher m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Task(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
    }
}
