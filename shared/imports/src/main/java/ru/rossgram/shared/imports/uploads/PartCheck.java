package ru.rossgram.shared.imports.uploads;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import ru.rossgram.shared.imports.jobs.ImportFile;

/** Compares the parts storage holds with those a file must be assembled from. */
final class PartCheck {
    private PartCheck() {
    }

    /**
     * @param parts     the file's parts in order, when none is missing or wrong (storage may hold more, beyond the
     *                  file's count: they are left out)
     * @param missing   part numbers not stored
     * @param wrongSize stored parts whose length is not the one their number must have
     */
    record Result(List<ExportStorage.StoredPart> parts, List<Integer> missing, List<ExportStorage.StoredPart> wrongSize) {
    }

    static Result of(ImportFile file, List<ExportStorage.StoredPart> stored) {
        Map<Integer, ExportStorage.StoredPart> byNumber = new HashMap<>();
        stored.forEach(p -> byNumber.put(p.partNumber(), p));
        List<ExportStorage.StoredPart> parts = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        List<ExportStorage.StoredPart> wrong = new ArrayList<>();
        for (int n = 1; n <= file.parts(); n++) {
            ExportStorage.StoredPart part = byNumber.get(n);
            if (part == null) {
                missing.add(n);
            } else if (part.size() != PartSizes.sizeOf(n, file.size(), file.partSize())) {
                wrong.add(part);
            } else {
                parts.add(part);
            }
        }
        return new Result(parts, missing, wrong);
    }

    /** The part numbers the app still has to send: missing, or stored with the wrong length; in order. */
    static List<Integer> toSend(ImportFile file, List<ExportStorage.StoredPart> stored) {
        Result check = of(file, stored);
        TreeSet<Integer> numbers = new TreeSet<>(check.missing());
        check.wrongSize().forEach(p -> numbers.add(p.partNumber()));
        return List.copyOf(numbers);
    }

    /** Every part number of the file. */
    static List<Integer> all(ImportFile file) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= file.parts(); n++) {
            numbers.add(n);
        }
        return numbers;
    }
}
