package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.period.Week;
import vn.cdsbot.testing.MutableClock;

/**
 * A week of reports through the signed webhook, then the steering summaries: the secretariat gets correct totals,
 * the non-reporters, a chart and a working export; a leader sees only their own group; a member is refused.
 */
class WeekToSummaryEndToEndTest {
    @TempDir Path dir;
    MutableClock clock = MutableClock.at("2026-11-24T10:00"); // Tuesday of week 48
    TestBot bot;

    @AfterEach
    void stop() {
        if (bot != null) bot.close();
    }

    @Test
    void secretariatSummarisesAWeekReportedByChat() throws Exception {
        bot = new TestBot(dir, clock);
        assertThat(bot.say("admin", "#dangky " + bot.cliInvite("BP", "admin"))).contains("quản trị");
        assertThat(bot.say("sec", "#dangky " + TestBot.code(bot.say("admin", "#moi BP thuky")))).contains("thư ký");
        assertThat(bot.say("lead", "#dangky " + TestBot.code(bot.say("admin", "#moi BP-DXO totruong")))).contains("tổ trưởng");
        assertThat(bot.say("m1", "#dangky " + TestBot.code(bot.say("admin", "#moi BP-DXO-01 thanhvien")))).contains("thành viên");
        assertThat(bot.say("m2", "#dangky " + TestBot.code(bot.say("admin", "#moi BP-DXO-02 thanhvien")))).contains("thành viên");
        assertThat(bot.say("m3", "#dangky " + TestBot.code(bot.say("admin", "#moi BP-PLO-01 thanhvien")))).contains("thành viên");

        // Week 48 reports (one later corrected), sent during week 48.
        bot.say("m1", "#baocao hotro=30 vneid=10 dvc=5");
        bot.say("m1", "#xacnhan");
        bot.say("m1", "#baocao hotro=35 vneid=12 dvc=5");
        bot.say("m1", "#xacnhan");
        bot.say("m2", "#báo cáo hỗ trợ 20, vneid 8, dvc 0");
        bot.say("m2", "#xacnhan");
        bot.say("m3", "#baocao hotro=7 vneid=2 dvc=1 thanhtoan=3 tuyentruyen=1");
        bot.say("m3", "#xacnhan");

        clock.set("2026-12-01T09:00");   // the next Tuesday: week 48 has just ended
        String summary = bot.say("sec", "#tonghop tuần 48");
                assertThat(summary).contains("TUẦN 48/2026").contains("23/11–29/11/2026");
        assertThat(summary).contains("Tổ xã: 3/111").contains("Tổ thôn, ấp: 0/5");   // the two levels' rates apart
        assertThat(summary).contains("Lượt người dân được hỗ trợ: 62");  // 35 + 20 + 7: the correction counts once
        assertThat(summary).contains("Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt: 22");
        assertThat(summary).contains("1. Cụm Đồng Xoài: 2/13 đã báo cáo");   // 8 communes and 5 demo hamlets
        assertThat(summary).contains("và ");                            // non-reporters listed, then "và N đơn vị khác"

        String missing = bot.say("sec", "#chuabaocao tuần 48 BP-DXO");
        assertThat(missing).doesNotContain("– Phường Tân Bình (BP-DXO-01)").contains("BP-DXO");   // its hamlets may be listed under it

        List<TestBot.Sent> chart = bot.send("sec", "#bieudo hotro");
        assertThat(chart).anySatisfy(s -> assertThat(s.text()).isNotNull());
        long images = Long.parseLong(bot.rows("SELECT COUNT(*) FROM media").get(0));
        assertThat(images).isGreaterThanOrEqualTo(1);

        assertThat(bot.send("sec", "#xuat tuần 48")).isNotEmpty();
        String payload = bot.rows("SELECT payload FROM outbox WHERE user_id = 'sec' AND payload LIKE '%/exports/%' "
                + "ORDER BY id DESC LIMIT 1").get(0);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://[^\"]+/exports/[A-Za-z0-9_-]+").matcher(payload);
        assertThat(m.find()).isTrue();
        String link = m.group();
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                link.replaceFirst("^https?://[^/]+", "http://127.0.0.1:" + bot.app.app().port()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file.body()))) {
            var sheet = wb.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row total = null;   // the totals row; a legend follows it
            for (var row : sheet) {
                var name = row.getCell(1);
                if (name != null && name.toString().startsWith("Tổng cộng")) total = row;
            }
            assertThat(total).isNotNull();
            assertThat((long) total.getCell(2).getNumericCellValue()).isEqualTo(62);
            assertThat((long) total.getCell(3).getNumericCellValue()).isEqualTo(22);
        }

        // A group leader sees only the group: Phước Long's report is not in it.
        String leaderView = bot.say("lead", "#tonghop tuần 48");
        assertThat(leaderView).contains("55").doesNotContain("Phước Long");
        assertThat(bot.say("lead", "#tonghop tuần 48 BP-PLO")).doesNotContain("Xã");
        // Members and citizens are refused politely.
        assertThat(bot.say("m1", "#tonghop")).contains("Xin lỗi");
        assertThat(bot.say("citizen", "#xuat")).contains("Xin lỗi");
    }
}
