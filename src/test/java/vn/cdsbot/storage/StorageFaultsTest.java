package vn.cdsbot.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.App;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.messaging.Inbox;
import vn.cdsbot.messaging.InboxWriter;
import vn.cdsbot.testing.TestApp;
import vn.cdsbot.webhook.SignatureVerifier;
import vn.cdsbot.webhook.WebhookRoutes;

/**
 * The webhook when storage fails while writing: a full disk (a page cap) or a lock held by another process past
 * the busy timeout. Zalo must get an answer it retries (503, never 200), nothing half-written may remain, and
 * the retried event must be stored exactly once when storage is back.
 */
class StorageFaultsTest {
    private static final AtomicLong IDS = new AtomicLong();
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The production webhook route, group-committed inbox and error mapping, on a database we control. */
    private static final class Hook implements AutoCloseable {
        final Database db;
        final InboxWriter writer;
        final Javalin web;

        Hook(Database db, BotConfig config) {
            this.db = db;
            writer = new InboxWriter(new Inbox(db), 100, () -> {});
            web = App.webServer(config);
            new WebhookRoutes(TestApp.credentials("unused"), writer, config.server().maxBodyBytes(), Clock.systemUTC(),
                    new SimpleMeterRegistry()).register(web);
            web.start("127.0.0.1", 0);
        }

        @Override
        public void close() {
            web.stop();
            writer.close();
            db.close();
        }
    }

    private record Event(String msgId, String body, String ts) {}

    private static Event event(String text) {
        String ts = String.valueOf(System.currentTimeMillis());
        String id = "fault-" + IDS.incrementAndGet();
        return new Event(id, TestApp.textEvent(TestApp.APP_ID, "user-" + id, id, text, ts), ts);
    }

    private int post(Hook hook, Event e) throws Exception {
        String sig = SignatureVerifier.sign(TestApp.APP_ID, e.body().getBytes(StandardCharsets.UTF_8), e.ts(), TestApp.OA_SECRET);
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hook.web.port() + "/webhook/zalo"))
                .header("X-ZEvent-Signature", sig).POST(HttpRequest.BodyPublishers.ofString(e.body())).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static long stored(Database db, String msgId) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM inbox WHERE event_key = ?")) {
                ps.setString(1, "msg:" + msgId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static String integrity(Database db) {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void aFullDiskIsA503AndTheRetryIsStoredOnceWhenThereIsRoomAgain() throws Exception {
        Path file = dir.resolve("full.db");
        long schemaPages;
        try (Database fresh = Database.open(file, "NORMAL", 2)) {
            schemaPages = fresh.read(c -> {
                try (var rs = c.createStatement().executeQuery("PRAGMA page_count")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
        BotConfig config = TestApp.config(dir, Map.of());
        // Room for a handful of 30 KB events.
        try (Hook hook = new Hook(Database.open(file, "NORMAL", 2, 300, (int) schemaPages + 40), config)) {
            String big = "Tôi cần hỏi về thủ tục căn cước ".repeat(900);
            List<Event> acknowledged = new ArrayList<>();
            Event refused = null;
            for (int i = 0; i < 50 && refused == null; i++) {
                Event e = event(big);
                int status = post(hook, e);
                if (status == 200) acknowledged.add(e); else {
                    assertThat(status).isEqualTo(503);
                    refused = e;
                }
            }
            assertThat(refused).as("the page cap was reached").isNotNull();
            assertThat(acknowledged).isNotEmpty();
            assertThat(stored(hook.db, refused.msgId())).as("nothing of the refused event").isZero();
            for (Event e : acknowledged) assertThat(stored(hook.db, e.msgId())).isEqualTo(1);
            long rows = hook.db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbox")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(rows).isEqualTo(acknowledged.size());
            assertThat(integrity(hook.db)).isEqualTo("ok");

            // Room again (the operator freed space): Zalo's retry of the same event is stored, once.
            hook.db.write(c -> c.createStatement().executeUpdate("DELETE FROM inbox WHERE id = (SELECT MIN(id) FROM inbox)"));
            assertThat(post(hook, refused)).isEqualTo(200);
            assertThat(post(hook, refused)).isEqualTo(200);
            assertThat(stored(hook.db, refused.msgId())).isEqualTo(1);
            assertThat(integrity(hook.db)).isEqualTo("ok");
        }
    }

    @Test
    void aLockHeldByAnotherProcessPastTheBusyTimeoutIsA503AndNothingIsStoredUntilTheRetry() throws Exception {
        Path file = dir.resolve("locked.db");
        BotConfig config = TestApp.config(dir, Map.of());
        try (Hook hook = new Hook(Database.open(file, "NORMAL", 2, 300, 0), config);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Event before = event("Làm lại căn cước ở đâu?");
            assertThat(post(hook, before)).isEqualTo(200);

            Event during = event("Đăng ký khai sinh thế nào?");
            try (Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                st.executeUpdate("INSERT INTO user_activity (user_id, last_interaction) VALUES ('other-process', 1)");
                long t0 = System.nanoTime();
                assertThat(post(hook, during)).isEqualTo(503);
                assertThat((System.nanoTime() - t0) / 1_000_000).as("answered before Zalo gives up").isLessThan(1900);
                st.execute("ROLLBACK");
            }
            Thread.sleep(300);
            assertThat(stored(hook.db, during.msgId())).as("a failed batch leaves nothing").isZero();
            assertThat(post(hook, during)).isEqualTo(200);
            assertThat(post(hook, during)).isEqualTo(200);
            assertThat(stored(hook.db, during.msgId())).isEqualTo(1);
            assertThat(stored(hook.db, before.msgId())).isEqualTo(1);
            assertThat(integrity(hook.db)).isEqualTo("ok");
        }
    }

    @Test
    void aTransactionThatCouldNotBeginLeavesAConnectionThatIsStillAtomic() throws Exception {
        Path file = dir.resolve("atomic.db");
        // One pooled connection, so the one that failed to begin is the one used next.
        try (Database db = Database.open(file, "NORMAL", 1, 200, 0);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                assertThatThrownBy(() -> db.inTransaction(c -> null))
                        .isInstanceOf(StorageException.class);
                st.execute("ROLLBACK");
            }
            assertThatThrownBy(() -> db.inTransaction(c -> {
                c.createStatement().executeUpdate("INSERT INTO user_activity (user_id, last_interaction) VALUES ('a', 1)");
                throw new IllegalStateException("handler failed half-way");
            })).isInstanceOf(IllegalStateException.class);
            long rows = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM user_activity")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(rows).as("the first half of a failed transaction").isZero();
            int inserted = db.inTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO user_activity (user_id, last_interaction) VALUES ('b', 1)"));
            assertThat(inserted).isEqualTo(1);
        }
    }
}
