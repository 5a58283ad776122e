package ru.rossgram.shared.feeds;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rossgram.shared.media.TaskObjects;

/**
 * The fan-out's work queue, made of the one thing every S3-compatible cloud can trigger a function with:
 * storing an object. Each step of a fan-out is an empty object
 * {@code tasks/fanout/<action>/<authorId>/<postId>/<step>} in the media bucket; the template subscribes the
 * fan-out function to {@code tasks/fanout/}, so storing it invokes the function asynchronously with the
 * platform's retries (locally, the runner does the same). The key says everything; the job item in DynamoDB
 * says how far the work got. A lifecycle rule removes old task objects; the function also deletes each one
 * it finished.
 */
@Singleton
public class FanOutTasks {
    static final String PREFIX = "tasks/fanout/";
    private static final Pattern KEY = Pattern.compile(
            "tasks/fanout/(add|remove|mark)/([0-9A-Z]{26})/([0-9A-Z]{26})/(\\d{1,9})");

    private final TaskObjects objects;

    public FanOutTasks(TaskObjects objects) {
        this.objects = objects;
    }

    /** One step of one fan-out, as a task key names it. */
    public record Task(FanOutAction action, String authorId, String postId, int step) {
        public String key() {
            return prefix(action) + authorId + "/" + postId + "/" + step;
        }

        public Task next() {
            return new Task(action, authorId, postId, step + 1);
        }
    }

    /** Where the tasks of {@code action} are stored. */
    public static String prefix(FanOutAction action) {
        return PREFIX + action.wire() + "/";
    }

    /** Asks for {@code task} to run (again: storing the same key twice runs it twice, which is harmless). */
    public void enqueue(Task task) {
        objects.enqueue(task.key());
    }

    /** Removes a finished task's object; it would otherwise wait for the lifecycle rule. */
    public void delete(Task task) {
        objects.delete(task.key());
    }

    /** The task a stored object's key names, or empty for any other key. */
    public static Optional<Task> parse(String key) {
        Matcher m = key == null ? null : KEY.matcher(key);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Task(FanOutAction.fromWire(m.group(1)).orElseThrow(), m.group(2), m.group(3),
                Integer.parseInt(m.group(4))));
    }

    public String bucket() {
        return objects.bucket();
    }
}
