package vn.cdsbot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.report.TestBot;
import vn.cdsbot.testing.MutableClock;

/**
 * #vanban for a campaign through the signed webhook of the real app, with the figures of {@link ProgressWebhookTest}:
 * a campaign of 10 days created on the command line with targets for two communes (Xã An Phú 100, Xã Bình Minh 50),
 * two days of figures sent in chat, the draft read on day 3 when nobody has reported that day. The .docx downloaded
 * from its link is opened with POI; the week's draft carries the campaign's paragraph; scopes and roles hold.
 */
class CampaignDraftWebhookTest {
    @TempDir Path dir;
    MutableClock clock = MutableClock.at("2026-11-30T09:00");
    TestBot bot;

    @BeforeEach
    void setUp() throws Exception {
        bot = new TestBot(dir, clock, CampaignFixture.units(dir));
        CampaignFixture.enrolStaff(bot);
        CampaignFixture.createCampaign(bot, clock, "90 ngày, đêm VNeID", "vneid", "unit_code,vneid\nX1,100\nX2,50\n");

        bot.say("mx1", "#dangky " + TestBot.code(bot.say("admin", "#moi X1 thanhvien")));
        bot.say("mx2", "#dangky " + TestBot.code(bot.say("admin", "#moi X2 thanhvien")));
        bot.say("ma", "#dangky " + TestBot.code(bot.say("admin", "#moi X1-A thanhvien")));
        clock.set("2026-12-01T19:00");
        daily("mx1", "#baocao hôm nay vneid=10");
        daily("ma", "#baocao hôm nay vneid=8");
        daily("mx2", "#baocao hôm nay vneid=5");
        clock.set("2026-12-02T18:00");
        daily("mx1", "#baocao hôm nay vneid=5");
        daily("ma", "#baocao hôm nay vneid=7");
        daily("mx2", "#baocao hôm nay vneid=5");
        // Day 3 of 10, nobody has reported today: An Phú 15 + Ấp Một 15 = 30, Bình Minh 10, Cát Tiên nothing.
        clock.set("2026-12-03T20:00");
    }

    void daily(String user, String report) throws Exception {
        CampaignFixture.daily(bot, user, report);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    /** Asks for a draft, checks it came as a Zalo file with its link beside, and downloads it from that link. */
    private byte[] draft(String user, String command) throws Exception {
        List<TestBot.Sent> sent = bot.send(user, command);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).file()).endsWith(".docx");
        assertThat(sent.get(1).text()).startsWith("Dự thảo báo cáo ");
        String payload = bot.rows("SELECT payload FROM outbox WHERE user_id = ? AND payload LIKE '%/exports/%' "
                + "ORDER BY id DESC LIMIT 1", user).get(0);
        Matcher m = Pattern.compile("https?://[^\"]+/exports/[A-Za-z0-9_-]+").matcher(payload);
        assertThat(m.find()).isTrue();
        var file = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                m.group().replaceFirst("^https?://[^/]+", "http://127.0.0.1:" + bot.app.app().port()))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        return file.body();
    }

    private static String text(byte[] docx) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            return words.getText();
        }
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText().strip()).toList();
    }

    @Test
    void theSecretariatsCampaignDraftHasTheHandCheckedFiguresAndNamesTheUnitBehindPlan() throws Exception {
        byte[] docx = draft("sec", "#vanban chiến dịch CD1");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
            String text = words.getText();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: …/BC-…",
                    "BÁO CÁO", "Kết quả thực hiện chiến dịch “90 ngày, đêm VNeID” (01/12–10/12/2026)",
                    "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ", "III. NHIỆM VỤ THỜI GIAN TỚI", "Nơi nhận:");
            assertThat(text).contains("Chiến dịch CD1 diễn ra 10 ngày, từ ngày 01/12/2026 đến ngày 10/12/2026; đến hết "
                    + "ngày 03/12/2026 đã qua 3 ngày, còn 7 ngày.");
            // Teams of the reporting kinds: X1, X1-A, X1-B, X2, X3; with a figure: X1, X1-A, X2.
            assertThat(text).contains("Có 3/5 đơn vị đã báo số liệu chiến dịch (60,00 %)");
            // 40 of 150; plan for 3 of 10 days 45 → 5 behind; 40 over 3 days ≈ 13 a day; 110 over 7 days → 16 a day.
            assertThat(text).contains("- Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt: đã thực hiện 40/150, đạt "
                    + "26,67 % chỉ tiêu; kế hoạch đến hết ngày 03/12/2026: 45, chậm 5; bình quân 13/ngày; cần 16/ngày "
                    + "trong 7 ngày còn lại để đạt chỉ tiêu.");
            // II: Bình Minh's plan is 15, it has 10; An Phú's is 30, it has 30; Cát Tiên has sent nothing.
            assertThat(text).contains("1 đơn vị chậm so với kế hoạch tài khoản VNeID được hướng dẫn đăng ký/kích hoạt, "
                    + "chậm nhất trước: Xã Bình Minh 10/50 (20,00 %, chậm 5).")
                    .contains("1 đơn vị chưa có số liệu nào trong chiến dịch: Xã Cát Tiên.")
                    .doesNotContain("Xã An Phú 30/100");

            XWPFTable table = doc.getTables().get(1);
            assertThat(cells(table.getRow(0))).containsExactly("STT", "Đơn vị", "Chỉ tiêu", "Đã thực hiện", "% chỉ tiêu",
                    "So với kế hoạch");
            // Tree order, not the ranking: An Phú first though Bình Minh is further behind.
            assertThat(cells(table.getRow(1))).containsExactly("1", "Xã An Phú", "100", "30", "30,00 %", "Đúng kế hoạch");
            assertThat(cells(table.getRow(2))).containsExactly("2", "Xã Bình Minh", "50", "10", "20,00 %", "Chậm 5");
            assertThat(cells(table.getRow(3))).containsExactly("3", "Xã Cát Tiên", "–", "Chưa có số liệu");
            assertThat(cells(table.getRow(4))).containsExactly("", "Tổng cộng", "150", "40", "26,67 %", "Chậm 5");
            assertThat(table.getRows()).hasSize(5);

            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun r : p.getRuns()) assertThat(r.getFontFamily()).isEqualTo("Times New Roman");
            }
            for (XWPFTable t : doc.getTables()) {
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        for (XWPFParagraph p : cell.getParagraphs()) {
                            for (XWPFRun r : p.getRuns()) assertThat(r.getFontFamily()).isEqualTo("Times New Roman");
                        }
                    }
                }
            }
        }
        assertThat(bot.rows("SELECT subject || '|' || detail FROM audit_log WHERE action = 'summary.vanban' AND actor = 'sec'"))
                .containsExactly("T|campaign=CD1 delivery=file");
        // "#vanban CD1" is the same command.
        assertThat(text(draft("sec", "#vanban cd1"))).contains("Kết quả thực hiện chiến dịch “90 ngày, đêm VNeID”");
        assertThat(bot.say("sec", "#vanban CD9")).contains("Không tìm thấy chiến dịch \"CD9\"");
    }

    @Test
    void anEndedCampaignsDraftSaysWhatIsStillShortOfTarget() throws Exception {
        clock.set("2026-12-20T09:00");
        byte[] docx = draft("sec", "#vanban CD1");
        String text = text(docx);
        assertThat(text).contains("; đã kết thúc, báo cáo tính đủ 10 ngày.")
                .contains("đã thực hiện 40/150, đạt 26,67 % chỉ tiêu; còn thiếu 110.")
                .contains("2 đơn vị chưa đạt chỉ tiêu tài khoản VNeID được hướng dẫn đăng ký/kích hoạt, chậm nhất trước: "
                        + "Xã Bình Minh 10/50 (20,00 %, thiếu 40), Xã An Phú 30/100 (30,00 %, thiếu 70).")
                .contains("1. Tổng kết, rút kinh nghiệm chiến dịch")
                .doesNotContain("kế hoạch đến hết ngày");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable table = doc.getTables().get(1);
            assertThat(cells(table.getRow(1))).containsExactly("1", "Xã An Phú", "100", "30", "30,00 %", "Thiếu 70");
            assertThat(cells(table.getRow(4))).containsExactly("", "Tổng cộng", "150", "40", "26,67 %", "Thiếu 110");
        }
    }

    @Test
    void theWeeksDraftGainsAParagraphForTheCampaignInItsScope() throws Exception {
        assertThat(text(draft("sec", "#vanban tuần 49"))).contains("Chiến dịch CD1 “90 ngày, đêm VNeID” (01/12–10/12/2026), "
                + "tính đến hết ngày 03/12/2026 (ngày 3/10): Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt 40/150 "
                + "(26,67 % chỉ tiêu), chậm 5 so với kế hoạch.");
        // The leader's week is their commune's: 30 of 100, on plan.
        assertThat(text(draft("lead1", "#vanban tuần 49"))).contains("(ngày 3/10): Tài khoản VNeID được hướng dẫn đăng "
                + "ký/kích hoạt 30/100 (30,00 % chỉ tiêu), đúng kế hoạch.");
        // Once the week is over, the paragraph is as of its Sunday: day 6, plan 90.
        clock.set("2026-12-07T13:00");
        assertThat(text(draft("sec", "#vanban tuần 49"))).contains("tính đến hết ngày 06/12/2026 (ngày 6/10): Tài khoản "
                + "VNeID được hướng dẫn đăng ký/kích hoạt 40/150 (26,67 % chỉ tiêu), chậm 50 so với kế hoạch.");
        // The month's draft too; a week with no campaign day has no such paragraph.
        assertThat(text(draft("sec", "#vanban tháng 12"))).contains("Chiến dịch CD1 “90 ngày, đêm VNeID”");
        assertThat(text(draft("sec", "#vanban tuần 48"))).doesNotContain("Chiến dịch CD1");
    }

    @Test
    void aLeaderDraftsTheirOwnCommuneAndAMemberIsRefused() throws Exception {
        String text = text(draft("lead1", "#vanban CD1"));
        assertThat(text).contains("Kết quả thực hiện chiến dịch “90 ngày, đêm VNeID” (01/12–10/12/2026) – Xã An Phú")
                .contains("đã thực hiện 30/100, đạt 30,00 % chỉ tiêu; kế hoạch đến hết ngày 03/12/2026: 30, đúng kế hoạch")
                .contains("Trong đó tổ Xã An Phú tự thực hiện: Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt 15")
                .contains("1 đơn vị chưa có số liệu nào trong chiến dịch: Ấp Hai.")
                .contains("1 đơn vị có số liệu nhưng chưa được giao chỉ tiêu: Ấp Một.")
                .doesNotContain("Bình Minh").doesNotContain("Cát Tiên");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(draft("lead1", "#vanban CD1")))) {
            XWPFTable table = doc.getTables().get(1);
            // The commune's own team apart from its hamlets; the target 100 is for all of them, so only the total has it.
            assertThat(cells(table.getRow(1))).containsExactly("1", "Tổ xã Xã An Phú (số của riêng tổ)", "–", "15", "–", "–");
            assertThat(cells(table.getRow(2))).containsExactly("2", "Ấp Một", "–", "15", "–", "–");
            assertThat(cells(table.getRow(3))).containsExactly("3", "Ấp Hai", "–", "Chưa có số liệu");
            assertThat(cells(table.getRow(4))).containsExactly("", "Tổng cộng", "100", "30", "30,00 %", "Đúng kế hoạch");
        }
        assertThat(bot.say("lead1", "#vanban CD1 X2")).contains("Bạn chỉ xem được");
        assertThat(bot.say("m1", "#vanban chiến dịch CD1")).startsWith("Xin lỗi, với vai trò thành viên");
        assertThat(bot.rows("SELECT COUNT(*) FROM audit_log WHERE action = 'summary.vanban' AND actor = 'm1'"))
                .containsExactly("0");
        assertThat(bot.rows("SELECT COUNT(*) FROM summary_exports WHERE created_by = 'm1'")).containsExactly("0");
    }
}
