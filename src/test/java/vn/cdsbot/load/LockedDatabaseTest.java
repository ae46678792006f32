package vn.cdsbot.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;

/**
 * The whole app while another process (an operator's CLI command, a backup) holds the database's write lock for
 * longer than Zalo waits: the webhook answers 503 in time, and Zalo's retry of the same event, once the lock is
 * gone, is handled exactly once, whether or not the slow commit landed in the meantime.
 */
class LockedDatabaseTest {
    @TempDir Path dir;

    @Test
    void aLockLongerThanZaloWaitsIsA503AndTheRetryIsHandledOnce() throws Exception {
        try (FakeZalo zalo = new FakeZalo(); LoadApp app = LoadApp.start(dir, zalo, UnaryOperator.identity());
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bot.db"))) {
            assertThat(app.say("locked-0", "#trogiup")).isEqualTo(200);
            zalo.takeSent();

            String ts = String.valueOf(System.currentTimeMillis());
            String msgId = LoadApp.nextMsgId();
            String body = TestApp.textEvent(TestApp.APP_ID, "locked-1", msgId, "#khoa", ts);
            try (Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                long t0 = System.nanoTime();
                HttpResponse<String> first = app.post(body, ts);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(first.statusCode()).isEqualTo(503);
                assertThat(ms).as("answered before Zalo's 2 s").isLessThan(1900);
                assertThat(app.get("/health").statusCode()).as("reads still work").isIn(200, 503);
                Thread.sleep(1500);
                st.execute("ROLLBACK");
            }
            // The queued commit goes through now; Zalo's retry must not be handled a second time.
            LoadApp.await("the late commit", Duration.ofSeconds(5),
                    () -> app.count("SELECT COUNT(*) FROM inbox WHERE event_key = ?", "msg:" + msgId) == 1);
            assertThat(app.post(body, ts).statusCode()).isEqualTo(200);
            assertThat(app.post(body, ts).body()).contains("duplicate");
            FakeZalo.Sent reply = zalo.takeSent();
            assertThat(reply.userId()).isEqualTo("locked-1");
            assertThat(reply.text()).contains("#khoa");
            assertThat(zalo.drainSent(1000)).isEmpty();
            assertThat(app.count("SELECT COUNT(*) FROM outbox WHERE user_id = 'locked-1'")).isEqualTo(1);
            assertThat(app.count("SELECT COUNT(*) FROM inbox WHERE status <> 'done'")).isZero();
        }
    }
}
