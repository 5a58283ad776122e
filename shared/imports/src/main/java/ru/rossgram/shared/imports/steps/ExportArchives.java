package ru.rossgram.shared.imports.steps;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.imports.jobs.Import;
import ru.rossgram.shared.imports.jobs.ImportFile;
import ru.rossgram.shared.imports.zip.RangedZip;
import ru.rossgram.shared.imports.zip.S3RangeSource;
import ru.rossgram.shared.imports.zip.ZipLimits;
import software.amazon.awssdk.services.s3.S3Client;

/** An import's uploaded ZIP files, opened where they lie (their central directories read, nothing else). */
@Singleton
public class ExportArchives {
    private final S3Client s3;
    private final String bucket;
    private final ZipLimits limits;

    public ExportArchives(S3Client s3, RossgramConfig rossgram, ImportStepConfig config) {
        this.s3 = s3;
        this.bucket = rossgram.mediaBucket();
        this.limits = ZipLimits.defaults().withMaxEntries(config.maxArchiveEntries());
    }

    /**
     * The export's files, every ZIP part seen as one, in the order of the parts.
     *
     * @throws ru.rossgram.shared.imports.zip.UnsafeArchiveException when a part is refused (not a ZIP, truncated,
     *         unsafe names, too many entries...)
     * @throws ru.rossgram.shared.imports.zip.ObjectUnavailableException when a part is gone
     * @throws IOException when storage cannot be reached (retry)
     */
    public ArchivedExport open(Import imp) throws IOException {
        List<ZipExportSource> parts = new ArrayList<>();
        for (ImportFile file : imp.files().stream().sorted(Comparator.comparingInt(ImportFile::index)).toList()) {
            parts.add(new ZipExportSource(RangedZip.open(new S3RangeSource(s3, bucket, file.objectKey()), limits)));
        }
        return new ArchivedExport(parts);
    }
}
