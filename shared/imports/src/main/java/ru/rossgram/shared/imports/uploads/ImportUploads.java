package ru.rossgram.shared.imports.uploads;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.imports.jobs.Import;
import ru.rossgram.shared.imports.jobs.ImportFile;
import ru.rossgram.shared.imports.jobs.ImportProgress;
import ru.rossgram.shared.imports.jobs.ImportRepository;
import ru.rossgram.shared.imports.jobs.ImportStatus;
import ru.rossgram.shared.imports.jobs.ImportTasks;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/**
 * The upload of an export: starting an import (one multipart upload per file, presigned part URLs), what storage
 * holds so far (how an app resumes), completing it (the server checks every part, assembles each file and queues
 * the processing), and cancelling it.
 */
@Singleton
public class ImportUploads {
    /** The failure code of an import its owner cancelled while uploading. */
    public static final String CANCELLED = "cancelled";
    /** The failure code of an import left uploading longer than storage keeps its parts. */
    public static final String ABANDONED = "abandoned";

    private final ImportRepository imports;
    private final ImportClaims claims;
    private final OwnImports own;
    private final ExportStorage storage;
    private final ImportTasks tasks;
    private final TransactionWriter transactions;
    private final ImportReports reports;
    private final ImportUploadConfig config;
    private final IdGenerator ids;
    private final Clock clock;

    public ImportUploads(ImportRepository imports, ImportClaims claims, OwnImports own, ExportStorage storage,
                         ImportTasks tasks, TransactionWriter transactions, ImportReports reports,
                         ImportUploadConfig config, IdGenerator ids, Clock clock) {
        this.imports = imports;
        this.claims = claims;
        this.own = own;
        this.storage = storage;
        this.tasks = tasks;
        this.transactions = transactions;
        this.reports = reports;
        this.config = config;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Starts an import of the caller's: opens a multipart upload per file and signs URLs for its first parts.
     *
     * @throws ProblemException 400 for no files or a missing size; 422 {@code import-too-large}; 409
     *         {@code import-in-progress} (naming it) while another import of the caller's is uploading, queued or
     *         running, including when a concurrent request started it first
     */
    public StartedImport start(Caller caller, NewImport request) {
        List<Long> sizes = UploadLimits.sizes(request, config);
        String replacing = finishedCurrent(caller.userId());
        String importId = ids.newId();
        Instant now = clock.instant();
        List<ImportFile> files = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            String key = ExportStorage.fileKey(caller.userId(), importId, i);
            files.add(new ImportFile(i, key, sizes.get(i), PartSizes.partSize(sizes.get(i), config.partSize()), storage.open(key)));
        }
        Import imp = new Import(importId, caller.userId(), ImportStatus.UPLOADING, files, 0, null, ImportProgress.NONE,
                null, null, null, null, now, now);
        var refused = transactions.write(List.of(claims.claimItem(caller.userId(), importId, replacing), imports.createItem(imp)));
        if (refused.isPresent()) {
            files.forEach(f -> storage.abort(f.objectKey(), f.multipartUploadId())); // another request's import won
            throw inProgress(claims.current(caller.userId()).orElse(null));
        }
        List<StartedImport.FileUpload> uploads = new ArrayList<>();
        for (ImportFile file : files) {
            List<ExportStorage.PartUrl> urls = new ArrayList<>();
            for (int n = 1; n <= Math.min(file.parts(), config.urlsPerAnswer()); n++) {
                urls.add(partUrl(file, n));
            }
            uploads.add(new StartedImport.FileUpload(file.index(), file.size(), file.partSize(), file.parts(), urls));
        }
        return new StartedImport(importId, ImportStatus.UPLOADING.wire(), uploads);
    }

    /**
     * File {@code index}'s parts as storage holds them, and fresh URLs for those still missing or of the wrong length.
     *
     * @throws ProblemException 404 for no such import of the caller's or no such file
     */
    public FileParts parts(Caller caller, String importId, String index) {
        Import imp = own.find(caller, importId);
        ImportFile file = fileAt(imp, index);
        if (file.multipartUploadId() == null || imp.status() != ImportStatus.UPLOADING) {
            return new FileParts(file.index(), file.size(), file.partSize(), file.parts(), file.multipartUploadId() == null,
                    List.of(), 0, List.of());
        }
        List<ExportStorage.StoredPart> stored = storage.parts(file.objectKey(), file.multipartUploadId()).orElse(List.of());
        List<Integer> missing = PartCheck.toSend(file, stored);
        List<ExportStorage.PartUrl> urls = missing.stream().limit(config.urlsPerAnswer()).map(n -> partUrl(file, n)).toList();
        return new FileParts(file.index(), file.size(), file.partSize(), file.parts(), false, stored, missing.size(), urls);
    }

    /**
     * Checks every part of every file, assembles the files and queues the processing. Repeating it once it succeeded
     * answers the import as it is (and asks for its first step again, harmless, in case the first request stopped
     * between queueing the import and storing the task).
     *
     * @throws ProblemException 404 for no such import of the caller's; 409 {@code import-upload-incomplete} listing,
     *         per file, the parts missing ({@code missing}) and those stored with the wrong length ({@code wrongSize})
     */
    public ImportView complete(Caller caller, String importId) {
        Import imp = own.find(caller, importId);
        if (imp.status() == ImportStatus.UPLOADING) {
            List<ImportFile> assembled = assemble(imp);
            if (!imports.update(imp, assembled, ImportStatus.QUEUED, clock.instant())) {
                return reports.summary(own.find(caller, importId)); // a concurrent completion or cancel got there first
            }
            imp = own.find(caller, importId);
        }
        if (imp.status() == ImportStatus.QUEUED && imp.step() == 0) {
            tasks.enqueue(new ImportTasks.Task(imp.ownerId(), imp.importId(), 0));
        }
        return reports.summary(imp);
    }

    /**
     * Cancels an import still uploading: it ends failed ({@value #CANCELLED}), its uploads are aborted and whatever
     * was assembled is deleted. Cancelling a cancelled (or abandoned) import again is fine.
     *
     * @throws ProblemException 404 for no such import of the caller's; 409 {@code import-already-uploaded} once it
     *         was completed (it is processed, or was)
     */
    public void cancel(Caller caller, String importId) {
        Import imp = own.find(caller, importId);
        boolean cancelled = imp.status() == ImportStatus.UPLOADING
                && imports.cancel(imp, CANCELLED, "Cancelled by its owner while uploading.", clock.instant());
        if (!cancelled) {
            imp = imp.status() == ImportStatus.UPLOADING ? own.find(caller, importId) : imp; // changed meanwhile
            if (imp.status() != ImportStatus.FAILED || !(CANCELLED.equals(imp.failure()) || ABANDONED.equals(imp.failure()))) {
                throw new ProblemException(ProblemType.IMPORT_ALREADY_UPLOADED,
                        "The import's upload was completed (it is " + imp.status().wire() + "); it can no longer be cancelled.");
            }
        }
        dropFiles(imp); // also when cancelled before: a request that stopped halfway left uploads open
    }

    private boolean abandoned(Import imp) {
        return imp.status() == ImportStatus.UPLOADING && imp.createdAt().plus(config.abandonedAfter()).isBefore(clock.instant());
    }

    /** Ends an abandoned upload (unless it changed meanwhile) and drops what storage still holds of it. */
    private void end(Import imp, String failure, String detail) {
        if (imports.cancel(imp, failure, detail, clock.instant())) {
            dropFiles(imp);
        }
    }

    private void dropFiles(Import imp) {
        for (ImportFile file : imp.files()) {
            if (file.multipartUploadId() != null) {
                storage.abort(file.objectKey(), file.multipartUploadId());
            }
            storage.delete(file.objectKey());
        }
    }

    /** Every file assembled from its parts, or the problem naming what is missing; files assembled before stay. */
    private List<ImportFile> assemble(Import imp) {
        Map<ImportFile, List<ExportStorage.StoredPart>> ready = new LinkedHashMap<>();
        List<Map<String, Object>> missing = new ArrayList<>();
        List<Map<String, Object>> wrongSize = new ArrayList<>();
        for (ImportFile file : imp.files()) {
            if (file.multipartUploadId() == null) {
                continue;
            }
            Optional<List<ExportStorage.StoredPart>> stored = storage.parts(file.objectKey(), file.multipartUploadId());
            if (stored.isEmpty()) { // completed by an earlier request that stopped before recording it, or aborted
                if (storage.size(file.objectKey()).orElse(-1L) != file.size()) {
                    missing.add(Map.of("index", file.index(), "partNumbers", PartCheck.all(file)));
                }
                continue;
            }
            PartCheck.Result check = PartCheck.of(file, stored.get());
            if (!check.missing().isEmpty()) {
                missing.add(Map.of("index", file.index(), "partNumbers", check.missing()));
            }
            check.wrongSize().forEach(p -> wrongSize.add(Map.of("index", file.index(), "partNumber", p.partNumber(),
                    "size", p.size(), "expectedSize", PartSizes.sizeOf(p.partNumber(), file.size(), file.partSize()))));
            ready.put(file, check.parts());
        }
        if (!missing.isEmpty() || !wrongSize.isEmpty()) {
            throw new ProblemException(ProblemType.IMPORT_UPLOAD_INCOMPLETE,
                    "Some parts are missing or have the wrong length; send them and complete again.",
                    Map.of("missing", missing, "wrongSize", wrongSize));
        }
        ready.forEach((file, parts) -> storage.complete(file.objectKey(), file.multipartUploadId(), parts));
        for (ImportFile file : ready.keySet()) {
            long size = storage.size(file.objectKey()).orElse(-1L);
            if (size != file.size()) {
                throw new IllegalStateException(file.objectKey() + " was assembled to " + size + " bytes, not " + file.size());
            }
        }
        return imp.files().stream().map(ImportFile::completed).toList();
    }

    /** The caller's current import's id if it finished (so a new claim may replace it), else null for none. */
    private String finishedCurrent(String userId) {
        Optional<String> current = claims.current(userId);
        if (current.isEmpty()) {
            return null;
        }
        Optional<Import> named = imports.find(current.get());
        if (named.isPresent() && abandoned(named.get())) {
            end(named.get(), ABANDONED, "Not completed within " + config.abandonedAfter().toDays() + " days of its start.");
        } else if (named.isPresent() && !named.get().status().finished()) {
            throw inProgress(current.get());
        }
        return current.get();
    }

    private ExportStorage.PartUrl partUrl(ImportFile file, int partNumber) {
        return storage.presignPart(file.objectKey(), file.multipartUploadId(), partNumber,
                PartSizes.sizeOf(partNumber, file.size(), file.partSize()), config.urlTtl());
    }

    private static ImportFile fileAt(Import imp, String index) {
        return imp.files().stream().filter(f -> Integer.toString(f.index()).equals(index)).findFirst()
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "The import has no such file."));
    }

    private static ProblemException inProgress(String importId) {
        return new ProblemException(ProblemType.IMPORT_IN_PROGRESS,
                "Import " + importId + " is not finished; complete or cancel it first.",
                importId == null ? Map.of() : Map.of("importId", importId));
    }
}
