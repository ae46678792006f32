package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cdsbot.people.MutableClock.ict;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cdsbot.people.MutableClock;

class WeeksTest {
    final Weeks weeks = new Weeks(MutableClock.ICT, DayTime.parse("MONDAY 12:00", "reporting.deadline"));

    @Test
    void weekNumbersAndDatesAsPeopleWriteThem() {
        Week w = weeks.weekOf(ict("2026-11-23T09:00"));
        assertThat(w.number()).isEqualTo(48);
        assertThat(w.label()).isEqualTo("tuần 48 (23/11–29/11/2026)");
        assertThat(w.typed()).isEqualTo("tuần 48/2026");
        Week acrossNewYear = Week.containing(LocalDate.of(2026, 12, 31));
        assertThat(acrossNewYear.number()).isEqualTo(53);
        assertThat(acrossNewYear.dates()).isEqualTo("28/12/2026–03/01/2027");
        assertThat(Week.containing(LocalDate.of(2027, 12, 29)).dates()).isEqualTo("27/12/2027–02/01/2028");
    }

    @Test
    void midnightInHoChiMinhCityStartsTheWeekAlthoughUtcIsStillSunday() {
        // 2026-11-23 00:30 ICT is 2026-11-22 17:30 UTC: the new week has begun in Viet Nam.
        assertThat(weeks.weekOf(ict("2026-11-23T00:30")).number()).isEqualTo(48);
        assertThat(weeks.weekOf(ict("2026-11-22T23:59")).number()).isEqualTo(47);
    }

    @ParameterizedTest(name = "week 47 confirmed at {0} ICT → late={1}")
    @CsvSource({
            "2026-11-22T20:00, false",
            "2026-11-23T11:59:59, false",
            "2026-11-23T12:00, false",
            "2026-11-23T12:00:01, true",
            "2026-11-24T08:00, true"})
    void lateOnlyAfterMondayNoonForTheWeekJustEnded(String at, boolean late) {
        Week w47 = weeks.weekOf(ict("2026-11-18T10:00"));
        assertThat(weeks.deadline(w47)).isEqualTo(ict("2026-11-23T12:00"));
        assertThat(weeks.isLate(w47, ict(at))).isEqualTo(late);
    }

    @ParameterizedTest(name = "at {0} ICT a report is about week {1}")
    @CsvSource({
            "2026-11-20T15:00, 47",   // Friday: this week
            "2026-11-22T23:00, 47",   // Sunday night
            "2026-11-23T08:00, 47",   // Monday: the week just ended
            "2026-11-23T23:59, 47",   // still the deadline's day
            "2026-11-24T00:00, 48"})  // Tuesday: the new week
    void defaultWeek(String at, int number) {
        assertThat(weeks.reportingWeek(ict(at)).number()).isEqualTo(number);
    }

    @ParameterizedTest(name = "{0}/{1} at 2026-11-24 → {2}")
    @CsvSource(nullValues = "null", value = {
            "46, null, ok 2026-11-09",
            "48, null, ok 2026-11-23",
            "49, null, problem Tuần 49 (30/11–06/12/2026) chưa tới",
            "54, null, problem Năm 2026 không có tuần 54",
            "0, null, problem không có tuần 0",
            "53, 2025, problem Năm 2025 không có tuần 53",
            "52, 2025, ok 2025-12-22",
            "10, 2024, problem đã quá xa",
            "1, 2027, problem chưa tới"})
    void whichWeeksMayBeReported(int number, Integer year, String expected) {
        Weeks.Resolved r = weeks.resolve(new ReportParser.WeekSpec.Numbered(number, year), ict("2026-11-24T10:00"));
        String got = r instanceof Weeks.Resolved.Ok ok ? "ok " + ok.week() : "problem " + ((Weeks.Resolved.Problem) r).message();
        if (expected.startsWith("ok")) assertThat(got).isEqualTo(expected);
        else assertThat(got).startsWith("problem").contains(expected.substring(8));
    }
}
