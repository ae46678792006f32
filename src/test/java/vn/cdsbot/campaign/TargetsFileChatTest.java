package vn.cdsbot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.report.TestBot;
import vn.cdsbot.testing.MutableClock;

/**
 * Targets sent as a file in the Zalo chat, through the signed webhook of the real app: the file is hosted by the
 * local Zalo and downloaded from there, previewed, applied to a campaign with a button, audited per cell; bad files,
 * failed downloads and files from people who may not send them change nothing.
 */
class TargetsFileChatTest {
    @TempDir Path dir;
    MutableClock clock = MutableClock.at("2026-11-30T09:00");
    TestBot bot;

    @BeforeEach
    void setUp() throws Exception {
        bot = new TestBot(dir, clock, CampaignFixture.units(dir));
        CampaignFixture.enrolStaff(bot);
        createCampaign("90 ngày, đêm VNeID", "vneid", "unit_code,vneid\nX1,100\nX2,50\n");
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    void createCampaign(String name, String indicators, String targetsCsv) throws Exception {
        CampaignFixture.createCampaign(bot, clock, name, indicators, targetsCsv);
    }

    List<String> targets() {
        return bot.rows("SELECT campaign_code || ' ' || unit_code || ' ' || indicator || '=' || target FROM campaign_targets "
                + "ORDER BY 1");
    }

    TestBot.Sent sendCsv(String user, String name, String csv) throws Exception {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        List<TestBot.Sent> replies = bot.sendFile(user, name, bot.hostFile(name, bytes), bytes.length);
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    @Test
    void aCsvFromTheSecretariatIsPreviewedAppliedAuditedAndShownInProgress() throws Exception {
        TestBot.Sent preview = sendCsv("sec", "chi-tieu-vneid.csv", "unit_code,vneid\nX1,120\nX2,50\nx3,\"1.030\"\n");
        assertThat(preview.text()).contains("TỆP CHỈ TIÊU \"chi-tieu-vneid.csv\"").contains("3 đơn vị")
                .contains("(vneid): 1.200").contains("CD1 “90 ngày, đêm VNeID”, sắp bắt đầu (01/12/2026)");
        assertThat(preview.buttons()).containsExactly("Áp dụng cho CD1→#chiendich CD1 nhận chỉ tiêu", "Huỷ→#chiendich huỷ tệp");
        assertThat(targets()).as("nothing applied before the tap").containsExactly("CD1 X1 vneid=100", "CD1 X2 vneid=50");
        assertThat(bot.rows("SELECT file_name FROM target_uploads WHERE user_id = 'sec'")).containsExactly("chi-tieu-vneid.csv");

        String applied = bot.say("sec", "#chiendich CD1 nhận chỉ tiêu");
        assertThat(applied).contains("Đã áp dụng tệp \"chi-tieu-vneid.csv\" cho chiến dịch CD1")
                .contains("2 chỉ tiêu thay đổi trên 3 đơn vị").contains("Chỉ tiêu mới của Tỉnh Thử Nghiệm:")
                .contains(": 1.200");
        assertThat(targets()).containsExactly("CD1 X1 vneid=120", "CD1 X2 vneid=50", "CD1 X3 vneid=1030");
        assertThat(bot.rows("SELECT actor || ' ' || subject || ' ' || detail FROM audit_log WHERE action = 'campaign.target' "
                + "AND actor = 'sec' ORDER BY id")).containsExactly("sec CD1/X1/vneid 100 -> 120", "sec CD1/X3/vneid - -> 1030");
        assertThat(bot.rows("SELECT COUNT(*) FROM target_uploads")).containsExactly("0");

        // A second tap (or a retried one) finds nothing waiting and changes nothing.
        int auditRows = Integer.parseInt(bot.rows("SELECT COUNT(*) FROM audit_log WHERE action = 'campaign.target'").get(0));
        assertThat(bot.say("sec", "#chiendich CD1 nhận chỉ tiêu")).contains("Không có tệp chỉ tiêu nào của bạn đang chờ");
        assertThat(bot.rows("SELECT COUNT(*) FROM audit_log WHERE action = 'campaign.target'"))
                .containsExactly(String.valueOf(auditRows));

        clock.set("2026-12-02T09:00");
        assertThat(bot.say("sec", "#tiendo CD1")).contains("0/1.200");
        assertThat(bot.say("sec", "#chiendich CD1")).contains("qua Zalo");
    }

    @Test
    void anXlsxIsReadAsWell() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Chỉ tiêu");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Mã đơn vị");
            header.createCell(1).setCellValue("vneid");
            Row r1 = sheet.createRow(1);
            r1.createCell(0).setCellValue("X2");
            r1.createCell(1).setCellValue(75);
            Row r2 = sheet.createRow(2);
            r2.createCell(0).setCellValue("X1-A");
            r2.createCell(1).setCellValue(40);
            wb.write(out);
        }
        byte[] bytes = out.toByteArray();
        TestBot.Sent preview = bot.sendFile("admin", "chi tiêu.xlsx", bot.hostFile("chitieu.xlsx", bytes), bytes.length).get(0);
        assertThat(preview.text()).contains("TỆP CHỈ TIÊU \"chi tiêu.xlsx\"").contains("2 đơn vị").contains("(vneid): 115");
        assertThat(bot.say("admin", "#chiendich cd1 nhan chi tieu")).contains("2 chỉ tiêu thay đổi trên 2 đơn vị");
        assertThat(targets()).containsExactly("CD1 X1 vneid=100", "CD1 X1-A vneid=40", "CD1 X2 vneid=75");
    }

    @Test
    void aFileWithProblemsIsListedAndNothingIsStored() throws Exception {
        TestBot.Sent reply = sendCsv("sec", "sai.csv", "unit_code,vneid\nX1,12a\nX9,5\nX2,-3\n");
        assertThat(reply.text()).contains("Tệp \"sai.csv\" có lỗi, bot chưa lưu chỉ tiêu nào")
                .contains("Dòng 2, cột vneid: \"12a\" không phải số nguyên không âm.")
                .contains("Dòng 3: không có đơn vị mã \"X9\"").contains("Dòng 4, cột vneid: \"-3\"")
                .contains("Bạn hãy sửa tệp rồi gửi lại");
        assertThat(reply.buttons()).isEmpty();
        assertThat(bot.rows("SELECT COUNT(*) FROM target_uploads")).containsExactly("0");
        assertThat(bot.say("sec", "#chiendich CD1 nhận chỉ tiêu")).contains("Không có tệp chỉ tiêu nào");
        assertThat(targets()).containsExactly("CD1 X1 vneid=100", "CD1 X2 vneid=50");
    }

    @Test
    void aFileWhoseIndicatorsFitNoCampaignSaysWhichCampaignTracksWhat() throws Exception {
        createCampaign("Dịch vụ công", "dvc", "unit_code,dvc\nX1,10\n");
        TestBot.Sent reply = sendCsv("sec", "hai-cot.csv", "unit_code,vneid,dvc\nX1,1,2\n");
        assertThat(reply.text()).contains("không chiến dịch nào theo dõi đủ các chỉ tiêu này")
                .contains("CD1 “90 ngày, đêm VNeID” theo dõi: vneid").contains("CD2 “Dịch vụ công” theo dõi: dvc");
        assertThat(bot.rows("SELECT COUNT(*) FROM target_uploads")).containsExactly("0");

        // With one column the file fits one campaign only, and only that one is offered.
        TestBot.Sent preview = sendCsv("sec", "dvc.csv", "unit_code,dvc\nX2,7\n");
        assertThat(preview.payloads()).containsExactly("#chiendich CD2 nhận chỉ tiêu", "#chiendich huỷ tệp");
        assertThat(bot.say("sec", "#chiendich CD1 nhận chỉ tiêu")).contains("không chiến dịch nào theo dõi đủ");
        assertThat(bot.say("sec", "#chiendich huỷ tệp")).contains("Đã huỷ tệp \"dvc.csv\"");
        assertThat(targets()).containsExactly("CD1 X1 vneid=100", "CD1 X2 vneid=50", "CD2 X1 dvc=10");
    }

    @Test
    void filesFromMembersLeadersAndCitizensAreNotTaken() throws Exception {
        String csv = "unit_code,vneid\nX1,999\n";
        assertThat(sendCsv("m1", "t.csv", csv).text()).contains("với vai trò thành viên, bạn chưa gửi tệp cho bot được")
                .contains("thư ký, quản trị");
        assertThat(sendCsv("lead1", "t.csv", csv).text()).contains("với vai trò tổ trưởng, bạn chưa gửi tệp cho bot được");
        assertThat(sendCsv("citizen", "t.csv", csv).text()).contains("Hiện bot chỉ đọc được tin nhắn chữ");
        assertThat(bot.say("lead1", "#chiendich CD1 nhận chỉ tiêu")).contains("Chỉ thư ký và quản trị nhập được chỉ tiêu");
        assertThat(bot.rows("SELECT COUNT(*) FROM target_uploads")).containsExactly("0");
        assertThat(targets()).containsExactly("CD1 X1 vneid=100", "CD1 X2 vneid=50");
    }

    @Test
    void aFailedDownloadSaysSoAndStoresNothing() throws Exception {
        String missing = bot.app.url(vn.cdsbot.dev.LocalZalo.API_PREFIX + "/files/no-such-file");
        assertThat(bot.sendFile("sec", "mat.csv", missing, 20).get(0).text())
                .contains("Bot chưa tải được tệp \"mat.csv\" (tệp không còn trên Zalo");

        byte[] big = ("unit_code,vneid\n" + "X1,1\n".repeat(500_000)).getBytes(StandardCharsets.UTF_8);
        String bigUrl = bot.hostFile("lon.csv", big);
        assertThat(bot.sendFile("sec", "lon.csv", bigUrl, big.length).get(0).text())
                .contains("Bot chưa tải được tệp \"lon.csv\" (tệp lớn hơn 2 MB)");
        // The declared size may be missing or wrong: the download itself stops at the limit.
        assertThat(bot.sendFile("sec", "lon.csv", bigUrl, 100).get(0).text()).contains("(tệp lớn hơn 2 MB)");

        assertThat(bot.sendFile("sec", "x.csv", "http://example.invalid/x.csv", 20).get(0).text())
                .contains("(địa chỉ tải tệp không hợp lệ)");
        assertThat(bot.rows("SELECT COUNT(*) FROM target_uploads")).containsExactly("0");
        assertThat(targets()).containsExactly("CD1 X1 vneid=100", "CD1 X2 vneid=50");
    }

    @Test
    void aWaitingFileIsErasedOnWithdrawalAndExpires() throws Exception {
        sendCsv("sec", "a.csv", "unit_code,vneid\nX1,1\n");
        assertThat(bot.rows("SELECT COUNT(*) FROM target_uploads")).containsExactly("1");
        bot.withdraw("sec");
        assertThat(bot.rows("SELECT COUNT(*) FROM target_uploads")).containsExactly("0");

        sendCsv("admin", "b.csv", "unit_code,vneid\nX1,1\n");
        clock.advance(java.time.Duration.ofMinutes(31));   // bot-config.yaml: draft_timeout_minutes 30
        assertThat(bot.say("admin", "#chiendich CD1 nhận chỉ tiêu")).contains("Không có tệp chỉ tiêu nào");
        assertThat(targets()).containsExactly("CD1 X1 vneid=100", "CD1 X2 vneid=50");
    }
}
