package ru.rossgram.shared.imports.audience;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.accounts.AccountRepository;
import ru.rossgram.shared.accounts.ReservedNames;
import ru.rossgram.shared.accounts.UsernameSkeleton;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Links an account to the Instagram name its export names, and unlinks it.
 *
 * <p>One account per name: the claim {@code IGNAME#<handle>} is put if absent in the transaction that writes the
 * link and the profile's {@code instagramUsername}, so of two accounts linking one name at once exactly one wins,
 * and a later claim never takes a linked name over. A name that is reserved here for a creator
 * ({@link ReservedNames}: the list, operators' names and reservations, matched by look-alike skeleton) may be
 * linked only by the account whose own username is that name (or looks like it): the creator's account, which
 * only its invitation could create; anyone else's export naming it is refused, so an impostor's upload cannot
 * collect a creator's audience.
 */
@Singleton
public class InstagramLinker {
    private static final int ATTEMPTS = 8;
    /** How long a link matches before leaving the rest to {@link MatchTasks} (a name held by very many lists). */
    public static final Duration MATCHING_IN_LINK = Duration.ofSeconds(10);

    private final InstagramLinkRepository links;
    private final AccountRepository accounts;
    private final ReservedNames reservedNames;
    private final NewcomerMatching matching;
    private final UnlinkTasks unlinkTasks;
    private final TransactionWriter transactions;
    private final Clock clock;

    public InstagramLinker(InstagramLinkRepository links, AccountRepository accounts, ReservedNames reservedNames,
                           NewcomerMatching matching, UnlinkTasks unlinkTasks, TransactionWriter transactions,
                           Clock clock) {
        this.links = links;
        this.accounts = accounts;
        this.reservedNames = reservedNames;
        this.matching = matching;
        this.unlinkTasks = unlinkTasks;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Links {@code handle} (an export's owner, lowercase) to {@code userId}, then matches the account with every
     * stored list holding the name: for up to {@link #MATCHING_IN_LINK}, the rest in {@link MatchTasks} steps.
     * Repeating it answers {@code ALREADY_LINKED} and matches again (finishing a call that ended between its commit
     * and its matching; a match found twice is recorded once).
     *
     * @return {@code LINKED}, {@code ALREADY_LINKED}, or {@code CONFLICT} with the reason the import reports
     * @throws IllegalArgumentException for a handle Instagram would not allow
     * @throws ru.rossgram.shared.problem.ProblemException 503 {@code busy} under persistent contention
     */
    public LinkOutcome link(String userId, String handle) {
        if (handle == null || !handle.matches("[a-z0-9._]{1,30}")) {
            throw new IllegalArgumentException("not a lowercase Instagram username: " + handle);
        }
        Account account = accounts.findById(userId).orElseThrow(
                () -> new IllegalArgumentException("no account " + userId)).account();
        if (!UsernameSkeleton.alike(account.username(), handle) && reservedNames.isReserved(handle)) {
            return LinkOutcome.conflict(handle, "@" + handle + " is reserved for its creator's own account here.");
        }
        LinkOutcome outcome = Contention.retry(ATTEMPTS, "Too much contention linking the Instagram name; retry shortly.",
                () -> attempt(userId, handle));
        if (outcome.linked()) {
            matching.match(userId, handle, null, MATCHING_IN_LINK);
        }
        return outcome;
    }

    private Optional<LinkOutcome> attempt(String userId, String handle) {
        Optional<InstagramLink> existing = links.find(userId);
        if (existing.isPresent()) {
            return Optional.of(existing.get().handle().equals(handle) ? LinkOutcome.alreadyLinked(handle)
                    : LinkOutcome.conflict(handle, "This account is linked to @" + existing.get().handle()
                            + "; unlink it first."));
        }
        Optional<String> holder = links.holder(handle);
        if (holder.isPresent()) { // another's: this account has no link, so the claim is not its own
            return Optional.of(LinkOutcome.conflict(handle, "@" + handle + " is linked to another account."));
        }
        if (links.unlinking(userId)) {
            return Optional.of(LinkOutcome.conflict(handle,
                    "An earlier Instagram name is still being unlinked; import again in a few minutes."));
        }
        Instant at = clock.instant();
        List<TransactWriteItem> items = List.of(links.claimItem(handle, userId), links.linkItem(userId, handle, at),
                links.notUnlinkingItem(userId), accounts.instagramUsernameItem(userId, handle));
        return transactions.write(items).isEmpty() ? Optional.of(LinkOutcome.linked(handle)) : Optional.empty();
    }

    /**
     * Unlinks the account's Instagram name at once (claim, link and the profile's name go in one transaction, and
     * matches show only between linked accounts, so nothing of it shows from then on), then asks for the cleanup of
     * its lists and matches ({@link AudienceCleanup}), which runs in steps. Repeating it changes nothing.
     *
     * @throws ru.rossgram.shared.problem.ProblemException 503 {@code busy} under persistent contention
     */
    public void unlink(String userId) {
        Contention.retryUntilDone(ATTEMPTS, "Too much contention unlinking the Instagram name; retry shortly.", () -> {
            Optional<InstagramLink> link = links.find(userId);
            if (link.isEmpty()) {
                return true;
            }
            String handle = link.get().handle();
            return transactions.write(List.of(links.releaseItem(handle, userId), links.unlinkItem(userId),
                    links.unlinkingItem(userId, handle, clock.instant()),
                    accounts.instagramUsernameItem(userId, null))).isEmpty();
        });
        if (links.unlinking(userId)) {
            unlinkTasks.enqueue(new UnlinkTasks.Task(userId, 0));
        }
    }
}
