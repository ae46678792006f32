package vn.cdsbot.period;

/** A period as the user typed it, before the calendar turns it into a {@link Period} (the year may be implied). */
public sealed interface PeriodSpec {
    /** The kinds of period a relative phrase can name. */
    enum Unit { DAY, WEEK, MONTH, QUARTER, YEAR }

    /** "hôm nay" (DAY, 0), "hôm qua" (DAY, -1), "tuần này" (WEEK, 0), "tuần trước" (WEEK, -1), "tháng trước"… */
    record Relative(Unit unit, int offset) implements PeriodSpec {}

    /** "tuần 46" (year null: the latest week 46 that has begun) or "tuần 46/2026". */
    record WeekNumber(int number, Integer year) implements PeriodSpec {}

    /** "02/12", "ngày 2/12/2026". */
    record Date(int day, int month, Integer year) implements PeriodSpec {}

    /** "tháng 11", "tháng 11/2026". */
    record MonthNumber(int month, Integer year) implements PeriodSpec {}

    /** "quý 4", "quý IV/2026". */
    record QuarterNumber(int quarter, Integer year) implements PeriodSpec {}

    /** "năm 2026". */
    record YearNumber(int year) implements PeriodSpec {}
}
