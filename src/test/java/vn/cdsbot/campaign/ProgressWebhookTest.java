package vn.cdsbot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.report.TestBot;
import vn.cdsbot.testing.MutableClock;

/**
 * #chiendich and #tiendo through the signed webhook of the real app: a campaign created on the command line with
 * targets for two communes; members of those communes and of one hamlet team report daily figures in chat for two
 * days; the secretariat sees the province, a leader only their commune and its hamlets, members and citizens are
 * refused, and the weekly summary of those days agrees with the campaign (the done-test).
 */
class ProgressWebhookTest {
    @TempDir Path dir;
    MutableClock clock = MutableClock.at("2026-11-30T09:00");
    TestBot bot;

    @BeforeEach
    void setUp() throws Exception {
        bot = new TestBot(dir, clock, CampaignFixture.units(dir));
        CampaignFixture.enrolStaff(bot);

        assertThat(CampaignFixture.createCampaign(bot, clock, "90 ngày, đêm VNeID", "vneid", "unit_code,vneid\nX1,100\nX2,50\n"))
                .isEqualTo("CD1");

        // Two days of figures sent in chat: Xã An Phú's own team and its hamlet Ấp Một, and Xã Bình Minh. Xã Cát
        // Tiên sends nothing.
        bot.say("mx1", "#dangky " + TestBot.code(bot.say("admin", "#moi X1 thanhvien")));
        bot.say("mx2", "#dangky " + TestBot.code(bot.say("admin", "#moi X2 thanhvien")));
        bot.say("ma", "#dangky " + TestBot.code(bot.say("admin", "#moi X1-A thanhvien")));
        clock.set("2026-12-01T19:00");
        daily("mx1", "#baocao hôm nay vneid=10");
        daily("ma", "#baocao hôm nay vneid=8");   // the hamlet team Ấp Một reports its own work
        daily("mx2", "#baocao hôm nay vneid=5");
        clock.set("2026-12-02T08:00");
        daily("mx2", "#baocao hôm qua vneid=4");   // a correction of yesterday: 5 becomes 4…
        daily("mx2", "#baocao ngày 01/12 vneid=5");   // …and back to 5; only the current figure counts
        clock.set("2026-12-02T18:00");
        daily("mx1", "#baocao hôm nay vneid=5");
        daily("ma", "#baocao hôm nay vneid=7");
        daily("mx2", "#baocao hôm nay vneid=5");
        clock.set("2026-12-02T20:00");
    }

    void daily(String user, String report) throws Exception {
        CampaignFixture.daily(bot, user, report);
    }

    @AfterEach
    void tearDown() {
        bot.close();
    }

    @Test
    void secretariatSeesTheProvinceWithTheUnitBehindPlanNamedFirst() throws Exception {
        String p = bot.say("sec", "#tiến độ");
        assertThat(p).contains("TIẾN ĐỘ CHIẾN DỊCH CD1 “90 ngày, đêm VNeID”").contains("Tỉnh Thử Nghiệm")
                .contains("Ngày 2/10 (02/12/2026) · còn 8 ngày");
        // 10 + 5 + 8 + 7 + 5 + 5 = 40 of 150; plan 150 × 2/10 = 30; 110 left over 8 days → 14 a day; 20 a day → 200.
        assertThat(p).contains("Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt: 40/150 (26,67 %)")
                .contains("Kế hoạch đến hết ngày 2: 30 → vượt 10")
                .contains("Nhịp hiện tại 20/ngày, giữ nhịp này cuối chiến dịch đạt 200 (133,33 %)")
                .contains("Cần 14/ngày trong 8 ngày còn lại");
        // Xã Bình Minh 10/50 = 20 % is behind plan (10 of 10 expected… exactly on plan) and furthest behind by %.
        assertThat(p).contains("1. Xã Bình Minh: 10/50 (20,00 %), đúng kế hoạch")
                .contains("2. Xã An Phú: 30/100 (30,00 %), vượt 10 [tổ Xã An Phú 15 · 2 tổ trực thuộc 15]")
                .contains("Chưa có số liệu nào trong chiến dịch (không tính là 0): 1 đơn vị\n– Xã Cát Tiên (X3)");
        assertThat(p.indexOf("Xã Bình Minh")).isLessThan(p.indexOf("Xã An Phú: 30"));
        assertThat(bot.rows("SELECT subject || '|' || detail FROM audit_log WHERE action = 'campaign.tiendo' AND actor = 'sec'"))
                .containsExactly("CD1|scope=T");
    }

    @Test
    void theWeeklySummaryOfThoseDaysAgreesWithTheCampaign() throws Exception {
        clock.set("2026-12-07T13:00");   // week 49 (30/11–06/12) is over; the campaign has no other figures
        String week = bot.say("sec", "#tonghop tuần 49");
        String campaign = bot.say("sec", "#tiendo CD1");
        assertThat(campaign).contains(": 40/150 (26,67 %)");
        assertThat(week).contains("Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt: 40");
    }

    @Test
    void campaignChartDrawsDoneAgainstThePlanLine() throws Exception {
        List<TestBot.Sent> r = bot.send("sec", "#biểu đồ chiến dịch CD1");
        assertThat(r).hasSize(1);
        assertThat(r.get(0).image()).isTrue();
        assertThat(r.get(0).text()).isEqualTo("Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt – Tỉnh Thử Nghiệm, chiến dịch "
                + "CD1 (ngày 2/10): 40/150 (26,67 %), kế hoạch đến nay 30");
        byte[] png = bot.db().read(c -> {
            try (var ps = c.prepareStatement("SELECT content FROM media ORDER BY id DESC LIMIT 1"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(1000);
        // A leader's chart is of their commune; a unit outside it is refused; an indicator the campaign does not track too.
        assertThat(bot.send("lead1", "#bieudo CD1").get(0).text()).contains("Xã An Phú").contains("30/100 (30,00 %)");
        assertThat(bot.say("lead1", "#bieudo CD1 X2")).contains("Bạn chỉ xem được");
        assertThat(bot.say("sec", "#bieudo CD1 hotro")).contains("Chiến dịch CD1 không theo dõi hotro");
        assertThat(bot.say("sec", "#bieudo CD9")).contains("Không tìm thấy chiến dịch \"CD9\"");
    }

    @Test
    void exportHasACampaignSheetWithFormulasThatAgree() throws Exception {
        String reply = bot.say("sec", "#xuat chiến dịch CD1");
        assertThat(reply).contains("4 trang (Tổng hợp, Lịch sử báo cáo, Chưa báo cáo, tiến độ CD1 vneid)");
        String payload = bot.rows("SELECT payload FROM outbox WHERE user_id = 'sec' AND payload LIKE '%/exports/%' "
                + "ORDER BY id DESC LIMIT 1").get(0);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://[^\"]+/exports/[A-Za-z0-9_-]+").matcher(payload);
        assertThat(m.find()).isTrue();
        var file = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                m.group().replaceFirst("^https?://[^/]+", "http://127.0.0.1:" + bot.app.app().port()))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(file.body()))) {
            var sheet = wb.getSheet("CD1 vneid");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(wb.getFontAt(sheet.getRow(7).getCell(1).getCellStyle().getFontIndex()).getFontName())
                    .isEqualTo("Times New Roman");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            java.util.Map<String, org.apache.poi.ss.usermodel.Row> rows = new java.util.HashMap<>();
            for (var row : sheet) {
                var name = row.getCell(1);
                if (name != null) rows.put(name.getStringCellValue(), row);
            }
            var header = sheet.getRow(6);
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("01/12");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("02/12");
            assertThat(header.getCell(7)).isNull();   // days after today have no column
            var x1 = rows.get("Xã An Phú (X1)");
            assertThat(x1.getCell(2).getNumericCellValue()).isEqualTo(100);
            assertThat(x1.getCell(3).getNumericCellValue()).isEqualTo(15);   // its own team; Ấp Một has its own row
            assertThat(x1.getCell(4).getNumericCellValue()).isEqualTo(0.15);
            assertThat(rows.get("Ấp Một (X1-A)").getCell(3).getNumericCellValue()).isEqualTo(15);
            assertThat(rows.get("Xã Cát Tiên (X3)").getCell(5).getStringCellValue()).isEmpty();   // no figure: not 0
            assertThat(rows.get("Xã Cát Tiên (X3)").getCell(3).getStringCellValue()).isEmpty();   // nor "Đã làm" 0
            assertThat(rows.get("Xã Cát Tiên (X3)").getCell(4).getStringCellValue()).isEmpty();   // nor 0 %
            assertThat(rows.get("Ấp Hai (X1-B)").getCell(5).getStringCellValue()).isEmpty();   // a hamlet team too
            var total = rows.get("Tổng cộng");
            assertThat(total.getCell(2).getCellFormula()).isEqualTo("SUM(C8:C12)");   // X1, Ấp Một, Ấp Hai, X2, X3
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(150);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(40);
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(23);   // 10 + 8 + 5 on 01/12
            assertThat(total.getCell(4).getNumericCellValue()).isCloseTo(40.0 / 150, org.assertj.core.data.Offset.offset(1e-9));
        }
        // While a campaign runs, the plain #xuat carries its sheet too.
        assertThat(bot.say("sec", "#xuat")).contains("tiến độ CD1 vneid");
    }

    @Test
    void aUnitBehindPlanIsSaidToBeBehind() throws Exception {
        clock.set("2026-12-03T20:00");   // day 3: nobody reported; Xã Bình Minh's plan is 15, it has 10
        String p = bot.say("sec", "#tiendo CD1");
        assertThat(p).contains("1. Xã Bình Minh: 10/50 (20,00 %), chậm 5")
                .contains("Kế hoạch đến hết ngày 3: 45 → chậm 5");
    }

    @Test
    void aLeaderSeesOnlyTheirOwnCommuneAndItsHamlets() throws Exception {
        String own = bot.say("lead1", "#tiendo");
        assertThat(own).contains("Xã An Phú").contains("30/100 (30,00 %)")
                .contains("Trong đó tổ Xã An Phú tự làm: vneid 15")
                .contains("Có số liệu nhưng chưa giao chỉ tiêu vneid:\n– Ấp Một (X1-A): 15")
                // Hamlet teams report too (units.reporting_kinds: [commune, hamlet]): Ấp Hai's silence is listed apart.
                .contains("Chưa có số liệu nào trong chiến dịch (không tính là 0): 1 đơn vị\n– Ấp Hai (X1-B)")
                .doesNotContain("Bình Minh").doesNotContain("Cát Tiên");
        assertThat(bot.say("lead1", "#tiendo CD1 X1-A")).contains("Ấp Một").contains("15 (chưa giao chỉ tiêu)");
        assertThat(bot.say("lead1", "#tiendo CD1 X2")).contains("Bạn chỉ xem được tiến độ của Xã An Phú");
        assertThat(bot.say("lead1", "#tiendo CD1 T")).contains("Bạn chỉ xem được tiến độ của Xã An Phú");
        assertThat(bot.say("lead1", "#chiendich CD1")).contains("Chỉ tiêu (Xã An Phú):\n• Tài khoản VNeID "
                + "được hướng dẫn đăng ký/kích hoạt: 100");
    }

    @Test
    void membersAndCitizensAreRefused() throws Exception {
        assertThat(bot.say("m1", "#tiendo")).startsWith("Xin lỗi, với vai trò thành viên, bạn chưa được dùng lệnh #tiendo");
        assertThat(bot.say("m1", "#chiendich")).startsWith("Xin lỗi, với vai trò thành viên");
        assertThat(bot.say("citizen", "#tiendo")).startsWith("Xin lỗi, lệnh #tiendo chỉ dành cho");
        assertThat(bot.say("lead1", "#trogiup")).contains("#tiendo [MÃ] [MÃ ĐƠN VỊ]").contains("#chiendich [MÃ]");
        assertThat(bot.say("m1", "#trogiup")).doesNotContain("#tiendo").doesNotContain("#chiendich");
        assertThat(bot.rows("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'campaign.%' AND actor IN ('m1', 'citizen')"))
                .containsExactly("0");
    }

    @Test
    void campaignsListedAndShownWithHowTargetsWereSet() throws Exception {
        bot.db().inTransaction(tx -> Campaigns.create(tx, "Thanh toán số", java.time.LocalDate.of(2027, 1, 1),
                java.time.LocalDate.of(2027, 1, 31), List.of("thanhtoan"), java.util.Map.of(), "cli", 0));
        List<TestBot.Sent> listed = bot.send("sec", "#chiến dịch");
        assertThat(listed.get(0).text()).contains("Đang diễn ra:\n• CD1 “90 ngày, đêm VNeID” 01/12–10/12/2026, ngày 2/10")
                .contains("Sắp bắt đầu:\n• CD2 “Thanh toán số” 01/01–31/01/2027");
        assertThat(listed.get(0).payloads()).containsExactly("#chiendich CD1", "#chiendich CD2");
        String one = bot.say("sec", "#chiendich cd1");
        assertThat(one).contains("CHIẾN DỊCH CD1 “90 ngày, đêm VNeID”").contains("10 ngày · đang diễn ra, ngày 2/10")
                .contains("Chỉ tiêu (Tỉnh Thử Nghiệm):\n• Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt: 150")
                .contains("Chỉ tiêu giao cho 2 đơn vị").contains("(từ dòng lệnh)");
        assertThat(bot.say("sec", "#chiendich CD7")).contains("Không tìm thấy chiến dịch \"CD7\". Các mã hiện có: CD2, CD1.");

        clock.set("2026-12-20T09:00");   // over: still readable
        assertThat(bot.say("sec", "#chiendich")).contains("Đã kết thúc (vẫn xem được):\n• CD1");
        List<TestBot.Sent> none = bot.send("sec", "#tiendo");
        assertThat(none.get(0).text()).contains("Hôm nay không có chiến dịch nào đang diễn ra");
        assertThat(none.get(0).payloads()).containsExactly("#tiendo CD2 T", "#tiendo CD1 T");
        assertThat(bot.say("sec", "#tiendo CD1")).contains("Đã kết thúc: đủ 10 ngày").contains("Còn thiếu 110");
    }

    @Test
    void severalRunningCampaignsAreOfferedAsButtons() throws Exception {
        bot.db().inTransaction(tx -> Campaigns.create(tx, "Thanh toán số", java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2026, 12, 31), List.of("thanhtoan"),
                java.util.Map.of(), "cli", 0));
        List<TestBot.Sent> r = bot.send("lead1", "#tiendo");
        assertThat(r.get(0).text()).contains("2 chiến dịch đang diễn ra");
        assertThat(r.get(0).payloads()).containsExactlyInAnyOrder("#tiendo CD1 X1", "#tiendo CD2 X1");
    }
}
