package vn.cdsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Role;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.testing.TestApp;

/** #trangthai: an admin reads the bot's state in the chat, including the billed messages Zalo refused. */
class StatusCommandTest {
    @TempDir Path dir;

    @Test
    void anAdminSeesTokenQueuesAndBilledMessagesOthersAreRefused() throws Exception {
        try (TestApp app = TestApp.local(dir)) {
            var db = app.app().database();
            PeopleFixture.enrol(db, "admin-1", "BP", Role.ADMIN, System.currentTimeMillis());
            PeopleFixture.enrol(db, "sec-1", "BP", Role.SECRETARIAT, System.currentTimeMillis());
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO outbox (user_id, kind, payload, status, attempts, "
                    + "created_at, next_attempt_at, sent_at, last_error) VALUES ('m-1', 'text', '{}', 'failed', 1, "
                    + System.currentTimeMillis() + ", 0, " + System.currentTimeMillis() + ", '" + MessagingWindow.NOT_PAID
                    + "-320 need Zalo Cloud Account')"));

            assertThat(app.say("admin-1", "#trạng thái")).isEqualTo(200);
            String text = reply(app, "admin-1");
            assertThat(text).startsWith("TÌNH TRẠNG BOT lúc ").contains("Chế độ: thử cục bộ", "Token Zalo: hoạt động",
                    "Tin nhắn đi: ", "không gửi (zalo.paid_messages)", "Zalo từ chối 1 tin có phí trong 7 ngày qua");

            assertThat(app.say("sec-1", "#trangthai")).isEqualTo(200);
            assertThat(reply(app, "sec-1")).startsWith("Xin lỗi").contains("#trangthai");
        }
    }

    private static String reply(TestApp app, String user) {
        JsonNode m = await().atMost(Duration.ofSeconds(10))
                .until(() -> app.getJson("/dev/chat/messages?user=" + user + "&after=0"), a -> a.size() > 0);
        return m.get(0).path("text").asText();
    }
}
