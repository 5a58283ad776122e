package ru.rossgram.shared.imports.uploads;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.imports.jobs.Import;
import ru.rossgram.shared.imports.jobs.ImportRepository;
import ru.rossgram.shared.imports.jobs.PostOutcome;
import ru.rossgram.shared.paging.CursorCodec;
import ru.rossgram.shared.paging.PageRequest;
import ru.rossgram.shared.posts.Post;
import ru.rossgram.shared.posts.PostRepository;
import ru.rossgram.shared.posts.PostStatus;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * What an owner reads of an import: its state and progress, and its report a page at a time, each line with its
 * post's status now (the thumbnail function may refuse an imported post's photo after the line was written).
 */
@Singleton
public class ImportReports {
    private static final String AFTER = "after";

    private final ImportRepository imports;
    private final OwnImports own;
    private final BatchReads batchReads;
    private final CursorCodec cursors;
    private final String table;

    public ImportReports(ImportRepository imports, OwnImports own, BatchReads batchReads, CursorCodec cursors,
                         RossgramConfig config) {
        this.imports = imports;
        this.own = own;
        this.batchReads = batchReads;
        this.cursors = cursors;
        this.table = config.table();
    }

    /**
     * The caller's import with a page of its report.
     *
     * @throws ProblemException 404 for no such import of the caller's; 400 {@code invalid-cursor}
     */
    public ImportView view(Caller caller, String importId, PageRequest page) {
        Import imp = own.find(caller, importId);
        String purpose = "import-report:" + importId;
        String after = null;
        if (page.cursor() != null) {
            after = cursors.decode(purpose, page.cursor()).get(AFTER);
            if (!ImportRepository.isOutcomePosition(after)) {
                throw new ProblemException(ProblemType.INVALID_CURSOR, "The cursor is not one this server issued.");
            }
        }
        ImportRepository.OutcomePage lines = imports.outcomes(importId, after, page.limit());
        String next = lines.after() == null ? null : cursors.encode(purpose, Map.of(AFTER, lines.after()));
        return with(imp, new ImportView.Report(lines(lines.outcomes()), next));
    }

    /** The caller's imports, newest first, without their reports. */
    public ImportView.Imports list(Caller caller, PageRequest page) {
        return new ImportView.Imports(imports.newestBy(caller.userId(), page.limit()).stream().map(this::summary).toList());
    }

    /** {@code imp} without its report. */
    public ImportView summary(Import imp) {
        return with(imp, null);
    }

    private ImportView with(Import imp, ImportView.Report report) {
        List<ImportView.FileView> files = imp.files().stream().map(f -> new ImportView.FileView(f.index(), f.size(),
                f.partSize(), f.parts(), f.multipartUploadId() == null)).toList();
        return new ImportView(imp.importId(), imp.status().wire(), files, imp.progress(), imp.failure(),
                imp.failureDetail(), imp.instagramUsername(), imp.linkRefusal(), imp.createdAt(), imp.updatedAt(), report);
    }

    private List<ImportView.Line> lines(List<ImportRepository.NumberedOutcome> outcomes) {
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> keys = outcomes.stream()
                .map(o -> o.outcome().postId()).filter(Objects::nonNull).map(PostRepository::key).toList();
        Map<String, Post> posts = new HashMap<>();
        if (!keys.isEmpty()) {
            batchReads.consistent(table, keys).stream().filter(PostRepository::isPost).map(PostRepository::postFrom)
                    .forEach(p -> posts.put(p.postId(), p));
        }
        return outcomes.stream().map(o -> line(o.outcome(), o.outcome().postId() == null ? null : posts.get(o.outcome().postId())))
                .toList();
    }

    private static ImportView.Line line(PostOutcome o, Post post) {
        String status = o.status().wire();
        String reason = o.reason();
        if (post != null && post.status() == PostStatus.FAILED) {
            status = PostOutcome.Status.FAILED.wire();
            reason = post.failureReason();
        }
        return new ImportView.Line(o.exportPostId(), o.part(), status, reason, o.postId(),
                post == null ? null : post.status().wire(), o.takenAt(), o.photos(), o.leftOut());
    }
}
