package ru.rossgram.shared.subscriptions;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.accounts.Account;
import ru.rossgram.shared.auth.Caller;
import ru.rossgram.shared.config.IdGenerator;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.Contention;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.social.BlockRepository;
import ru.rossgram.shared.social.UserLookup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A creator's management of their tiers and the list others subscribe from. Every change reads the creator's
 * tiers, decides with {@link TierRules}, and writes them whole conditioned on the version read, so concurrent
 * changes never break the limit or the ranks: one that loses reads again and decides again.
 */
@Singleton
public class TierService {
    /** Each lost round means another change of the same creator's tiers landed first. */
    private static final int ATTEMPTS = 20;
    private static final String CONTENDING = "Your tiers are changing too fast; retry shortly.";

    private final TierRepository tiers;
    private final TransactionWriter transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final UserLookup users;
    private final BatchReads batchReads;
    private final String table;

    public TierService(TierRepository tiers, TransactionWriter transactions, IdGenerator ids, Clock clock,
                       UserLookup users, BatchReads batchReads, RossgramConfig config) {
        this.tiers = tiers;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.users = users;
        this.batchReads = batchReads;
        this.table = config.table();
    }

    /**
     * Adds a tier after the caller's current ones, offered at once.
     *
     * @throws ProblemException 400 for invalid fields; 422 {@code too-many-tiers} when five are current already
     */
    public TierView create(Caller caller, NewTier request) {
        String name = TierRules.name(request.name());
        String description = TierRules.description(request.description());
        Money price = TierRules.price(request.price());
        String tierId = ids.newId();
        return Contention.retry(ATTEMPTS, CONTENDING, () -> {
            CreatorTiers seen = tiers.find(caller.userId());
            Instant now = clock.instant();
            Tier tier = new Tier(tierId, name, description, price, now, TierRules.rankOfNew(seen), Tier.State.ACTIVE, now);
            List<Tier> next = new ArrayList<>(seen.tiers());
            next.add(tier);
            return save(seen, next).map(saved -> TierView.of(tier));
        });
    }

    /**
     * Changes one of the caller's tiers: a new price starts a new {@code priceSince}; a rank moves the tier among the
     * current ones and renumbers them; {@code archived} is for good.
     *
     * @throws ProblemException 400 for invalid fields; 404 for no such tier of the caller's; 409 {@code tier-archived}
     *         for any change of an archived tier
     */
    public TierView edit(Caller caller, String tierId, TierEdit edit) {
        String name = edit.name() == null ? null : TierRules.name(edit.name());
        String description = edit.description() == null ? null : TierRules.description(edit.description());
        Money price = edit.price() == null ? null : TierRules.price(edit.price());
        Tier.State state = edit.state() == null ? null : TierRules.state(edit.state());
        if (state == Tier.State.ARCHIVED && edit.rank() != null) {
            throw ProblemException.invalid("rank", "an archived tier takes no part in the order; archive it alone");
        }
        return Contention.retry(ATTEMPTS, CONTENDING, () -> {
            CreatorTiers seen = tiers.find(caller.userId());
            Tier tier = seen.tier(tierId).orElseThrow(() -> notFound(tierId));
            if (tier.state() == Tier.State.ARCHIVED) {
                throw new ProblemException(ProblemType.TIER_ARCHIVED, "Tier " + tierId
                        + " is archived: its subscribers keep it, but it cannot change or come back.");
            }
            boolean newPrice = price != null && !price.equals(tier.price());
            Tier changed = new Tier(tier.tierId(), name == null ? tier.name() : name,
                    description == null ? tier.description() : description, newPrice ? price : tier.price(),
                    newPrice ? clock.instant() : tier.priceSince(), tier.rank(), state == null ? tier.state() : state,
                    tier.createdAt());
            List<Tier> next = new ArrayList<>(seen.tiers().stream()
                    .map(t -> t.tierId().equals(tierId) ? changed : t).toList());
            if (edit.rank() != null) {
                next = TierRules.move(next, changed, edit.rank());
            }
            return save(seen, next).map(saved -> TierView.of(saved.tier(tierId).orElseThrow()));
        });
    }

    /** All of the caller's tiers, hidden and archived ones included, lowest rank first. */
    public TierView.Tiers mine(Caller caller) {
        return new TierView.Tiers(tiers.find(caller.userId()).tiers().stream().map(TierView::of).toList());
    }

    /**
     * The tiers {@code username} offers new subscribers, lowest rank first. A private account's are listed too:
     * subscribing is how one comes to see its posts. One BatchGet of the tiers and of a block, after the username.
     *
     * @throws ProblemException 404 for an unknown account or one that blocks the caller (the same answer)
     */
    public TierView.Tiers offeredBy(Caller caller, String username) {
        Account creator = users.byUsername(username);
        List<Map<String, AttributeValue>> keys = new ArrayList<>(List.of(TierRepository.key(creator.userId())));
        if (!creator.userId().equals(caller.userId())) {
            keys.add(BlockRepository.blockKey(creator.userId(), caller.userId()));
        }
        CreatorTiers found = CreatorTiers.none(creator.userId());
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            if (BlockRepository.isBlock(item)) {
                throw UserLookup.notFound(username);
            }
            if (TierRepository.isTiers(item)) {
                found = TierRepository.fromItem(item);
            }
        }
        return new TierView.Tiers(found.offered().stream().map(TierView::of).toList());
    }

    /** Writes {@code next} over {@code seen}: empty when they changed since {@code seen} was read. */
    private Optional<CreatorTiers> save(CreatorTiers seen, List<Tier> next) {
        CreatorTiers saved = seen.with(next);
        return transactions.write(List.of(tiers.saveItem(seen, saved))).isEmpty() ? Optional.of(saved) : Optional.empty();
    }

    private static ProblemException notFound(String tierId) {
        return new ProblemException(ProblemType.NOT_FOUND, "You have no tier '" + ProblemException.quote(tierId) + "'.");
    }
}
