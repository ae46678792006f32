package vn.cdsbot.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.messaging.Inbox;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;
import vn.cdsbot.webhook.WebhookEvent;

/** What the bot keeps about a citizen, and that it lets go of it: user_withdraw, unfollow, the purge. */
class PersonalDataTest {
    private static final String SECRET_PHRASE = "số CCCD 079123456789 của tôi bị lộ";
    @TempDir Path dir;

    private static String event(String name, String user, String ts) {
        return "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"" + name + "\",\"user_id\":\"" + user
                + "\",\"timestamp\":\"" + ts + "\"}";
    }

    @Test
    void userWithdrawErasesTheirMessagesRepliesAndActivityAndNothingElse() throws Exception {
        try (FakeZalo zalo = new FakeZalo(); LoadApp app = LoadApp.start(dir, zalo, UnaryOperator.identity())) {
            assertThat(app.say("leaver", SECRET_PHRASE)).isEqualTo(200);
            assertThat(app.say("leaver", "#trogiup")).isEqualTo(200);
            // Long enough to spill into overflow pages.
            assertThat(app.say("leaver", "Kể chuyện dài: " + "mất giấy tờ ".repeat(500) + SECRET_PHRASE)).isEqualTo(200);
            assertThat(app.say("stayer", SECRET_PHRASE)).isEqualTo(200);
            LoadApp.await("four replies", Duration.ofSeconds(10),
                    () -> app.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent'") == 4);
            assertThat(app.count("SELECT COUNT(*) FROM inbox WHERE user_id = 'leaver' AND body LIKE ?", "%079123456789%"))
                    .isEqualTo(2);
            assertThat(app.count("SELECT COUNT(*) FROM user_activity WHERE user_id = 'leaver'")).isEqualTo(1);

            String ts = String.valueOf(System.currentTimeMillis());
            assertThat(app.post(event("user_withdraw", "leaver", ts), ts).statusCode()).isEqualTo(200);
            LoadApp.await("the withdraw handled", Duration.ofSeconds(10),
                    () -> app.count("SELECT COUNT(*) FROM inbox WHERE status = 'pending'") == 0);

            assertThat(app.count("SELECT COUNT(*) FROM inbox WHERE user_id = 'leaver' AND body <> '{}'")).isZero();
            assertThat(app.count("SELECT COUNT(*) FROM outbox WHERE user_id = 'leaver'")).isZero();
            assertThat(app.count("SELECT COUNT(*) FROM user_activity WHERE user_id = 'leaver'")).isZero();
            // The other citizen's data is untouched.
            assertThat(app.count("SELECT COUNT(*) FROM inbox WHERE user_id = 'stayer' AND body LIKE ?", "%079123456789%"))
                    .isEqualTo(1);
            assertThat(app.count("SELECT COUNT(*) FROM outbox WHERE user_id = 'stayer'")).isEqualTo(1);
            assertThat(app.count("SELECT COUNT(*) FROM user_activity WHERE user_id = 'stayer'")).isEqualTo(1);
            assertThat(zalo.drainSent(500)).noneMatch(s -> s.userId().equals("leaver") && s.text().contains("withdraw"));

            // Not even in the file's free space: only the other citizen's copies of the phrase remain on disk
            // (their message, the question the knowledge base keeps for editors and for feedback, and, when the bot
            // answered or fell back rather than offering buttons, the question kept for handing it to a person).
            long stayerCopies = 1
                    + app.count("SELECT COUNT(*) FROM kb_unanswered WHERE user_id = 'stayer' AND question LIKE ?", "%079123456789%")
                    + app.count("SELECT COUNT(*) FROM kb_last_question WHERE user_id = 'stayer' AND question LIKE ?", "%079123456789%")
                    + app.count("SELECT COUNT(*) FROM handoff_requests WHERE user_id = 'stayer' AND question LIKE ?", "%079123456789%");
            app.app.database().write(c -> c.createStatement().execute("PRAGMA wal_checkpoint(TRUNCATE)"));
            byte[] file = Files.readAllBytes(dir.resolve("bot.db"));
            assertThat(occurrences(file, "079123456789")).as("copies of the number in the database file").isEqualTo(stayerCopies);
        }
    }

    @Test
    void unfollowClosesTheMessagingWindowButKeepsNothingNew() throws Exception {
        try (FakeZalo zalo = new FakeZalo(); LoadApp app = LoadApp.start(dir, zalo, UnaryOperator.identity())) {
            assertThat(app.say("goer", "#trogiup")).isEqualTo(200);
            zalo.takeSent();
            String ts = String.valueOf(System.currentTimeMillis());
            assertThat(app.post(event("unfollow", "goer", ts), ts).statusCode()).isEqualTo(200);
            LoadApp.await("the unfollow handled", Duration.ofSeconds(10),
                    () -> app.count("SELECT COUNT(*) FROM user_activity WHERE user_id = 'goer' AND followed = 0") == 1);
            assertThat(zalo.drainSent(500)).as("no goodbye message to someone who left").isEmpty();
        }
    }

    @Test
    void handledEventsAndTheirRepliesArePurgedAfterTheDedupeWindowPendingOnesAreKept() {
        try (Database db = Database.open(dir.resolve("purge.db"), "NORMAL", 2)) {
            Inbox inbox = new Inbox(db);
            Outbox outbox = new Outbox(db);
            long day = Duration.ofDays(1).toMillis();
            long now = 100 * day;
            inbox.accept(new WebhookEvent(TestApp.APP_ID, "user_send_text", "u1", "old-done", "x", "1"), "{\"old\":1}", now - 8 * day);
            inbox.accept(new WebhookEvent(TestApp.APP_ID, "user_send_text", "u1", "old-pending", "x", "2"), "{\"old\":2}", now - 8 * day);
            inbox.accept(new WebhookEvent(TestApp.APP_ID, "user_send_text", "u1", "recent-done", "x", "3"), "{\"new\":3}", now - day);
            db.write(c -> c.createStatement().executeUpdate(
                    "UPDATE inbox SET status = 'done' WHERE event_key IN ('msg:old-done', 'msg:recent-done')"));
            outbox.enqueue("u1", List.of(Reply.text("cũ")), now - 8 * day);
            outbox.enqueue("u1", List.of(Reply.text("cũ, chưa gửi")), now - 8 * day);
            outbox.enqueue("u1", List.of(Reply.text("mới")), now - day);
            db.write(c -> c.createStatement().executeUpdate("UPDATE outbox SET status = 'sent' WHERE id IN (1, 3)"));

            long cutoff = now - 7 * day;
            assertThat(inbox.purge(cutoff)).isEqualTo(1);
            assertThat(outbox.purge(cutoff)).isEqualTo(1);
            assertThat(keys(db, "SELECT event_key FROM inbox ORDER BY id")).containsExactly("msg:old-pending", "msg:recent-done");
            assertThat(keys(db, "SELECT json_extract(payload, '$.text') FROM outbox ORDER BY id"))
                    .containsExactly("cũ, chưa gửi", "mới");
        }
    }

    private static List<String> keys(Database db, String sql) {
        return db.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (var rs = c.createStatement().executeQuery(sql)) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    private static int occurrences(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        int count = 0;
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) if (haystack[i + j] != n[j]) continue outer;
            count++;
        }
        return count;
    }
}
