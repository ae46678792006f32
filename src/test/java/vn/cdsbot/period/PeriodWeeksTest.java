package vn.cdsbot.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule that puts whole weeks into months, quarters and years: a week counts where its Thursday falls. */
class PeriodWeeksTest {

    private static List<Integer> numbers(Period p) {
        return p.weeks().stream().map(Week::number).toList();
    }

    @Test
    void aMonthIsTheWeeksWhoseThursdayItHolds() {
        Month nov = new Month(YearMonth.of(2026, 11));
        assertThat(numbers(nov)).containsExactly(45, 46, 47, 48);
        assertThat(nov.coverage()).isEqualTo("tuần 45–48, 02/11–29/11/2026");
        // 1/10/2026 is a Thursday: week 40 (28/9–4/10) straddles the months and counts wholly in October.
        Month oct = new Month(YearMonth.of(2026, 10));
        assertThat(numbers(oct)).containsExactly(40, 41, 42, 43, 44);
        assertThat(oct.coverage()).isEqualTo("tuần 40–44, 28/09–01/11/2026");
        assertThat(numbers(new Month(YearMonth.of(2026, 9)))).containsExactly(36, 37, 38, 39);
        assertThat(new Month(YearMonth.of(2026, 12)).coverage()).isEqualTo("tuần 49–53, 30/11/2026–03/01/2027");
        assertThat(Week.of(2026, 40).orElseThrow().month()).isEqualTo(oct);
    }

    @Test
    void theYearIsTheIsoWeekYearAndQuartersAreItsMonths() {
        assertThat(numbers(new Year(2026))).hasSize(53).startsWith(1).endsWith(53);
        assertThat(new Year(2026).coverage()).isEqualTo("tuần 1–53, 29/12/2025–03/01/2027");
        assertThat(new Year(2027).weeks()).hasSize(52);
        assertThat(numbers(new Quarter(2026, 4))).containsExactly(40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53);
        // Every week of a year is in exactly one of its months, and the quarters are those months.
        for (int y = 2024; y <= 2028; y++) {
            Set<Week> seen = new HashSet<>();
            int inQuarters = 0;
            for (int m = 1; m <= 12; m++) {
                for (Week w : new Month(YearMonth.of(y, m)).weeks()) assertThat(seen.add(w)).as(w.toString()).isTrue();
            }
            for (int q = 1; q <= 4; q++) inQuarters += new Quarter(y, q).weeks().size();
            assertThat(seen).containsExactlyInAnyOrderElementsOf(new Year(y).weeks());
            assertThat(inQuarters).isEqualTo(seen.size());
        }
    }

    @Test
    void aMonthRunsUntilItsLastWeekEnds() {
        Month nov = new Month(YearMonth.of(2026, 11));
        assertThat(nov.runningOn(LocalDate.of(2026, 11, 2))).isTrue();
        assertThat(nov.runningOn(LocalDate.of(2026, 11, 29))).isTrue();
        // 30/11 is in week 49, which counts in December: November's figures are complete.
        assertThat(nov.runningOn(LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(new Month(YearMonth.of(2026, 12)).runningOn(LocalDate.of(2027, 1, 2))).isTrue();
        assertThat(Week.of(2026, 48).orElseThrow().runningOn(LocalDate.of(2026, 11, 29))).isTrue();
        assertThat(new Day(LocalDate.of(2026, 11, 29)).runningOn(LocalDate.of(2026, 11, 30))).isFalse();
        assertThat(new Day(LocalDate.of(2026, 11, 29)).weeks()).containsExactly(Week.of(2026, 48).orElseThrow());
    }
}
