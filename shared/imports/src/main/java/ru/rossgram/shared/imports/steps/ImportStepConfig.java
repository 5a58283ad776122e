package ru.rossgram.shared.imports.steps;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How much one step of an import does ({@code ROSSGRAM_IMPORTS_*}), and what an archive may declare.
 *
 * @param stepBudget       the time one step works before it hands the rest to the next; well inside the function's
 *                         timeout on both clouds, with room for the post in hand (a few photos through the pipeline)
 * @param postsPerStep     the most posts one step imports, so that a step's report lines and its retry stay small
 * @param handlesPerStep   the most follower or following handles one step stores
 * @param maxArchiveEntries entries one ZIP file may hold (ZipLimits' 200,000 by default)
 * @param maxJsonBytes     the largest JSON file read (a post list, a followers file); bigger ones fail the import
 */
@ConfigurationProperties("rossgram.imports")
public record ImportStepConfig(
        @Bindable(defaultValue = "60s") Duration stepBudget,
        @Bindable(defaultValue = "200") int postsPerStep,
        @Bindable(defaultValue = "100000") int handlesPerStep,
        @Bindable(defaultValue = "200000") int maxArchiveEntries,
        @Bindable(defaultValue = "67108864") long maxJsonBytes) {
}
