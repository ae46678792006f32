package vn.cdsbot.summary;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/** An ISO week (Monday–Sunday) identified by its Monday, as stored in {@code reports.week_start}. */
record Week(LocalDate monday) implements Comparable<Week> {
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    Week {
        Objects.requireNonNull(monday, "monday == null");
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) throw new IllegalArgumentException("not a Monday: " + monday);
    }

    static Week containing(LocalDate day) {
        return new Week(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    static Week containing(Instant instant, ZoneId zone) {
        return containing(instant.atZone(zone).toLocalDate());
    }

    /** The default week of every summary: the last full Monday–Sunday before the current one. */
    static Week justEnded(Instant now, ZoneId zone) {
        return containing(now, zone).previous();
    }

    static Week parse(String weekStart) {
        return new Week(LocalDate.parse(weekStart));
    }

    /** ISO week {@code number} of ISO week-based {@code year}; empty if that year has no such week. */
    static java.util.Optional<Week> of(int year, int number) {
        if (number < 1 || number > 53) return java.util.Optional.empty();
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        Week first = containing(jan4);
        Week w = first.plusWeeks(number - 1);
        return w.year() == year ? java.util.Optional.of(w) : java.util.Optional.empty();
    }

    int number() {
        return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    int year() {
        return monday.get(IsoFields.WEEK_BASED_YEAR);
    }

    LocalDate sunday() {
        return monday.plusDays(6);
    }

    Week previous() {
        return plusWeeks(-1);
    }

    Week plusWeeks(long n) {
        return new Week(monday.plusWeeks(n));
    }

    /** The stored form: 'YYYY-MM-DD' of the Monday. */
    String key() {
        return monday.toString();
    }

    Instant start(ZoneId zone) {
        return monday.atStartOfDay(zone).toInstant();
    }

    /** "Tuần 46/2026 (09/11–15/11/2026)". */
    String label() {
        return "Tuần " + number() + "/" + year() + " (" + monday.format(DAY_MONTH) + "–" + sunday().format(FULL) + ")";
    }

    /** "tuan 46/2026": the command text that names this week again (for buttons). */
    String command() {
        return "tuan " + number() + "/" + year();
    }

    @Override
    public int compareTo(Week o) {
        return monday.compareTo(o.monday);
    }
}
