package ru.rossgram.shared.imports.uploads;

import jakarta.inject.Singleton;
import java.util.Optional;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.imports.jobs.Import;
import ru.rossgram.shared.imports.jobs.ImportRepository;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;

/** An import looked up for its owner: anyone else's, or none, is the same 404. */
@Singleton
public class OwnImports {
    private final ImportRepository imports;

    public OwnImports(ImportRepository imports) {
        this.imports = imports;
    }

    /** @throws ProblemException 404 when there is no such import of the caller's */
    public Import find(Caller caller, String importId) {
        return (IdGenerator.isWellFormed(importId) ? imports.find(importId) : Optional.<Import>empty())
                .filter(i -> i.ownerId().equals(caller.userId()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No such import of yours."));
    }
}
