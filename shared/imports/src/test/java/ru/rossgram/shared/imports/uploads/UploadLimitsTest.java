package ru.rossgram.shared.imports.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

class UploadLimitsTest {
    private final ImportUploadConfig config = new ImportUploadConfig(2, 100, 150, 5 * 1024 * 1024, Duration.ofHours(1), 100, Duration.ofDays(3));

    @Test
    void anExportWithinTheLimits_answersItsSizes() {
        assertEquals(List.of(100L, 50L), UploadLimits.sizes(request(100L, 50L), config));
    }

    @Test
    void eachLimit_isNamedWithItsValue() {
        assertTooLarge(request(1L, 1L, 1L), "files", 2L);
        assertTooLarge(request(101L), "fileBytes", 100L);
        assertTooLarge(request(100L, 51L), "totalBytes", 150L);
    }

    @Test
    void noFiles_orASizeMissingOrBelowOne_isInvalid() {
        for (NewImport bad : List.of(new NewImport(List.of()), new NewImport(null), request(0L),
                new NewImport(List.of(new NewImport.NewFile(null))))) {
            assertEquals(ProblemType.INVALID_REQUEST,
                    assertThrows(ProblemException.class, () -> UploadLimits.sizes(bad, config)).type());
        }
    }

    private void assertTooLarge(NewImport request, String limit, long maximum) {
        ProblemException e = assertThrows(ProblemException.class, () -> UploadLimits.sizes(request, config));
        assertEquals(ProblemType.IMPORT_TOO_LARGE, e.type());
        assertEquals(limit, e.extensions().get("exceeded"));
        assertEquals(maximum, e.extensions().get("maximum"));
    }

    private static NewImport request(Long... sizes) {
        return new NewImport(java.util.Arrays.stream(sizes).map(NewImport.NewFile::new).toList());
    }
}
