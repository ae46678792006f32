package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.period.DayTime;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

/**
 * Who gets reminded: exactly the reachable members of reporting units without a report, escalations to the
 * nearest reachable leader above units nobody can be messaged in, and nobody else; each slot once.
 */
class RemindersTest {
    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-30T08:00:20"); // Monday slot, about week 48
    Database db;
    ReportingCalendar calendar;
    Reminders reminders;
    /** The outbox worker's wake-up: the interaction to check is that a round that queued messages calls it once. */
    final Runnable wakeOutbox = mock(Runnable.class);
    final List<DayTime> slots = List.of(DayTime.parse("FRIDAY 15:00", "r"), DayTime.parse("MONDAY 08:00", "r"));

    @BeforeEach
    void setUp() throws Exception {
        db = PeopleFixture.database(PeopleFixture.config(dir), clock);
        calendar = new ReportingCalendar(MutableClock.ICT, DayTime.parse("MONDAY 12:00", "d"));
        reminders = new Reminders(calendar, vn.cdsbot.people.ReportingLevels.of("commune"), new MessagingWindow(false));
        long now = clock.millis();
        long recent = now - Duration.ofHours(12).toMillis();
        long stale = now - Duration.ofDays(10).toMillis();
        enrol("m1", "BP-DXO-01", Role.MEMBER, recent);     // reachable, not reported → reminded
        enrol("m1b", "BP-DXO-01", Role.MEMBER, stale);     // cannot be messaged → not reminded
        enrol("m2", "BP-DXO-02", Role.MEMBER, recent);     // unit reported → nothing
        enrol("m3", "BP-DXO-03", Role.MEMBER, stale);      // only member unreachable → unit escalated
        enrol("g1", "BP-DXO", Role.LEADER, recent);        // group leader: escalations for BP-DXO units
        enrol("l5", "BP-PLO-01", Role.LEADER, recent);     // reminded, and told about m5
        enrol("m5", "BP-PLO-01", Role.MEMBER, stale);
        enrol("g2", "BP-PLO", Role.LEADER, stale);         // cannot be messaged: BP-PLO units go unreached
        enrol("s1", "BP", Role.SECRETARIAT, recent);       // the office is never reminded
        enrol("e1", "BP-DXO-01", Role.EDITOR, recent);     // an editor in a commune never reports → not reminded
        enrol("e2", "BP-DXO-05", Role.EDITOR, recent);     // nor counts as someone who could report there
        PeopleFixture.touch(db, "citizen", recent);
        db.inTransaction(tx -> Reports.confirm(tx, "BP-DXO-02", calendar.weekOf(MutableClock.ict("2026-11-25T10:00")),
                Map.of("hotro", 3L), "m2", now, false, false, 1));
    }

    private void enrol(String user, String unit, Role role, long lastSeen) {
        PeopleFixture.enrol(db, user, unit, role, lastSeen);
        PeopleFixture.touch(db, user, lastSeen);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ReminderSchedule schedule() {
        return new ReminderSchedule(db, reminders, calendar, slots, clock, wakeOutbox);
    }

    private List<String> sent() {
        return PeopleFixture.rows(db, "SELECT user_id FROM outbox ORDER BY id");
    }

    private String textTo(String user) {
        return PeopleFixture.rows(db, "SELECT payload FROM outbox WHERE user_id = ?", user).get(0);
    }

    @Test
    void reachesExactlyTheNonReportersAndEscalatesTheRest() {
        schedule().run();
        assertThat(sent()).containsExactlyInAnyOrder("m1", "g1", "l5");
        verify(wakeOutbox, times(1)).run();

        assertThat(textTo("m1")).contains("Phường Tân Bình (BP-DXO-01) chưa gửi số liệu tuần 48 (23/11–29/11/2026)",
                "hạn chót 12:00 thứ Hai 30/11/2026", "\"payload\":\"#baocao tuần 48/2026\"");
        assertThat(textTo("l5")).contains("BP-PLO-01", "Bot không nhắn được cho TV7");
        String g1 = textTo("g1");
        assertThat(g1).contains("BP-DXO-03): 1 người đã đăng ký nhưng chưa nhắn cho OA trong 2 ngày qua",
                "BP-DXO-04): chưa có ai đăng ký với bot", "BP-DXO-08)")
                .doesNotContain("BP-DXO-01)", "BP-DXO-02)", "BP-PLO", "#baocao");

        List<String> run = PeopleFixture.rows(db, "SELECT kind, scope, week_start, missing, messages, unreached FROM reminder_runs");
        // 111 communes, one reported: 110 missing; 2 have a reachable member, BP-DXO-03…08 went to g1, 102 reach no one.
        assertThat(run).containsExactly("scheduled|*|2026-11-23|110|3|102");
        assertThat(PeopleFixture.rows(db, "SELECT user_id, kind FROM reminder_messages ORDER BY user_id"))
                .containsExactly("g1|escalate", "l5|remind", "m1|remind");
    }

    @Test
    void hamletTeamsAreRemindedLikeCommunesWhenTheyReport() {
        long now = clock.millis();
        enrol("h1", "BP-DXO-07-A1", Role.MEMBER, now - Duration.ofHours(1).toMillis());   // hamlet without a report
        enrol("h2", "BP-DXO-01-KP1", Role.MEMBER, now - Duration.ofHours(1).toMillis());  // hamlet that reported
        db.inTransaction(tx -> Reports.confirm(tx, "BP-DXO-01-KP1", calendar.weekOf(MutableClock.ict("2026-11-25T10:00")),
                Map.of("hotro", 2L), "h2", now, false, false, 2));
        reminders = new Reminders(calendar, vn.cdsbot.people.ReportingLevels.of("commune", "hamlet"), new MessagingWindow(false));
        schedule().run();
        assertThat(sent()).containsExactlyInAnyOrder("m1", "g1", "l5", "h1");
        assertThat(textTo("h1")).contains("Ấp 1 (minh họa) (BP-DXO-07-A1) chưa gửi số liệu tuần 48");
        // 111 communes and 5 hamlets, BP-DXO-02 and BP-DXO-01-KP1 reported.
        assertThat(PeopleFixture.rows(db, "SELECT missing FROM reminder_runs")).containsExactly("114");
    }

    @Test
    void withCommunesAloneReportingAHamletMemberIsNotReminded() {
        enrol("h1", "BP-DXO-07-A1", Role.MEMBER, clock.millis() - Duration.ofHours(1).toMillis());
        schedule().run();
        assertThat(sent()).containsExactlyInAnyOrder("m1", "g1", "l5");
    }

    @Test
    void aSlotIsSentOnceEvenAcrossRestarts() {
        schedule().run();
        clock.advance(Duration.ofMinutes(1));
        schedule().run();          // the next tick
        verify(wakeOutbox, times(1)).run();   // nothing new queued, so the outbox is not woken again
        new ReminderSchedule(db, reminders, calendar, slots, clock, () -> { }).run(); // after a restart
        assertThat(sent()).hasSize(3);
        assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM reminder_runs")).containsExactly("1");
    }

    @Test
    void aMissedSlotIsCaughtUpWithinSixHoursAndSkippedAfter() {
        clock.set("2026-11-30T14:00"); // bot was down at 08:00; six hours later it still reminds
        schedule().run();
        assertThat(sent()).hasSize(3);

        clock.set("2026-12-04T21:01"); // Friday 15:00 slot missed by more than six hours
        schedule().run();
        assertThat(sent()).hasSize(3);
        assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM reminder_runs")).containsExactly("1");
    }

    @Test
    void fridayIsAboutThisWeekAndAReportStopsMondaysReminder() {
        clock.set("2026-11-27T15:00:30");
        schedule().run();
        assertThat(textTo("m1")).contains("tuần 48 (23/11–29/11/2026)");
        db.inTransaction(tx -> Reports.confirm(tx, "BP-DXO-01", Week.parse("2026-11-23"), Map.of("hotro", 9L), "m1",
                clock.millis(), false, false, 2));
        clock.set("2026-11-30T08:00:30");
        schedule().run();
        assertThat(PeopleFixture.rows(db, "SELECT user_id FROM reminder_messages m JOIN reminder_runs r ON r.id = m.run_id "
                + "WHERE r.slot_at = ?", MutableClock.ict("2026-11-30T08:00").toEpochMilli()))
                .containsExactlyInAnyOrder("g1", "l5");
    }

    @Test
    void nhacRemindsTheCallersSubtreeAndNotTwiceWithinTheHour() throws Exception {
        BotConfig config = PeopleFixture.config(dir);
        ChatRouter router = vn.cdsbot.testing.ReportingRouter.create(config, db, clock, (m, s, tx) -> List.of());
        clock.set("2026-12-01T09:00"); // Tuesday: about week 49 now; nobody has reported it
        String reply = say(router, "g1", "#nhac");
        assertThat(reply).contains("13/13 tổ thuộc Cụm Đồng Xoài (BP-DXO) chưa gửi báo cáo tuần 49", "Đã nhắc 2 người",
                "BP-DXO-01): đã nhắc 1 người; 1 người chưa nhắn OA trong 2 ngày",
                "BP-DXO-02): đã nhắc 1 người", "BP-DXO-04): chưa có ai đăng ký với bot — bot không nhắn được");
        assertThat(sent()).containsExactlyInAnyOrder("m1", "m2");
        clock.advance(Duration.ofMinutes(10));
        assertThat(say(router, "g1", "#nhac BP-DXO-01")).contains("Đã nhắc 0 người", "1 người vừa được nhắc trong 1 giờ qua");
        assertThat(sent()).hasSize(2);
        assertThat(say(router, "s1", "#nhac BP-PLO")).contains("Đã nhắc 1 người");
        assertThat(sent()).containsExactlyInAnyOrder("m1", "m2", "l5");
        clock.advance(Duration.ofHours(2));
        String all = say(router, "s1", "#nhac");
        assertThat(all).contains("116/116 tổ chưa gửi báo cáo tuần 49", "Đã nhắc 3 người", "Đã nhắc thành viên của 3 tổ: ",
                "Bot không nhắn được 113 tổ", "Phường Tân Phú, ", "Xã Tiến Hưng (chưa ai đăng ký)");
        assertThat(all.length()).isLessThan(4000);
        assertThat(PeopleFixture.rows(db, "SELECT actor, action, subject FROM audit_log WHERE action = 'reminder.manual'"))
                .containsExactly("g1|reminder.manual|BP-DXO", "g1|reminder.manual|BP-DXO-01", "s1|reminder.manual|BP-PLO",
                        "s1|reminder.manual|*");
    }

    @Test
    void billedWindowIsUsedOnlyWhenPaidMessagesAreOnAndZaloHasNotRefusedThem() {
        enrol("m6", "BP-DXO-05", Role.MEMBER, clock.millis() - Duration.ofDays(3).toMillis());
        schedule().run();
        assertThat(sent()).doesNotContain("m6").contains("g1");
        assertThat(textTo("g1")).contains("BP-DXO-05): 1 người đã đăng ký nhưng chưa nhắn cho OA trong 2 ngày qua");

        forgetRound();
        reminders = new Reminders(calendar, vn.cdsbot.people.ReportingLevels.of("commune"), new MessagingWindow(true));
        schedule().run();
        assertThat(sent()).contains("m6");

        // Zalo refused a billed message (-320): until that is a day old, the next round keeps to the free window.
        forgetRound();
        db.write(c -> c.createStatement().executeUpdate("INSERT INTO outbox (user_id, kind, payload, status, "
                + "next_attempt_at, created_at, sent_at, last_error) VALUES ('x', 'text', '{}', 'failed', 0, 0, "
                + clock.millis() + ", '" + MessagingWindow.NOT_PAID + "HTTP 200 error -320 no')"));
        schedule().run();
        assertThat(sent()).doesNotContain("m6");
    }

    private void forgetRound() {
        for (String table : List.of("outbox", "reminder_messages", "reminder_runs")) {
            db.write(c -> c.createStatement().executeUpdate("DELETE FROM " + table));
        }
    }

    private String say(ChatRouter router, String user, String text) {
        List<Reply> r = db.inTransaction(tx -> router.handle(new Incoming(clock.millis(), user, text, clock.instant()), tx));
        return ((Reply.Text) r.get(0)).text();
    }
}
