package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;

/**
 * A unit that did not report is "chưa báo cáo" in every summary, sheet and chart: a cluster where nobody reported
 * this week (but everyone did last week) is neither "Hỗ trợ 0 (▼57)" nor "Giảm 57 (100,00 %)", and a week where
 * only a few units have reported is compared with those units' own previous figures.
 */
class MissingIsNotZeroTest {
    static final Week W = SummarizerTest.W;
    static final Week P = W.previous();
    @TempDir Path dir;

    /** Cluster A: two communes reporting both weeks. Cluster B: three communes that reported only last week. */
    private TestData data() {
        TestData t = new TestData(dir);
        t.unit("BP", "Tỉnh", null, "province").unit("A", "Cụm A", "BP", "group").unit("B", "Cụm B", "BP", "group")
                .unit("A-1", "Xã A1", "A", "commune").unit("A-2", "Xã A2", "A", "commune")
                .unit("B-1", "Xã B1", "B", "commune").unit("B-2", "Xã B2", "B", "commune").unit("B-3", "Xã B3", "B", "commune");
        t.report("A-1", P, 10, 1, 1, 1, 1);
        t.report("A-2", P, 20, 2, 2, 2, 2);
        t.report("B-1", P, 19, 0, 0, 0, 0);
        t.report("B-2", P, 19, 0, 0, 0, 0);
        t.report("B-3", P, 19, 0, 0, 0, 0);
        t.report("A-1", W, 12, 1, 1, 1, 1);
        t.report("A-2", W, 20, 2, 2, 2, 2);
        return t;
    }

    private Settings settings() {
        var config = TestData.config(dir);
        return Settings.from(config, ReportingCalendar.from(config));
    }

    @Test
    void theSummaryComparesLikeWithLikeAndNamesAClusterWithoutReports() throws Exception {
        try (TestData t = data()) {
            Settings settings = settings();
            UnitTree tree = t.read(UnitTree::load);
            ScopeSummary s = t.read(c -> new Summarizer(settings).summarize(c, tree, tree.root(), W, true, SummarizerTest.NOW));
            String text = String.join("\n", new SummaryTexts(settings).summary(s, tree));
            assertThat(text)
                    .contains("Đã báo cáo: 2/5 đơn vị")
                    .contains("Kết quả của 2/5 đơn vị đã báo cáo")
                    .contains("• Lượt người dân được hỗ trợ: 32\n   Tăng 2 (6,67 %)")   // 32 against A's own 30
                    .contains("So với tuần trước: cùng 2 đơn vị, đều báo cáo cả hai tuần.")
                    .contains("1. Cụm A: 2/2 đã báo cáo\nHỗ trợ 32 (▲2)")
                    .contains("Chưa có đơn vị nào báo cáo, nên chưa có số liệu (1): Cụm B (0/3).")
                    .doesNotContain("Giảm").doesNotContain("▼").doesNotContain("Hỗ trợ 0");
        }
    }

    @Test
    void anIndicatorSkippedInAReportIsNotAZero() throws Exception {
        try (TestData t = data()) {
            long id = t.report("A-2", W, 21, 5, 2, 2, 2);   // corrects A-2's week, this time without VNeID ("bỏ qua")
            t.exec("DELETE FROM report_values WHERE report_id = ? AND indicator = 'vneid'", id);
            Settings settings = settings();
            UnitTree tree = t.read(UnitTree::load);
            ScopeSummary s = t.read(c -> new Summarizer(settings).summarize(c, tree, tree.root(), W, true, SummarizerTest.NOW));
            assertThat(s.total().given()).containsExactly(2, 1, 2, 2, 2);
            String text = String.join("\n", new SummaryTexts(settings).summary(s, tree));
            // VNeID: only A-1's 1, compared with A-1's own 1 last week; A-2's missing figure is neither 0 nor "Giảm 2".
            assertThat(text).contains("• Tài khoản VNeID được hướng dẫn đăng ký/kích hoạt: 1 (số của 1 đơn vị; "
                    + "1 đơn vị bỏ qua mục này)\n   Bằng tuần trước").contains("• Lượt người dân được hỗ trợ: 33\n   Tăng 3");
            List<ChartRenderer.Point> vneid = SummaryCommands.trend(t.read(c -> new Summarizer(settings).values(c)),
                    List.of("A-1", "A-2"), W, W, 1, W.sunday().plusDays(3));
            assertThat(vneid).extracting(ChartRenderer.Point::value, ChartRenderer.Point::reported)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1));
        }
    }

    @Test
    void noReportAtAllIsNoFiguresNotZero() throws Exception {
        try (TestData t = data()) {
            Settings settings = settings();
            UnitTree tree = t.read(UnitTree::load);
            Unit b = tree.get("B").orElseThrow();
            ScopeSummary s = t.read(c -> new Summarizer(settings).summarize(c, tree, b, W, true, SummarizerTest.NOW));
            String text = String.join("\n", new SummaryTexts(settings).summary(s, tree));
            assertThat(text).contains("Đã báo cáo: 0/3").contains("Chưa có đơn vị nào báo cáo tuần 47 nên chưa có số liệu")
                    .doesNotContain(": 0\n").doesNotContain("Giảm");
        }
    }

    @Test
    void theSpreadsheetSaysChuaBaoCaoForAClusterWithoutReports() throws Exception {
        try (TestData t = data()) {
            Settings settings = settings();
            UnitTree tree = t.read(UnitTree::load);
            byte[] xlsx = t.read(c -> {
                var current = ReportData.current(c, W, settings.indicatorCodes());
                Summarizer summarizer = new Summarizer(settings);
                Map<String, ReportData.Figures> previous = summarizer.values(c).week(P);
                ScopeSummary s = summarizer.compute(tree, tree.root(), W, current, previous, new long[5], SummarizerTest.NOW);
                return new ExcelExport(settings).build(new ExcelExport.Input(tree, s, current, previous, Map.of(),
                        ReportData.history(c, W, settings.indicatorCodes()), Map.of(), SummarizerTest.NOW));
            });
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = wb.getSheetAt(0);
                Row clusterB = null;
                Row clusterA = null;
                for (Row row : sheet) {
                    String name = row.getCell(1) == null ? "" : row.getCell(1).toString();
                    if (name.startsWith("Cụm B")) clusterB = row;
                    if (name.startsWith("Cụm A")) clusterA = row;
                }
                assertThat(clusterB).isNotNull();
                assertThat(clusterB.getCell(1).getStringCellValue()).isEqualTo("Cụm B (0/3 đã báo cáo)");
                var evaluator = wb.getCreationHelper().createFormulaEvaluator();
                for (int i = 2; i < 7; i++) {
                    assertThat(clusterB.getCell(i).getStringCellValue()).isEqualTo("Chưa báo cáo");
                    // Recomputed from its units' cells (all "Chưa báo cáo" text): still no figure, not 0.
                    assertThat(evaluator.evaluate(clusterB.getCell(i)).getStringValue()).isEqualTo("Chưa báo cáo");
                }
                assertThat(evaluator.evaluate(clusterB.getCell(7)).getNumberValue()).isEqualTo(57);  // the week before
                assertThat(clusterB.getCell(17).getStringCellValue()).isEmpty();
                assertThat(clusterA.getCell(2).getNumericCellValue()).isEqualTo(32);
                assertThat(clusterA.getCell(17).getStringCellValue()).isEqualTo("Tăng 2 (6,67 %)");
                Row total = ExportAndWebhookTest.rowNamed(sheet, "Tổng cộng");
                assertThat(evaluator.evaluate(total.getCell(2)).getNumberValue()).isEqualTo(32);
                assertThat(total.getCell(17).getStringCellValue()).isEqualTo("Tăng 2 (6,67 %)");
                List<String> all = new ArrayList<>();
                for (Row row : sheet) for (var cell : row) all.add(cell.toString());
                assertThat(all).noneMatch(v -> v.contains("100,00 %") || v.startsWith("Giảm"));
            }
        }
    }

    @Test
    void theTrendHasAGapWhereNobodyReportedAndTheBarsLeaveOutClustersWithout() throws Exception {
        try (TestData t = data()) {
            Settings settings = settings();
            UnitTree tree = t.read(UnitTree::load);
            ReportCache values = t.read(c -> new Summarizer(settings).values(c));
            List<String> clusterB = tree.subtree(tree.get("B").orElseThrow()).stream().map(Unit::code).toList();
            List<ChartRenderer.Point> trend = SummaryCommands.trend(values, clusterB, P.previous(), W, 0,
                    W.sunday().plusDays(3));
            assertThat(trend).extracting(ChartRenderer.Point::value).containsExactly(null, 57L, null);
            assertThat(trend).extracting(ChartRenderer.Point::reported).containsExactly(0, 3, 0);
            // Rendering a gap works (JFreeChart draws no line through a missing value).
            byte[] png = new ChartRenderer().render("Hỗ trợ", "Cụm B", trend,
                    List.of(new ChartRenderer.Bar("Xã B1", null), new ChartRenderer.Bar("Xã A1", 12L)), 2);
            assertThat(png.length).isGreaterThan(1000);
            Instant running = W.monday().plusDays(2).atStartOfDay(TestData.ZONE).toInstant();
            assertThat(SummaryCommands.trend(values, clusterB, W, W, 0, running.atZone(TestData.ZONE).toLocalDate()).get(0).running())
                    .isTrue();
        }
    }
}
