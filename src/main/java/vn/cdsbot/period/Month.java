package vn.cdsbot.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/** A calendar month. */
public record Month(YearMonth month) implements Period {
    public Month {
        Objects.requireNonNull(month, "month == null");
    }

    @Override
    public LocalDate first() {
        return month.atDay(1);
    }

    @Override
    public LocalDate last() {
        return month.atEndOfMonth();
    }

    @Override
    public Month previous() {
        return new Month(month.minusMonths(1));
    }

    @Override
    public Month next() {
        return new Month(month.plusMonths(1));
    }

    /** "tháng 11/2026". */
    @Override
    public String label() {
        return typed();
    }

    @Override
    public String typed() {
        return "tháng " + month.getMonthValue() + "/" + month.getYear();
    }

    @Override
    public String toString() {
        return key();
    }
}
