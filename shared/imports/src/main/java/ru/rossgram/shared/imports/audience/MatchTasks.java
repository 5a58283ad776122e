package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.rossgram.shared.media.TaskObjects;

/**
 * The work queue of a newcomer's matching when more lists hold the name than one call gets through (a famous
 * name in many importers' following lists): each step is an empty object
 * {@code tasks/imports/match/<newcomerId>/<ownerId of the last list matched>/<followers|following>} in the media
 * bucket, whose storing invokes the import processing function, which runs {@link NewcomerMatching#step}.
 */
@Singleton
public class MatchTasks {
    public static final String PREFIX = "tasks/imports/match/";
    private static final Pattern KEY = Pattern.compile(
            "tasks/imports/match/([0-9A-Z]{26})/([0-9A-Z]{26})/(followers|following)");

    private final TaskObjects objects;

    public MatchTasks(TaskObjects objects) {
        this.objects = objects;
    }

    /** Match {@code newcomerId} with the lists holding its name after {@code after}. */
    public record Task(String newcomerId, HandleListRepository.Holder after) {
        public String key() {
            return PREFIX + newcomerId + "/" + after.ownerId() + "/" + after.list().word();
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
        HandleList list = m.group(3).equals(HandleList.FOLLOWERS.word()) ? HandleList.FOLLOWERS : HandleList.FOLLOWING;
        return Optional.of(new Task(m.group(1), new HandleListRepository.Holder(m.group(2), list)));
    }
}
