package ru.rossgram.shared.imports.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.imports.instagram.ExportFileTooLargeException;
import ru.rossgram.shared.imports.instagram.MalformedExportException;
import ru.rossgram.shared.imports.zip.ObjectUnavailableException;
import ru.rossgram.shared.imports.zip.UnsafeArchiveException;
import ru.rossgram.shared.imports.zip.UnsafeArchiveException.Reason;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class ImportFailureTest {

    @Test
    void anUnsafeArchive_namesTheRuleItBroke_evenWhenTheJsonReaderWrappedIt() {
        var unsafe = new UnsafeArchiveException(Reason.COMPRESSION_RATIO, "'posts_1.json' declares 1 GB from 1 MB");
        ImportFailure direct = ImportFailure.of(unsafe).orElseThrow();
        assertEquals("unsafe-archive", direct.code());
        assertEquals("compression-ratio: 'posts_1.json' declares 1 GB from 1 MB", direct.detail());
        var wrapped = new MalformedExportException("content/posts_1.json", "not readable JSON", unsafe);
        assertEquals(direct, ImportFailure.of(wrapped).orElseThrow());
        assertEquals(direct, ImportFailure.of(new UncheckedIOException(unsafe)).orElseThrow(), "as the post importer throws it");
    }

    @Test
    void malformedOrOversizedJson_isAnUnreadableExport_namingTheFile() {
        var malformed = new MalformedExportException("content/posts_1.json", "not readable JSON: x",
                new JsonParseException(null, "Unexpected character"));
        ImportFailure failure = ImportFailure.of(malformed).orElseThrow();
        assertEquals("unreadable-export", failure.code());
        assertTrue(failure.detail().startsWith("content/posts_1.json: "), failure.detail());
        assertEquals("unreadable-export",
                ImportFailure.of(new ExportFileTooLargeException("followers_1.json", 1024)).orElseThrow().code());
    }

    @Test
    void aFileGoneOrReplaced_isUnavailable() {
        assertEquals("export-unavailable",
                ImportFailure.of(new ObjectUnavailableException("s3://b/k cannot be read: 404", null)).orElseThrow().code());
    }

    @Test
    void storageOrDatabaseFaults_areNoFailure_soTheStepIsRetried() {
        var outOfReach = new MalformedExportException("content/posts_1.json", "not readable JSON",
                new IOException("s3://b/k is out of reach"));
        assertTrue(ImportFailure.of(outOfReach).isEmpty());
        assertTrue(ImportFailure.of(new UncheckedIOException(new IOException("reset"))).isEmpty());
        assertTrue(ImportFailure.of(ProvisionedThroughputExceededException.builder().message("slow down").build()).isEmpty());
    }
}
