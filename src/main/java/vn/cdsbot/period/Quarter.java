package vn.cdsbot.period;

import java.time.LocalDate;

/** A calendar quarter: quý 1 is January–March. */
public record Quarter(int year, int quarter) implements Period {
    public Quarter {
        if (quarter < 1 || quarter > 4) throw new IllegalArgumentException("quarter " + quarter);
    }

    public static Quarter containing(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    @Override
    public LocalDate first() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    @Override
    public LocalDate last() {
        return first().plusMonths(3).minusDays(1);
    }

    @Override
    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    @Override
    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    /** "quý 4/2026 (01/10–31/12/2026)". */
    @Override
    public String label() {
        return typed() + " (" + VnDates.range(first(), last()) + ")";
    }

    @Override
    public String typed() {
        return "quý " + quarter + "/" + year;
    }

    @Override
    public String toString() {
        return key();
    }
}
