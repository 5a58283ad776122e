package ru.rossgram.shared.payments.crowdfunding;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import ru.rossgram.shared.money.Money;
import ru.rossgram.shared.payments.PaymentView;
import ru.rossgram.shared.problem.ProblemException;
import ru.rossgram.shared.problem.ProblemType;
import ru.rossgram.shared.text.TextRules;

/**
 * The shapes of a campaign's fields and the bounds of its money and deadline (docs/crowdfunding.md). Pure: the
 * caller hands in the time and the id generator.
 */
public final class CampaignRules {
    static final int TITLE_MAX = 100;
    static final int DESCRIPTION_MAX = 5000;
    static final int REWARD_TITLE_MAX = 60;
    static final int REWARD_DESCRIPTION_MAX = 500;
    static final int REWARDS_MAX = 10;
    /** A goal of 100 to 100,000,000 roubles, in kopecks: below is no campaign, above is a mistake or fraud. */
    static final long GOAL_MIN = 10_000;
    static final long GOAL_MAX = 10_000_000_000L;
    /** A reward's minimum pledge: 1 to 1,000,000 roubles, in kopecks (one pledge, one card payment). */
    static final long MINIMUM_MIN = 100;
    static final long MINIMUM_MAX = 100_000_000;
    static final int LIMIT_MAX = 1_000_000;
    /** How far ahead a reward's delivery may be promised. */
    static final int DELIVERY_YEARS_MAX = 5;
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private CampaignRules() {
    }

    /** @throws ProblemException 400 unless 1 to {@value #TITLE_MAX} characters on one line (white space around dropped) */
    public static String title(String title) {
        return singleLine("title", title, TITLE_MAX);
    }

    /** @return the description without white space around, "" for none; 400 past {@value #DESCRIPTION_MAX} characters */
    public static String description(String description) {
        return multiLine("description", description, DESCRIPTION_MAX);
    }

    /** @throws ProblemException 400 unless roubles from {@value #GOAL_MIN} to {@value #GOAL_MAX} kopecks */
    public static Money goal(PaymentView.Amount goal) {
        return roubles("goal", goal, GOAL_MIN, GOAL_MAX);
    }

    /** @throws ProblemException 400 for anything but {@code keep_what_you_raise} or {@code all_or_nothing} */
    public static Campaign.Mode mode(String wire) {
        return Campaign.Mode.fromWire(wire)
                .orElseThrow(() -> ProblemException.invalid("mode", "keep_what_you_raise or all_or_nothing"));
    }

    /**
     * A deadline as sent (ISO 8601 date-time with an offset), between {@link CrowdfundingConfig#shortest} and
     * {@link CrowdfundingConfig#longest} from {@code now}.
     *
     * @throws ProblemException 400 when it is not a date-time; 422 {@code deadline-out-of-range} when it is outside
     */
    public static Instant deadline(String deadline, Instant now, CrowdfundingConfig config) {
        if (deadline == null) {
            throw ProblemException.invalid("deadline", "required, a date-time such as 2027-01-31T21:00:00Z");
        }
        Instant at;
        try {
            at = java.time.OffsetDateTime.parse(deadline).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("deadline", "a date-time with an offset, such as 2027-01-31T21:00:00Z");
        }
        return deadlineInRange(at, now, config);
    }

    /**
     * The deadline if it is between {@link CrowdfundingConfig#shortest} and {@link CrowdfundingConfig#longest} from
     * {@code now} (checked at creation, on every change of a draft, and again at launch).
     *
     * @throws ProblemException 422 {@code deadline-out-of-range} otherwise, with the bounds that hold now
     */
    public static Instant deadlineInRange(Instant deadline, Instant now, CrowdfundingConfig config) {
        Instant earliest = now.plus(config.shortest());
        Instant latest = now.plus(config.longest());
        if (deadline.isBefore(earliest) || deadline.isAfter(latest)) {
            throw new ProblemException(ProblemType.DEADLINE_OUT_OF_RANGE, "The deadline " + deadline
                    + " must be between " + earliest + " and " + latest + ".",
                    Map.of("earliest", earliest.toString(), "latest", latest.toString()));
        }
        return deadline;
    }

    /**
     * The reward levels as sent, each with a new id from {@code ids}, lowest minimum first as sent.
     *
     * @throws ProblemException 400 for more than {@value #REWARDS_MAX} or any invalid field (named as
     *         {@code rewards[i].field})
     */
    public static List<Reward> rewards(List<NewReward> rewards, Instant now, Supplier<String> ids) {
        if (rewards == null) {
            return List.of();
        }
        if (rewards.size() > REWARDS_MAX) {
            throw ProblemException.invalid("rewards", "at most " + REWARDS_MAX);
        }
        List<Reward> checked = new ArrayList<>();
        for (int i = 0; i < rewards.size(); i++) {
            NewReward reward = rewards.get(i);
            String field = "rewards[" + i + "].";
            if (reward == null) {
                throw ProblemException.invalid("rewards[" + i + "]", "a reward object");
            }
            if (reward.limit() != null && (reward.limit() < 1 || reward.limit() > LIMIT_MAX)) {
                throw ProblemException.invalid(field + "limit", "1 to " + LIMIT_MAX + ", or absent for no limit");
            }
            checked.add(new Reward(ids.get(), singleLine(field + "title", reward.title(), REWARD_TITLE_MAX),
                    multiLine(field + "description", reward.description(), REWARD_DESCRIPTION_MAX),
                    roubles(field + "minimum", reward.minimum(), MINIMUM_MIN, MINIMUM_MAX),
                    deliveryEstimate(field + "deliveryEstimate", reward.deliveryEstimate(), now), reward.limit()));
        }
        return checked;
    }

    /** A month from this one to {@value #DELIVERY_YEARS_MAX} years ahead, as {@code YYYY-MM}. */
    static String deliveryEstimate(String field, String value, Instant now) {
        YearMonth thisMonth = YearMonth.from(now.atZone(ZoneOffset.UTC));
        String reason = "a month as YYYY-MM, from " + thisMonth + " to " + thisMonth.plusYears(DELIVERY_YEARS_MAX);
        if (value == null || !YEAR_MONTH.matcher(value).matches()) {
            throw ProblemException.invalid(field, reason);
        }
        try {
            YearMonth month = YearMonth.parse(value);
            if (month.isBefore(thisMonth) || month.isAfter(thisMonth.plusYears(DELIVERY_YEARS_MAX))) {
                throw ProblemException.invalid(field, reason);
            }
            return value;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, reason);
        }
    }

    private static Money roubles(String field, PaymentView.Amount amount, long min, long max) {
        if (amount == null || !Money.RUB.equals(amount.currency()) || amount.amount() < min || amount.amount() > max) {
            throw ProblemException.invalid(field, "{amount, currency}: RUB, " + min + " to " + max + " kopecks");
        }
        return Money.rub(amount.amount());
    }

    private static String singleLine(String field, String value, int max) {
        if (value == null) {
            throw ProblemException.invalid(field, "required, 1 to " + max + " characters");
        }
        String stripped = TextRules.singleLine(field, value).strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length == 0 || length > max) {
            throw ProblemException.invalid(field, "1 to " + max + " characters");
        }
        return stripped;
    }

    private static String multiLine(String field, String value, int max) {
        if (value == null) {
            return "";
        }
        String stripped = TextRules.multiLine(field, value).strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw ProblemException.invalid(field, "at most " + max + " characters");
        }
        return stripped;
    }
}
