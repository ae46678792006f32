package vn.cdsbot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;

/** What was acknowledged before a stop is handled and delivered after the restart, once, in order. */
class RestartResumeTest {
    @TempDir Path dir;

    @Test
    void pendingEventsAndRepliesResumeAfterRestart() throws Exception {
        try (FakeZalo zalo = new FakeZalo()) {
            zalo.script(r -> new MockResponse().setResponseCode(503));   // Zalo down: replies stay in the outbox
            try (TestApp app = TestApp.production(dir, zalo)) {
                assertThat(app.say("u1", "#trogiup")).isEqualTo(200);
                assertThat(app.say("u1", "/help")).isEqualTo(200);
                waitUntil(() -> app.getJson("/health").path("outbox").path("pending").asLong() >= 2);
            }
            // An event committed just before a crash, never handled.
            try (Database db = Database.open(dir.resolve("bot.db"), "NORMAL", 2)) {
                String ts = "1700000000000";
                String body = TestApp.textEvent(TestApp.APP_ID, "u2", "crash-1", "#trogiup", ts);
                db.read(c -> c.createStatement().executeUpdate(
                        "INSERT INTO inbox (event_key, event_name, user_id, body, received_at) VALUES ('msg:crash-1', "
                                + "'user_send_text', 'u2', '" + body.replace("'", "''") + "', 1700000000000)"));
            }
            zalo.script(r -> null);   // Zalo back
            try (TestApp app = TestApp.production(dir, zalo)) {
                List<FakeZalo.Sent> sent = new java.util.ArrayList<>();
                for (int i = 0; i < 3; i++) sent.add(zalo.takeSent());
                sent.addAll(zalo.drainSent(1500));
                assertThat(sent).extracting(FakeZalo.Sent::userId).containsExactlyInAnyOrder("u1", "u1", "u2");
                assertThat(sent.stream().filter(s -> s.userId().equals("u1")).count()).isEqualTo(2);
                assertThat(app.getJson("/health").path("inbox").path("pending").asLong()).isZero();
            }
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        await().atMost(java.time.Duration.ofSeconds(10)).until(condition::getAsBoolean);
    }
}
