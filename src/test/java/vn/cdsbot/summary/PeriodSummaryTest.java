package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.period.Week;
import vn.cdsbot.testing.MutableClock;

/**
 * #tonghop over months, quarters and the year on a case checked by hand: October 2026 is weeks 40–44, and both
 * its first week (28/09–04/10) and its last (26/10–01/11) straddle a month boundary.
 */
class PeriodSummaryTest {
    /** Wednesday 2/12/2026: October and November have ended. */
    static final Instant AFTER = LocalDate.of(2026, 12, 2).atTime(10, 0).atZone(TestData.ZONE).toInstant();
    /** Wednesday 18/11/2026, in week 47: November is running. */
    static final Instant DURING_NOVEMBER = LocalDate.of(2026, 11, 18).atTime(10, 0).atZone(TestData.ZONE).toInstant();

    @TempDir
    Path dir;
    TestData t;
    final AtomicLong inbox = new AtomicLong();

    static Week week(int year, int n) {
        return Week.of(year, n).orElseThrow();
    }

    /**
     * Hotro figures (the other indicators 1 each): Tân Bình reports every week of October, 10 a week (50), 5 a week
     * in September (20) and 30 once in October 2025; Tân Đồng 4 in weeks 40, 41, 43 (12, two weeks missed); Long
     * Phước 7 in week 44 only (the straddling week counts in October), 3 + 1 in September and 100 in week 45
     * (November, not October); Long Giang never.
     */
    static TestData months(Path dir) {
        TestData t = new TestData(dir);
        t.unit("BP", "Tỉnh Bình Phước", null, "province")
                .unit("BP-DXO", "Cụm Đồng Xoài", "BP", "group")
                .unit("BP-DXO-01", "Phường Tân Bình", "BP-DXO", "commune")
                .unit("BP-DXO-02", "Phường Tân Đồng", "BP-DXO", "commune")
                .unit("BP-PLO", "Cụm Phước Long", "BP", "group")
                .unit("BP-PLO-01", "Phường Long Phước", "BP-PLO", "commune")
                .unit("BP-PLO-02", "Xã Long Giang", "BP-PLO", "commune")
                .member("sec", "BP", "secretariat", "Văn phòng BCĐ")
                .member("lead-dxo", "BP-DXO", "leader", "Trần Thị Hoa")
                .member("mem", "BP-DXO-01", "member", "Nguyễn Văn Tư");
        for (int w = 40; w <= 44; w++) t.report("BP-DXO-01", week(2026, w), 10, 1, 1, 1, 1);
        for (int w = 36; w <= 39; w++) t.report("BP-DXO-01", week(2026, w), 5, 1, 1, 1, 1);
        t.report("BP-DXO-01", week(2025, 42), 30, 1, 1, 1, 1);
        for (int w : new int[] {40, 41, 43}) t.report("BP-DXO-02", week(2026, w), 4, 1, 1, 1, 1);
        t.report("BP-PLO-01", week(2026, 44), 7, 1, 1, 1, 1);
        t.report("BP-PLO-01", week(2026, 39), 3, 1, 1, 1, 1);
        t.report("BP-PLO-01", week(2026, 36), 1, 1, 1, 1, 1);
        t.report("BP-PLO-01", week(2026, 45), 100, 1, 1, 1, 1);
        return t;
    }

    @BeforeEach
    void setUp() {
        t = months(dir);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    List<Reply> send(String user, String text, Instant now) {
        BotConfig config = TestData.config(dir);
        MutableClock clock = new MutableClock(now);
        // A patient desk: the document comes with the reply it answers, however slow the machine.
        ChatRouter router = new ChatRouter(Summaries.create(config, t.db, vn.cdsbot.period.ReportingCalendar.from(config),
                clock, () -> {}, List.of(), vn.cdsbot.testing.TestApp.PATIENT).commands(), TestData.membersResolver(),
                (m, s, tx) -> List.of(Reply.text("kb")), clock);
        return t.db.inTransaction(tx -> router.handle(new Incoming(inbox.incrementAndGet(), user, text, now), tx));
    }

    PeriodSummary summarize(String scope, vn.cdsbot.period.Period p, Instant now) {
        BotConfig config = TestData.config(dir);
        Summarizer s = new Summarizer(Settings.from(config, vn.cdsbot.period.ReportingCalendar.from(config)));
        return t.read(c -> {
            vn.cdsbot.people.UnitTree tree = vn.cdsbot.people.UnitTree.load(c);
            return s.summarizePeriod(c, tree, tree.get(scope).orElseThrow(), p, now);
        });
    }

    @Test
    void octoberIsTheSumOfItsWholeWeeksComparedLikeWithLike() {
        PeriodSummary s = summarize("BP", new vn.cdsbot.period.Month(java.time.YearMonth.of(2026, 10)), AFTER);
        assertThat(s.weeks()).extracting(Week::number).containsExactly(40, 41, 42, 43, 44);
        assertThat(s.running()).isFalse();
        PeriodSummary.Tally t = s.total();
        assertThat(t.totals()).containsExactly(69, 9, 9, 9, 9);   // 50 + 12 + 7; week 45's 100 is November's
        assertThat(t.units()).isEqualTo(4);
        assertThat(t.full()).isEqualTo(1);
        assertThat(t.partial()).isEqualTo(2);
        assertThat(t.none()).isEqualTo(1);
        assertThat(t.weeksExpected()).isEqualTo(20);
        assertThat(t.weeksReported()).isEqualTo(9);
        // September: Tân Bình 20, Long Phước 4; Tân Đồng did not report then, so it is left out of the change.
        assertThat(t.previous().units()).isEqualTo(2);
        assertThat(t.previous().now()[0]).isEqualTo(57);
        assertThat(t.previous().before()[0]).isEqualTo(24);
        assertThat(t.previousTotals()[0]).isEqualTo(24);
        // October 2025: only Tân Bình.
        assertThat(s.sameLastYearHasData()).isTrue();
        assertThat(t.sameLastYear().units()).isEqualTo(1);
        assertThat(t.sameLastYear().now()[0]).isEqualTo(50);
        assertThat(t.sameLastYear().before()[0]).isEqualTo(30);
        // Cumulative since the campaign start (5/1/2026) to week 44: 2025 and week 45 left out.
        assertThat(s.cumulative()[0]).isEqualTo(20 + 50 + 12 + 4 + 7);
        assertThat(s.parts()).extracting(p -> p.unit().code()).containsExactly("BP-DXO", "BP-PLO");
        assertThat(s.parts().get(1).tally().totals()[0]).isEqualTo(7);
    }

    @Test
    void tonghopForAMonthNamesItsWeeksAndComparesWithTheMonthBeforeAndLastYear() {
        List<Reply> replies = send("sec", "#tonghop tháng 10", AFTER);
        String text = SummaryCommandsTest.text(replies);
        assertThat(text)
                .contains("TỔNG HỢP THÁNG 10/2026\nTuần 40–44, 28/09–01/11/2026 · Tỉnh Bình Phước")
                .contains("Đủ 5/5 tuần: 1 đơn vị; thiếu tuần: 2; chưa báo tuần nào: 1 (trên 4 đơn vị phải báo cáo)")
                .contains("Đã báo 9/20 tuần-đơn vị (45,00 %)")
                .contains("Kết quả của 3/4 đơn vị có báo cáo")
                .contains("• Lượt người dân được hỗ trợ: 69\n   So với tháng trước: Tăng 33 (137,50 %) · "
                        + "So với cùng kỳ: Tăng 20 (66,67 %) · Lũy kế 93")
                .contains("So với tháng trước (tháng 9/2026): tính trên 2 đơn vị có báo cáo cả hai kỳ.")
                .contains("So với cùng kỳ (tháng 10/2025): tính trên 1 đơn vị có báo cáo cả hai kỳ.")
                .contains("1. Cụm Đồng Xoài: 1/2 đơn vị đủ tuần, 8/10 tuần\nHỗ trợ 62 (▲30)")
                .contains("2. Cụm Phước Long: 0/2 đơn vị đủ tuần, 1/10 tuần\nHỗ trợ 7 (▲3)")
                .contains("Chưa báo tuần nào (1):\n– Xã Long Giang (Cụm Phước Long)")
                .contains("Thiếu tuần (2):\n– Phường Long Phước (Cụm Phước Long): 1/5 tuần\n– Phường Tân Đồng (Cụm Đồng Xoài): 3/5 tuần")
                .doesNotContain("ĐANG DIỄN RA").doesNotContain("100");
        Button b = ((Reply.Text) replies.get(replies.size() - 1)).buttons().get(0);
        assertThat(b.title()).isEqualTo("Xem tháng 9/2026");
        assertThat(b.payload()).isEqualTo("#tonghop tháng 9/2026 BP");
        long audited = t.count("SELECT COUNT(*) FROM audit_log WHERE action = 'summary.tonghop' AND detail = 'period=tháng 10/2026'");
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void withoutLastYearsDataTheSamePeriodIsNotComparedAndSaysSo() {
        String text = SummaryCommandsTest.text(send("sec", "#tonghop tháng 9/2026", AFTER));
        assertThat(text).contains("TỔNG HỢP THÁNG 9/2026\nTuần 36–39, 31/08–27/09/2026")
                .contains("• Lượt người dân được hỗ trợ: 24\n   Lũy kế 24")
                .contains("Chưa có số liệu cùng kỳ (tháng 9/2025).")
                .contains("Chưa so được với tháng trước (tháng 8/2026): không đơn vị nào báo cáo cả hai kỳ.")
                .doesNotContain("So với cùng kỳ:").doesNotContain("100 %").doesNotContain("100,00 %");
    }

    @Test
    void aRunningMonthIsMarkedAndCountsOnlyTheWeeksBegun() {
        String text = SummaryCommandsTest.text(send("sec", "#tonghop tháng 11", DURING_NOVEMBER));
        assertThat(text).contains("TỔNG HỢP THÁNG 11/2026 (ĐANG DIỄN RA)\nTuần 45–48, 02/11–29/11/2026")
                .contains("Đủ 3/3 tuần: 0 đơn vị; thiếu tuần: 1; chưa báo tuần nào: 3 (trên 4 đơn vị phải báo cáo)")
                .contains("Tháng 11/2026 chưa kết thúc: số liệu tính đến hôm nay, gồm 3/4 tuần; tuần 47 các tổ gửi đến hạn chót 12:00 thứ Hai 23/11/2026.")
                .contains("• Lượt người dân được hỗ trợ: 100\n   Lũy kế 193")
                .contains("Tháng 11/2026 đang diễn ra: so sánh với tháng trước (tháng 10/2026) và cùng kỳ khi kỳ này kết thúc.")
                .doesNotContain("So với tháng trước:");
    }

    @Test
    void quartersAndTheYearAddUpTheirMonths() {
        assertThat(summarize("BP", new vn.cdsbot.period.Quarter(2026, 3), AFTER).total().totals()[0]).isEqualTo(24);
        PeriodSummary q4 = summarize("BP", new vn.cdsbot.period.Quarter(2026, 4), AFTER);
        assertThat(q4.running()).isTrue();
        assertThat(q4.total().totals()[0]).isEqualTo(169);
        PeriodSummary year = summarize("BP", new vn.cdsbot.period.Year(2026), AFTER);
        assertThat(year.total().totals()[0]).isEqualTo(24 + 69 + 100);
        assertThat(year.sameLastYear()).isNull();
        String text = SummaryCommandsTest.text(send("sec", "#tonghop quý 3", AFTER));
        assertThat(text).contains("TỔNG HỢP QUÝ 3/2026\nTuần 27–39, 29/06–27/09/2026");
        assertThat(SummaryCommandsTest.text(send("sec", "#tonghop năm", AFTER))).startsWith("TỔNG HỢP NĂM 2026 (ĐANG DIỄN RA)");
        assertThat(SummaryCommandsTest.text(send("sec", "#tonghop nam BP-DXO", AFTER)))
                .startsWith("TỔNG HỢP NĂM 2026 (ĐANG DIỄN RA)\nTuần 1–53, 29/12/2025–03/01/2027 · Cụm Đồng Xoài");
        text = SummaryCommandsTest.text(send("sec", "#tonghop năm 2026", AFTER));
        assertThat(text).contains("TỔNG HỢP NĂM 2026 (ĐANG DIỄN RA)\nTuần 1–53, 29/12/2025–03/01/2027");
    }

    @Test
    void aLeaderSeesOwnSubtreeAndMembersAreRefused() {
        String text = SummaryCommandsTest.text(send("lead-dxo", "#tonghop tháng 10", AFTER));
        assertThat(text).contains("Cụm Đồng Xoài").contains("• Lượt người dân được hỗ trợ: 62").doesNotContain("Long Phước");
        assertThat(SummaryCommandsTest.text(send("lead-dxo", "#tonghop tháng 10 BP-PLO", AFTER)))
                .startsWith("Bạn chỉ xem được số liệu của Cụm Đồng Xoài");
        for (String user : List.of("mem", "citizen-1")) {
            assertThat(SummaryCommandsTest.text(send(user, "#tonghop tháng 10", AFTER))).as(user).startsWith("Xin lỗi");
        }
        // 1/1/2027 is a Friday: January's first week starts on Monday 4/1, so on 2/1 there is nothing to sum yet.
        assertThat(SummaryCommandsTest.text(send("sec", "#tonghop tháng 1/2027",
                LocalDate.of(2027, 1, 2).atTime(9, 0).atZone(TestData.ZONE).toInstant())))
                .isEqualTo("Tháng 1/2027 tính từ tuần 1 (04/01–10/01/2027), chưa có tuần nào bắt đầu.\n");
        assertThat(SummaryCommandsTest.text(send("sec", "#chuabaocao tháng 10", AFTER)))
                .startsWith("Danh sách chưa báo cáo tính theo tuần; với tháng 10/2026 hãy gõ #tonghop tháng 10/2026");
    }

    @Test
    void xuatForAMonthIsPrintReadyWithFormulasAndSaysChuaBaoCao() throws Exception {
        List<Reply> replies = send("sec", "#xuat tháng 10", AFTER);
        assertThat(((Reply.Text) replies.get(0)).text())
                .startsWith("Tệp Excel tháng 10/2026 (tuần 40–44, 28/09–01/11/2026) – Tỉnh Bình Phước đã sẵn sàng");
        byte[] xlsx = t.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT content, week_start, file_name FROM summary_exports")) {
                assertThat(rs.getString(2)).isEqualTo("2026-10-01");
                assertThat(rs.getString(3)).isEqualTo("Báo cáo tháng 10-2026 – Tỉnh Bình Phước.xlsx");
                return rs.getBytes(1);
            }
        });
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
                     new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            var sh = wb.getSheet("Tổng hợp");
            var header = sh.getRow(ExcelExport.HEADER_ROW);
            var sub = sh.getRow(ExcelExport.HEADER_ROW + 1);
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Số tuần đã báo");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Hỗ trợ");
            assertThat(List.of(3, 4, 5, 6).stream().map(i -> sub.getCell(i).getStringCellValue()))
                    .containsExactly("Tháng 10/2026", "Tháng 9/2026", "Lũy kế từ 05/01/2026", "So với tháng trước");
            var total = row(sh, "Tổng cộng");
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("Tổng cộng (1/4 đủ tuần)");
            assertThat(total.getCell(2).getStringCellValue()).isEqualTo("9/20");
            assertThat(total.getCell(3).getCellFormula()).startsWith("IF(COUNT(");
            // Cached: October, September, cumulative, and the change of the two units that reported both months.
            assertThat(List.of(3, 4, 5, 6).stream().map(i -> (long) total.getCell(i).getNumericCellValue()))
                    .containsExactly(69L, 24L, 93L, 33L);
            assertThat(row(sh, "Cụm Phước Long").getCell(2).getStringCellValue()).isEqualTo("1/10");
            var tanDong = row(sh, "Phường Tân Đồng");
            assertThat(tanDong.getCell(2).getStringCellValue()).isEqualTo("3/5");
            assertThat(tanDong.getCell(4).getStringCellValue()).isEqualTo("Chưa báo cáo");
            assertThat(tanDong.getCell(6).getCellFormula()).contains("ISNUMBER");
            assertThat(tanDong.getCell(23).getStringCellValue()).isEqualTo("Thiếu 2 tuần");
            var longGiang = row(sh, "Xã Long Giang");
            assertThat(longGiang.getCell(3).getStringCellValue()).isEqualTo("Chưa báo cáo");
            assertThat(longGiang.getCell(5).getStringCellValue()).isEqualTo("Chưa báo cáo");
            // An edited figure recomputes the subtotals and the total; the change stays like with like.
            var eval = wb.getCreationHelper().createFormulaEvaluator();
            row(sh, "Phường Tân Bình").getCell(3).setCellValue(60);
            eval.evaluateAll();
            assertThat((long) row(sh, "Cụm Đồng Xoài").getCell(3).getNumericCellValue()).isEqualTo(72);
            assertThat((long) total.getCell(3).getNumericCellValue()).isEqualTo(79);
            assertThat((long) total.getCell(6).getNumericCellValue()).isEqualTo(43);
            // Print set-up and font as the week's sheet.
            assertThat(sh.getPrintSetup().getLandscape()).isTrue();
            assertThat(sh.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sh.getFitToPage()).isTrue();
            assertThat(sh.getRepeatingRows().formatAsString()).isEqualTo((ExcelExport.HEADER_ROW + 1) + ":" + (ExcelExport.HEADER_ROW + 2));
            assertThat(wb.getFontAt(total.getCell(3).getCellStyle().getFontIndex()).getFontName()).isEqualTo("Times New Roman");
            var gaps = wb.getSheet("Chưa đủ tuần");
            assertThat(gaps.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Xã Long Giang");
            assertThat(gaps.getRow(3).getCell(4).getStringCellValue()).isEqualTo("0/5");
            assertThat(gaps.getLastRowNum()).isEqualTo(5);
        }
        assertThat(SummaryCommandsTest.text(send("lead-dxo", "#xuat tháng 10", AFTER))).startsWith("Xin lỗi");
    }

    @Test
    void vanbanForAMonthKeepsTheDecreesLayoutWithTheMonthsFigures() throws Exception {
        List<Reply> replies = send("sec", "#vanban tháng 10", AFTER);
        Reply.File file = (Reply.File) replies.get(0);   // the .docx as a Zalo file, then its link
        assertThat(file.fileName()).endsWith(".docx");
        assertThat(((Reply.Text) replies.get(1)).text())
                .startsWith("Dự thảo báo cáo tháng 10/2026 (tuần 40–44, 28/09–01/11/2026) – Tỉnh Bình Phước");
        byte[] docx = t.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT content FROM summary_exports")) {
                return rs.getBytes(1);
            }
        });
        assertThat(file.content()).isEqualTo(docx);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx));
             var words = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            String text = words.getText();
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: …/BC-…",
                    "Bình Phước, ngày 02 tháng 12 năm 2026", "BÁO CÁO",
                    "Kết quả hoạt động của Tổ công nghệ số cộng đồng tháng 10/2026 (tuần 40–44, 28/09–01/11/2026) – Tỉnh Bình Phước",
                    "I. KẾT QUẢ THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ", "III. NHIỆM VỤ THỜI GIAN TỚI", "Nơi nhận:")
                    .contains("Tháng 10/2026 (tuần 40–44, 28/09–01/11/2026), trong 4 đơn vị phải báo cáo: đủ 5/5 tuần: 1 đơn vị; "
                            + "thiếu tuần: 2; chưa báo tuần nào: 1. Tổng số tuần đã báo cáo 9/20 (45,00 %); "
                            + "đơn vị chưa báo cáo tuần nào: Xã Long Giang.")
                    .contains("- Lượt người dân được hỗ trợ: 69; so với tháng trước: Tăng 33 (137,50 %); "
                            + "so với cùng kỳ: Tăng 20 (66,67 %); lũy kế: 93.")
                    .contains("1 đơn vị không báo cáo tuần nào trong cả tháng 10/2026 và tháng 9/2026: Xã Long Giang.")
                    .contains("2 đơn vị báo cáo chưa đủ tuần: Phường Long Phước (1/5 tuần), Phường Tân Đồng (3/5 tuần).")
                    .contains("1. Đôn đốc các đơn vị báo cáo đủ các tuần của tháng 11/2026, đúng hạn.")
                    .contains("Trên đây là báo cáo kết quả hoạt động của Tổ công nghệ số cộng đồng tháng 10/2026./.");
            var table = doc.getTables().get(1);
            assertThat(cells(table.getRow(0))).startsWith("STT", "Đơn vị", "Số tuần đã báo", "Hỗ trợ");
            assertThat(cells(table.getRow(1))).startsWith("1", "Cụm Đồng Xoài", "8/10", "62");
            assertThat(cells(table.getRow(2))).startsWith("2", "Cụm Phước Long", "1/10", "7");
            assertThat(cells(table.getRow(3))).containsExactly("", "Tổng cộng", "9/20", "69", "9", "9", "9", "9");
            for (var p : doc.getParagraphs()) {
                for (var r : p.getRuns()) assertThat(r.getFontFamily()).isEqualTo("Times New Roman");
            }
        }
        // Quarter and year drafts open too; the year for a leader's subtree only.
        assertThat(((Reply.Text) send("sec", "#vanban quý 3", AFTER).get(1)).text())
                .startsWith("Dự thảo báo cáo quý 3/2026 (tuần 27–39, 29/06–27/09/2026) – Tỉnh Bình Phước");
        assertThat(((Reply.Text) send("lead-dxo", "#vanban năm 2026", AFTER).get(1)).text())
                .startsWith("Dự thảo báo cáo năm 2026 (tuần 1–53, 29/12/2025–03/01/2027), đang diễn ra, – Cụm Đồng Xoài");
        assertThat(SummaryCommandsTest.text(send("mem", "#vanban tháng 10", AFTER))).startsWith("Xin lỗi");
        assertThat(t.count("SELECT COUNT(*) FROM audit_log WHERE action = 'summary.vanban'")).isEqualTo(3);
    }

    @Test
    void bieudoOverAMonthHasWeeklyPointsAndOverTheYearMonthlyPoints() throws Exception {
        Reply.Image month = (Reply.Image) send("sec", "#bieudo hotro tháng 10", AFTER).get(0);
        assertThat(month.caption()).isEqualTo("Lượt người dân được hỗ trợ – Tỉnh Bình Phước, tháng 10/2026 "
                + "(tuần 40–44, 28/09–01/11/2026)");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(month.png())).getWidth()).isEqualTo(ChartRenderer.WIDTH);
        Reply.Image year = (Reply.Image) send("lead-dxo", "#bieudo năm 2026", AFTER).get(0);
        assertThat(year.caption()).isEqualTo("Lượt người dân được hỗ trợ – Cụm Đồng Xoài, năm 2026 "
                + "(tuần 1–53, 29/12/2025–03/01/2027), đang diễn ra");
        BotConfig config = TestData.config(dir);
        Summarizer s = new Summarizer(Settings.from(config, vn.cdsbot.period.ReportingCalendar.from(config)));
        List<String> all = List.of("BP-DXO-01", "BP-DXO-02", "BP-PLO-01", "BP-PLO-02");
        List<ChartRenderer.Point> weekly = t.read(c -> SummaryCommands.trend(s.values(c), all, week(2026, 40), week(2026, 44), 0,
                LocalDate.of(2026, 12, 2)));
        assertThat(weekly).extracting(ChartRenderer.Point::value).containsExactly(14L, 14L, 10L, 14L, 17L);
        List<ChartRenderer.Point> monthly = t.read(c -> SummaryCommands.monthlyTrend(s.values(c), all,
                new vn.cdsbot.period.Year(2026), 0, LocalDate.of(2026, 12, 2)));
        assertThat(monthly).hasSize(12);
        assertThat(monthly.subList(8, 12)).extracting(ChartRenderer.Point::value).containsExactly(24L, 69L, 100L, null);
        assertThat(monthly.subList(8, 12)).extracting(ChartRenderer.Point::reported).containsExactly(2, 3, 1, 0);
        assertThat(monthly.get(7).value()).isNull();   // August: nobody reported, a gap rather than 0
        assertThat(monthly.get(11).running()).isTrue();
    }

    private static List<String> cells(org.apache.poi.xwpf.usermodel.XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText().strip()).toList();
    }

    private static org.apache.poi.ss.usermodel.Row row(org.apache.poi.ss.usermodel.Sheet sh, String prefix) {
        for (var r : sh) {
            var c = r.getCell(1);
            if (c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && c.getStringCellValue().startsWith(prefix)) return r;
        }
        throw new AssertionError("no row starting with " + prefix);
    }
}
