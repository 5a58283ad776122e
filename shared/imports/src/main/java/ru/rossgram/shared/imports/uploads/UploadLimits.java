package ru.rossgram.shared.imports.uploads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** What an export's declared files may be: checked before anything is stored or opened. */
final class UploadLimits {
    private UploadLimits() {
    }

    /**
     * The files' sizes, in order.
     *
     * @throws ProblemException 400 for no files or a size missing or below 1; 422 {@code import-too-large} naming the
     *         limit exceeded ({@code limit}: {@code files}, {@code fileBytes} or {@code totalBytes}, and its value)
     */
    static List<Long> sizes(NewImport request, ImportUploadConfig config) {
        if (request == null || request.files() == null || request.files().isEmpty()) {
            throw ProblemException.invalid("files", "at least one file");
        }
        if (request.files().size() > config.maxFiles()) {
            throw tooLarge("files", config.maxFiles(), "An import has at most " + config.maxFiles() + " files.");
        }
        List<Long> sizes = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < request.files().size(); i++) {
            NewImport.NewFile file = request.files().get(i);
            Long size = file == null ? null : file.size();
            if (size == null || size < 1) {
                throw ProblemException.invalid("files[" + i + "].size", "a length in bytes, at least 1");
            }
            if (size > config.maxFileBytes()) {
                throw tooLarge("fileBytes", config.maxFileBytes(),
                        "File " + i + " is " + size + " bytes; a file may have at most " + config.maxFileBytes() + ".");
            }
            total += size;
            sizes.add(size);
        }
        if (total > config.maxTotalBytes()) {
            throw tooLarge("totalBytes", config.maxTotalBytes(),
                    "The export is " + total + " bytes; an import may have at most " + config.maxTotalBytes() + ".");
        }
        return sizes;
    }

    private static ProblemException tooLarge(String limit, long value, String detail) {
        return new ProblemException(ProblemType.IMPORT_TOO_LARGE, detail, Map.of("exceeded", limit, "maximum", value));
    }
}
