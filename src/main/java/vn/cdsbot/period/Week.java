package vn.cdsbot.period;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.Optional;

/** An ISO week (Monday–Sunday), the weekly reporting period, identified by its Monday. */
public record Week(LocalDate monday) implements Period {

    public Week {
        Objects.requireNonNull(monday, "monday == null");
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) throw new IllegalArgumentException("not a Monday: " + monday);
    }

    public static Week containing(LocalDate day) {
        return new Week(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** From the stored form, the Monday as YYYY-MM-DD. */
    public static Week parse(String isoMonday) {
        return new Week(LocalDate.parse(isoMonday));
    }

    /** ISO week {@code number} of week-based {@code year}; empty if that year has no such week. */
    public static Optional<Week> of(int year, int number) {
        if (number < 1 || number > weeksIn(year)) return Optional.empty();
        return Optional.of(containing(LocalDate.of(year, 1, 4)).plusWeeks(number - 1));
    }

    /** 52 or 53. */
    public static int weeksIn(int year) {
        return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public int number() {
        return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** The ISO week-based year (week 1 of 2027 may start in December 2026). */
    public int year() {
        return monday.get(IsoFields.WEEK_BASED_YEAR);
    }

    /** The day that decides the week's month, quarter and year (ISO 8601). */
    public LocalDate thursday() {
        return monday.plusDays(3);
    }

    /** The month this week counts in: the one holding its Thursday. */
    public Month month() {
        return new Month(java.time.YearMonth.from(thursday()));
    }

    @Override
    public java.util.List<Week> weeks() {
        return java.util.List.of(this);
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    @Override
    public LocalDate first() {
        return monday;
    }

    @Override
    public LocalDate last() {
        return sunday();
    }

    @Override
    public Week previous() {
        return plusWeeks(-1);
    }

    @Override
    public Week next() {
        return plusWeeks(1);
    }

    public Week plusWeeks(long n) {
        return new Week(monday.plusWeeks(n));
    }

    /** "17/11–23/11/2026", or "29/12/2025–04/01/2026" across a new year. */
    public String dates() {
        return VnDates.range(monday, sunday());
    }

    /** "tuần 47 (17/11–23/11/2026)". */
    @Override
    public String label() {
        return "tuần " + number() + " (" + dates() + ")";
    }

    /** "tuần 47/2026". */
    @Override
    public String typed() {
        return "tuần " + number() + "/" + year();
    }

    /** The stored form: the Monday as YYYY-MM-DD. */
    @Override
    public String toString() {
        return key();
    }
}
