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
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Accounts in the single table. An account is three items written in one transaction: the profile
 * ({@code USER#id / PROFILE}) and two claims that make the username and the email unique
 * ({@code HANDLE#name / HANDLE}, {@code EMAIL#address / EMAIL}), each created only if absent.
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
                () -> new ProblemException(ProblemType.USERNAME_TAKEN, "The username '" + account.username() + "' is taken."));
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
        String lower = login.trim().toLowerCase(java.util.Locale.ROOT);
        var claimKey = lower.contains("@") ? Attrs.key(emailPk(lower), "EMAIL") : Attrs.key(handlePk(lower), "HANDLE");
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
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(profileKey(updated.userId()))
                    .updateExpression("SET displayName = :displayName, bio = :bio, #private = :private, version = :next")
                    .conditionExpression("version = :expected")
                    .expressionAttributeNames(Map.of("#private", PRIVATE))
                    .expressionAttributeValues(Map.of(
                            ":displayName", s(updated.displayName()),
                            ":bio", s(updated.bio()),
                            ":private", AttributeValue.fromBool(updated.privateAccount()),
                            ":next", n(expectedVersion + 1),
                            ":expected", n(expectedVersion))));
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(ProblemType.CONCURRENT_UPDATE, "The profile changed meanwhile; try again.");
        }
        return new Account(updated.userId(), updated.username(), updated.email(), updated.displayName(), updated.bio(),
                updated.createdAt(), expectedVersion + 1, updated.avatar(), updated.privateAccount(), updated.membership());
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
                membership(item));
        return new StoredAccount(account, string(item, "passwordHash"));
    }
}
