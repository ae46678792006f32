package vn.cdsbot.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportingLevelsTest {
    final Unit province = new Unit("P", "Tỉnh", null, "province", true);
    final Unit commune = new Unit("X1", "Xã Một", "P", "commune", true);
    final Unit hamlet = new Unit("X1-A1", "Ấp 1", "X1", "hamlet", true);

    @Test
    void theConfiguredKindsReportAndTheFirstIsWhatCitizensChoose() {
        ReportingLevels both = ReportingLevels.of("commune", "hamlet");
        assertThat(both.reports(commune)).isTrue();
        assertThat(both.reports(hamlet)).isTrue();
        assertThat(both.reports(province)).isFalse();
        assertThat(both.reports(UnitTree.of(java.util.List.of(province, new Unit("Q", "Tỉnh Q", null, "province", true))).root()))
                .isFalse();
        assertThat(both.isFirstLevel(commune)).isTrue();
        assertThat(both.isFirstLevel(hamlet)).isFalse();
        assertThat(both.level(hamlet)).isEqualTo(1);
        assertThat(both.level(province)).isEqualTo(-1);

        ReportingLevels communes = ReportingLevels.of("commune");
        assertThat(communes.reports(hamlet)).isFalse();
        assertThat(ReportingLevels.teamLabel("hamlet")).isEqualTo("Tổ thôn, ấp");
        assertThat(ReportingLevels.teamLabel("commune")).isEqualTo("Tổ xã");
    }
}
