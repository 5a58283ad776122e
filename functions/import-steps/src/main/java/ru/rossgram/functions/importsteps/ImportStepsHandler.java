package ru.rossgram.functions.importsteps;

import io.micronaut.context.ApplicationContextBuilder;
import jakarta.inject.Inject;
import ru.rossgram.shared.events.StorageEventFunction;
import ru.rossgram.shared.imports.audience.MatchTasks;
import ru.rossgram.shared.imports.audience.UnlinkTasks;
import ru.rossgram.shared.imports.jobs.ImportTasks;
import ru.rossgram.shared.imports.steps.ImportSteps;
import ru.rossgram.shared.imports.steps.AudienceSteps;

/**
 * S3 {@code ObjectCreated} on {@code tasks/imports/}: runs one step of an Instagram import
 * ({@code tasks/imports/run/...}: read the export where it lies, import a share of it, queue the next step) or of
 * the audience's chained work: the cleanup after an unlink ({@code tasks/imports/unlink/...}) and a newcomer's
 * matching against many lists ({@code tasks/imports/match/...}). A step that throws keeps its task object, and the
 * platform delivers it again.
 */
public class ImportStepsHandler extends StorageEventFunction {
    @Inject
    ImportSteps imports;
    @Inject
    AudienceSteps audience;

    public ImportStepsHandler() {
    }

    public ImportStepsHandler(ApplicationContextBuilder contextBuilder) {
        super(contextBuilder);
    }

    @Override
    protected Object handle(String bucket, String key) {
        var step = ImportTasks.parse(key);
        if (step.isPresent()) {
            ImportSteps.Outcome outcome = imports.run(step.get());
            imports.finished(step.get());
            return outcome;
        }
        var unlink = UnlinkTasks.parse(key);
        if (unlink.isPresent()) {
            return audience.cleanUp(unlink.get()) ? "cleanup continues" : "cleanup done";
        }
        var match = MatchTasks.parse(key);
        if (match.isPresent()) {
            return audience.match(match.get()) ? "matching continues" : "matching done";
        }
        return "not an import task";
    }
}
