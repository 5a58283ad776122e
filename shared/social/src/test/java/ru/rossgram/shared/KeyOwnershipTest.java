package ru.rossgram.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each aggregate's keys are spelled by one repository class (docs/data-model.md): the key words of the data
 * model's table of built access patterns may appear as string literals in {@code shared/}'s sources only in the
 * class that owns them. A mixed batch read asks each repository to recognise its items instead of spelling keys.
 */
class KeyOwnershipTest {
    /** Who owns each key word of the table; a word the table gains needs an owner here before this test passes. */
    private static final Map<String, String> OWNERS = owners(Map.ofEntries(
            Map.entry("AccountRepository", List.of("USER#", "PROFILE", "HANDLE#", "HANDLE", "LOOKALIKE#", "LOOKALIKE",
                    "EMAIL#", "EMAIL")),
            Map.entry("ReservedNameRepository", List.of("RESERVED#", "RESERVED", "RESERVEDNAMES")),
            Map.entry("SessionRepository", List.of("SESSION#", "SESSION")),
            Map.entry("InvitationRepository", List.of("INVITATION#", "INVITATION", "USE#", "INVITATIONS#")),
            Map.entry("FoundingNumbers", List.of("LAUNCH", "FOUNDERS")),
            Map.entry("AttemptLog", List.of("THROTTLE#", "ATTEMPTS")),
            Map.entry("UploadRepository", List.of("UPLOAD#", "UPLOAD")),
            Map.entry("PostRepository", List.of("POST#", "POST", "POSTS#")),
            Map.entry("FollowRepository", List.of("FOLLOWS#", "FOLLOWERS#", "FOLLOWREQ#", "FOLLOWREQS#")),
            Map.entry("BlockRepository", List.of("BLOCKS#", "MUTES#")),
            Map.entry("ProfileCounters", List.of("COUNT#", "COUNTS")),
            Map.entry("FeedRepository", List.of("FEED#")),
            Map.entry("FeedContext", List.of("~CONTEXT")),
            Map.entry("Celebrities", List.of("CELEBRITY")),
            Map.entry("FanOutJobs", List.of("FANOUT#", "JOB#")),
            Map.entry("InstagramLinkRepository", List.of("IGNAME#", "IGNAME", "INSTAGRAM", "INSTAGRAMUNLINKING",
                    "IGAUDIENCE#")),
            Map.entry("HandleListRepository", List.of("IGHANDLE#", "IGLIST#")),
            Map.entry("MatchRepository", List.of("IGMATCH#")),
            Map.entry("LikeRepository", List.of("LIKE#")),
            Map.entry("CommentRepository", List.of("COMMENT#")),
            Map.entry("AccessGrants", List.of("ACCESS#")),
            Map.entry("TierRepository", List.of("TIERS")),
            Map.entry("SubscriptionAccess", List.of("SUBACCESS#")),
            Map.entry("SubscriptionRepository", List.of("SUBSCRIPTION#", "SUBSCRIBERS#", "RENEWAL#")),
            Map.entry("SubscriberCounts", List.of("SUBSCRIBERCOUNTS")),
            Map.entry("CampaignRepository", List.of("CAMPAIGN#", "CAMPAIGN", "PLEDGE#", "REWARD#", "TOTALS#", "CAMPAIGNS#",
                    "PLEDGES#", "CROWDFUNDING#")),
            Map.entry("PaymentRepository", List.of("PAYMENT#", "PAYMENT", "CHECKOUT#", "CLAIM", "COUNTER#", "COUNTER",
                    "PROVIDERPAY#")),
            Map.entry("WebhookEvents", List.of("WEBHOOK#", "EVENT")),
            Map.entry("Ledger", List.of("LEDGER#", "ENTRY#", "BALANCE#")),
            Map.entry("OperatorAudit", List.of("AUDIT")),
            Map.entry("ReferralRepository", List.of("REFERRAL#", "REFERRAL", "REFERRALCODE", "REFERRED#")),
            Map.entry("ReferralRewardRepository", List.of("REFERRALREWARD#", "REFERRALTOTALS")),
            Map.entry("PaymentCards", List.of("CARD#")),
            Map.entry("ImportRepository", List.of("IMPORT#", "IMPORT", "IMPORTS#", "OUTCOME#")),
            Map.entry("ImportClaims", List.of("IMPORTING#", "IMPORTING")),
            Map.entry("ActivityRepository", List.of("ACTIVITY#", "LIKES#", "COMMENTED#", "REPLIED#", "MENTIONED#",
                    "FOLLOWED#", "REQUESTED#", "APPROVED#", "PURCHASED#", "SUBSCRIBED#", "PLEDGED#", "~READ")),
            Map.entry("TrendingRepository", List.of("TRENDING#")),
            Map.entry("HashtagRepository", List.of("TAG#", "~COUNT", "TAGSEARCH#")),
            Map.entry("SearchIndexRepository", List.of("SEARCH#", "SEARCHINDEX")),
            Map.entry("ExploreRepository", List.of("EXPLORE", "CURRENT"))));

    /** Words of the table's key conditions that are DynamoDB's expression syntax, not keys. */
    private static final Set<String> EXPRESSION_WORDS = Set.of("ADD", "AND", "BETWEEN", "COUNT", "DELETE", "OR", "SET");

    private static final Pattern ROW = Pattern.compile("^\\| \\d+[a-z]? \\|");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern KEY_WORD = Pattern.compile("(?<![A-Za-z0-9_#])(~?[A-Z]+#|~?[A-Z]{2,}(?![A-Za-z0-9_]))");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final Path ROOT = repositoryRoot();

    @Test
    void keyWords_appearOnlyInTheRepositoryThatOwnsThem() {
        List<String> misplaced = new ArrayList<>();
        for (Path source : productionSources()) {
            String owner = source.getFileName().toString().replace(".java", "");
            List<String> lines = read(source);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                    continue;
                }
                Matcher literal = STRING_LITERAL.matcher(line);
                while (literal.find()) {
                    String word = keyWordOf(literal.group(1));
                    if (word != null && !OWNERS.get(word).equals(owner)) {
                        misplaced.add(ROOT.relativize(source) + ":" + (i + 1) + " spells \"" + literal.group(1)
                                + "\", a key of " + OWNERS.get(word) + " (ask " + OWNERS.get(word)
                                + " for the key, or to recognise its items)");
                    }
                }
            }
        }
        assertEquals(List.of(), misplaced, "keys spelled outside their repository:\n" + String.join("\n", misplaced));
    }

    @Test
    void everyKeyWordOfTheDataModel_hasAnOwnerThatSpellsIt() {
        Set<String> words = dataModelKeyWords();
        assertTrue(words.containsAll(Set.of("USER#", "PROFILE", "FOLLOWS#", "POST", "FEED#", "~CONTEXT")),
                "the data model's table no longer reads as this test expects: " + words);
        List<String> problems = new ArrayList<>();
        for (String word : words) {
            String owner = OWNERS.get(word);
            if (owner == null) {
                problems.add(word + " has no owner in " + KeyOwnershipTest.class.getSimpleName() + ".OWNERS");
                continue;
            }
            List<Path> files = productionSources().stream().filter(p -> p.getFileName().toString().equals(owner + ".java")).toList();
            boolean spelled = files.stream().flatMap(p -> read(p).stream()).anyMatch(line -> {
                Matcher literal = STRING_LITERAL.matcher(line);
                while (literal.find()) {
                    if (word.equals(keyWordOf(literal.group(1)))) {
                        return true;
                    }
                }
                return false;
            });
            if (!spelled) {
                problems.add(word + " is not spelled by its owner " + owner + (files.isEmpty() ? " (no such class in shared/)" : ""));
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** The key word a string literal begins with ({@code "FOLLOWS#"} for "FOLLOWS#", {@code "POST"} for "POST"), or null. */
    private static String keyWordOf(String literal) {
        for (String word : OWNERS.keySet()) {
            if (word.endsWith("#") ? literal.startsWith(word) : literal.equals(word)) {
                return word;
            }
        }
        return null;
    }

    /** The key words in the items and key conditions of the data model's built access patterns. */
    private static Set<String> dataModelKeyWords() {
        Set<String> words = new TreeSet<>();
        for (String line : read(ROOT.resolve("docs/data-model.md"))) {
            if (!ROW.matcher(line).find()) {
                continue;
            }
            String[] columns = line.split("\\|");
            // | # | access pattern | item(s) | key condition | index | status |
            if (!columns[6].trim().startsWith("built")) {
                continue;
            }
            for (String column : List.of(columns[3], columns[4])) {
                Matcher code = CODE.matcher(column);
                while (code.find()) {
                    Matcher word = KEY_WORD.matcher(code.group(1));
                    while (word.find()) {
                        if (!EXPRESSION_WORDS.contains(word.group(1))) {
                            words.add(word.group(1));
                        }
                    }
                }
            }
        }
        return words;
    }

    private static Map<String, String> owners(Map<String, List<String>> wordsByOwner) {
        Map<String, String> owners = new TreeMap<>();
        wordsByOwner.forEach((owner, words) -> words.forEach(word -> owners.put(word, owner)));
        return owners;
    }

    /** The production sources of every module that reads or writes the table: shared, thumbnails, the functions. */
    private static List<Path> productionSources() {
        List<Path> sources = new java.util.ArrayList<>();
        for (String module : List.of("shared", "thumbnails", "functions")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module))) {
                files.filter(p -> p.toString().endsWith(".java")).filter(p -> p.toString().contains("/src/main/java/"))
                        .forEach(sources::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources.stream().sorted().toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/data-model.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docs/data-model.md above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
