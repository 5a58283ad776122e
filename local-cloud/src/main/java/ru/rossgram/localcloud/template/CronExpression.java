package ru.rossgram.localcloud.template;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} as EventBridge reads it, in UTC: lists ({@code ,}),
 * ranges ({@code -}), steps ({@code /}), {@code *}, {@code ?} in exactly one of the two day fields, names of months
 * and days ({@code JAN}, {@code MON}), days of the week 1-7 from Sunday, and the day specials {@code L} (last day of
 * the month; {@code 6L} the month's last Friday), {@code W} ({@code 15W} the weekday nearest the 15th, {@code LW}) and
 * {@code #} ({@code 2#1} the month's first Monday).
 */
public final class CronExpression implements ScheduleExpression {
    private static final int LAST_YEAR = 2199;
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
            "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    private static final Pattern NEAREST_WEEKDAY = Pattern.compile("([0-9]{1,2})W");
    private static final Pattern LAST_OF_WEEK = Pattern.compile("([1-7])L");
    private static final Pattern NTH_OF_WEEK = Pattern.compile("([1-7])#([1-5])");

    private final List<String> fields;
    private final BitSet minutes;
    private final BitSet hours;
    private final Predicate<LocalDate> dayOfMonth;
    private final BitSet months;
    private final Predicate<LocalDate> dayOfWeek;
    private final BitSet years;

    private CronExpression(List<String> fields) {
        this.fields = fields;
        this.minutes = values(fields.get(0), "minutes", 0, 59, List.of());
        this.hours = values(fields.get(1), "hours", 0, 23, List.of());
        this.months = values(fields.get(3), "month", 1, 12, MONTHS);
        this.years = values(fields.get(5), "year", 1970, LAST_YEAR, List.of());
        boolean anyDayOfMonth = fields.get(2).equals("?");
        boolean anyDayOfWeek = fields.get(4).equals("?");
        if (anyDayOfMonth == anyDayOfWeek) {
            throw new IllegalArgumentException(text() + ": exactly one of day-of-month and day-of-week is ?");
        }
        this.dayOfMonth = anyDayOfMonth ? date -> true : dayOfMonth(fields.get(2));
        this.dayOfWeek = anyDayOfWeek ? date -> true : dayOfWeek(fields.get(4));
    }

    /** @throws IllegalArgumentException when {@code body} (the text inside {@code cron(...)}) is not six valid fields */
    static CronExpression parse(String body) {
        List<String> fields = List.of(body.trim().toUpperCase(Locale.ROOT).split("\\s+"));
        if (fields.size() != 6) {
            throw new IllegalArgumentException("cron(" + body + ") needs six fields: minutes hours day-of-month month"
                    + " day-of-week year");
        }
        return new CronExpression(fields);
    }

    /** The six fields, upper-cased as EventBridge reads them (names are case-insensitive). */
    public List<String> fields() {
        return fields;
    }

    @Override
    public String text() {
        return "cron(" + String.join(" ", fields) + ")";
    }

    @Override
    public Instant nextAfter(Instant after, Instant last) {
        LocalDateTime from = LocalDateTime.ofInstant(after, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate day = from.toLocalDate();
        while (day.getYear() <= LAST_YEAR) {
            if (!years.get(day.getYear())) {
                day = LocalDate.of(day.getYear() + 1, 1, 1);
                continue;
            }
            if (!months.get(day.getMonthValue())) {
                day = day.withDayOfMonth(1).plusMonths(1);
                continue;
            }
            if (dayOfMonth.test(day) && dayOfWeek.test(day)) {
                boolean first = day.equals(from.toLocalDate());
                for (int hour = first ? from.getHour() : 0; hour < 24; hour++) {
                    if (!hours.get(hour)) {
                        continue;
                    }
                    int minute = first && hour == from.getHour() ? minutes.nextSetBit(from.getMinute()) : minutes.nextSetBit(0);
                    if (minute >= 0) {
                        return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
                    }
                }
            }
            day = day.plusDays(1);
        }
        return null;
    }

    private Predicate<LocalDate> dayOfMonth(String field) {
        if (field.equals("L")) {
            return date -> date.getDayOfMonth() == date.lengthOfMonth();
        }
        if (field.equals("LW")) {
            return date -> date.equals(nearestWeekday(date.withDayOfMonth(date.lengthOfMonth())));
        }
        Matcher weekday = NEAREST_WEEKDAY.matcher(field);
        if (weekday.matches()) {
            int target = Integer.parseInt(weekday.group(1));
            if (target < 1 || target > 31) {
                throw new IllegalArgumentException(text() + ": day-of-month " + field + " is out of 1-31");
            }
            return date -> target <= date.lengthOfMonth()
                    && date.equals(nearestWeekday(date.withDayOfMonth(target)));
        }
        BitSet days = values(field, "day-of-month", 1, 31, List.of());
        return date -> days.get(date.getDayOfMonth());
    }

    private Predicate<LocalDate> dayOfWeek(String field) {
        Matcher last = LAST_OF_WEEK.matcher(field);
        if (last.matches()) {
            int day = Integer.parseInt(last.group(1));
            return date -> cronDay(date) == day && date.getDayOfMonth() + 7 > date.lengthOfMonth();
        }
        Matcher nth = NTH_OF_WEEK.matcher(field);
        if (nth.matches()) {
            int day = Integer.parseInt(nth.group(1));
            int week = Integer.parseInt(nth.group(2));
            return date -> cronDay(date) == day && (date.getDayOfMonth() - 1) / 7 + 1 == week;
        }
        BitSet days = values(field.equals("L") ? "7" : field, "day-of-week", 1, 7, DAYS);
        return date -> days.get(cronDay(date));
    }

    /** Sunday 1 to Saturday 7, as cron counts. */
    private static int cronDay(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 + 1;
    }

    /** The weekday nearest {@code date} within its month. */
    private static LocalDate nearestWeekday(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY) {
            return date.getDayOfMonth() == 1 ? date.plusDays(2) : date.minusDays(1);
        }
        if (day == DayOfWeek.SUNDAY) {
            return date.getDayOfMonth() == date.lengthOfMonth() ? date.minusDays(2) : date.plusDays(1);
        }
        return date;
    }

    /** A field of lists, ranges, steps and {@code *}, as the set of values it selects. */
    private BitSet values(String field, String name, int min, int max, List<String> names) {
        BitSet selected = new BitSet(max + 1);
        for (String item : field.split(",", -1)) {
            String[] stepped = item.split("/", -1);
            if (stepped.length > 2) {
                throw invalid(name, field);
            }
            int from;
            int to;
            if (stepped[0].equals("*")) {
                from = min;
                to = max;
            } else if (stepped[0].contains("-")) {
                String[] range = stepped[0].split("-", -1);
                if (range.length != 2) {
                    throw invalid(name, field);
                }
                from = value(range[0], name, field, min, max, names);
                to = value(range[1], name, field, min, max, names);
            } else {
                from = value(stepped[0], name, field, min, max, names);
                to = stepped.length == 2 ? max : from;
            }
            int step = stepped.length == 2 ? value(stepped[1], name, field, 1, max, List.of()) : 1;
            if (from > to) {
                throw new IllegalArgumentException(text() + ": " + name + " range " + item + " runs backwards");
            }
            for (int value = from; value <= to; value += step) {
                selected.set(value);
            }
        }
        return selected;
    }

    private int value(String word, String name, String field, int min, int max, List<String> names) {
        int named = names.indexOf(word);
        if (named >= 0) {
            return named + 1;
        }
        try {
            int value = Integer.parseInt(word);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the field
        }
        throw invalid(name, field);
    }

    private IllegalArgumentException invalid(String name, String field) {
        return new IllegalArgumentException(text() + ": " + name + " field " + field + " is not valid");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
