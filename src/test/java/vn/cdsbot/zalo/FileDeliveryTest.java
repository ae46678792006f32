package vn.cdsbot.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.messaging.OutboxSender;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.FakeZalo;

/**
 * Documents sent as Zalo files through the real client against the fake Zalo: uploaded once, sent as a file message,
 * and replaced by their link whenever Zalo will not take them, so the user never gets nothing.
 */
class FileDeliveryTest {
    private static final String LINK = "https://bot.example.vn/exports/abc";
    private static final Reply.Text FALLBACK = new Reply.Text("Tải dự thảo tại: " + LINK,
            List.of(Button.url("Tải dự thảo báo cáo (Word)", LINK)));
    private static final byte[] DOCX = {'P', 'K', 3, 4, 'd', 'o', 'c', 'x'};

    @TempDir Path dir;
    FakeZalo zalo;
    Database db;
    Outbox outbox;
    OkHttpClient http;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @BeforeEach
    void setUp() throws Exception {
        zalo = new FakeZalo();
        db = Database.open(dir.resolve("o.db"), "NORMAL", 4);
        outbox = outbox(db);
        http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).retryOnConnectionFailure(false).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
        zalo.close();
    }

    /** As App wires it: a link sent instead of a file is audited. */
    private static Outbox outbox(Database db) {
        return new Outbox(db, (tx, userId, fileName, reason, now) ->
                Audit.record(tx, now, userId, "document.link_instead_of_file", fileName, reason));
    }

    private OutboxSender sender() {
        ZaloClient client = new ZaloClient(http, zalo.baseUrl(), zalo.baseUrl());
        return new OutboxSender(outbox, new Delivery(client, TokenSource.fixed(zalo.validToken()), outbox, Clock.systemUTC(),
                ZoneId.of("Asia/Ho_Chi_Minh")), new BotConfig.Outbox(3, 1, 60), Clock.systemUTC(), metrics);
    }

    private void drain(OutboxSender sender, long now) {
        for (int i = 0; i < 50; i++) {
            List<Outbox.Row> due = outbox.dueHeads(now, 100);
            if (due.isEmpty()) return;
            due.forEach(sender::send);
        }
    }

    private List<String> rows(String sql) {
        return PeopleFixture.rows(db, sql);
    }

    @Test
    void aDocumentIsUploadedOnceAndSentAsAFileMessageEvenWhenTheSendIsRetried() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        zalo.script(r -> sends.incrementAndGet() == 1
                ? FakeZalo.json("{\"error\":-32,\"message\":\"Your application reached limit call api\"}") : null);
        outbox.enqueue("u1", List.of(new Reply.File(DOCX, "du-thao-tuan-47.docx", FALLBACK)), 0);
        OutboxSender s = sender();
        drain(s, System.currentTimeMillis());
        assertThat(rows("SELECT status || ':' || attempts FROM outbox")).containsExactly("pending:1");
        drain(s, System.currentTimeMillis() + 3_600_000);

        FakeZalo.Sent sent = zalo.takeSent();
        assertThat(sent.message().path("attachment").path("type").asText()).isEqualTo("file");
        FakeZalo.Upload upload = zalo.uploaded(sent.fileToken());
        assertThat(upload.content()).isEqualTo(DOCX);
        assertThat(upload.fileName()).isEqualTo("du-thao-tuan-47.docx");
        assertThat(upload.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(zalo.uploadAttempts()).as("the token is cached across the retry").isEqualTo(1);
        assertThat(rows("SELECT status || ':' || kind FROM outbox")).containsExactly("sent:file");
        assertThat(rows("SELECT attachment_id FROM media")).containsExactly(sent.fileToken());
    }

    @Test
    void aFileTokenZaloDroppedEarlyIsUploadedAgain() throws Exception {
        outbox.enqueue("u1", List.of(new Reply.File(DOCX, "a.docx", FALLBACK)), 0);
        outbox.cacheAttachment(1, "file-expired", System.currentTimeMillis());
        zalo.script(r -> r.getBody().clone().readUtf8().contains("file-expired")
                ? FakeZalo.json("{\"error\":-100,\"message\":\"attachment_id was expired\"}") : null);
        drain(sender(), System.currentTimeMillis());
        FakeZalo.Sent sent = zalo.takeSent();
        assertThat(sent.fileToken()).isNotEqualTo("file-expired");
        assertThat(zalo.uploaded(sent.fileToken()).content()).isEqualTo(DOCX);
        assertThat(rows("SELECT status FROM outbox")).containsExactly("sent");
    }

    @Test
    void anUploadZaloRefusesBecomesTheLinkInTheSamePlaceOfTheQueue() throws Exception {
        zalo.uploadScript(r -> FakeZalo.json("{\"error\":-201,\"message\":\"file is invalid\"}"));
        outbox.enqueue("u1", List.of(new Reply.File(DOCX, "a.docx", FALLBACK), Reply.text("Dòng kèm liên kết")), 0);
        OutboxSender s = sender();
        drain(s, System.currentTimeMillis());
        drain(s, System.currentTimeMillis() + 1_000);   // the link is due at once, as the worker's next poll sees it

        FakeZalo.Sent first = zalo.takeSent();
        assertThat(first.text()).isEqualTo("Tải dự thảo tại: " + LINK);
        assertThat(first.message().path("attachment").path("payload").path("buttons").get(0).path("payload").path("url")
                .asText()).isEqualTo(LINK);
        assertThat(zalo.takeSent().text()).isEqualTo("Dòng kèm liên kết");
        assertThat(rows("SELECT kind || ':' || status FROM outbox ORDER BY id")).containsExactly("text:sent", "text:sent");
        assertThat(rows("SELECT actor || ' ' || action || ' ' || subject FROM audit_log"))
                .containsExactly("u1 document.link_instead_of_file a.docx");
        assertThat(rows("SELECT detail FROM audit_log").get(0)).contains("upload").contains("-201");
        assertThat(metrics.counter("cdsbot_sends", "result", "link_instead").count()).isEqualTo(1.0);
    }

    @Test
    void aFileStillFailingAfterTheLastAttemptGivesWayToItsLink() throws Exception {
        zalo.uploadScript(r -> new MockResponse().setResponseCode(502));
        outbox.enqueue("u1", List.of(new Reply.File(DOCX, "a.docx", FALLBACK)), 0);
        OutboxSender s = sender();
        for (int hour = 0; hour < 4; hour++) drain(s, System.currentTimeMillis() + hour * 3_600_000L);
        assertThat(zalo.uploadAttempts()).isEqualTo(3);   // the policy's three attempts
        assertThat(zalo.takeSent().text()).isEqualTo("Tải dự thảo tại: " + LINK);
        assertThat(rows("SELECT kind || ':' || status FROM outbox")).containsExactly("text:sent");
    }

    @Test
    void aUserOutOfReachGetsNoLinkEither() throws Exception {
        zalo.script(r -> FakeZalo.json("{\"error\":-230,\"message\":\"User has not interacted with the OA in the past 7 days\"}"));
        outbox.enqueue("u1", List.of(new Reply.File(DOCX, "a.docx", FALLBACK)), 0);
        drain(sender(), System.currentTimeMillis());
        assertThat(rows("SELECT kind || ':' || status FROM outbox")).containsExactly("file:failed");
        assertThat(rows("SELECT COUNT(*) FROM audit_log")).containsExactly("0");
    }

    @Test
    void aSpreadsheetOrADocumentOverFiveMegabytesGoesAsItsLinkWithoutAnUpload() throws Exception {
        byte[] big = new byte[(int) ZaloFiles.MAX_BYTES + 1];
        outbox.enqueue("u1", List.of(new Reply.File(big, "nam-2026.docx", FALLBACK),
                new Reply.File(DOCX, "tong-hop.xlsx", FALLBACK)), 0);
        assertThat(rows("SELECT kind FROM outbox")).containsExactly("text", "text");
        assertThat(rows("SELECT COUNT(*) FROM media")).containsExactly("0");
        drain(sender(), System.currentTimeMillis());
        assertThat(zalo.takeSent().text()).contains(LINK);
        assertThat(zalo.takeSent().text()).contains(LINK);
        assertThat(zalo.uploadAttempts()).isZero();
        assertThat(ZaloFiles.accepts("bao-cao.PDF", 10)).isTrue();
        assertThat(ZaloFiles.accepts("bao-cao.doc", ZaloFiles.MAX_BYTES)).isTrue();
    }

    @Test
    void theMigrationKeepsEveryOutboxRowAndImageAndNowTakesFiles() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("8").load().migrate();
        try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO media (png, created_at) VALUES (x'89504e47', 1)");
            st.executeUpdate("INSERT INTO outbox (user_id, kind, payload, status, next_attempt_at, created_at) VALUES "
                    + "('u1', 'text', '{\"text\":\"cũ\"}', 'sent', 1, 1), "
                    + "('u1', 'image', '{\"media_id\":1,\"caption\":\"\"}', 'pending', 2, 2)");
            st.executeUpdate("DELETE FROM outbox WHERE id = 1");
        }
        db.close();
        db = Database.open(dir.resolve("old.db"), "NORMAL", 4);
        outbox = outbox(db);
        assertThat(rows("SELECT id || ':' || kind || ':' || status FROM outbox")).containsExactly("2:image:pending");
        assertThat(outbox.media(1)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox'"))
                .containsExactly("outbox_pending");
        outbox.enqueue("u1", List.of(new Reply.File(DOCX, "a.docx", FALLBACK)), 3);
        assertThat(rows("SELECT id || ':' || kind FROM outbox ORDER BY id")).containsExactly("2:image", "3:file");
        assertThatThrownBy(() -> db.write(c -> c.createStatement().executeUpdate(
                "INSERT INTO outbox (user_id, kind, payload, next_attempt_at, created_at) VALUES ('u', 'video', '{}', 0, 0)")))
                .hasMessageContaining("CHECK");
    }
}
