package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Role;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.MutableClock;
import vn.cdsbot.testing.TestApp;

/** "#tonghop tháng M answers for the month", through the signed webhook, the real server and a fake Zalo. */
class MonthThroughWebhookTest {
    @TempDir
    Path dir;

    @Test
    void tonghopThangAnswersForTheMonthAndMembersAndCitizensAreRefused() throws Exception {
        MutableClock clock = new MutableClock(PeriodSummaryTest.AFTER);
        try (FakeZalo zalo = new FakeZalo(); TestApp app = TestApp.production(dir, zalo, clock)) {
            Database db = app.app().database();
            long now = clock.millis();
            PeopleFixture.enrol(db, "sec", "BP", Role.SECRETARIAT, now);
            PeopleFixture.enrol(db, "mem", "BP-DXO-01", Role.MEMBER, now);
            for (int w = 40; w <= 44; w++) report(db, "BP-DXO-01", Week.of(2026, w).orElseThrow(), 10);
            report(db, "BP-DXO-02", Week.of(2026, 44).orElseThrow(), 5);   // 26/10–01/11: counts in October
            report(db, "BP-DXO-02", Week.of(2026, 45).orElseThrow(), 100); // November's

            say(app, clock, "sec", "#tonghop tháng 10");
            String text = zalo.takeSentTo("sec").text();
            assertThat(text).startsWith("TỔNG HỢP THÁNG 10/2026\nTuần 40–44, 28/09–01/11/2026 · Tỉnh Bình Phước")
                    .contains("chưa báo tuần nào: ")
                    .contains("Kết quả của 2/")
                    .contains("• Lượt người dân được hỗ trợ: 55\n");

            for (String user : new String[] {"mem", "citizen-1"}) {
                say(app, clock, user, "#tonghop tháng 10");
                assertThat(zalo.takeSentTo(user).text()).as(user).startsWith("Xin lỗi").contains("#tonghop").doesNotContain("TỔNG HỢP");
            }
        }
    }

    private static int inbox = 0;

    private static void say(TestApp app, MutableClock clock, String user, String text) {
        String ts = String.valueOf(clock.millis() + inbox);
        assertThat(app.post(TestApp.textEvent(TestApp.APP_ID, user, "m-" + (++inbox), text, ts), ts)).isEqualTo(200);
    }

    /** A confirmed, current report as the reporting feature stores it. */
    private static void report(Database db, String unit, Week week, long hotro) {
        db.inTransaction(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reports (unit_code, week_start, submitted_by, submitted_at, "
                    + "late, plausibility_override, source_inbox_id) VALUES (?, ?, 'u', ?, 0, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, unit);
                ps.setString(2, week.key());
                ps.setLong(3, TestData.saturday(week).toEpochMilli());
                ps.setLong(4, 5_000_000L + week.monday().toEpochDay() * 100 + unit.hashCode() % 50 + 50);
                ps.executeUpdate();
                try (var rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO report_values (report_id, indicator, value) VALUES (?, 'hotro', ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, hotro);
                ps.executeUpdate();
            }
            return null;
        });
    }

}
