package vn.cdsbot.period;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cdsbot.testing.MutableClock.ict;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cdsbot.testing.MutableClock;

class ReportingCalendarTest {
    final ReportingCalendar calendar = new ReportingCalendar(MutableClock.ICT, DayTime.parse("MONDAY 12:00", "reporting.deadline"));

    @Test
    void weekNumbersAndDatesAsPeopleWriteThem() {
        Week w = calendar.weekOf(ict("2026-11-23T09:00"));
        assertThat(w.number()).isEqualTo(48);
        assertThat(w.label()).isEqualTo("tuần 48 (23/11–29/11/2026)");
        assertThat(w.typed()).isEqualTo("tuần 48/2026");
        Week acrossNewYear = Week.containing(LocalDate.of(2026, 12, 31));
        assertThat(acrossNewYear.number()).isEqualTo(53);
        assertThat(acrossNewYear.dates()).isEqualTo("28/12/2026–03/01/2027");
        assertThat(Week.containing(LocalDate.of(2027, 12, 29)).dates()).isEqualTo("27/12/2027–02/01/2028");
        assertThat(new Day(LocalDate.of(2026, 12, 2)).label()).isEqualTo("ngày 02/12/2026 (thứ Tư)");
        assertThat(new Quarter(2026, 4).label()).isEqualTo("quý 4/2026 (01/10–31/12/2026)");
    }

    @Test
    void midnightInHoChiMinhCityStartsTheWeekAlthoughUtcIsStillSunday() {
        // 2026-11-23 00:30 ICT is 2026-11-22 17:30 UTC: the new week has begun in Viet Nam.
        assertThat(calendar.weekOf(ict("2026-11-23T00:30")).number()).isEqualTo(48);
        assertThat(calendar.weekOf(ict("2026-11-22T23:59")).number()).isEqualTo(47);
    }

    @ParameterizedTest(name = "week 47 confirmed at {0} ICT → late={1}")
    @CsvSource({
            "2026-11-22T20:00, false",
            "2026-11-23T11:59:59, false",
            "2026-11-23T12:00, false",
            "2026-11-23T12:00:01, true",
            "2026-11-24T08:00, true"})
    void lateOnlyAfterMondayNoonForTheWeekJustEnded(String at, boolean late) {
        Week w47 = calendar.weekOf(ict("2026-11-18T10:00"));
        assertThat(calendar.deadline(w47)).isEqualTo(ict("2026-11-23T12:00"));
        assertThat(calendar.isLate(w47, ict(at))).isEqualTo(late);
    }

    @ParameterizedTest(name = "at {0} ICT every command is about week {1}")
    @CsvSource({
            "2026-11-20T15:00, 47",   // Friday: this week
            "2026-11-22T23:00, 47",   // Sunday night
            "2026-11-23T08:00, 47",   // Monday: the week just ended
            "2026-11-23T23:59, 47",   // still the deadline's day
            "2026-11-24T00:00, 48",   // Tuesday: the new week
            "2026-12-02T09:00, 49"})  // Wednesday 2/12/2026: the running week, for reports and summaries alike
    void defaultWeek(String at, int number) {
        assertThat(calendar.defaultWeek(ict(at)).number()).isEqualTo(number);
    }

    @ParameterizedTest(name = "\"{0}\" on {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "tuần 46            | 2026-11-24T10:00 | 2026-11-09..2026-11-15",
            "tuan 48            | 2026-11-24T10:00 | 2026-11-23..2026-11-29",
            "tuần 49            | 2026-11-24T10:00 | problem Tuần 49 (30/11–06/12/2026) chưa bắt đầu",
            "tuần 50            | 2026-11-24T10:00 | problem chưa bắt đầu",
            "tuần 54            | 2026-11-24T10:00 | problem Không có tuần 54",
            "tuần 53/2025       | 2026-11-24T10:00 | problem Năm 2025 không có tuần 53",
            "tuần 52/2025       | 2026-11-24T10:00 | 2025-12-22..2025-12-28",
            "tuần 1/2027        | 2026-11-24T10:00 | problem chưa bắt đầu",
            "TUẦN TRƯỚC         | 2026-12-02T10:00 | 2026-11-23..2026-11-29",
            "tuần này           | 2026-12-02T10:00 | 2026-11-30..2026-12-06",
            "tuần 52            | 2027-01-06T09:00 | 2026-12-21..2026-12-27",
            "tuần 52/26         | 2027-01-06T09:00 | 2026-12-21..2026-12-27",
            "02/12              | 2027-01-06T09:00 | 2026-12-02..2026-12-02",
            "ngày 2/12/2026     | 2027-01-06T09:00 | 2026-12-02..2026-12-02",
            "31/12              | 2026-12-02T10:00 | problem chưa bắt đầu",
            "hôm qua            | 2027-01-06T09:00 | 2027-01-05..2027-01-05",
            "hôm nay            | 2027-01-06T00:10 | 2027-01-06..2027-01-06",
            "31/02              | 2027-01-06T09:00 | problem không có thật",
            "tháng 11           | 2026-12-02T10:00 | 2026-11-01..2026-11-30",
            "tháng 12           | 2026-11-24T10:00 | problem Tháng 12/2026 chưa bắt đầu",
            "tháng 12           | 2026-04-01T10:00 | 2025-12-01..2025-12-31",
            "tháng 11/2026      | 2027-01-06T09:00 | 2026-11-01..2026-11-30",
            "quý IV             | 2027-01-06T09:00 | 2026-10-01..2026-12-31",
            "quý 4              | 2026-12-02T10:00 | 2026-10-01..2026-12-31",
            "năm 2026           | 2027-01-06T09:00 | 2026-01-01..2026-12-31",
            "năm 2027           | 2026-12-02T10:00 | problem chưa bắt đầu"})
    void oneParserAndOneCalendarForEveryPeriod(String typed, String at, String expected) {
        PeriodParser.Found found = PeriodParser.find(typed);
        assertThat(found.problems()).isEmpty();
        assertThat(found.rest()).isEmpty();
        ReportingCalendar.Resolved r = calendar.resolve(found.period(), ict(at));
        String got = r instanceof ReportingCalendar.Resolved.Ok ok ? ok.period().first() + ".." + ok.period().last()
                : "problem " + ((ReportingCalendar.Resolved.Problem) r).message();
        if (expected.startsWith("problem")) assertThat(got).startsWith("problem").contains(expected.substring(8));
        else assertThat(got).isEqualTo(expected);
    }

    @Test
    void thePeriodIsCutOutAndTheRestKeptWithItsLineBreaks() {
        PeriodParser.Found f = PeriodParser.find("BP-DXO-01 tuần 46/2026\nhotro=35, vneid 20");
        assertThat(f.period()).isEqualTo(new PeriodSpec.WeekNumber(46, 2026));
        assertThat(f.rest()).isEqualTo("BP-DXO-01  \nhotro=35, vneid 20");
        assertThat(PeriodParser.find("hotro=35 tuan46").period()).isEqualTo(new PeriodSpec.WeekNumber(46, null));
        assertThat(PeriodParser.find("hỗ trợ 1.234, vneid 2,5").period()).isNull();
        assertThat(PeriodParser.find("tuần 4,5 hotro=3").problems()).singleElement().asString().contains("\"4,5\"");
        assertThat(PeriodParser.find("tuần 46 tuần 47").problems()).containsExactly(PeriodParser.TWO_PERIODS);
        assertThat(PeriodParser.find("tuần 46 tuan 46").problems()).isEmpty();
    }

    @Test
    void aWeekIsReportableForAboutAYear() {
        Instant now = ict("2026-11-24T10:00");
        assertThat(calendar.reportable(Week.containing(LocalDate.of(2025, 11, 24)), now)).isTrue();
        assertThat(calendar.reportable(Week.containing(LocalDate.of(2024, 3, 4)), now)).isFalse();
        assertThat(calendar.reportable(Week.containing(LocalDate.of(2026, 12, 1)), now)).isFalse();
    }
}
