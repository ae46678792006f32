package vn.cdsbot.period;

import java.time.LocalDate;

/** A calendar year. */
public record Year(int year) implements Period {

    @Override
    public LocalDate first() {
        return LocalDate.of(year, 1, 1);
    }

    @Override
    public LocalDate last() {
        return LocalDate.of(year, 12, 31);
    }

    @Override
    public Year previous() {
        return new Year(year - 1);
    }

    @Override
    public Year next() {
        return new Year(year + 1);
    }

    /** "năm 2026". */
    @Override
    public String label() {
        return typed();
    }

    @Override
    public String typed() {
        return "năm " + year;
    }

    @Override
    public String toString() {
        return key();
    }
}
