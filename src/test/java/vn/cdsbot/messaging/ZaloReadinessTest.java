package vn.cdsbot.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Role;
import vn.cdsbot.config.BotClock;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.MutableClock;
import vn.cdsbot.testing.TestApp;

/** Issue 17's "done means", against the fake Zalo with the real server, database and schedules. */
class ZaloReadinessTest {
    @TempDir
    Path dir;

    @Test
    void fridayRemindersReachTheRecentlyActiveAndTheRefollowedButNotThoseSilentForThreeDays() throws Exception {
        // The rehearsal clock, 30 s before the Friday 15:00 reminder slot.
        Clock clock = BotClock.fromEnv(Map.of(BotClock.VARIABLE, "2026-12-04T14:59:30+07:00"));
        try (FakeZalo zalo = new FakeZalo(); TestApp app = TestApp.production(dir, zalo, clock)) {
            Database db = app.app().database();
            long now = clock.millis();
            PeopleFixture.enrol(db, "active-24h", "BP-DXO-01", Role.MEMBER, now - Duration.ofDays(30).toMillis());
            PeopleFixture.touch(db, "active-24h", now - Duration.ofHours(24).toMillis());
            PeopleFixture.enrol(db, "silent-3d", "BP-DXO-02", Role.MEMBER, now - Duration.ofDays(30).toMillis());
            PeopleFixture.touch(db, "silent-3d", now - Duration.ofDays(3).toMillis());
            PeopleFixture.enrol(db, "refollower", "BP-DXO-03", Role.MEMBER, now - Duration.ofDays(30).toMillis());
            for (String event : List.of("follow", "unfollow", "follow")) {
                assertThat(app.event(event, "refollower")).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> PeopleFixture.rows(db,
                    "SELECT COUNT(*) FROM inbox WHERE user_id = 'refollower' AND status = 'done'").equals(List.of("3")));

            List<FakeZalo.Sent> sent = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                sent.addAll(zalo.drainSent(0));
                return sent.stream().filter(s -> s.text().contains("chưa gửi số liệu tuần 49")).count() >= 2;
            });
            sent.addAll(zalo.drainSent(1000));
            List<String> reminded = sent.stream().filter(s -> s.text().contains("chưa gửi số liệu tuần 49"))
                    .map(FakeZalo.Sent::userId).toList();
            assertThat(reminded).containsExactlyInAnyOrder("active-24h", "refollower");
            assertThat(sent).noneMatch(s -> s.userId().equals("silent-3d"));
        }
    }

    @Test
    void aLastingTokenRefusalSpendsFewRefreshTokensShowsOnHealthAndSendingResumesWhenZaloAcceptsAgain() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-04T15:30");
        AtomicBoolean refusing = new AtomicBoolean(true);
        try (FakeZalo zalo = new FakeZalo()) {
            zalo.script(r -> refusing.get() ? FakeZalo.json("{\"error\":-216,\"message\":\"Access token is invalid\"}") : null);
            try (TestApp app = TestApp.production(dir, zalo, clock)) {
                PeopleFixture.enrol(app.app().database(), "admin-1", "BP", Role.ADMIN, clock.millis());
                for (int i = 0; i < 5; i++) assertThat(app.say("asker", "#trogiup")).isEqualTo(200);

                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    clock.advance(Duration.ofSeconds(5));   // retries after a refused fresh token come due
                    return app.get("/health").statusCode() == 503;
                });
                assertThat(app.getJson("/health").path("token").asText()).startsWith("token_refused");
                // Paused: nothing is sent and no refresh token is spent while the clock stands before the next probe.
                int attemptsAtPause = zalo.sendAttempts();
                int refreshesAtPause = zalo.refreshCount();
                Thread.sleep(2000);
                assertThat(zalo.sendAttempts()).isEqualTo(attemptsAtPause);
                assertThat(zalo.refreshCount()).isEqualTo(refreshesAtPause).isBetween(1, 1 + 2);

                refusing.set(false);
                clock.advance(Duration.ofMinutes(2));   // the next probe is due
                List<FakeZalo.Sent> sent = new ArrayList<>();
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    clock.advance(Duration.ofSeconds(2));   // messages held back during the pause come due again
                    sent.addAll(zalo.drainSent(0));
                    return sent.stream().filter(s -> s.userId().equals("asker")).count() >= 5
                            && sent.stream().anyMatch(s -> s.userId().equals("admin-1"));
                });
                assertThat(sent).filteredOn(s -> s.userId().equals("admin-1"))
                        .anyMatch(s -> s.text().contains("Zalo đã từ chối quyền gửi tin của bot"));
                assertThat(app.get("/health").statusCode()).isEqualTo(200);
                assertThat(zalo.refreshCount()).isBetween(1, 1 + 2);
            }
        }
    }

    @Test
    void webhookSetUpChecksAreAnswered() throws Exception {
        try (FakeZalo zalo = new FakeZalo()) {
            try (TestApp app = TestApp.bootstrap(dir.resolve("b"), zalo)) {
                assertThat(app.postRaw("{}", null).statusCode()).isEqualTo(200);
                assertThat(app.postRaw("", null).statusCode()).isEqualTo(200);
                assertThat(app.get("/webhook/zalo").statusCode()).isEqualTo(200);
            }
            try (TestApp app = TestApp.production(dir.resolve("p"), zalo)) {
                assertThat(app.get("/webhook/zalo").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void aWithdrawalCarryingOnlyTheAppScopedIdErasesThatUserAndOddlyShapedEventsAreAcknowledged() throws Exception {
        try (FakeZalo zalo = new FakeZalo(); TestApp app = TestApp.production(dir, zalo)) {
            Database db = app.app().database();
            assertThat(app.say("w1", "làm căn cước ở đâu")).isEqualTo(200);
            zalo.takeSent();
            String ts = String.valueOf(System.currentTimeMillis());
            String withdraw = "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"user_withdraw\","
                    + "\"user_id_by_app\":\"app-w1\",\"timestamp\":\"" + ts + "\"}";
            assertThat(app.post(withdraw, ts)).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> PeopleFixture.rows(db,
                    "SELECT COUNT(*) FROM user_activity WHERE user_id = 'w1'").equals(List.of("0")));
            assertThat(PeopleFixture.rows(db, "SELECT body FROM inbox WHERE user_id = 'w1'")).containsOnly("{}");

            String odd = "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"user_send_text\",\"timestamp\":\"" + ts + "\"}";
            assertThat(app.post(odd, ts)).isEqualTo(200);
        }
    }

    @Test
    void aMembersBurstOfFortyMessagesIsDeferredNotDroppedAndTheReportIsStored() throws Exception {
        MutableClock clock = MutableClock.at("2026-12-04T15:30");
        try (FakeZalo zalo = new FakeZalo(); TestApp app = TestApp.production(dir, zalo, clock)) {
            Database db = app.app().database();
            PeopleFixture.enrol(db, "member", "BP-DXO-01", Role.MEMBER, clock.millis());
            for (int i = 0; i < 38; i++) assertThat(app.say("member", "#toi")).isEqualTo(200);
            assertThat(app.say("member", "#baocao hotro=5 vneid=3 dvc=1 thanhtoan=2 tuyentruyen=1")).isEqualTo(200);
            assertThat(app.say("member", "#xacnhan")).isEqualTo(200);
            for (int i = 0; i < 30; i++) assertThat(app.say("flooder", "xin chào " + i)).isEqualTo(200);

            List<FakeZalo.Sent> sent = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                sent.addAll(zalo.drainSent(0));
                return sent.stream().anyMatch(s -> s.userId().equals("member") && s.text().contains("sẽ xử lý tiếp"));
            });
            assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM reports")).containsExactly("0");

            clock.advance(Duration.ofSeconds(61));   // the member's minute has room again
            await().atMost(Duration.ofSeconds(30)).until(() -> PeopleFixture.rows(db,
                    "SELECT COUNT(*) FROM reports WHERE unit_code = 'BP-DXO-01' AND superseded_by IS NULL").equals(List.of("1")));
            assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM inbox WHERE user_id = 'member' AND status = 'done'"))
                    .containsExactly("40");
            // The unenrolled flood: one notice, the rest dropped (handled as done, no replies).
            sent.addAll(zalo.drainSent(1000));
            assertThat(sent).filteredOn(s -> s.userId().equals("flooder")).hasSize(21);
            assertThat(sent).filteredOn(s -> s.userId().equals("flooder") && s.text().contains("hơi nhanh")).hasSize(1);
        }
    }

    @Test
    void exportLinksUseThePortTheServerListensOnWhenNoPublicUrlIsSet() throws Exception {
        try (FakeZalo zalo = new FakeZalo(); TestApp app = TestApp.production(dir, zalo)) {
            PeopleFixture.enrol(app.app().database(), "sec", "BP", Role.SECRETARIAT, System.currentTimeMillis());
            assertThat(app.say("sec", "#xuat")).isEqualTo(200);
            String link = "http://localhost:" + app.app().port() + "/";
            List<FakeZalo.Sent> sent = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                sent.addAll(zalo.drainSent(0));
                return sent.stream().anyMatch(s -> s.toString().contains(link));
            });
            assertThat(app.app().port()).isNotEqualTo(8080);
        }
    }

    @Test
    void aReminderZaloRefusedAsBilledReachesTheMemberWithTheirNextMessageOnce() throws Exception {
        try (FakeZalo zalo = new FakeZalo(); TestApp app = TestApp.production(dir, zalo)) {
            Database db = app.app().database();
            long now = System.currentTimeMillis();
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO outbox (user_id, kind, payload, status, attempts, "
                    + "next_attempt_at, created_at, sent_at, last_error) VALUES ('m', 'text', '{\"text\":\"Nhắc báo cáo tuần 49\"}', "
                    + "'failed', 1, 0, " + (now - 3_600_000) + ", " + (now - 3_600_000) + ", '" + MessagingWindow.NOT_PAID
                    + "HTTP 200 error -320 no account')"));
            assertThat(app.say("m", "#toi")).isEqualTo(200);
            FakeZalo.Sent first = zalo.takeSent();
            assertThat(first.text()).isEqualTo("Nhắc báo cáo tuần 49");
            assertThat(zalo.takeSent().text()).isNotEqualTo("Nhắc báo cáo tuần 49");   // then the reply to #toi
            assertThat(app.say("m", "#toi")).isEqualTo(200);
            assertThat(zalo.takeSent().text()).isNotEqualTo("Nhắc báo cáo tuần 49");   // released once only
            // The refusal still narrows the window for the day.
            assertThat(db.<Boolean>read(c -> new MessagingWindow(true).since(c, java.time.Instant.ofEpochMilli(now))
                    > now - Duration.ofDays(3).toMillis())).isTrue();
        }
    }
}
