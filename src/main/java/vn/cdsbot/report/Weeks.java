package vn.cdsbot.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * The reporting calendar: ISO weeks in the configured zone, the deadline for each week, which week a report
 * or a reminder is about by default, and which weeks may be reported at all.
 */
final class Weeks {
    private final ZoneId zone;
    private final DayTime deadline;

    Weeks(ZoneId zone, DayTime deadline) {
        this.zone = zone;
        this.deadline = deadline;
    }

    ZoneId zone() {
        return zone;
    }

    Week weekOf(Instant at) {
        return Week.containing(at.atZone(zone).toLocalDate());
    }

    /** The first {@code deadline} day and time after the week has ended: "MONDAY 12:00" is the next Monday noon. */
    Instant deadline(Week week) {
        LocalDate day = week.monday().plusWeeks(1).with(TemporalAdjusters.nextOrSame(deadline.day()));
        return day.atTime(deadline.time()).atZone(zone).toInstant();
    }

    boolean isLate(Week week, Instant submitted) {
        return submitted.isAfter(deadline(week));
    }

    /**
     * The week a report (or reminder) is about when nobody says: the week just ended until the end of its
     * deadline's day (so on Monday people report last week), then the current week.
     */
    Week reportingWeek(Instant at) {
        Week current = weekOf(at);
        Week previous = current.previous();
        LocalDate lastDay = deadline(previous).atZone(zone).toLocalDate();
        return at.atZone(zone).toLocalDate().isAfter(lastDay) ? current : previous;
    }

    /** A week that may be reported: not in the future and not more than about a year old. */
    sealed interface Resolved {
        record Ok(Week week) implements Resolved {}
        record Problem(String message) implements Resolved {}
    }

    Resolved resolve(ReportParser.WeekSpec spec, Instant now) {
        Week current = weekOf(now);
        if (spec instanceof ReportParser.WeekSpec.Relative r) {
            return new Resolved.Ok(new Week(current.monday().plusWeeks(r.offset())));
        }
        ReportParser.WeekSpec.Numbered n = (ReportParser.WeekSpec.Numbered) spec;
        int year = n.year() == null ? current.year() : (n.year() < 100 ? 2000 + n.year() : n.year());
        if (year < 2000 || year > 2100) return new Resolved.Problem(ReportTexts.badYear(n.year()));
        int weeksInYear = LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        if (n.number() < 1 || n.number() > weeksInYear) {
            return new Resolved.Problem(ReportTexts.noSuchWeek(n.number(), year, weeksInYear));
        }
        LocalDate monday = LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, n.number())
                .with(java.time.DayOfWeek.MONDAY);
        Week week = new Week(monday);
        if (week.compareTo(current) > 0) return new Resolved.Problem(ReportTexts.futureWeek(week, current));
        if (week.monday().isBefore(current.monday().minusWeeks(53))) return new Resolved.Problem(ReportTexts.tooOld(week));
        return new Resolved.Ok(week);
    }
}
