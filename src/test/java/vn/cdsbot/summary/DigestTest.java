package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.testing.MutableClock;

class DigestTest {
    static final Instant SLOT = LocalDate.of(2026, 11, 23).atTime(14, 0).atZone(TestData.ZONE).toInstant();

    @TempDir
    Path dir;

    @Test
    void sentOnceToSecretariatInsideTheWindowOthersGetItWithTheirNextMessage() throws Exception {
        try (TestData t = SummarizerTest.handChecked(dir)) {
            t.member("sec-active", "BP", "secretariat", "A")
                    .member("sec-quiet", "BP", "secretariat", "B")
                    .member("sec-never", "BP", "secretariat", "C")
                    .member("lead", "BP-DXO", "leader", "D");
            t.member("sec-gone", "BP", "secretariat", "E");
            t.exec("UPDATE members SET active = 0 WHERE user_id = 'sec-gone'");
            t.activity("sec-active", SLOT.minus(Duration.ofHours(30)));
            t.activity("sec-quiet", SLOT.minus(Duration.ofDays(10)));
            t.activity("sec-gone", SLOT.minus(Duration.ofDays(1)));
            t.activity("lead", SLOT.minus(Duration.ofDays(1)));
            BotConfig config = TestData.config(dir);
            MutableClock clock = new MutableClock(SLOT.minusSeconds(60));
            AtomicInteger wakes = new AtomicInteger();

            Summaries.create(config, t.db, vn.cdsbot.period.ReportingCalendar.from(config), clock, wakes::incrementAndGet).runSchedule();
            assertThat(t.count("SELECT COUNT(*) FROM summary_digest_runs")).isZero();
            assertThat(t.count("SELECT COUNT(*) FROM outbox")).isZero();

            clock.set(SLOT.plusSeconds(20));
            Summaries.create(config, t.db, vn.cdsbot.period.ReportingCalendar.from(config), clock, wakes::incrementAndGet).runSchedule();
            assertThat(t.count("SELECT COUNT(*) FROM summary_digest_runs WHERE slot = '2026-11-23T14:00' "
                    + "AND week_start = '2026-11-16' AND sent = 1 AND deferred = 2")).isEqualTo(1);
            long rows = t.count("SELECT COUNT(*) FROM outbox WHERE user_id = 'sec-active'");
            assertThat(rows).isPositive();
            assertThat(t.count("SELECT COUNT(*) FROM outbox WHERE user_id <> 'sec-active'")).isZero();
            assertThat(t.count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%BẢN TIN TUẦN%' "
                    + "AND payload LIKE '%TỔNG HỢP TUẦN 47/2026%'")).isEqualTo(1);
            assertThat(t.count("SELECT COUNT(*) FROM outbox WHERE payload LIKE '%#tonghop tuần 47/2026%'")).isEqualTo(1);
            assertThat(t.count("SELECT COUNT(*) FROM summary_pending_digests")).isEqualTo(2);
            assertThat(t.count("SELECT COUNT(*) FROM audit_log WHERE action = 'summary.digest'")).isEqualTo(1);
            assertThat(wakes.get()).isEqualTo(1);

            // A restart (new instances, same database) in the same slot sends nothing again.
            clock.advance(Duration.ofMinutes(5));
            Summaries.create(config, t.db, vn.cdsbot.period.ReportingCalendar.from(config), clock, wakes::incrementAndGet).runSchedule();
            assertThat(t.count("SELECT COUNT(*) FROM outbox WHERE user_id = 'sec-active'")).isEqualTo(rows);
            assertThat(t.count("SELECT COUNT(*) FROM summary_digest_runs")).isEqualTo(1);

            // The quiet member writes: the periodic job delivers their digest.
            clock.advance(Duration.ofMinutes(30));
            t.activity("sec-quiet", clock.instant());
            Summaries.create(config, t.db, vn.cdsbot.period.ReportingCalendar.from(config), clock, wakes::incrementAndGet).runSchedule();
            assertThat(t.count("SELECT COUNT(*) FROM outbox WHERE user_id = 'sec-quiet' AND payload LIKE '%BẢN TIN TUẦN%'"))
                    .isEqualTo(1);
            assertThat(t.count("SELECT COUNT(*) FROM summary_pending_digests")).isEqualTo(1);

            // Or the router's wrapper takes it inside the message's transaction, once.
            Summaries s = Summaries.create(config, t.db, vn.cdsbot.period.ReportingCalendar.from(config), clock, () -> {});
            List<Reply> first = t.db.inTransaction(tx -> s.releasePendingDigest(tx, "sec-never", clock.instant()));
            List<Reply> again = t.db.inTransaction(tx -> s.releasePendingDigest(tx, "sec-never", clock.instant()));
            assertThat(first).isNotEmpty();
            assertThat(((Reply.Text) first.get(0)).text()).contains("BẢN TIN TUẦN").contains("Đã báo cáo: 3/4");
            assertThat(again).isEmpty();
            assertThat(t.count("SELECT COUNT(*) FROM summary_pending_digests")).isZero();

            // Bot down over the next slot for more than a day: that slot is skipped, not sent late.
            clock.set(SLOT.plus(Duration.ofDays(8)).plusSeconds(1));
            Summaries.create(config, t.db, vn.cdsbot.period.ReportingCalendar.from(config), clock, () -> {}).runSchedule();
            assertThat(t.count("SELECT COUNT(*) FROM summary_digest_runs")).isEqualTo(1);
            clock.set(SLOT.plus(Duration.ofDays(14)).plusSeconds(1));
            Summaries.create(config, t.db, vn.cdsbot.period.ReportingCalendar.from(config), clock, () -> {}).runSchedule();
            assertThat(t.count("SELECT COUNT(*) FROM summary_digest_runs WHERE week_start = '2026-11-30'")).isEqualTo(1);
        }
    }

    @Test
    void erasingAUserDropsTheirWaitingDigestAndExports() throws Exception {
        try (TestData t = SummarizerTest.handChecked(dir)) {
            t.member("sec", "BP", "secretariat", "A");
            t.exec("INSERT INTO summary_pending_digests (user_id, week_start, slot, created_at) VALUES ('sec', '2026-11-16', 's', 0)");
            t.exec("INSERT INTO summary_exports (token_hash, created_by, created_at, expires_at, scope, week_start, file_name, content) "
                    + "VALUES ('h', 'sec', 0, 1, 'BP', '2026-11-16', 'f.xlsx', x'00')");
            Summaries s = Summaries.create(TestData.config(dir), t.db, vn.cdsbot.period.ReportingCalendar.from(TestData.config(dir)), new MutableClock(SLOT), () -> {});
            t.db.inTransaction(tx -> {
                s.personalData().get(0).erase(tx, "sec");
                return null;
            });
            assertThat(t.count("SELECT COUNT(*) FROM summary_pending_digests")).isZero();
            assertThat(t.count("SELECT COUNT(*) FROM summary_exports")).isZero();
        }
    }
}
