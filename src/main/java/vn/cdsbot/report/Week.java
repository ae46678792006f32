package vn.cdsbot.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Objects;

/** An ISO week (Monday–Sunday), named by its Monday. */
public record Week(LocalDate monday) implements Comparable<Week> {
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public Week {
        Objects.requireNonNull(monday, "monday == null");
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) throw new IllegalArgumentException("not a Monday: " + monday);
    }

    public static Week containing(LocalDate day) {
        return new Week(day.with(DayOfWeek.MONDAY));
    }

    public static Week parse(String isoMonday) {
        return new Week(LocalDate.parse(isoMonday));
    }

    public int number() {
        return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** The ISO week-based year (week 1 of 2027 may start in December 2026). */
    public int year() {
        return monday.get(IsoFields.WEEK_BASED_YEAR);
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public Week previous() {
        return new Week(monday.minusWeeks(1));
    }

    public Week next() {
        return new Week(monday.plusWeeks(1));
    }

    /** "17/11–23/11/2026", or "29/12/2025–04/01/2026" across a new year. */
    public String dates() {
        String start = monday.getYear() == sunday().getYear() ? DAY_MONTH.format(monday) : FULL.format(monday);
        return start + "–" + FULL.format(sunday());
    }

    /** "tuần 47 (17/11–23/11/2026)". */
    public String label() {
        return "tuần " + number() + " (" + dates() + ")";
    }

    /** What a user would type to name this week exactly, e.g. in a button: "tuần 47/2026". */
    public String typed() {
        return "tuần " + number() + "/" + year();
    }

    /** The stored form: the Monday as YYYY-MM-DD. */
    @Override
    public String toString() {
        return monday.toString();
    }

    @Override
    public int compareTo(Week o) {
        return monday.compareTo(o.monday);
    }
}
