package ru.rossgram.shared.accounts;

import static ru.rossgram.shared.dynamo.Attrs.n;
import static ru.rossgram.shared.dynamo.Attrs.s;
import static ru.rossgram.shared.dynamo.Attrs.string;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.rossgram.shared.config.RossgramConfig;
import ru.rossgram.shared.dynamo.Attrs;
import ru.rossgram.shared.dynamo.BatchReads;
import ru.rossgram.shared.dynamo.TransactionPlan;
import ru.rossgram.shared.dynamo.TransactionWriter;
import ru.rossgram.shared.media.PhotoRecordItems;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Accounts in the single table. An account is four items written in one transaction: the profile
 * ({@code USER#id / PROFILE}) and three claims, each created only if absent, that make unique the username
 * ({@code HANDLE#name / HANDLE}, case folded: what sign-in and profile URLs look up), its look-alike skeleton
 * ({@code LOOKALIKE#skeleton / LOOKALIKE}, see {@link UsernameSkeleton}) and the email ({@code EMAIL#address / EMAIL}).
 * Accounts created before look-alike claims existed may have none until {@link LookalikeBackfill} has run.
 */
@Singleton
public class AccountRepository {
    private static final String PROFILE = "PROFILE";
    /** BOOL, true on private accounts; absent on accounts that never chose (public). */
    private static final String PRIVATE = "private";
    // Membership (how the account joined): all absent on an account that joined in the open, unreferred.
    private static final String FOUNDING_NUMBER = "foundingNumber";
    private static final String BADGES = "badges";
    private static final String VERIFIED_CREATOR = "verifiedCreator";
    private static final String INVITATION_ID = "invitationId";
    private static final String REFERRED_BY = "referredBy";
    /** The linked Instagram name, shown on the profile; written with the link, so a profile view reads nothing more. */
    private static final String INSTAGRAM_USERNAME = "instagramUsername";

    private final DynamoDbClient dynamo;
    private final BatchReads batchReads;
    private final TransactionWriter transactions;
    private final String table;

    public AccountRepository(DynamoDbClient dynamo, BatchReads batchReads, TransactionWriter transactions,
                             RossgramConfig config) {
        this.dynamo = dynamo;
        this.batchReads = batchReads;
        this.transactions = transactions;
        this.table = config.table();
    }

    /**
     * Adds the account's creation to {@code plan}: its claims (each failing with its own 409) and its profile.
     * Sign-up adds its other items (the first session, the invitation redeemed) to the same plan.
     */
    public void addCreation(TransactionPlan plan, Account account, String passwordHash) {
        Map<String, AttributeValue> profile = new HashMap<>(profileKey(account.userId()));
        profile.put("type", s("account"));
        profile.put("userId", s(account.userId()));
        profile.put("username", s(account.username()));
        profile.put("email", s(account.email()));
        profile.put("displayName", s(account.displayName()));
        profile.put("bio", s(account.bio()));
        profile.put("passwordHash", s(passwordHash));
        profile.put("createdAt", s(account.createdAt().toString()));
        profile.put("version", n(account.version()));
        putMembership(profile, account.membership());

        plan.add(putIfAbsent(claim(handlePk(AccountRules.usernameKey(account.username())), "HANDLE", account.userId())),
                () -> taken(account.username()));
        plan.add(putIfAbsent(lookalikeClaim(account.username(), account.userId())), () -> lookalike(account.username()));
        plan.add(putIfAbsent(claim(emailPk(AccountRules.emailKey(account.email())), "EMAIL", account.userId())),
                () -> new ProblemException(ProblemType.EMAIL_TAKEN, "An account with this email already exists."));
        plan.add(putIfAbsent(profile), () -> new IllegalStateException("account id " + account.userId() + " exists"));
    }

    /** A check, in another service's transaction, that {@code userId}'s account exists. */
    public TransactWriteItem profileExistsCheck(String userId) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(profileKey(userId)).conditionExpression("attribute_exists(pk)").build()).build();
    }

    public Optional<StoredAccount> findById(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(profileKey(userId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toStored(item));
    }

    /** Finds an account by username or, if {@code login} has an '@', by email; both case-insensitively. */
    public Optional<StoredAccount> findByLogin(String login) {
        String trimmed = login.trim();
        var claimKey = trimmed.contains("@") ? Attrs.key(emailPk(AccountRules.emailKey(trimmed)), "EMAIL")
                : Attrs.key(handlePk(AccountRules.usernameKey(trimmed)), "HANDLE");
        var claim = dynamo.getItem(r -> r.tableName(table).key(claimKey).consistentRead(true)).item();
        if (claim == null || claim.isEmpty()) {
            return Optional.empty();
        }
        return findById(string(claim, "userId"));
    }

    /**
     * Finds an account by its username, ignoring case. Anything that cannot be a username (an email, a name with
     * other characters) finds nothing.
     */
    public Optional<StoredAccount> findByUsername(String username) {
        if (username == null || !AccountRules.isUsername(username)) {
            return Optional.empty();
        }
        return findByLogin(username);
    }

    /**
     * The ids of the accounts {@code usernames} name (ignoring case), in the names' order, each once; names of no
     * account, or that cannot be usernames, are left out. One consistent BatchGet of their claims per 100 names.
     */
    public List<String> idsByUsername(List<String> usernames) {
        List<String> claimPks = usernames.stream().filter(name -> name != null && AccountRules.isUsername(name))
                .map(name -> handlePk(AccountRules.usernameKey(name))).distinct().toList();
        if (claimPks.isEmpty()) {
            return List.of();
        }
        Map<String, String> ids = new HashMap<>();
        for (Map<String, AttributeValue> claim : batchReads.consistent(table,
                claimPks.stream().map(pk -> Attrs.key(pk, "HANDLE")).toList())) {
            ids.put(string(claim, "pk"), string(claim, "userId"));
        }
        return claimPks.stream().map(ids::get).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The accounts of {@code userIds} that exist, by id; one consistent BatchGet per 100 ids. */
    public Map<String, Account> findAllById(java.util.Collection<String> userIds) {
        Map<String, Account> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = userIds.stream().distinct().map(AccountRepository::profileKey).toList();
        for (Map<String, AttributeValue> item : batchReads.consistent(table, keys)) {
            Account account = toStored(item).account();
            found.put(account.userId(), account);
        }
        return found;
    }

    /**
     * Sets the given profile fields if the stored version is still {@code expectedVersion}.
     *
     * @throws ProblemException 409 {@code concurrent-update} when another update came first
     */
    public Account updateProfile(Account updated, long expectedVersion) {
        Update update = profileUpdate(updated, expectedVersion);
        try {
            dynamo.updateItem(r -> r.tableName(table).key(update.key())
                    .updateExpression(update.updateExpression())
                    .conditionExpression(update.conditionExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException e) {
            throw concurrentUpdate();
        }
        return updated.withVersion(expectedVersion + 1);
    }

    /**
     * Adds to {@code plan} the profile update of {@link #updateProfile} (its failure: 409 {@code concurrent-update}),
     * for a change that moves claims in the same transaction (a rename).
     */
    public void addProfileUpdate(TransactionPlan plan, Account updated, long expectedVersion) {
        plan.add(TransactWriteItem.builder().update(profileUpdate(updated, expectedVersion)).build(),
                AccountRepository::concurrentUpdate);
    }

    /**
     * Adds to {@code plan} the claims that move when {@code current} takes {@code newUsername}: the new name's
     * {@code HANDLE} (409 {@code username-taken} if anyone's) and, when the skeleton changes, the new
     * {@code LOOKALIKE} (409 {@code username-lookalike}); the old ones are deleted, the old look-alike claim only if
     * it is this account's (an account from before the claims may hold none, or share its skeleton with another).
     * A change of case only moves nothing. The profile itself is {@link #addProfileUpdate}'s.
     */
    public void addRename(TransactionPlan plan, Account current, String newUsername) {
        String me = current.userId();
        String oldKey = AccountRules.usernameKey(current.username());
        String newKey = AccountRules.usernameKey(newUsername);
        String oldSkeleton = UsernameSkeleton.of(current.username());
        String newSkeleton = UsernameSkeleton.of(newUsername);
        if (!oldKey.equals(newKey)) {
            plan.add(putIfAbsent(claim(handlePk(newKey), "HANDLE", me)), () -> taken(newUsername));
        }
        if (!oldSkeleton.equals(newSkeleton)) {
            plan.add(putIfAbsent(lookalikeClaim(newUsername, me)), () -> lookalike(newUsername));
        }
        if (!oldKey.equals(newKey)) {
            plan.add(deleteIfMine(Attrs.key(handlePk(oldKey), "HANDLE"), me), AccountRepository::concurrentUpdate);
        }
        if (!oldSkeleton.equals(newSkeleton) && me.equals(lookalikeHolder(oldSkeleton).orElse(null))) {
            plan.add(deleteIfMine(lookalikeKey(oldSkeleton), me), AccountRepository::concurrentUpdate);
        }
    }

    /** Who holds the look-alike claim on {@code skeleton} (consistent read); empty when nobody does. */
    public Optional<String> lookalikeHolder(String skeleton) {
        var claim = dynamo.getItem(r -> r.tableName(table).key(lookalikeKey(skeleton)).consistentRead(true)).item();
        return claim == null || claim.isEmpty() ? Optional.empty() : Optional.of(string(claim, "userId"));
    }

    /**
     * Gives {@code account} the look-alike claim on its skeleton if nobody holds it (for accounts from before the
     * claims existed), in one transaction with a check that the profile still has that name, so a rename landing
     * meanwhile (which claims its new name itself) never leaves a claim on a name the account no longer has.
     *
     * @return who holds the claim now: {@code account}'s id when it was claimed now or before, else the other
     *         holder's; empty when the account was renamed since it was read
     */
    public Optional<String> claimLookalike(Account account) {
        TransactWriteItem sameName = TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(profileKey(account.userId())).conditionExpression("username = :seen")
                .expressionAttributeValues(Map.of(":seen", s(account.username()))).build()).build();
        var cancelled = transactions.write(List.of(sameName, putIfAbsent(lookalikeClaim(account.username(), account.userId()))));
        if (cancelled.isEmpty()) {
            return Optional.of(account.userId());
        }
        if (TransactionWriter.failedCondition(cancelled.get(), 0)) {
            return Optional.empty();
        }
        return Optional.of(lookalikeHolder(UsernameSkeleton.of(account.username()))
                .orElseThrow(() -> new IllegalStateException("look-alike claim failed, then vanished: " + account.username())));
    }

    /**
     * One page of a Scan of the table for profiles: for an operator's migration only, never behind a user's request.
     * Eventually consistent: an account created meanwhile got its claims at sign-up anyway.
     *
     * @param start    where the previous page stopped ({@link ProfileScan#next}), or null to begin
     * @param capacity how many items (of any kind) the Scan reads; the profiles among them come back
     */
    public ProfileScan scanProfiles(Map<String, String> start, int capacity) {
        var response = dynamo.scan(r -> {
            r.tableName(table).limit(capacity)
                    .filterExpression("sk = :profile")
                    .expressionAttributeValues(Map.of(":profile", s(PROFILE)));
            if (start != null) {
                r.exclusiveStartKey(Attrs.key(start.get("pk"), start.get("sk")));
            }
        });
        List<Account> profiles = response.items().stream().map(item -> toStored(item).account()).toList();
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        Map<String, String> next = last == null || last.isEmpty() ? null
                : Map.of("pk", string(last, "pk"), "sk", string(last, "sk"));
        return new ProfileScan(profiles, next);
    }

    /** Profiles of one Scan page, and where the next page starts (null: the table is done). */
    public record ProfileScan(List<Account> profiles, Map<String, String> next) {
    }

    /**
     * Makes {@code avatar} the account's profile picture if the one set is still {@code replacing} (null: none),
     * so that a caller who read the profile knows exactly which avatar it replaced. Fails the transaction when
     * another avatar was set meanwhile or the account no longer exists.
     */
    public TransactWriteItem setAvatarItem(String userId, Avatar avatar, Avatar replacing) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":avatar", AttributeValue.fromM(Map.of("uploadId", s(avatar.uploadId()),
                "photo", PhotoRecordItems.toAttribute(avatar.photo()))));
        String unchanged = "attribute_not_exists(avatar)";
        if (replacing != null) {
            unchanged = "avatar.uploadId = :replacing";
            values.put(":replacing", s(replacing.uploadId()));
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(profileKey(userId))
                .updateExpression("SET avatar = :avatar")
                .conditionExpression("attribute_exists(pk) AND " + unchanged)
                .expressionAttributeValues(values)
                .build()).build();
    }

    /**
     * Marks the account a verified creator, or withdraws the mark, if its version is still {@code expectedVersion}
     * (the profile as the caller read it), so the caller knows whose account it marked. Fails the transaction when
     * the profile changed meanwhile or the account no longer exists.
     */
    public TransactWriteItem verifiedCreatorItem(String userId, boolean verified, long expectedVersion) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":next", n(expectedVersion + 1), ":expected", n(expectedVersion)));
        if (verified) {
            values.put(":verified", AttributeValue.fromBool(true));
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(profileKey(userId))
                // Absent means not verified, as on an account created without the mark.
                .updateExpression(verified ? "SET #verified = :verified, version = :next" : "REMOVE #verified SET version = :next")
                .conditionExpression("version = :expected")
                .expressionAttributeNames(Map.of("#verified", VERIFIED_CREATOR))
                .expressionAttributeValues(values)
                .build()).build();
    }

    /**
     * Shows {@code handle} on the profile as the account's Instagram name ({@code null}: removes it), for the
     * transaction that links or unlinks it. Fails the transaction when the account no longer exists.
     */
    public TransactWriteItem instagramUsernameItem(String userId, String handle) {
        Update.Builder update = Update.builder().tableName(table).key(profileKey(userId))
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#ig", INSTAGRAM_USERNAME));
        if (handle == null) {
            update.updateExpression("REMOVE #ig");
        } else {
            update.updateExpression("SET #ig = :ig").expressionAttributeValues(Map.of(":ig", s(handle)));
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    /** An account with the hash it signs in with; the hash never leaves the service layer. */
    public record StoredAccount(Account account, String passwordHash) {
    }

    /** A user's partition, which also holds the items about her of other aggregates (edges, blocks, grants). */
    public static String userPk(String userId) {
        return "USER#" + userId;
    }

    /** The key of {@code userId}'s profile, for reads batched with other items. */
    public static Map<String, AttributeValue> profileKey(String userId) {
        return Attrs.key(userPk(userId), PROFILE);
    }

    /** Whether an item of a batch read is a profile. */
    public static boolean isProfile(Map<String, AttributeValue> item) {
        return PROFILE.equals(Attrs.string(item, "sk"));
    }

    private static String handlePk(String usernameKey) {
        return "HANDLE#" + usernameKey;
    }

    private static Map<String, AttributeValue> lookalikeKey(String skeleton) {
        return Attrs.key("LOOKALIKE#" + skeleton, "LOOKALIKE");
    }

    private static Map<String, AttributeValue> lookalikeClaim(String username, String userId) {
        Map<String, AttributeValue> claim = new HashMap<>(lookalikeKey(UsernameSkeleton.of(username)));
        claim.put("type", s("claim"));
        claim.put("userId", s(userId));
        return claim;
    }

    private static ProblemException taken(String username) {
        return new ProblemException(ProblemType.USERNAME_TAKEN, "The username '" + username + "' is taken.");
    }

    // The detail names only the name asked for: the one it looks like may be found by trying, but the answer
    // need not hand it out, and finding it would cost a read on every refusal.
    private static ProblemException lookalike(String username) {
        return new ProblemException(ProblemType.USERNAME_LOOKALIKE, "The username '" + username
                + "' looks like one that is taken (letters that look alike, 0 for o, 1 for l, dots and underscores"
                + " count as the same).");
    }

    private static ProblemException concurrentUpdate() {
        return new ProblemException(ProblemType.CONCURRENT_UPDATE, "The profile changed meanwhile; try again.");
    }

    private Update profileUpdate(Account updated, long expectedVersion) {
        return Update.builder().tableName(table)
                .key(profileKey(updated.userId()))
                .updateExpression("SET username = :username, displayName = :displayName, bio = :bio,"
                        + " #private = :private, version = :next")
                .conditionExpression("version = :expected")
                .expressionAttributeNames(Map.of("#private", PRIVATE))
                .expressionAttributeValues(Map.of(
                        ":username", s(updated.username()),
                        ":displayName", s(updated.displayName()),
                        ":bio", s(updated.bio()),
                        ":private", AttributeValue.fromBool(updated.privateAccount()),
                        ":next", n(expectedVersion + 1),
                        ":expected", n(expectedVersion)))
                .build();
    }

    private TransactWriteItem deleteIfMine(Map<String, AttributeValue> key, String userId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key)
                .conditionExpression("userId = :me")
                .expressionAttributeValues(Map.of(":me", s(userId))).build()).build();
    }

    private static String emailPk(String emailKey) {
        return "EMAIL#" + emailKey;
    }

    private static Map<String, AttributeValue> claim(String pk, String sk, String userId) {
        return Map.of("pk", s(pk), "sk", s(sk), "type", s("claim"), "userId", s(userId));
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private static void putMembership(Map<String, AttributeValue> profile, Membership membership) {
        if (membership.foundingNumber() != null) {
            profile.put(FOUNDING_NUMBER, n(membership.foundingNumber()));
        }
        if (!membership.badges().isEmpty()) {
            profile.put(BADGES, AttributeValue.fromSs(membership.badges().stream().map(Membership.Badge::wire).sorted().toList()));
        }
        if (membership.verifiedCreator()) {
            profile.put(VERIFIED_CREATOR, AttributeValue.fromBool(true));
        }
        if (membership.invitationId() != null) {
            profile.put(INVITATION_ID, s(membership.invitationId()));
        }
        if (membership.referredBy() != null) {
            profile.put(REFERRED_BY, s(membership.referredBy()));
        }
    }

    private static Membership membership(Map<String, AttributeValue> item) {
        AttributeValue badges = item.get(BADGES);
        AttributeValue verified = item.get(VERIFIED_CREATOR);
        return new Membership(
                Attrs.number(item, FOUNDING_NUMBER).orElse(null),
                badges == null || !badges.hasSs() ? java.util.Set.of()
                        : badges.ss().stream().map(Membership.Badge::fromWire).collect(java.util.stream.Collectors.toSet()),
                verified != null && Boolean.TRUE.equals(verified.bool()),
                string(item, INVITATION_ID),
                string(item, REFERRED_BY));
    }

    private static Avatar avatar(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return null;
        }
        return new Avatar(value.m().get("uploadId").s(), PhotoRecordItems.fromAttribute(value.m().get("photo")));
    }

    /** Whether a profile item (whole, or read with {@code private} projected) is a private account's. */
    public static boolean isPrivate(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(PRIVATE);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    /** The account a profile item ({@code USER#<id> / PROFILE}, read with other items in a batch) holds. */
    public static Account accountFrom(Map<String, AttributeValue> item) {
        return toStored(item).account();
    }

    private static StoredAccount toStored(Map<String, AttributeValue> item) {
        Account account = new Account(
                string(item, "userId"),
                string(item, "username"),
                string(item, "email"),
                string(item, "displayName"),
                string(item, "bio"),
                Instant.parse(string(item, "createdAt")),
                Attrs.number(item, "version").orElse(0L),
                avatar(item.get("avatar")),
                isPrivate(item),
                membership(item),
                string(item, INSTAGRAM_USERNAME));
        return new StoredAccount(account, string(item, "passwordHash"));
    }
}
