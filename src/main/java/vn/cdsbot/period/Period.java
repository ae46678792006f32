package vn.cdsbot.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;

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

    /** The period has begun but not ended on {@code today}: its figures are still coming in. */
    default boolean runningOn(LocalDate today) {
        return contains(today);
    }

    @Override
    default int compareTo(Period o) {
        return ORDER.compare(this, o);
    }
}
