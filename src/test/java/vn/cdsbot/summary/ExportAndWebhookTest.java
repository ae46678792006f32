package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import vn.cdsbot.webhook.SignatureVerifier;

/** The real app on a free port: export links over HTTP, and the role refusal through the signed webhook. */
class ExportAndWebhookTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    App app;
    MutableClock clock;
    ChatRouter router;
    final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    final AtomicLong inbox = new AtomicLong();
    String base;

    @BeforeEach
    void start() {
        // Build the data first (the app opens the same file and finds the schema migrated).
        SummarizerTest.handChecked(dir).member("sec", "BP", "secretariat", "Văn phòng BCĐ").close();
        clock = new MutableClock(SummaryCommandsTest.NOW);
        Path configFile = configWithTheTestUnits(dir);
        BotConfig config = ConfigLoader.load(configFile, true, java.util.Map.of(
                "CDSBOT_DB", dir.resolve("test.db").toString(), "CDSBOT_PORT", "0")).config();
        app = App.start(config, ZaloCredentials.LOCAL, clock);
        base = "http://127.0.0.1:" + app.port();
        BotConfig withUrl = ConfigLoader.load(configFile, true, java.util.Map.of(
                "CDSBOT_DB", dir.resolve("test.db").toString(), "CDSBOT_PORT", "0", "CDSBOT_PUBLIC_URL", base)).config();
        router = new ChatRouter(Summaries.create(withUrl, app.database(), vn.cdsbot.period.ReportingCalendar.from(withUrl), clock, () -> {},
                        List.of(), vn.cdsbot.testing.TestApp.PATIENT).commands(),
                TestData.membersResolver(), (m, s, tx) -> List.of(), clock);
    }

    /** The app re-reads the units CSV on start: give it the same units the test data has (and no commune directory). */
    static Path configWithTheTestUnits(Path dir) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("test.db"));
             var rs = c.createStatement().executeQuery("SELECT code, name, COALESCE(parent_code, ''), kind FROM units WHERE active = 1")) {
            StringBuilder csv = new StringBuilder("code,name,parent_code,kind\n");
            while (rs.next()) {
                csv.append(rs.getString(1)).append(',').append(rs.getString(2)).append(',')
                        .append(rs.getString(3)).append(',').append(rs.getString(4)).append('\n');
            }
            Path units = dir.resolve("units.csv");
            java.nio.file.Files.writeString(units, csv);
            Path config = dir.resolve("bot-config.yaml");
            java.nio.file.Files.writeString(config, java.nio.file.Files.readString(Path.of("bot-config.yaml"))
                    .replace("file: data/units-binh-phuoc.csv", "file: " + units)
                    .replace("directory: data/commune-directory-binh-phuoc.csv", "directory: \"\""));   // the demo's units only
            return config;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String exportLink(String args) {
        List<Reply> replies = app.database().inTransaction(tx -> router.handle(
                new Incoming(inbox.incrementAndGet(), "sec", "#xuat " + args, clock.instant()), tx));
        Button b = ((Reply.Text) replies.get(0)).buttons().get(0);
        assertThat(b.kind()).isEqualTo(Button.Kind.URL);
        assertThat(b.title()).isEqualTo("Tải báo cáo Excel");
        return b.payload();
    }

    @Test
    void exportLinkDownloadsTheSpreadsheetThenExpires() throws Exception {
        String link = exportLink("");
        assertThat(link).matches(java.util.regex.Pattern.quote(base) + "/exports/[A-Za-z0-9_-]{43}");
        try (Response r = http.newCall(new Request.Builder().url(link).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith(ExportRoutes.XLSX);
            assertThat(r.header("Content-Disposition")).contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20tu%E1%BA%A7n%2047-2026");
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            byte[] body = r.body().bytes();
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
                assertThat(wb.getNumberOfSheets()).isEqualTo(3);
                Sheet s1 = wb.getSheetAt(0);
                assertThat(s1.getSheetName()).isEqualTo("Tổng hợp");
                assertThat(s1.getRow(0).getCell(7).getStringCellValue()).isEqualTo("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                assertThat(s1.getRow(1).getCell(0).getStringCellValue()).isEqualTo("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH");
                Row header = s1.getRow(ExcelExport.HEADER_ROW);
                Row sub = s1.getRow(ExcelExport.HEADER_ROW + 1);
                assertThat(header.getCell(0).getStringCellValue()).isEqualTo("STT");
                assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Đơn vị");
                assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Tuần 47/2026");
                assertThat(header.getCell(7).getStringCellValue()).isEqualTo("Tuần trước (46/2026)");
                assertThat(header.getCell(12).getStringCellValue()).isEqualTo("Lũy kế từ tuần 2/2026");
                assertThat(header.getCell(17).getStringCellValue()).isEqualTo("So với tuần trước");
                assertThat(header.getCell(18).getStringCellValue()).isEqualTo("Ghi chú");
                assertThat(sub.getCell(2).getStringCellValue()).isEqualTo("Hỗ trợ");
                assertThat(sub.getCell(12).getStringCellValue()).isEqualTo("Hỗ trợ");
                Row total = rowNamed(s1, "Tổng cộng");
                assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng (3/4 đã báo cáo)");
                // Cached results: this week, the week before (all four reported), cumulative since the campaign start.
                assertThat(List.of(2, 3, 4, 5, 6).stream().map(i -> (long) total.getCell(i).getNumericCellValue()))
                        .containsExactly(17L, 3L, 4L, 1L, 2L);
                assertThat((long) total.getCell(7).getNumericCellValue()).isEqualTo(21);
                assertThat((long) total.getCell(12).getNumericCellValue()).isEqualTo(38);
                // The per-unit rows add up to the total; the missing unit says so in every figure of its week.
                long sum = 0;
                boolean missingNoted = false;
                for (int r2 = ExcelExport.FIRST_DATA_ROW; r2 < total.getRowNum(); r2++) {
                    Row row = s1.getRow(r2);
                    if (row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && row.getCell(2).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        sum += (long) row.getCell(2).getNumericCellValue();
                    }
                    if (row.getCell(1).getStringCellValue().equals("Xã Long Giang")) {
                        missingNoted = row.getCell(18).getStringCellValue().equals("Chưa báo cáo")
                                && row.getCell(2).getStringCellValue().equals("Chưa báo cáo")
                                && row.getCell(7).getNumericCellValue() == 4;
                    }
                }
                assertThat(sum).isEqualTo(17);
                assertThat(missingNoted).isTrue();
                Sheet s2 = wb.getSheet("Lịch sử báo cáo");
                assertThat(s2.getLastRowNum() - 2).isEqualTo(4); // 3 current reports + 1 superseded version
                long superseded = 0;
                for (int r2 = 3; r2 <= s2.getLastRowNum(); r2++) {
                    if (s2.getRow(r2).getCell(10).getStringCellValue().startsWith("Đã thay thế")) superseded++;
                }
                assertThat(superseded).isEqualTo(1);
                Sheet s3 = wb.getSheet("Chưa báo cáo");
                assertThat(s3.getLastRowNum()).isEqualTo(3);
                assertThat(s3.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Xã Long Giang");
            }
        }
        long downloads = app.database().read(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'summary.export_download' AND subject = 'BP'")) {
                return rs.getLong(1);
            }
        });
        assertThat(downloads).isEqualTo(1);
        // Tampering with the token: unknown.
        String token = link.substring(link.lastIndexOf('/') + 1);
        String tampered = link.substring(0, link.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(get(tampered)).isEqualTo(404);
        assertThat(get(base + "/exports/abc")).isEqualTo(404);
        assertThat(get(link)).isEqualTo(200);
        // After 24 h: expired, and the purge job drops the file.
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        try (Response r = http.newCall(new Request.Builder().url(link).build()).execute()) {
            assertThat(r.code()).isEqualTo(410);
            assertThat(r.body().string()).contains("Liên kết tải báo cáo này đã hết hạn");
        }
        vn.cdsbot.config.BotConfig cfg = ConfigLoader.load(Path.of("bot-config.yaml"), true, java.util.Map.of(
                "CDSBOT_DB", dir.resolve("test.db").toString())).config();
        Summaries s = Summaries.create(cfg, app.database(), vn.cdsbot.period.ReportingCalendar.from(cfg), clock, () -> {});
        s.runSchedule();
        long withContent = app.database().read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM summary_exports WHERE content IS NOT NULL")) {
                return rs.getLong(1);
            }
        });
        assertThat(withContent).isZero();
        assertThat(get(link)).isEqualTo(410);
    }

    @Test
    void theSpreadsheetPrintsOnePageWideInTimesNewRomanWithFormulaTotals() throws Exception {
        byte[] body;
        try (Response r = http.newCall(new Request.Builder().url(exportLink("")).build()).execute()) {
            body = r.body().bytes();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            for (Sheet sheet : wb) {
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                assertThat(sheet.getFitToPage()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
                assertThat(sheet.getRepeatingRows()).isNotNull();
                // Every used cell, styled or not, is in Times New Roman.
                for (Row row : sheet) {
                    for (var cell : row) {
                        assertThat(wb.getFontAt(cell.getCellStyle().getFontIndex()).getFontName())
                                .as(sheet.getSheetName() + "!" + cell.getAddress()).isEqualTo("Times New Roman");
                    }
                }
            }
            Sheet s1 = wb.getSheet("Tổng hợp");
            assertThat(s1.getRepeatingRows().getFirstRow()).isEqualTo(ExcelExport.HEADER_ROW);
            assertThat(s1.getRepeatingRows().getLastRow()).isEqualTo(ExcelExport.HEADER_ROW + 1);

            Row total = rowNamed(s1, "Tổng cộng");
            Row dongXoai = rowNamed(s1, "Cụm Đồng Xoài");
            Row phuocLong = rowNamed(s1, "Cụm Phước Long");
            // The totals row adds the two clusters' rows, each cluster its own units' rows: no double counting.
            assertThat(total.getCell(2).getCellFormula())
                    .isEqualTo("IF(COUNT(C" + (dongXoai.getRowNum() + 1) + ",C" + (phuocLong.getRowNum() + 1)
                            + ")=0,\"Chưa báo cáo\",SUM(C" + (dongXoai.getRowNum() + 1) + ",C" + (phuocLong.getRowNum() + 1) + "))");
            assertThat(dongXoai.getCell(2).getCellFormula()).contains("SUM(C" + (dongXoai.getRowNum() + 2) + ":C");
            var evaluator = wb.getCreationHelper().createFormulaEvaluator();
            evaluator.clearAllCachedResultValues();
            long[] expected = {17, 3, 4, 1, 2};
            for (int i = 0; i < 5; i++) {
                assertThat(evaluator.evaluate(total.getCell(2 + i)).getNumberValue()).isEqualTo(expected[i]);
            }
            assertThat(evaluator.evaluate(total.getCell(7)).getNumberValue()).isEqualTo(21);   // the week before
            assertThat(evaluator.evaluate(total.getCell(12)).getNumberValue()).isEqualTo(38);  // since the campaign start
            assertThat(evaluator.evaluate(dongXoai.getCell(2)).getNumberValue()).isEqualTo(10);
            assertThat(evaluator.evaluate(phuocLong.getCell(2)).getNumberValue()).isEqualTo(7);

            // A figure corrected by hand in the sheet flows into its cluster and the total.
            Row tanBinh = rowNamed(s1, "Phường Tân Bình");
            tanBinh.getCell(2).setCellValue(110);
            evaluator.clearAllCachedResultValues();
            assertThat(evaluator.evaluate(dongXoai.getCell(2)).getNumberValue()).isEqualTo(110);
            assertThat(evaluator.evaluate(total.getCell(2)).getNumberValue()).isEqualTo(117);
        }
    }

    static Row rowNamed(Sheet sheet, String prefix) {
        for (Row row : sheet) {
            var c = row.getCell(1);
            if (c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && c.getStringCellValue().startsWith(prefix)) return row;
        }
        throw new AssertionError("no row starting with " + prefix);
    }

    private int get(String url) throws Exception {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.code();
        }
    }

    @Test
    void citizenIsRefusedThroughTheSignedWebhook() throws Exception {
        String body = JSON.createObjectNode()
                .put("app_id", ZaloCredentials.LOCAL.appId())
                .put("event_name", "user_send_text")
                .put("timestamp", String.valueOf(clock.millis()))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("sender", JSON.createObjectNode().put("id", "citizen-1"))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("recipient", JSON.createObjectNode().put("id", "local-oa"))
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("message",
                        JSON.createObjectNode().put("msg_id", "m-1").put("text", "#tonghop"))
                .toString();
        String ts = String.valueOf(clock.millis());
        String sig = SignatureVerifier.sign(ZaloCredentials.LOCAL.appId(), body.getBytes(StandardCharsets.UTF_8), ts,
                ZaloCredentials.LOCAL.oaSecretKey());
        try (Response r = http.newCall(new Request.Builder().url(base + "/webhook/zalo")
                .header("X-ZEvent-Signature", sig)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
        JsonNode messages = await().atMost(java.time.Duration.ofSeconds(10)).until(() -> {
            try (Response r = http.newCall(new Request.Builder().url(base + "/dev/chat/messages?user=citizen-1").build()).execute()) {
                return JSON.readTree(r.body().string());
            }
        }, m -> m.size() > 0);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("text").asText()).startsWith("Xin lỗi, lệnh #tonghop chỉ dành cho");
        long audited = app.database().read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_log WHERE actor = 'citizen-1'")) {
                return rs.getLong(1);
            }
        });
        assertThat(audited).isZero();
    }
}
