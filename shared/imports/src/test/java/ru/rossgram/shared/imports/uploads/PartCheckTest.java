package ru.rossgram.shared.imports.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rossgram.shared.imports.jobs.ImportFile;

class PartCheckTest {
    private static final long PART = 5 * 1024 * 1024;
    private final ImportFile file = new ImportFile(0, "imports/u/i/0.zip", 2 * PART + 10, PART, "upload");

    @Test
    void partsNotStored_areMissing_andPartsOfAnotherLength_areToBeSentAgain() {
        List<ExportStorage.StoredPart> stored = List.of(new ExportStorage.StoredPart(1, PART, "a"),
                new ExportStorage.StoredPart(3, 9, "c"));
        PartCheck.Result check = PartCheck.of(file, stored);
        assertEquals(List.of(2), check.missing());
        assertEquals(List.of(new ExportStorage.StoredPart(3, 9, "c")), check.wrongSize());
        assertEquals(List.of(2, 3), PartCheck.toSend(file, stored));
    }

    @Test
    void aWholeUpload_isAssembledFromItsOwnPartsOnly_leavingOutStrayOnes() {
        List<ExportStorage.StoredPart> stored = List.of(new ExportStorage.StoredPart(1, PART, "a"),
                new ExportStorage.StoredPart(2, PART, "b"), new ExportStorage.StoredPart(3, 10, "c"),
                new ExportStorage.StoredPart(4, 99, "stray"));
        PartCheck.Result check = PartCheck.of(file, stored);
        assertEquals(List.of(), check.missing());
        assertEquals(List.of(), check.wrongSize());
        assertEquals(List.of(1, 2, 3), check.parts().stream().map(ExportStorage.StoredPart::partNumber).toList());
    }
}
