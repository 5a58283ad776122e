package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Matches an account that linked its Instagram name with the lists holding the name, in bounded calls: the first
 * runs inside the link, and while lists remain, each call enqueues the next as a {@link MatchTasks} task.
 */
@Singleton
public class NewcomerMatching {
    private final AudienceMatcher matcher;
    private final InstagramLinkRepository links;
    private final MatchTasks tasks;

    public NewcomerMatching(AudienceMatcher matcher, InstagramLinkRepository links, MatchTasks tasks) {
        this.matcher = matcher;
        this.links = links;
        this.tasks = tasks;
    }

    /**
     * Matches {@code newcomerId}, linked to {@code handle}, from after {@code after} (null: the first list) for
     * about {@code budget}, and enqueues the rest.
     *
     * @return whether a task for the rest was enqueued
     */
    public boolean match(String newcomerId, String handle, HandleListRepository.Holder after, Duration budget) {
        Optional<HandleListRepository.Holder> rest = matcher.matchNewcomer(newcomerId, handle, after, budget);
        rest.ifPresent(last -> tasks.enqueue(new MatchTasks.Task(newcomerId, last)));
        return rest.isPresent();
    }

    /**
     * Runs one task: the rest of the matching of the name its account holds now (nothing if it unlinked since).
     *
     * @return whether a task for the rest was enqueued
     */
    public boolean step(MatchTasks.Task task, Duration budget) {
        return links.find(task.newcomerId())
                .map(link -> match(task.newcomerId(), link.handle(), task.after(), budget))
                .orElse(false);
    }
}
