package vn.cdsbot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Role;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

/**
 * The daily rhythm on a real database with the configured times (evening 19:00, morning 07:30, digest 17:00):
 * who is messaged, what they are told, once per day whatever the restarts, and only within Zalo's window.
 */
class CampaignRhythmTest {
    static final LocalDate D1 = LocalDate.of(2026, 12, 1);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    MutableClock clock = MutableClock.at("2026-11-30T08:00");
    BotConfig config;
    Database db;

    @BeforeEach
    void setUp() throws Exception {
        config = PeopleFixture.config(dir, CampaignFixture.units(dir));
        db = PeopleFixture.database(config, clock);
        long at = clock.millis();
        PeopleFixture.enrol(db, "mx1", "X1", Role.MEMBER, at);
        PeopleFixture.enrol(db, "mx2", "X2", Role.MEMBER, at);
        PeopleFixture.enrol(db, "mx3", "X3", Role.MEMBER, at);
        PeopleFixture.enrol(db, "mx3-away", "X3", Role.MEMBER, at);
        PeopleFixture.enrol(db, "lead1", "X1", Role.LEADER, at);
        PeopleFixture.enrol(db, "leadT", "T", Role.LEADER, at);
        PeopleFixture.enrol(db, "sec", "T", Role.SECRETARIAT, at);
        db.inTransaction(tx -> Campaigns.create(tx, "Mười ngày VNeID", D1, D1.plusDays(9), List.of("vneid"),
                Map.of("X1", Map.of("vneid", 100L), "X2", Map.of("vneid", 50L), "X3", Map.of("vneid", 50L)), "cli", 0));
        CampaignFixture.daily(db, "X1", D1, "vneid", 5);     // plan for day 1: 10 — behind by 5
        CampaignFixture.daily(db, "X2", D1, "vneid", 20);    // plan 5 — ahead
        CampaignFixture.daily(db, "X2", D1.plusDays(1), "vneid", 3);
        // Everyone wrote to the OA lately except mx3-away, whose last message is 3 days old.
        clock.set("2026-12-01T20:00");
        for (String u : List.of("mx1", "mx2", "mx3", "lead1", "leadT", "sec")) PeopleFixture.touch(db, u, clock.millis());
        PeopleFixture.touch(db, "mx3-away", clock.millis() - java.time.Duration.ofDays(3).toMillis());
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** A fresh feature, as after a restart, runs its schedule once. */
    void runAt(String time) {
        clock.set(time);
        CampaignFeature f = CampaignFeature.wire(config, db, ReportingCalendar.from(config), clock, () -> {});
        f.schedules().forEach(Runnable::run);
    }

    List<String> sentTo(String user) {
        List<String> out = new ArrayList<>();
        for (String p : PeopleFixture.rows(db, "SELECT payload FROM outbox WHERE user_id = ? ORDER BY id", user)) {
            try {
                out.add(JSON.readTree(p).path("text").asText());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    @Test
    void morningNoteNamesEachLeadersUnitsBehindPlanOnce() {
        runAt("2026-12-02T07:31");
        runAt("2026-12-02T07:45");   // a restart: nothing again
        List<String> t = sentTo("leadT");
        assertThat(t).hasSize(1);
        // Province: 25/200, plan for day 1 is 20: ahead; Xã An Phú 5/100 behind its 10 by 5; Xã Cát Tiên has nothing.
        assertThat(t.get(0)).contains("Chiến dịch CD1 “Mười ngày VNeID”, đến hết ngày 01/12/2026 (ngày 1/10) – Tỉnh Thử Nghiệm:")
                .contains(": 25/200 (12,50 %), vượt 5 so với kế hoạch")
                .contains("Đơn vị chậm kế hoạch (1):\n– Xã An Phú: 5/100 (5,00 %), chậm 5")
                .contains("Chưa có số liệu: Xã Cát Tiên")
                .doesNotContain("Bình Minh");
        assertThat(sentTo("lead1")).singleElement().asString().contains("Xã An Phú:").contains("5/100 (5,00 %), chậm 5");
        assertThat(sentTo("mx1")).isEmpty();
        assertThat(sentTo("sec")).isEmpty();
        assertThat(PeopleFixture.rows(db, "SELECT kind || '|' || day || '|' || campaigns || '|' || messages FROM campaign_rhythm_runs"))
                .containsExactly("morning|2026-12-02|CD1|2");
        assertThat(PeopleFixture.rows(db, "SELECT action || '|' || subject FROM audit_log WHERE action LIKE 'campaign.m%'"))
                .containsExactly("campaign.morning|CD1");
    }

    @Test
    void eveningReminderGoesToTeamsWithoutTodaysFigureWithinTheWindow() {
        runAt("2026-12-02T19:05");
        runAt("2026-12-02T19:30");
        assertThat(sentTo("mx1")).singleElement().asString().contains("Xã An Phú chưa gửi số của chiến dịch CD1")
                .contains("#baocao hôm nay vneid=35");
        assertThat(sentTo("lead1")).hasSize(1);
        assertThat(sentTo("mx3")).hasSize(1);
        assertThat(sentTo("mx2")).isEmpty();          // Xã Bình Minh sent today's figure
        assertThat(sentTo("mx3-away")).isEmpty();     // outside Zalo's free window: counted, not messaged
        assertThat(PeopleFixture.rows(db, "SELECT messages || '|' || unreached FROM campaign_rhythm_runs WHERE kind = 'evening'"))
                .containsExactly("3|1");
    }

    @Test
    void digestGivesTheSecretariatTheProvincesProgress() {
        runAt("2026-12-02T17:00");
        assertThat(String.join("\n", sentTo("sec"))).contains("TIẾN ĐỘ CHIẾN DỊCH CD1").contains("Tỉnh Thử Nghiệm")
                .contains("28/200 (14,00 %)");
        assertThat(sentTo("leadT")).isEmpty();
    }

    @Test
    void aRunMissedWhileDownIsMadeUpWithinThreeHoursAndSkippedAfter() {
        runAt("2026-12-02T21:50");   // the bot was down at 19:00: 2 h 50 later the reminder still goes out
        assertThat(PeopleFixture.rows(db, "SELECT kind FROM campaign_rhythm_runs WHERE day = '2026-12-02'"))
                .containsExactly("evening");   // 17:00's digest and 07:30's note are too old now: skipped
        assertThat(sentTo("mx1")).hasSize(1);
        runAt("2026-12-03T22:30");   // 3 h 30 after the next evening's slot: too late
        assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM campaign_rhythm_runs WHERE day = '2026-12-03'"))
                .containsExactly("0");
        assertThat(sentTo("mx1")).hasSize(1);
    }

    @Test
    void timesAreCheckedWhenTheConfigIsLoadedAndEmptyTurnsARunOff() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("bad"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PeopleFixture.config(dir.resolve("bad"),
                y -> y.replace("morning_note: \"07:30\"", "morning_note: \"7h30\"")))
                .hasMessageContaining("morning_note must be a time like \"19:00\"");
        config = PeopleFixture.config(dir, y -> CampaignFixture.unitsIn(dir).apply(
                y.replace("evening_reminder: \"19:00\"", "evening_reminder: \"\"")));
        runAt("2026-12-02T19:05");
        assertThat(PeopleFixture.rows(db, "SELECT kind FROM campaign_rhythm_runs")).containsExactly("digest");   // 17:00's
        assertThat(sentTo("mx1")).isEmpty();
    }

    @Test
    void nothingIsSentWhenNoCampaignRuns() {
        runAt("2026-11-30T19:10");
        assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM outbox")).containsExactly("0");
        runAt("2026-12-11T19:10");
        assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM outbox")).containsExactly("0");
    }
}
