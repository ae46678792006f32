package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.CommandCall;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.chat.UserError;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

/** The desk on a real database: quick documents come with the reply, slow ones through the outbox, failures said. */
class DocumentDeskTest {
    @TempDir
    Path dir;
    Database db;
    DocumentDesk desk;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger wakes = new AtomicInteger();
    final MutableClock clock = MutableClock.at("2026-11-24T10:00");

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("d.db"), "NORMAL", 6);
        db.write(c -> c.createStatement().executeUpdate("INSERT INTO inbox (id, event_key, event_name, user_id, body, "
                + "received_at) VALUES (1, 'k1', 'user_send_text', 'sec', '{}', 0)"));
        // Builds named "slow" wait for the test; a short patience keeps the test quick.
        desk = new DocumentDesk(db, clock, wakes::incrementAndGet, new DocumentDesk.Pace(Duration.ofMillis(300), d -> {
            if (d.startsWith("slow") && !release.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("held");
        }));
    }

    @AfterEach
    void close() {
        release.countDown();
        desk.close();
        db.close();
    }

    /** Runs a document request inside a message's transaction, as the router does. */
    private List<Reply> request(String document, DocumentDesk.Build<String> build) {
        return db.inTransaction(tx -> {
            CommandCall call = new CommandCall(new Incoming(1, "sec", "#" + document, clock.instant()),
                    new Sender("sec", Role.SECRETARIAT, "BP", null), document, "", tx, clock.instant());
            try {
                return desk.run(call, document, "Đang soạn " + document, build,
                        (t, built, now) -> List.of(Reply.text(built + " @" + now)));
            } catch (UserError e) {
                return List.of(Reply.text("UserError: " + e.getMessage()));
            }
        });
    }

    private static List<String> texts(List<Reply> replies) {
        List<String> out = new ArrayList<>();
        for (Reply r : replies) out.add(((Reply.Text) r).text());
        return out;
    }

    private List<String> queued() {
        return PeopleFixture.rows(db, "SELECT json_extract(payload, '$.text') FROM outbox WHERE user_id = 'sec' ORDER BY id");
    }

    @Test
    void aQuickDocumentComesWithTheReplyItself() {
        List<Reply> replies = request("quick", c -> {
            try (var rs = c.createStatement().executeQuery("SELECT 40 + 2")) {
                return "built " + rs.getInt(1);
            }
        });
        assertThat(texts(replies)).containsExactly("built 42 @" + clock.instant());
        assertThat(queued()).isEmpty();
        assertThat(wakes).hasValue(0);
    }

    @Test
    void aSlowDocumentIsAnnouncedThenQueuedWhenReady() {
        assertThat(texts(request("slow", c -> "built"))).containsExactly("Đang soạn slow");
        assertThat(queued()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !queued().isEmpty());
        assertThat(queued()).containsExactly("built @" + Instant.parse("2026-11-24T03:01:00Z"));
        // Still the answer to the user's message, not a message the bot started.
        assertThat(PeopleFixture.rows(db, "SELECT inbox_id FROM outbox")).containsExactly("1");
        assertThat(wakes).hasValue(1);
    }

    @Test
    void whatGoesWrongInASlowBuildIsToldToTheUser() {
        request("slow-refused", c -> {
            throw new UserError("Tuần này chưa có số liệu.");
        });
        request("slow-broken", c -> {
            throw new IllegalStateException("boom");
        });
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> queued().size() == 2);
        assertThat(queued()).containsExactlyInAnyOrder("Tuần này chưa có số liệu.", DocumentDesk.FAILED);
    }

    @Test
    void aQuickBuildsUserErrorIsTheReplyAndItsFailureTheMessagesFailure() {
        assertThat(texts(request("quick", c -> {
            throw new UserError("Không có đơn vị này.");
        }))).containsExactly("UserError: Không có đơn vị này.");
        assertThatThrownBy(() -> request("quick", c -> {
            throw new IllegalStateException("boom");
        })).hasMessageContaining("boom");
    }

    @Test
    void aFullDeskSaysSoInsteadOfQueueingForEver() {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 11; i++) answers.addAll(texts(request("slow-" + i, c -> "built")));
        // Two builds running and eight waiting; the eleventh request is told to come back later.
        assertThat(answers.subList(0, 10)).allMatch(a -> a.startsWith("Đang soạn slow-"));
        assertThat(answers.get(10)).isEqualTo("UserError: " + DocumentDesk.BUSY);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> queued().size() == 10);
    }
}
