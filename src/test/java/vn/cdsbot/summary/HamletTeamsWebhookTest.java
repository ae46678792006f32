package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.people.People;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.MutableClock;
import vn.cdsbot.testing.TestApp;

/**
 * Two levels of teams through the signed webhook and the fake Zalo, with the demo units: Xã Tân Thành (BP-DXO-07)
 * has three hamlet teams. The commune team and two hamlets report the same week; the commune's leader sees both
 * levels and a total that is the sum of the three own reports; the hamlet that did not report is listed; the
 * leader of another commune sees none of it.
 */
class HamletTeamsWebhookTest {
    private static final Pattern CODE = Pattern.compile("^[A-Z2-9]{8}$", Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("https?://[^\"\\s]+/exports/[A-Za-z0-9_-]+");

    @TempDir Path dir;
    FakeZalo zalo;
    TestApp app;
    MutableClock clock = MutableClock.at("2026-11-24T10:00");   // Tuesday of week 48

    @BeforeEach
    void start() throws Exception {
        zalo = new FakeZalo();
        app = TestApp.production(dir, zalo, clock);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        zalo.close();
    }

    @Test
    void aCommuneLeaderSeesBothLevelsAndNothingIsCountedTwice() throws Exception {
        enrol("lead07", "BP-DXO-07", "leader");
        enrol("lead01", "BP-DXO-01", "leader");
        enrol("sec", "BP", "secretariat");
        enrol("m07", "BP-DXO-07", "member");
        enrol("a1", "BP-DXO-07-A1", "member");
        enrol("a2", "BP-DXO-07-A2", "member");

        // Each team reports its own work for week 48.
        assertThat(say("m07", "#baocao hotro=30 vneid=10")).contains("Xã Tân Thành");
        assertThat(say("m07", "#xacnhan")).contains("Đã ghi");
        assertThat(say("a1", "#baocao hotro=12 vneid=4")).contains("Ấp 1");
        assertThat(say("a1", "#xacnhan")).contains("Đã ghi");
        assertThat(say("a2", "#baocao hotro=5 vneid=1")).contains("Ấp 2");
        assertThat(say("a2", "#xacnhan")).contains("Đã ghi");

        clock.set("2026-12-01T09:00");   // the next Tuesday: week 48 has ended
        String summary = say("lead07", "#tonghop tuần 48");
        assertThat(summary).contains("Xã Tân Thành");
        assertThat(summary).contains("Tổ xã: 1/1").contains("Tổ thôn, ấp: 2/3");
        assertThat(summary).contains("Lượt người dân được hỗ trợ: 47");          // 30 + 12 + 5, each once
        assertThat(summary).contains("Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt: 15");
        assertThat(summary).contains("Tổ xã Xã Tân Thành (số của riêng tổ): đã báo cáo").contains("Hỗ trợ 30");
        assertThat(summary).contains("1. Ấp 1 (minh họa): 1/1 đã báo cáo").contains("Hỗ trợ 12");
        assertThat(summary).contains("2. Ấp 2 (minh họa): 1/1 đã báo cáo").contains("Hỗ trợ 5");
        assertThat(summary).contains("Ấp 3 (minh họa)");

        String missing = say("lead07", "#chuabaocao tuần 48");
        assertThat(missing).contains("1/4 đơn vị chưa báo cáo").contains("Ấp 3 (minh họa) (BP-DXO-07-A3)")
                .doesNotContain("Ấp 1 (minh họa) (").doesNotContain("(BP-DXO-07):");

        // The province counts each level's rate apart, and its total holds each figure once.
        String province = say("sec", "#tonghop tuần 48");
        assertThat(province).contains("Tổ xã: 1/111").contains("Tổ thôn, ấp: 2/5").contains("Lượt người dân được hỗ trợ: 47");

        // Another commune's leader: their own commune and hamlets only.
        String other = say("lead01", "#tonghop tuần 48");
        assertThat(other).contains("Phường Tân Bình").doesNotContain("Tân Thành").doesNotContain("Ấp")
                .contains("Tổ xã: 0/1").contains("Tổ thôn, ấp: 0/2");
        assertThat(say("lead01", "#tonghop tuần 48 BP-DXO-07")).contains("Bạn chỉ xem được số liệu của Phường Tân Bình");
        assertThat(say("lead01", "#chuabaocao tuần 48")).doesNotContain("Ấp 3").contains("Khu phố 2 (minh họa)");
        assertThat(say("lead07", "#lichsu BP-DXO-07-A1")).contains("12");

        // The cluster's workbook: Xã Tân Thành is a subtotal row over its own team's row and its hamlets' rows.
        say("sec", "#xuat tuần 48 BP-DXO");
        Sheet sheet = workbook(lastLink("sec")).getSheetAt(0);
        Row commune = row(sheet, "Xã Tân Thành (3/4 đã báo cáo)");
        Row own = row(sheet, "Tổ xã Xã Tân Thành (số của riêng tổ)");
        Row total = row(sheet, "Tổng cộng");
        assertThat(commune.getCell(2).getCellFormula()).contains("C" + (own.getRowNum() + 1));
        assertThat((long) commune.getCell(2).getNumericCellValue()).isEqualTo(47);
        assertThat((long) own.getCell(2).getNumericCellValue()).isEqualTo(30);
        assertThat((long) total.getCell(2).getNumericCellValue()).isEqualTo(47);
        // The totals row names the commune's subtotal, never its own or hamlet rows again.
        assertThat(total.getCell(2).getCellFormula()).doesNotContain("C" + (own.getRowNum() + 1) + ",")
                .doesNotContain("C" + (own.getRowNum() + 1) + ")");
        long unitRows = 0;
        for (int r = commune.getRowNum() + 1; r < total.getRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(2) != null && row.getCell(2).getCellType() == CellType.NUMERIC
                    && row.getCell(0).getCellType() == CellType.NUMERIC) {
                unitRows += (long) row.getCell(2).getNumericCellValue();
            }
        }
        assertThat(unitRows).isEqualTo(47);

        // The commune's own workbook: its team's row and its hamlets' rows add up to the total, once each.
        say("sec", "#xuat tuần 48 BP-DXO-07");
        Sheet own07 = workbook(lastLink("sec")).getSheetAt(0);
        assertThat(own07.getRow(5).getCell(0).getStringCellValue()).contains("Tổ xã 1/1").contains("Tổ thôn, ấp 2/3");
        assertThat((long) row(own07, "Tổ xã Xã Tân Thành (số của riêng tổ)").getCell(2).getNumericCellValue()).isEqualTo(30);
        assertThat(row(own07, "Ấp 3 (minh họa)").getCell(2).getStringCellValue()).isEqualTo("Chưa báo cáo");
        assertThat((long) row(own07, "Tổng cộng").getCell(2).getNumericCellValue()).isEqualTo(47);

        // The commune's leader invites a member of one of its hamlets in the chat, not of another commune.
        Matcher code = CODE.matcher(say("lead07", "#moi BP-DXO-07-A3 member"));
        assertThat(code.find()).isTrue();
        assertThat(say("a3", "#dangky " + code.group())).contains("Ấp 3 (minh họa) (BP-DXO-07-A3)");
        assertThat(say("lead07", "#moi BP-DXO-01 member")).contains("chỉ mời được thành viên cho đơn vị của mình");
    }

    private void enrol(String user, String unit, String role) throws Exception {
        StringWriter out = new StringWriter();
        int rc = People.cliInvite(TestApp.config(dir, java.util.Map.of()), unit, role, 1, null, clock, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        assertThat(rc).isZero();
        Matcher m = CODE.matcher(out.toString());
        assertThat(m.find()).isTrue();
        assertThat(say(user, "#dangky " + m.group())).contains("Chào mừng");
    }

    /** What the bot answered, all its messages joined. */
    private String say(String user, String text) throws Exception {
        assertThat(app.say(user, text)).isEqualTo(200);
        List<String> parts = new ArrayList<>();
        parts.add(zalo.takeSentTo(user).message().toString());
        for (FakeZalo.Sent s : zalo.drainSent(600)) if (s.userId().equals(user)) parts.add(s.message().toString());
        lastReplies = parts;
        return String.join("\n", parts.stream().map(HamletTeamsWebhookTest::unescape).toList());
    }

    private List<String> lastReplies = List.of();

    private String lastLink(String user) {
        for (String p : lastReplies) {
            Matcher m = LINK.matcher(p);
            if (m.find()) return m.group();
        }
        throw new AssertionError("no export link in " + lastReplies);
    }

    private XSSFWorkbook workbook(String link) throws Exception {
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                link.replaceFirst("^https?://[^/]+", "http://127.0.0.1:" + app.app().port()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(file.body()));
    }

    private static Row row(Sheet sheet, String startsWith) {
        for (Row r : sheet) {
            if (r.getCell(1) != null && r.getCell(1).getCellType() == CellType.STRING
                    && r.getCell(1).getStringCellValue().startsWith(startsWith)) {
                return r;
            }
        }
        throw new AssertionError("no row " + startsWith);
    }

    /** The message JSON as text with its escapes undone, so Vietnamese and line breaks read as sent. */
    private static String unescape(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).toPrettyString().replace("\\n", "\n");
        } catch (Exception e) {
            return json;
        }
    }
}
