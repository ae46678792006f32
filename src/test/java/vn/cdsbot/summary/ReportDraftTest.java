package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.App;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.testing.MutableClock;

/**
 * #vanban through the real router and the real app: the draft downloads from its signed link, opens with POI and
 * carries the Quốc hiệu, the Tiêu ngữ, the week's totals as the summaries compute them, the units that keep not
 * reporting and Nơi nhận; roles and scopes are enforced.
 */
class ReportDraftTest {
    @TempDir
    Path dir;
    App app;
    MutableClock clock;
    ChatRouter router;
    final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    final AtomicLong inbox = new AtomicLong();

    @BeforeEach
    void start() {
        // The hand-checked week, plus a commune of Phước Long that has never reported.
        SummarizerTest.handChecked(dir)
                .unit("BP-PLO-03", "Xã Phú Riềng", "BP-PLO", "commune")
                .member("sec", "BP", "secretariat", "Văn phòng BCĐ")
                .member("lead-dxo", "BP-DXO", "leader", "Tổ trưởng Đồng Xoài")
                .member("mem-1", "BP-DXO-01", "member", "Thành viên Tân Bình")
                .close();
        clock = new MutableClock(SummaryCommandsTest.NOW);
        Path configFile = ExportAndWebhookTest.configWithTheTestUnits(dir);
        app = App.start(ConfigLoader.load(configFile, true, java.util.Map.of(
                "CDSBOT_DB", dir.resolve("test.db").toString(), "CDSBOT_PORT", "0")).config(), ZaloCredentials.LOCAL, clock);
        String base = "http://127.0.0.1:" + app.port();
        BotConfig withUrl = ConfigLoader.load(configFile, true, java.util.Map.of(
                "CDSBOT_DB", dir.resolve("test.db").toString(), "CDSBOT_PORT", "0", "CDSBOT_PUBLIC_URL", base)).config();
        router = new ChatRouter(Summaries.create(withUrl, app.database(), vn.cdsbot.period.ReportingCalendar.from(withUrl),
                clock, () -> {}, List.of(), vn.cdsbot.testing.TestApp.PATIENT).commands(), TestData.membersResolver(),
                (m, s, tx) -> List.of(), clock);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private List<Reply> send(String user, String text) {
        return app.database().inTransaction(tx -> router.handle(new Incoming(inbox.incrementAndGet(), user, text, clock.instant()), tx));
    }

    /** The draft as the file message carries it, after checking the link beside it serves the same bytes. */
    private byte[] document(List<Reply> replies) throws Exception {
        assertThat(replies).hasSize(2);
        Reply.File file = (Reply.File) replies.get(0);
        assertThat(file.fileName()).endsWith(".docx");
        assertThat(download(replies.get(1))).isEqualTo(file.content());
        // Should Zalo refuse the file, its stand-in carries the same link.
        String link = ((Reply.Text) replies.get(1)).buttons().get(0).payload();
        assertThat(file.fallback().text()).contains(link);
        assertThat(file.fallback().buttons()).singleElement().extracting(Button::payload).isEqualTo(link);
        return file.content();
    }

    private byte[] download(Reply reply) throws Exception {
        Button b = ((Reply.Text) reply).buttons().get(0);
        assertThat(b.kind()).isEqualTo(Button.Kind.URL);
        assertThat(b.title()).isEqualTo("Tải dự thảo báo cáo (Word)");
        try (Response r = http.newCall(new Request.Builder().url(b.payload()).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith(ExportRoutes.DOCX);
            assertThat(r.header("Content-Disposition")).contains(".docx");
            return r.body().bytes();
        }
    }

    @Test
    void theSecretariatGetsADraftInTheDecreesLayoutWithTheWeeksFigures() throws Exception {
        List<Reply> replies = send("sec", "#vanban tuần 47");
        assertThat(((Reply.Text) replies.get(1)).text()).startsWith("Dự thảo báo cáo tuần 47 (16/11–22/11/2026) – Tỉnh Bình Phước");
        byte[] docx = document(replies);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            String text = words.getText();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "UBND TỈNH BÌNH PHƯỚC", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH", "Số: …/BC-…",
                    "Bình Phước, ngày 23 tháng 11 năm 2026", "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ",
                    "III. NHIỆM VỤ THỜI GIAN TỚI", "Nơi nhận:");
            // Rate and totals as the summaries compute them: like with like, cumulative since the campaign start.
            assertThat(text).contains("có 3/5 đơn vị đã báo cáo (60,00 %), trong đó 1 đơn vị đúng hạn, 2 đơn vị nộp muộn; "
                    + "2 đơn vị chưa báo cáo: Xã Long Giang, Xã Phú Riềng.");
            assertThat(text).contains("- Lượt người dân được hỗ trợ: 17; so với tuần trước: Bằng tuần trước; lũy kế: 38.");
            // Tồn tại: the commune that never reported, not the one that missed only this week; the late and corrected.
            assertThat(text).contains("1 đơn vị chưa báo cáo từ 2 tuần liên tiếp trở lên: Xã Phú Riềng (12 tuần).")
                    .doesNotContain("Xã Long Giang (")
                    .contains("2 báo cáo nộp sau hạn: Phường Tân Đồng, Phường Long Phước.")
                    .contains("1 báo cáo được sửa sau hạn nộp: Phường Long Phước");

            // The table by unit: one row per cluster, then the total.
            XWPFTable table = doc.getTables().get(1);
            assertThat(cells(table.getRow(0))).startsWith("STT", "Đơn vị", "Đã báo cáo", "Hỗ trợ");
            assertThat(cells(table.getRow(1))).startsWith("1", "Cụm Đồng Xoài", "2/2", "10", "2", "3", "0", "1");
            assertThat(cells(table.getRow(2))).startsWith("2", "Cụm Phước Long", "1/3", "7");
            assertThat(cells(table.getRow(3))).containsExactly("", "Tổng cộng", "3/5", "17", "3", "4", "1", "2");

            // Times New Roman throughout; A4 with the decree's margins (top/bottom 20, left 30, right 15 mm).
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun r : p.getRuns()) assertThat(r.getFontFamily()).isEqualTo("Times New Roman");
            }
            var sect = doc.getDocument().getBody().getSectPr();
            assertThat(((java.math.BigInteger) sect.getPgSz().getW()).longValue()).isEqualTo(ReportDraft.twips(210));
            assertThat(((java.math.BigInteger) sect.getPgMar().getLeft()).longValue()).isEqualTo(ReportDraft.twips(30));
            assertThat(((java.math.BigInteger) sect.getPgMar().getRight()).longValue()).isEqualTo(ReportDraft.twips(15));
            assertThat(((java.math.BigInteger) sect.getPgMar().getTop()).longValue()).isEqualTo(ReportDraft.twips(20));
        }
        long audited = app.database().read(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'summary.vanban' AND actor = 'sec' AND subject = 'BP'")) {
                return rs.getLong(1);
            }
        });
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aLeaderDraftsOnlyTheirOwnSubtree() throws Exception {
        byte[] docx = document(send("lead-dxo", "#vanban"));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            assertThat(words.getText()).contains("– Cụm Đồng Xoài", "có 2/2 đơn vị đã báo cáo")
                    .doesNotContain("Phước Long");
        }
        assertThat(((Reply.Text) send("lead-dxo", "#vanban BP-PLO").get(0)).text())
                .startsWith("Bạn chỉ xem được số liệu của Cụm Đồng Xoài");
    }

    @Test
    void membersAndCitizensAreRefused() {
        for (String user : List.of("mem-1", "citizen-1")) {
            Reply.Text reply = (Reply.Text) send(user, "#vanban").get(0);
            assertThat(reply.text()).as(user).startsWith("Xin lỗi");
            assertThat(reply.buttons()).as(user).isEmpty();
        }
        long drafts = app.database().read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM summary_exports")) {
                return rs.getLong(1);
            }
        });
        assertThat(drafts).isZero();
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText().strip()).toList();
    }
}
