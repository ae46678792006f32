package vn.cdsbot.period;

import java.time.LocalDate;
import java.util.Objects;

/** One calendar day: the period of daily figures during a campaign. */
public record Day(LocalDate date) implements Period {
    public Day {
        Objects.requireNonNull(date, "date == null");
    }

    public Week week() {
        return Week.containing(date);
    }

    @Override
    public boolean runningOn(LocalDate today) {
        return date.equals(today);
    }

    @Override
    public java.util.List<Week> weeks() {
        return java.util.List.of(week());
    }

    @Override
    public LocalDate first() {
        return date;
    }

    @Override
    public LocalDate last() {
        return date;
    }

    @Override
    public Day previous() {
        return new Day(date.minusDays(1));
    }

    @Override
    public Day next() {
        return new Day(date.plusDays(1));
    }

    /** "ngày 02/12/2026 (thứ Tư)". */
    @Override
    public String label() {
        return "ngày " + VnDates.date(date) + " (" + VnDates.weekday(date.getDayOfWeek()) + ")";
    }

    /** "ngày 02/12/2026". */
    @Override
    public String typed() {
        return "ngày " + VnDates.date(date);
    }

    @Override
    public String toString() {
        return key();
    }
}
