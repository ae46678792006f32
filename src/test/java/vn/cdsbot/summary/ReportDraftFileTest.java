package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.MutableClock;
import vn.cdsbot.testing.TestApp;

/**
 * #vanban through the signed webhook of the real app in production mode, against a fake Zalo that takes file
 * uploads: after a week of reports the secretariat gets the draft as a Zalo file (and its link), or the link alone
 * when Zalo refuses the upload; members and citizens are refused; a slow draft does not hold up the next message.
 */
class ReportDraftFileTest {
    @TempDir
    Path dir;
    FakeZalo zalo;
    TestApp app;
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean holdDrafts;

    @BeforeEach
    void start() throws Exception {
        SummarizerTest.handChecked(dir)
                .unit("BP-PLO-03", "Xã Phú Riềng", "BP-PLO", "commune")
                .member("sec", "BP", "secretariat", "Văn phòng BCĐ")
                .member("mem-1", "BP-DXO-01", "member", "Thành viên Tân Bình")
                .close();
        zalo = new FakeZalo();
        BotConfig config = ConfigLoader.load(ExportAndWebhookTest.configWithTheTestUnits(dir), true, Map.of(
                "CDSBOT_DB", dir.resolve("test.db").toString(), "CDSBOT_PORT", "0",
                "ZALO_API_BASE_URL", zalo.baseUrl(), "ZALO_OAUTH_BASE_URL", zalo.baseUrl())).config();
        // The production pace (a reply waits about a second for its document); a held draft waits for the test.
        DocumentDesk.Pace pace = new DocumentDesk.Pace(DocumentDesk.Pace.NORMAL.patience(), document -> {
            if (holdDrafts && document.equals("vanban") && !release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        });
        app = TestApp.production(config, zalo, new MutableClock(SummaryCommandsTest.NOW), pace);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        app.close();
        zalo.close();
    }

    /** The secretariat's messages up to the first file message; only "on its way" may come before it. */
    private FakeZalo.Sent awaitFile(String user) throws Exception {
        while (true) {
            FakeZalo.Sent s = zalo.takeSentTo(user);
            if (s.fileToken() != null) return s;
            assertThat(s.text()).startsWith("Đang soạn dự thảo báo cáo tuần 47");
        }
    }

    private static String words(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            return words.getText();
        }
    }

    private byte[] download(String url) throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    private static String link(FakeZalo.Sent s) {
        return s.message().path("attachment").path("payload").path("buttons").get(0).path("payload").path("url").asText();
    }

    @Test
    void theSecretariatGetsTheDraftAsAZaloFileThatOpensWithTheWeeksFiguresAndItsLinkBeside() throws Exception {
        assertThat(app.say("sec", "#vanban tuần 47")).isEqualTo(200);
        FakeZalo.Sent file = awaitFile("sec");
        FakeZalo.Upload upload = zalo.uploaded(file.fileToken());
        assertThat(upload.fileName()).endsWith(".docx");
        String text = words(upload.content());
        assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:")
                .contains("có 3/5 đơn vị đã báo cáo (60,00 %)")
                .contains("- Lượt người dân được hỗ trợ: 17; so với tuần trước: Bằng tuần trước; lũy kế: 38.");

        FakeZalo.Sent line = zalo.takeSentTo("sec");
        assertThat(line.text()).startsWith("Dự thảo báo cáo tuần 47 (16/11–22/11/2026) – Tỉnh Bình Phước");
        assertThat(download(link(line))).as("the link serves the same document").isEqualTo(upload.content());
        assertThat(zalo.uploadAttempts()).isEqualTo(1);
        assertThat(PeopleFixture.rows(app.app().database(),
                "SELECT actor || ' ' || action || ' ' || subject || ' ' || detail FROM audit_log WHERE actor = 'sec'"))
                .containsExactly("sec summary.vanban BP week=2026-11-16 delivery=file");
    }

    @Test
    void whenZaloRefusesTheUploadTheLinkArrivesInstead() throws Exception {
        zalo.uploadScript(r -> FakeZalo.json("{\"error\":-201,\"message\":\"file is invalid\"}"));
        assertThat(app.say("sec", "#vanban tuần 47")).isEqualTo(200);
        FakeZalo.Sent first = zalo.takeSentTo("sec");
        if (first.text().startsWith("Đang soạn")) first = zalo.takeSentTo("sec");
        assertThat(first.fileToken()).isNull();
        assertThat(first.text()).startsWith("Zalo chưa nhận gửi tệp dự thảo báo cáo").contains(link(first));
        assertThat(words(download(link(first)))).contains("Độc lập - Tự do - Hạnh phúc", "Nơi nhận:");
        assertThat(zalo.takeSentTo("sec").text()).startsWith("Dự thảo báo cáo tuần 47");
        assertThat(PeopleFixture.rows(app.app().database(),
                "SELECT action FROM audit_log WHERE actor = 'sec' ORDER BY id"))
                .containsExactly("summary.vanban", "document.link_instead_of_file");
    }

    @Test
    void aMemberAndACitizenAreRefusedAndNothingIsBuilt() throws Exception {
        for (String user : List.of("mem-1", "citizen-1")) {
            assertThat(app.say(user, "#vanban tuần 47")).isEqualTo(200);
            FakeZalo.Sent reply = zalo.takeSentTo(user);
            assertThat(reply.text()).as(user).startsWith("Xin lỗi").contains("#vanban").doesNotContain("/exports/");
            assertThat(reply.fileToken()).isNull();
        }
        assertThat(zalo.drainSent(500)).noneMatch(s -> s.fileToken() != null);
        assertThat(zalo.uploadAttempts()).isZero();
        assertThat(PeopleFixture.rows(app.app().database(), "SELECT COUNT(*) FROM summary_exports")).containsExactly("0");
        assertThat(PeopleFixture.rows(app.app().database(), "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'summary.%'"))
                .containsExactly("0");
    }

    @Test
    void whileASlowDraftIsBuiltTheSameUsersNextQuestionIsAnsweredFirst() throws Exception {
        holdDrafts = true;
        assertThat(app.say("sec", "#vanban tuần 47")).isEqualTo(200);
        assertThat(zalo.takeSentTo("sec").text())
                .isEqualTo("Đang soạn dự thảo báo cáo tuần 47 (16/11–22/11/2026) – Tỉnh Bình Phước, bot sẽ gửi trong giây lát.");
        assertThat(app.say("sec", "#tonghop tuần 47")).isEqualTo(200);
        FakeZalo.Sent answer = zalo.takeSentTo("sec");
        assertThat(answer.fileToken()).isNull();
        assertThat(answer.text()).contains("Tỉnh Bình Phước").contains("17");
        List<FakeZalo.Sent> meanwhile = new ArrayList<>(zalo.drainSent(300));
        assertThat(meanwhile).noneMatch(s -> s.fileToken() != null);

        release.countDown();
        FakeZalo.Sent file = zalo.takeSentTo("sec");
        while (file.fileToken() == null) file = zalo.takeSentTo("sec");   // the rest of the summary, if it was long
        assertThat(words(zalo.uploaded(file.fileToken()).content())).contains("Lượt người dân được hỗ trợ: 17");
        assertThat(zalo.takeSentTo("sec").text()).startsWith("Dự thảo báo cáo tuần 47");
        // Queued through the outbox in a transaction of its own, after the answer to the later message, yet still
        // as the answer to the #vanban message.
        List<String> rows = PeopleFixture.rows(app.app().database(),
                "SELECT kind || ':' || inbox_id FROM outbox WHERE user_id = 'sec' ORDER BY id");
        String vanban = rows.get(0).substring(rows.get(0).indexOf(':') + 1);
        assertThat(rows.get(0)).startsWith("text:");   // "Đang soạn …"
        assertThat(rows).endsWith("file:" + vanban, "text:" + vanban);
        assertThat(rows.get(1)).isNotEqualTo("text:" + vanban);   // the answer to #tonghop came in between
    }
}
