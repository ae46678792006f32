package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.campaign.CampaignCli;
import vn.cdsbot.testing.MutableClock;

/**
 * Daily figures during a campaign, through the signed webhook: the same echo, confirmation, correction and history
 * as weekly reports; indicators reported by day are never asked again in the weekly report; the weekly summary
 * counts each figure once.
 */
class DailyReportingTest {
    @TempDir Path dir;
    MutableClock clock = MutableClock.at("2026-12-02T10:00");   // Wednesday of week 49; the campaign began on Tuesday
    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = new TestBot(dir, clock);
        Path targets = dir.resolve("targets.csv");
        Files.writeString(targets, "unit_code,vneid\nBP-DXO-01,900\nBP-DXO-02,450\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = CampaignCli.create(bot.config, "90 ngày, đêm VNeID", "2026-12-01", "2027-02-28", "vneid",
                new CampaignCli.TargetSource(targets, null, null), clock, new PrintWriter(out), new PrintWriter(err));
        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("CD1");
        assertThat(bot.say("admin", "#dangky " + bot.cliInvite("BP", "admin"))).contains("quản trị");
        assertThat(bot.say("sec", "#dangky " + TestBot.code(bot.say("admin", "#moi BP thuky")))).contains("thư ký");
        assertThat(bot.say("m1", "#dangky " + TestBot.code(bot.say("admin", "#moi BP-DXO-01 thanhvien")))).contains("thành viên");
    }

    @AfterEach
    void stop() {
        if (bot != null) bot.close();
    }

    @Test
    void todayYesterdayAndADateAreEchoedConfirmedAndCorrectable() throws Exception {
        String echo = bot.say("m1", "#baocao hôm nay vneid=35");
        assertThat(echo).contains("số theo ngày", "Ngày 02/12/2026 (thứ Tư)", "35").doesNotContain("Lượt người dân");
        assertThat(bot.say("m1", "#xacnhan")).contains("Đã ghi nhận số ngày 02/12/2026");
        bot.say("m1", "#baocao hôm qua vneid 20");
        assertThat(bot.say("m1", "#xacnhan")).contains("ngày 01/12/2026");
        assertThat(bot.rows("SELECT day || ':' || v.value FROM reports r JOIN report_values v ON v.report_id = r.id "
                + "WHERE r.superseded_by IS NULL ORDER BY day")).containsExactly("2026-12-01:20", "2026-12-02:35");

        // A correction of a day replaces that day only; the old figure stays in the history.
        String again = bot.say("m1", "#baocao ngày 02/12 vneid=40");
        assertThat(again).contains("(trước: 35)", "Số này sẽ thay số của ngày này");
        bot.say("m1", "#xacnhan");
        assertThat(bot.rows("SELECT v.value FROM reports r JOIN report_values v ON v.report_id = r.id "
                + "WHERE r.superseded_by IS NULL AND day = '2026-12-02'")).containsExactly("40");
        String history = bot.say("m1", "#lichsu BP-DXO-01 tuần 49");
        assertThat(history).contains("Ngày 01/12/2026", "Ngày 02/12/2026", "vneid 35 → 40", "đã bị thay thế");
    }

    @Test
    void onlyTheCampaignsIndicatorsAreTakenByDayAndOnlyOnItsDays() throws Exception {
        assertThat(bot.say("m1", "#baocao hôm nay hotro=5")).contains("hotro không báo theo ngày", "#baocao tuần 49/2026 hotro=")
                .contains("Chưa có gì được lưu");
        assertThat(bot.say("m1", "#baocao ngày 20/11 vneid=3")).contains("không thuộc chiến dịch nào");
        assertThat(bot.say("m1", "#baocao ngày 05/12 vneid=3")).contains("chưa bắt đầu");
        assertThat(bot.rows("SELECT COUNT(*) FROM reports")).containsExactly("0");
    }

    @Test
    void theGuidedFlowOffersTodayAndAsksOnlyTheCampaignsIndicators() throws Exception {
        List<TestBot.Sent> choice = bot.send("m1", "#baocao");
        assertThat(choice.get(0).text()).contains("CD1", "90 ngày, đêm VNeID", "ngày 02/12/2026");
        assertThat(choice.get(0).payloads()).containsExactly("#baocao hôm nay", "#baocao tuần 49/2026");
        String q = bot.say("m1", "#baocao hôm nay");
        assertThat(q).contains("Bot sẽ hỏi 1 mục", "Câu 1/1", "trong ngày 02/12");
        assertThat(bot.say("m1", "12")).contains("Ngày 02/12/2026", "12");
        assertThat(bot.say("m1", "#xacnhan")).contains("Đã ghi nhận");
    }

    @Test
    void theWeeklyReportDoesNotAskAgainWhatTheDaysCarryAndTheSummaryCountsItOnce() throws Exception {
        bot.say("m1", "#baocao hôm qua vneid=20");
        bot.say("m1", "#xacnhan");
        bot.say("m1", "#baocao hôm nay vneid=35");
        bot.say("m1", "#xacnhan");

        assertThat(bot.say("m1", "#baocao tuần 49 hotro=50 vneid=55")).contains("vneid của tuần 49", "tổng 55, 2 ngày")
                .contains("Chưa có gì được lưu");
        String guided = bot.say("m1", "#baocao tuần 49");
        assertThat(guided).contains("Bot sẽ hỏi 4 mục", "Câu 1/4");
        bot.say("m1", "#huy");
        String echo = bot.say("m1", "#baocao tuần 49 hotro=50");
        assertThat(echo).contains("vneid: 55 — tổng số theo ngày (2 ngày), không cần nhập lại");
        bot.say("m1", "#xacnhan");

        String summary = bot.say("sec", "#tonghop tuần 49");
        assertThat(summary).contains("Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt: 55", "Lượt người dân được hỗ trợ: 50");
        assertThat(summary).contains("Đã báo cáo: 1/111 đơn vị");
    }
}
