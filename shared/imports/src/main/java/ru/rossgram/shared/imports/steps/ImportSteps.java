package ru.rossgram.shared.imports.steps;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ru.rossgram.shared.imports.audience.HandleList;
import ru.rossgram.shared.imports.audience.HandleLists;
import ru.rossgram.shared.imports.audience.InstagramLinker;
import ru.rossgram.shared.imports.audience.LinkOutcome;
import ru.rossgram.shared.imports.audience.ListProgress;
import ru.rossgram.shared.imports.instagram.ExportLimits;
import ru.rossgram.shared.imports.instagram.ExportSource;
import ru.rossgram.shared.imports.instagram.ExportedMedia;
import ru.rossgram.shared.imports.instagram.ExportedPost;
import ru.rossgram.shared.imports.instagram.ExportStream;
import ru.rossgram.shared.imports.instagram.InstagramExport;
import ru.rossgram.shared.imports.instagram.InstagramExportReader;
import ru.rossgram.shared.imports.jobs.Import;
import ru.rossgram.shared.imports.jobs.ImportFile;
import ru.rossgram.shared.imports.jobs.ImportProgress;
import ru.rossgram.shared.imports.jobs.ImportRepository;
import ru.rossgram.shared.imports.jobs.ImportStatus;
import ru.rossgram.shared.imports.jobs.ImportTasks;
import ru.rossgram.shared.imports.jobs.ImportTasks.Task;
import ru.rossgram.shared.imports.jobs.PostOutcome;
import ru.rossgram.shared.imports.posts.PostImporter;
import ru.rossgram.shared.imports.steps.StepCursor.Phase;
import ru.rossgram.shared.media.MediaStore;

/**
 * Runs one step of an import: scan the export (owner, era, totals), then posts from the cursor on, then the
 * followers and following lists, then finish (the uploaded files deleted). Each step works within a budget, moves
 * the import one step on with {@link ImportRepository#advance} (conditional on the step it read, so a repeated
 * delivery's work counts once) and queues the next. A hostile or unreadable export ends the import as failed and the
 * step returns normally; a storage or database fault propagates, so the platform delivers the step again.
 */
@Singleton
public class ImportSteps {

    /** What a step did. */
    public enum Outcome {
        /** The step's work is done and the next step is queued. */
        CONTINUED,
        /** The import finished with this step. */
        COMPLETED,
        /** The export cannot be imported; the import is failed with why. */
        FAILED,
        /** A repeated or late delivery: the import is finished or at another step; nothing done. */
        STALE,
        /** Another delivery of this step moved the import on first; this one's work was the same and is dropped. */
        SUPERSEDED
    }

    private final ImportRepository imports;
    private final ImportTasks tasks;
    private final ExportArchives archives;
    private final PostImporter posts;
    private final InstagramLinker linker;
    private final HandleLists lists;
    private final MediaStore media;
    private final ImportStepConfig config;
    private final Clock clock;
    private final InstagramExportReader reader;

    private final PostProvenance provenance;

    public ImportSteps(ImportRepository imports, ImportTasks tasks, ExportArchives archives, PostImporter posts,
                       InstagramLinker linker, HandleLists lists, MediaStore media, ImportStepConfig config,
                       Clock clock, PostProvenance provenance) {
        this.provenance = provenance;
        this.imports = imports;
        this.tasks = tasks;
        this.archives = archives;
        this.posts = posts;
        this.linker = linker;
        this.lists = lists;
        this.media = media;
        this.config = config;
        this.clock = clock;
        ExportLimits defaults = ExportLimits.DEFAULT;
        this.reader = new InstagramExportReader(new ExportLimits(config.maxJsonBytes(), defaults.maxEntryBytes(),
                defaults.maxStringChars(), defaults.maxNestingDepth()));
    }

    /**
     * Runs {@code task} if the import is at that step.
     *
     * @throws RuntimeException when storage or the table failed: nothing is lost, deliver the task again
     */
    public Outcome run(Task task) {
        Import imp = imports.find(task.importId()).orElse(null);
        if (imp == null || !imp.ownerId().equals(task.userId()) || imp.status().finished()
                || imp.status() == ImportStatus.UPLOADING) {
            return Outcome.STALE;
        }
        if (imp.step() != task.step()) {
            if (imp.step() == task.step() + 1) {
                // The platform retries a step whose next task could not be queued after it advanced: queue it now.
                tasks.enqueue(task.next());
            }
            return Outcome.STALE;
        }
        StepCursor cursor = StepCursor.parse(imp.cursor());
        try {
            return switch (cursor.phase()) {
                case SCAN -> scan(task, imp);
                case POSTS -> posts(task, imp, cursor.index());
                case FOLLOWERS, FOLLOWING -> handles(task, imp, cursor);
                case FINISH -> finish(imp);
            };
        } catch (IOException | RuntimeException e) {
            ImportFailure failure = ImportFailure.of(e).orElseThrow(() -> e instanceof IOException io
                    ? new UncheckedIOException(io) : (RuntimeException) e);
            return fail(imp, failure);
        }
    }

    /** Removes a step's task object once it ran (a stale one too); a step that threw keeps it for the retry. */
    public void finished(Task task) {
        tasks.delete(task);
    }

    /**
     * Reads the owner, the era and the totals, and checks what every photo entry declares; then links the owner's
     * Instagram name. Everything that can refuse the export from its JSON and its central directory does so here,
     * before anything outside the import is written.
     */
    private Outcome scan(Task task, Import imp) throws IOException {
        ArchivedExport source = archives.open(imp);
        InstagramExport export = reader.read(source);
        if (export.htmlOnly()) {
            return fail(imp, ImportFailure.HTML_EXPORT);
        }
        long total = 0;
        long bytes = 0;
        try (Stream<ExportedPost> all = export.posts().open()) {
            for (Iterator<ExportedPost> it = all.iterator(); it.hasNext(); ) {
                ExportedPost post = it.next();
                for (ExportedMedia m : post.importableMedia()) {
                    if (m.presentInArchive()) {
                        source.checkOpenable(m.entryName()); // a declared bomb fails the import before anything is written
                    }
                }
                bytes += photoBytes(post, source);
                total++;
            }
        }
        String owner = export.ownerUsername().orElse(null);
        LinkOutcome link = owner == null ? null : linker.link(imp.ownerId(), owner);
        String refusal = link == null || link.linked() ? null : link.reason();
        ImportProgress totals = new ImportProgress(0, total, 0, 0, 0, 0, bytes);
        return advance(task, imp, StepCursor.at(Phase.POSTS, 0), totals, owner, export.era().name(), refusal);
    }

    /** Imports posts from {@code from} on, one at a time, until the budget or the posts run out. */
    private Outcome posts(Task task, Import imp, long from) throws IOException {
        ExportSource source = archives.open(imp);
        InstagramExport export = reader.read(source);
        Instant deadline = clock.instant().plus(config.stepBudget());
        Map<Long, List<PostOutcome>> earlier = imports.outcomesBetween(imp.importId(), from, from + config.postsPerStep());
        StepWork work = new StepWork();
        long index = from;
        boolean more;
        try (Stream<ExportedPost> all = export.posts().open()) {
            Iterator<ExportedPost> it = all.skip(from).iterator();
            while ((more = it.hasNext()) && index - from < config.postsPerStep() && clock.instant().isBefore(deadline)) {
                ExportedPost post = it.next();
                List<PostOutcome> outcomes = provenance.asSeenBy(imp, posts.importPost(imp.ownerId(), post, source));
                List<PostOutcome> recorded = earlier.get(index);
                if (recorded == null) {
                    recorded = imports.recordOutcomes(imp.importId(), index, outcomes);
                }
                work.post(recorded, photoBytes(post, source));
                index++;
            }
        }
        StepCursor next = more ? StepCursor.at(Phase.POSTS, index) : StepCursor.at(Phase.FOLLOWERS, 0);
        return advance(task, imp, next, work.progress(), null, null, null);
    }

    /** Stores a part of the followers or following list, when the owner's name is linked to the account. */
    private Outcome handles(Task task, Import imp, StepCursor cursor) throws IOException {
        boolean followers = cursor.phase() == Phase.FOLLOWERS;
        StepCursor done = followers ? StepCursor.at(Phase.FOLLOWING, 0) : StepCursor.at(Phase.FINISH, 0);
        if (imp.instagramUsername() == null || imp.linkRefusal() != null) {
            return advance(task, imp, StepCursor.at(Phase.FINISH, 0), ImportProgress.NONE, null, null, null);
        }
        InstagramExport export = reader.read(archives.open(imp));
        List<ExportStream<String>> files = followers ? export.followerFiles() : export.followingFiles();
        if (cursor.file() >= files.size()) {
            return advance(task, imp, done, ImportProgress.NONE, null, null, null);
        }
        StepCursor next;
        // Only the cursor's file is opened, and skipped within: a list of dozens of files costs each step one file.
        try (Stream<String> handles = files.get(cursor.file()).open()) {
            LimitedIterator<String> part = new LimitedIterator<>(handles.skip(cursor.inFile()).iterator(),
                    config.handlesPerStep());
            ListProgress stored = lists.store(imp.ownerId(), followers ? HandleList.FOLLOWERS : HandleList.FOLLOWING,
                    part, cursor.index(), config.stepBudget());
            if (!stored.linked()) {
                next = StepCursor.at(Phase.FINISH, 0); // unlinked meanwhile: no list is kept
            } else if (stored.finished() && !part.cutShort()) {
                next = cursor.file() + 1 < files.size()
                        ? StepCursor.inList(cursor.phase(), stored.nextIndex(), cursor.file() + 1, 0) : done;
            } else {
                next = StepCursor.inList(cursor.phase(), stored.nextIndex(), cursor.file(),
                        cursor.inFile() + stored.nextIndex() - cursor.index());
            }
        }
        return advance(task, imp, next, ImportProgress.NONE, null, null, null);
    }

    /**
     * Deletes the uploaded files (they hold private data beyond what was imported) and completes the import. The
     * files go first: a retry after a failed delete finds the import still at this step and deletes again.
     */
    private Outcome finish(Import imp) {
        media.delete(fileKeys(imp));
        boolean completed = imports.advance(imp, ImportStatus.COMPLETED, null, ImportProgress.NONE, null, null,
                clock.instant());
        return completed ? Outcome.COMPLETED : Outcome.SUPERSEDED;
    }

    /** Fails the import with why, then deletes its files: nothing more can be read from them. */
    private Outcome fail(Import imp, ImportFailure failure) {
        if (!imports.fail(imp.importId(), failure.code(), failure.detail(), clock.instant())) {
            return Outcome.STALE;
        }
        media.delete(fileKeys(imp));
        return Outcome.FAILED;
    }

    private Outcome advance(Task task, Import imp, StepCursor next, ImportProgress work, String owner, String era,
                            String refusal) {
        if (!imports.advance(imp, ImportStatus.RUNNING, next.stored(), work, owner, era, refusal, clock.instant())) {
            return Outcome.SUPERSEDED;
        }
        tasks.enqueue(task.next());
        return Outcome.CONTINUED;
    }

    /** The bytes of a post's photos in the archive, as the archive declares them (what progress counts in). */
    private static long photoBytes(ExportedPost post, ExportSource source) {
        long bytes = 0;
        for (ExportedMedia m : post.importableMedia()) {
            if (m.presentInArchive()) {
                bytes += Math.max(0, source.declaredSize(m.entryName()));
            }
        }
        return bytes;
    }

    private static List<String> fileKeys(Import imp) {
        return imp.files().stream().map(ImportFile::objectKey).toList();
    }

    /** A post step's counts: each post once, each of its report lines by status. */
    private static final class StepWork {
        private long posts;
        private long imported;
        private long skipped;
        private long failed;
        private long bytes;

        void post(List<PostOutcome> lines, long photoBytes) {
            posts++;
            bytes += photoBytes;
            for (PostOutcome line : lines) {
                switch (line.status()) {
                    case IMPORTED -> imported++;
                    case ALREADY_IMPORTED, SKIPPED -> skipped++;
                    case FAILED -> failed++;
                }
            }
        }

        ImportProgress progress() {
            return new ImportProgress(posts, 0, imported, skipped, failed, bytes, 0);
        }
    }
}
