package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.problem.ProblemException;

/** The caller's own Instagram link: {@code GET} and {@code DELETE /v1/me/instagram}. */
@Singleton
public class InstagramAccounts {
    private final InstagramLinkRepository links;
    private final InstagramLinker linker;

    public InstagramAccounts(InstagramLinkRepository links, InstagramLinker linker) {
        this.links = links;
        this.linker = linker;
    }

    /** @throws ProblemException 404 {@code not-found} when the caller has no Instagram name linked */
    public InstagramLink link(Caller caller) {
        return links.find(caller.userId()).orElseThrow(InstagramMatches::notLinked);
    }

    /** Unlinks the caller's Instagram name (see {@link InstagramLinker#unlink}); repeating it changes nothing. */
    public void unlink(Caller caller) {
        linker.unlink(caller.userId());
    }
}
