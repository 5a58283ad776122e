package ru.rossgram.shared.imports.jobs;

/**
 * How far an import got: posts read of the export's total (known after the first step), the report's counts, and
 * bytes: the photos' compressed bytes read out of the archive of the total the archive holds for them.
 */
public record ImportProgress(long postsDone, long postsTotal, long imported, long skipped, long failed, long bytesDone,
                             long bytesTotal) {

    public static final ImportProgress NONE = new ImportProgress(0, 0, 0, 0, 0, 0, 0);

    /** This progress with a step's work added (its totals, when it learned them, replace these). */
    public ImportProgress plus(ImportProgress step) {
        return new ImportProgress(postsDone + step.postsDone, Math.max(postsTotal, step.postsTotal),
                imported + step.imported, skipped + step.skipped, failed + step.failed, bytesDone + step.bytesDone,
                Math.max(bytesTotal, step.bytesTotal));
    }
}
