package vn.cdsbot.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A reporting period: the span of calendar days a figure, a summary, a reminder or an export is about. Every
 * feature names periods with this one type, so a week means the same Monday–Sunday everywhere; days, months,
 * quarters and years sit beside weeks for the campaign and document features.
 */
public sealed interface Period extends Comparable<Period> permits Day, Week, Month, Quarter, Year, CampaignDays {
    Comparator<Period> ORDER = Comparator.comparing(Period::first).thenComparing(Period::last);

    LocalDate first();

    LocalDate last();

    Period previous();

    Period next();

    /** Mid-sentence name with its dates: "tuần 49 (30/11–06/12/2026)", "ngày 02/12/2026", "tháng 11/2026". */
    String label();

    /** The words that name this period again exactly, for a button or a command: "tuần 49/2026". */
    String typed();

    /** The stored form: the first day as YYYY-MM-DD (a week is stored by its Monday). */
    default String key() {
        return first().toString();
    }

    default boolean contains(LocalDate day) {
        return !day.isBefore(first()) && !day.isAfter(last());
    }

    /** The first instant of the period in {@code zone}. */
    default Instant start(ZoneId zone) {
        return first().atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in {@code zone}. */
    default Instant end(ZoneId zone) {
        return last().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The period's figures are still coming in on {@code today}: one of its weeks is running. A month is running
     * until its last week ends, which may be a few days into the next month (or end a few days before it does).
     */
    default boolean runningOn(LocalDate today) {
        List<Week> ws = weeks();
        return !today.isBefore(ws.get(0).monday()) && !today.isAfter(ws.get(ws.size() - 1).sunday());
    }

    /**
     * The reporting weeks whose figures make up this period. A week belongs wholly to the month that holds its
     * Thursday (the ISO rule), so a month is 4 or 5 whole weeks, a quarter its three months' weeks and a year the
     * ISO week-year (52 or 53 weeks); no week is split or counted twice. A day is in its week, a week is itself.
     */
    default List<Week> weeks() {
        List<Week> out = new ArrayList<>();
        for (Week w = Week.containing(first()); !w.thursday().isAfter(last()); w = w.next()) {
            if (!w.thursday().isBefore(first())) out.add(w);
        }
        return out;
    }

    /** The weeks it covers with their dates: "tuần 45–48, 02/11–29/11/2026". */
    default String coverage() {
        List<Week> ws = weeks();
        Week a = ws.get(0);
        Week b = ws.get(ws.size() - 1);
        return "tuần " + (a.equals(b) ? a.number() : a.number() + "–" + b.number()) + ", "
                + VnDates.range(a.monday(), b.sunday());
    }

    @Override
    default int compareTo(Period o) {
        return ORDER.compare(this, o);
    }
}
