package vn.cdsbot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.FileIntake;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.messaging.Inbox;
import vn.cdsbot.storage.Database;

/**
 * A user_send_file through EventProcessor with a real SQLite file: the file is downloaded before the message's
 * transaction opens (another writer gets through during the download), only for roles the intake takes, and the
 * intake sees the bytes.
 */
class FileEventTest {
    @TempDir Path dir;
    Database db;
    Inbox inbox;
    final List<String> downloads = new ArrayList<>();
    final List<Boolean> writableDuringDownload = new ArrayList<>();
    final List<String> handled = new ArrayList<>();

    @BeforeEach
    void setUp() {
        db = Database.open(dir.resolve("bot.db"), "NORMAL", 4);
        inbox = new Inbox(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    EventProcessor processor(Role role) {
        FileIntake intake = new FileIntake() {
            @Override
            public Set<Role> roles() {
                return Set.of(Role.SECRETARIAT);
            }

            @Override
            public List<Reply> handle(Incoming message, Sender sender, Connection tx) {
                Incoming.File f = message.files().get(0);
                handled.add(f.name() + " " + (f.fetched() instanceof Incoming.Fetched.Content c
                        ? new String(c.bytes(), StandardCharsets.UTF_8) : f.fetched().toString()));
                return List.of(Reply.text("ok"));
            }
        };
        ChatRouter router = new ChatRouter(List.of(), (user, tx) -> new Sender(user, role, "T", "Người thử"),
                (m, s, tx) -> List.of(Reply.text("answer")), Clock.systemUTC(), Optional.of(intake));
        Incoming.Fetcher fetcher = (url, size) -> {
            downloads.add(url);
            // Another writer must get the write lock while the download runs.
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> db.inTransaction(tx -> {
                tx.createStatement().executeUpdate("INSERT INTO user_activity (user_id, last_interaction) VALUES ('other', 1) "
                        + "ON CONFLICT (user_id) DO NOTHING");
                return null;
            }));
            try {
                other.get(3, TimeUnit.SECONDS);
                writableDuringDownload.add(true);
            } catch (TimeoutException e) {
                writableDuringDownload.add(false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return new Incoming.Fetched.Content("unit_code,vneid".getBytes(StandardCharsets.UTF_8));
        };
        return new EventProcessor(db, router, List.of(), new RateLimiter(60), Clock.systemUTC(), ZoneId.of("Asia/Ho_Chi_Minh"),
                () -> {}, new SimpleMeterRegistry(), fetcher);
    }

    Inbox.Entry store(String user) throws Exception {
        String body = "{\"app_id\":\"1\",\"event_name\":\"user_send_file\",\"timestamp\":\"1700000000000\",\"sender\":{\"id\":\""
                + user + "\"},\"message\":{\"msg_id\":\"f-" + user + "\",\"attachments\":[{\"type\":\"file\",\"payload\":{"
                + "\"url\":\"https://zalo.example/f.csv\",\"name\":\"f.csv\",\"size\":\"15\",\"checksum\":\"x\",\"type\":\"csv\"}}]}}";
        assertThat(inbox.accept(EventParser.parse(body.getBytes(StandardCharsets.UTF_8)), body, 1700000000000L)).isTrue();
        return inbox.loadPending(inbox.pending(10).get(0).id()).orElseThrow();
    }

    List<String> replies() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT payload FROM outbox ORDER BY id")) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        });
    }

    @Test
    void theFileIsDownloadedOutsideTheTransactionAndHandedToTheIntake() throws Exception {
        processor(Role.SECRETARIAT).process(store("sec"));
        assertThat(downloads).containsExactly("https://zalo.example/f.csv");
        assertThat(writableDuringDownload).containsExactly(true);
        assertThat(handled).containsExactly("f.csv unit_code,vneid");
        assertThat(replies()).singleElement().asString().contains("ok");
    }

    @Test
    void aMembersFileIsNotDownloadedAndGetsTheRoutersAnswer() throws Exception {
        processor(Role.MEMBER).process(store("member"));
        assertThat(downloads).isEmpty();
        assertThat(handled).isEmpty();
        assertThat(replies()).singleElement().asString().contains("bạn chưa gửi tệp cho bot được");
    }
}
