package vn.cdsbot.summary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.feature.ScopeTable;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.period.Week;
import vn.cdsbot.summary.ReportData.Current;
import vn.cdsbot.summary.ReportData.Version;
import vn.cdsbot.summary.ScopeSummary.Tally;

/**
 * The committee's spreadsheet, ready to print and file. Sheet 1: a title block like an official report's, then
 * STT / Đơn vị / this week, the week before and cumulative per indicator / So với tuần trước / Ghi chú; groups as
 * bold subtotal rows and a totals row, both formulas over the rows they contain. Sheet 2: every version of every
 * report of the week. Sheet 3: the units that have not reported. Then any sheet another feature adds through its
 * {@link vn.cdsbot.feature.ScopeNote} (e.g. the hand-off's tickets per commune). A unit without a report reads "Chưa báo cáo",
 * never 0. Every sheet prints in Times New Roman on landscape A4, one page wide, its header rows on every page.
 */
final class ExcelExport {

    private final Settings settings;

    ExcelExport(Settings settings) {
        this.settings = settings;
    }

    /** What the spreadsheet is built from. */
    record Input(UnitTree tree, ScopeSummary summary, Map<String, Current> current, Map<String, ReportData.Figures> previous,
                 Map<String, ReportData.Figures> cumulative, List<Version> history, Map<String, List<String>> leaders,
                 Instant generatedAt, List<ScopeTable> tables) {

        Input(UnitTree tree, ScopeSummary summary, Map<String, Current> current, Map<String, ReportData.Figures> previous,
              Map<String, ReportData.Figures> cumulative, List<Version> history, Map<String, List<String>> leaders,
              Instant generatedAt) {
            this(tree, summary, current, previous, cumulative, history, leaders, generatedAt, List.of());
        }
    }

    /**
     * A campaign sheet: one indicator of one campaign in the scope, from the first day to {@code days} (today).
     *
     * @param units the rows: the teams of the scope, parents before children
     * @param scopeTarget the scope's target ({@code Targets.forSubtree}), null when none
     */
    record CampaignSheet(vn.cdsbot.campaign.Campaign campaign, int indicator, String indicatorName, Unit scope,
                         List<Unit> units, vn.cdsbot.campaign.Targets targets, vn.cdsbot.campaign.CampaignFigures figures,
                         int days, Long scopeTarget) {}

    byte[] build(Input in) {
        return build(in, List.of());
    }

    /** With a sheet per campaign indicator after the three weekly ones. */
    byte[] build(Input in, List<CampaignSheet> campaigns) {
        // Streaming workbook: rows go to a temporary file as they are written, which is several times faster
        // than building the whole XML tree in memory for a thousand units.
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) { // close() also deletes the temporary files
            Styles st = new Styles(wb);
            summarySheet(wb, st, in);
            historySheet(wb, st, in);
            missingSheet(wb, st, in);
            for (ScopeTable t : in.tables()) tableSheet(wb, st, t);
            for (CampaignSheet c : campaigns) campaignSheet(wb, st, c, in.generatedAt());
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String fileName(ScopeSummary s) {
        return "Báo cáo tuần " + s.week().number() + "-" + s.week().year() + " – " + s.scope().name() + ".xlsx";
    }

    static String asciiFileName(ScopeSummary s) {
        return "bao-cao-tuan-" + s.week().number() + "-" + s.week().year() + ".xlsx";
    }

    // ---- sheet 1 -------------------------------------------------------------------------------------------

    /** Row of the first of the two header rows of sheet 1 (the rows above are the title block). */
    static final int HEADER_ROW = 7;
    static final int FIRST_DATA_ROW = HEADER_ROW + 2;

    /**
     * One row of sheet 1: a reporting unit, or a group whose cells sum the rows it directly contains. A commune with
     * hamlet teams is both: a group row (the commune in all) and inside it its own team's row (own), then the
     * hamlets' rows, so the commune's figure is counted once.
     */
    private record Line(Unit unit, boolean group, boolean own, int row) {}

    private void summarySheet(Workbook wb, Styles st, Input in) {
        ScopeSummary s = in.summary();
        int n = settings.indicators().size();
        int change = 2 + 3 * n;
        int lastCol = change + 1;
        Sheet sh = wb.createSheet("Tổng hợp");
        titleBlock(sh, st, lastCol, 1 + n);
        title(sh, st, 3, lastCol, "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG");
        centered(sh, st, 4, lastCol, VnFormat.capitalize(s.week().label()) + (s.running() ? ", đang diễn ra" : "")
                + " · Phạm vi: " + s.scope().name());
        line(sh, st, 5, lastCol, s.reportedText(settings.levels()) + "; đúng hạn " + s.onTime() + ", muộn "
                + s.late().size() + ". Cột \"So với tuần trước\" so sánh " + settings.indicators().get(0).name()
                + " của các đơn vị báo cáo cả hai tuần. Lập lúc " + stamp(in.generatedAt()) + ".", 2);

        Week week = s.week();
        Week before = week.previous();
        Row[] heads = headerRows(sh, st, lastCol);
        Row top = heads[0];
        Row sub = heads[1];
        headerSpan(sh, top, 2, 1 + n, "Tuần " + week.number() + "/" + week.year(), false);
        headerSpan(sh, top, 2 + n, 1 + 2 * n, "Tuần trước (" + before.number() + "/" + before.year() + ")", false);
        headerSpan(sh, top, 2 + 2 * n, 1 + 3 * n, "Lũy kế từ tuần " + settings.campaignStart().number() + "/"
                + settings.campaignStart().year(), false);
        headerSpan(sh, top, change, change, "So với tuần trước", true);
        headerSpan(sh, top, lastCol, lastCol, "Ghi chú", true);
        for (int block = 0; block < 3; block++) {
            for (int i = 0; i < n; i++) sub.getCell(2 + block * n + i).setCellValue(settings.shortLabel(i));
        }

        Set<String> expected = new HashSet<>();
        for (Unit u : s.expected()) expected.add(u.code());
        Plan plan = plan(in.tree(), s.scope(), expected, code -> {
            Tally a = s.tallies().get(code);
            return a != null && a.expected() > (expected.contains(code) ? 1 : 0);
        });
        List<Line> lines = plan.lines();
        Map<Integer, List<Integer>> contained = plan.contained();
        int totalRow = plan.totalRow();

        // Every figure cell's value, so formula cells carry the same cached result Excel will compute.
        Map<Integer, Long[]> values = new HashMap<>();
        for (Line l : lines) {
            if (!l.group()) values.put(l.row(), unitValues(l.unit().code(), in, n));
        }
        for (int k = lines.size() - 1; k >= 0; k--) {
            Line l = lines.get(k);
            if (l.group()) values.put(l.row(), sumRows(contained.getOrDefault(l.row(), List.of()), values, 3 * n));
        }
        values.put(totalRow, sumRows(contained.getOrDefault(TOTAL, List.of()), values, 3 * n));

        Set<String> corrected = codes(s.correctedAfterDeadline());
        int stt = 0;
        for (Line l : lines) {
            Row row = sh.createRow(l.row());
            Unit u = l.unit();
            if (!l.group()) {
                Current cur = in.current().get(u.code());
                num(row, 0, ++stt, st.center);
                cell(row, 1, l.own() ? SummaryTexts.ownName(u) : u.name(), st.text);
                unitCells(sh, row, n, cur, in.previous().get(u.code()), in.cumulative().get(u.code()), st);
                ReportData.Figures prev = in.previous().get(u.code());
                String text = cur == null || !cur.has(0) ? "" : prev == null || !prev.has(0) ? "Tuần trước chưa báo cáo"
                        : VnFormat.change(cur.values()[0], prev.values()[0], "tuần trước");
                cell(row, change, text, st.text);
                cell(row, lastCol, note(cur, corrected), st.text);
            } else {
                Tally a = s.tallies().get(u.code());
                cell(row, 0, "", st.groupCenter);
                cell(row, 1, u.name() + " (" + a.reported() + "/" + a.expected() + " đã báo cáo)", st.groupText);
                sumCells(row, 3 * n, contained.getOrDefault(l.row(), List.of()), values.get(l.row()), st.groupNumber);
                changeCells(row, change, a, st.groupText);
            }
        }
        Row total = sh.createRow(totalRow);
        cell(total, 0, "", st.totalText);
        cell(total, 1, "Tổng cộng (" + s.reported() + "/" + s.expected().size() + " đã báo cáo)", st.totalText);
        sumCells(total, 3 * n, contained.getOrDefault(TOTAL, List.of()), values.get(totalRow), st.totalNumber);
        changeCells(total, change, s.total(), st.totalText);

        StringBuilder legend = new StringBuilder("Chỉ tiêu: ");
        for (int i = 0; i < n; i++) {
            legend.append(i == 0 ? "" : "; ").append(settings.shortLabel(i)).append(" – ").append(settings.indicators().get(i).name());
        }
        line(sh, st, totalRow + 2, lastCol, legend + ". \"Chưa báo cáo\": đơn vị chưa gửi báo cáo (không phải số 0); "
                + "\"Chưa báo\": đơn vị bỏ qua mục này. Các dòng cụm, dòng xã có tổ thôn, ấp (tổ xã cộng các thôn, ấp) và dòng tổng "
                + "cộng là công thức, sửa số một đơn vị thì tự tính lại.", 3);

        sh.setColumnWidth(0, 5 * 256);
        sh.setColumnWidth(1, 28 * 256);
        for (int i = 0; i < 3 * n; i++) sh.setColumnWidth(2 + i, 9 * 256);
        sh.setColumnWidth(change, 30 * 256);
        sh.setColumnWidth(lastCol, 24 * 256);
        sh.createFreezePane(2, FIRST_DATA_ROW);
        printable(sh, HEADER_ROW, HEADER_ROW + 1);
    }

    /** The rows of sheet 1 and, for each group row (or {@link #TOTAL}), the rows it directly contains. */
    private record Plan(List<Line> lines, Map<Integer, List<Integer>> contained, int totalRow) {}

    /**
     * Plans the rows before writing them: a group's formulas name the rows it directly contains, which come after
     * it. {@code units} get a unit row; other units of the subtree a group row when {@code hasUnits} says units
     * under them are counted.
     */
    /** The two header rows of a sheet by unit, styled to {@code lastCol}, with "STT" and "Đơn vị" spanning both. */
    private static Row[] headerRows(Sheet sh, Styles st, int lastCol) {
        Row top = sh.createRow(HEADER_ROW);
        Row sub = sh.createRow(HEADER_ROW + 1);
        top.setHeightInPoints(32);
        sub.setHeightInPoints(32);
        for (int col = 0; col <= lastCol; col++) {
            cell(top, col, "", st.header);
            cell(sub, col, "", st.header);
        }
        headerSpan(sh, top, 0, 0, "STT", true);
        headerSpan(sh, top, 1, 1, "Đơn vị", true);
        return new Row[] {top, sub};
    }

    private static Plan plan(UnitTree tree, Unit scope, Set<String> units, java.util.function.Predicate<String> hasUnitsBelow) {
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> groupRows = new HashMap<>();
        Map<Integer, List<Integer>> contained = new HashMap<>();   // group row (or the totals row) → its direct rows
        int r = FIRST_DATA_ROW;
        for (Unit u : tree.subtree(scope)) {
            boolean isScope = u.code().equals(scope.code());
            if (isScope && !units.contains(u.code())) continue;
            boolean unitRow = units.contains(u.code());
            boolean below = hasUnitsBelow.test(u.code());
            if (!unitRow && !below) continue;
            if (below && !isScope) {   // the scope's own group row would repeat the totals row
                Line g = new Line(u, true, false, r++);
                lines.add(g);
                contained.computeIfAbsent(owner(tree, scope, u, groupRows), k -> new ArrayList<>()).add(g.row());
                groupRows.put(u.code(), g.row());
            }
            if (unitRow) {   // a commune with hamlet teams: its own team's row inside its subtotal
                Line l = new Line(u, false, below, r++);
                lines.add(l);
                int into = groupRows.containsKey(u.code()) ? groupRows.get(u.code()) : owner(tree, scope, u, groupRows);
                contained.computeIfAbsent(into, k -> new ArrayList<>()).add(l.row());
            }
        }
        return new Plan(lines, contained, r);
    }

    /** The row a unit's row adds into: its nearest ancestor with a group row, or {@link #TOTAL}. */
    private static int owner(UnitTree tree, Unit scope, Unit u, Map<String, Integer> groupRows) {
        Unit p = u;
        while (!p.code().equals(scope.code())) {
            p = tree.parent(p).orElse(scope);
            Integer row = groupRows.get(p.code());
            if (row != null) return row;
        }
        return TOTAL;
    }

    private static final int TOTAL = -1;

    /** This week, the week before and the cumulative figures of one unit; null where there is no figure. */
    private static Long[] unitValues(String code, Input in, int n) {
        Long[] v = new Long[3 * n];
        Current cur = in.current().get(code);
        ReportData.Figures prev = in.previous().get(code);
        ReportData.Figures cum = in.cumulative().get(code);
        for (int i = 0; i < n; i++) {
            v[i] = cur != null && cur.has(i) ? cur.values()[i] : null;
            v[n + i] = prev != null && prev.has(i) ? prev.values()[i] : null;
            v[2 * n + i] = cum != null && cum.has(i) ? cum.values()[i] : null;
        }
        return v;
    }

    private static Long[] sumRows(List<Integer> rows, Map<Integer, Long[]> values, int width) {
        Long[] out = new Long[width];
        for (int row : rows) {
            Long[] v = values.get(row);
            for (int i = 0; i < width; i++) if (v[i] != null) out[i] = (out[i] == null ? 0 : out[i]) + v[i];
        }
        return out;
    }

    /**
     * A unit's figures: numbers, "Chưa báo" for an indicator skipped, and for a week without a report one merged
     * "Chưa báo cáo" across the block (its first cell holds the text; blank cells, like text, add nothing to a SUM).
     */
    private static void unitCells(Sheet sh, Row row, int n, Current cur, ReportData.Figures prev, ReportData.Figures cum,
                                  Styles st) {
        block(sh, row, 2, n, cur == null ? null : new ReportData.Figures(cur.values(), cur.given()), st);
        block(sh, row, 2 + n, n, prev, st);
        block(sh, row, 2 + 2 * n, n, cum, st);
    }

    private static void block(Sheet sh, Row row, int first, int n, ReportData.Figures f, Styles st) {
        if (f == null) {
            cell(row, first, "Chưa báo cáo", st.missing);
            for (int i = 1; i < n; i++) row.createCell(first + i).setCellStyle(st.missing);
            // Unsafe only in skipping the overlap check: these one-row regions never overlap.
            if (n > 1) sh.addMergedRegionUnsafe(new CellRangeAddress(row.getRowNum(), row.getRowNum(), first, first + n - 1));
            return;
        }
        for (int i = 0; i < n; i++) {
            if (!f.has(i)) cell(row, first + i, "Chưa báo", st.missing);   // skipped in the report, not a 0
            else num(row, first + i, f.values()[i], st.number);
        }
    }

    /**
     * A group or totals row: formulas over the rows it directly contains, so an edited figure recomputes. SUM and
     * COUNT skip text, so units without a report add nothing, and a group where nobody gave a figure says
     * "Chưa báo cáo" rather than 0.
     */
    private static void sumCells(Row row, int width, List<Integer> rows, Long[] cached, CellStyle style) {
        for (int i = 0; i < width; i++) {
            Cell c = row.createCell(2 + i);
            c.setCellStyle(style);
            if (rows.isEmpty()) {
                c.setCellValue("Chưa báo cáo");
                continue;
            }
            String refs = ranges(org.apache.poi.ss.util.CellReference.convertNumToColString(2 + i), rows);
            c.setCellFormula("IF(COUNT(" + refs + ")=0,\"Chưa báo cáo\",SUM(" + refs + "))");
            if (cached[i] == null) c.setCellValue("Chưa báo cáo"); else c.setCellValue(cached[i]);
        }
    }

    /** "C10:C14,C16": the rows (0-based, ascending) as few ranges as possible. */
    static String ranges(String col, List<Integer> rows) {
        StringBuilder b = new StringBuilder();
        int k = 0;
        while (k < rows.size()) {
            int first = rows.get(k);
            int last = first;
            while (k + 1 < rows.size() && rows.get(k + 1) == last + 1) last = rows.get(++k);
            k++;
            if (b.length() > 0) b.append(',');
            b.append(col).append(first + 1);
            if (last > first) b.append(':').append(col).append(last + 1);
        }
        return b.toString();
    }

    /** The change of the units that reported both weeks: like with like, so text rather than a formula. */
    private static void changeCells(Row row, int col, Tally t, CellStyle text) {
        String change;
        if (t.given()[0] == 0) change = "";
        else if (t.comparedCount()[0] == 0) change = "Tuần trước chưa báo cáo";
        else change = VnFormat.change(t.comparedNow()[0], t.comparedBefore()[0], "tuần trước")
                + (t.comparedCount()[0] < t.given()[0] ? " (" + t.comparedCount()[0] + " đơn vị báo cáo cả hai tuần)" : "");
        cell(row, col, change, text);
        cell(row, col + 1, "", text);
    }

    private static void headerSpan(Sheet sh, Row top, int first, int last, String text, boolean bothRows) {
        top.getCell(first).setCellValue(text);
        int lastRow = top.getRowNum() + (bothRows ? 1 : 0);
        if (first != last || bothRows) sh.addMergedRegion(new CellRangeAddress(top.getRowNum(), lastRow, first, last));
    }

    /** The heading of an administrative document: the issuing bodies on the left, Quốc hiệu and Tiêu ngữ on the right. */
    private void titleBlock(Sheet sh, Styles st, int lastCol, int leftLast) {
        Row r0 = sh.createRow(0);
        Row r1 = sh.createRow(1);
        cell(r0, 0, settings.issuerParent(), st.centerPlain);
        cell(r1, 0, settings.issuer(), st.centerBold);
        cell(r0, leftLast + 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st.centerBold);
        cell(r1, leftLast + 1, "Độc lập - Tự do - Hạnh phúc", st.centerBold);
        for (int row = 0; row < 2; row++) {
            sh.addMergedRegion(new CellRangeAddress(row, row, 0, leftLast));
            sh.addMergedRegion(new CellRangeAddress(row, row, leftLast + 1, lastCol));
        }
    }

    /** Landscape A4, one page wide, the header rows on every page, page numbers in the footer. */
    private static void printable(Sheet sh, int headerFirst, int headerLast) {
        PrintSetup ps = sh.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(true);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);   // as many pages tall as it takes
        sh.setFitToPage(true);
        sh.setAutobreaks(true);
        sh.setMargin(Sheet.LeftMargin, 0.5);
        sh.setMargin(Sheet.RightMargin, 0.4);
        sh.setMargin(Sheet.TopMargin, 0.6);
        sh.setMargin(Sheet.BottomMargin, 0.6);
        sh.setRepeatingRows(new CellRangeAddress(headerFirst, headerLast, -1, -1));
        sh.getFooter().setCenter("Trang &P/&N");
    }

    private static String note(Current cur, Set<String> corrected) {
        if (cur == null) return "Chưa báo cáo";
        StringBuilder b = new StringBuilder();
        if (cur.late()) b.append("Báo cáo muộn");
        if (corrected.contains(cur.unit())) b.append(b.length() > 0 ? "; " : "").append("Sửa sau hạn");
        if (cur.override()) b.append(b.length() > 0 ? "; " : "").append("Vượt ngưỡng, đã xác nhận");
        return b.toString();
    }

    private static Set<String> codes(List<Current> reports) {
        Set<String> out = new HashSet<>();
        for (Current r : reports) out.add(r.unit());
        return out;
    }

    // ---- a month, quarter or year ----------------------------------------------------------------------------

    /** What the spreadsheet of a month, quarter or year is built from. */
    record PeriodInput(UnitTree tree, PeriodSummary summary, Map<String, ReportData.Figures> cumulative,
                       Map<String, List<String>> leaders, Instant generatedAt) {}

    /**
     * Sheet 1 "Tổng hợp": STT / Đơn vị / weeks reported, then one column group per indicator (this period, the
     * period before, cumulative, the change), Ghi chú; sheet 2 "Chưa đủ tuần": units that missed weeks. Same
     * title block, fonts, print set-up and formulas as the week's.
     */
    byte[] build(PeriodInput in) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            Styles st = new Styles(wb);
            periodSheet(wb, st, in);
            gapsSheet(wb, st, in);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String fileName(PeriodSummary s) {
        return "Báo cáo " + s.name().replace('/', '-') + " – " + s.scope().name() + ".xlsx";
    }

    private void periodSheet(Workbook wb, Styles st, PeriodInput in) {
        PeriodSummary s = in.summary();
        PeriodSummary.Tally total = s.total();
        int n = settings.indicators().size();
        int width = 4 * n;
        int lastCol = 3 + width;
        String previousWord = SummaryTexts.previousWord(s);
        Sheet sh = wb.createSheet("Tổng hợp");
        titleBlock(sh, st, lastCol, 2 + 2 * n);
        title(sh, st, 3, lastCol, "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG");
        centered(sh, st, 4, lastCol, VnFormat.capitalize(s.name()) + " (" + s.period().coverage() + ")"
                + (s.running() ? ", đang diễn ra" : "") + " · Phạm vi: " + s.scope().name());
        line(sh, st, 5, lastCol, SummaryTexts.weeksRate(s) + ". Số liệu là tổng các tuần đã báo cáo. Cột \"So với "
                + previousWord + "\" là chênh lệch của đơn vị báo cáo cả hai kỳ"
                + (s.running() ? " (để trống khi kỳ này chưa kết thúc)" : "") + ". Lập lúc " + stamp(in.generatedAt()) + ".", 2);

        Row[] heads = headerRows(sh, st, lastCol);
        Row top = heads[0];
        Row sub = heads[1];
        headerSpan(sh, top, 2, 2, "Số tuần đã báo", true);
        for (int i = 0; i < n; i++) {
            int c = 3 + 4 * i;
            headerSpan(sh, top, c, c + 3, settings.shortLabel(i), false);
            sub.getCell(c).setCellValue(VnFormat.capitalize(s.name()));
            sub.getCell(c + 1).setCellValue(VnFormat.capitalize(s.previous().typed()));
            sub.getCell(c + 2).setCellValue("Lũy kế từ " + VnDates.date(settings.campaignStart().monday()));
            sub.getCell(c + 3).setCellValue("So với " + previousWord);
        }
        headerSpan(sh, top, lastCol, lastCol, "Ghi chú", true);

        Map<String, PeriodSummary.UnitWeeks> units = new HashMap<>();
        for (PeriodSummary.UnitWeeks u : s.units()) units.put(u.unit().code(), u);
        Plan plan = plan(in.tree(), s.scope(), units.keySet(), code -> {
            PeriodSummary.Tally a = s.tallies().get(code);
            return a != null && a.units() > (units.containsKey(code) ? 1 : 0);
        });
        Map<Integer, List<Integer>> contained = plan.contained();
        Map<Integer, Long[]> values = new HashMap<>();
        for (Line l : plan.lines()) {
            if (!l.group()) values.put(l.row(), periodValues(units.get(l.unit().code()), in.cumulative().get(l.unit().code()), n, s.running()));
        }
        for (int k = plan.lines().size() - 1; k >= 0; k--) {
            Line l = plan.lines().get(k);
            if (l.group()) values.put(l.row(), sumRows(contained.getOrDefault(l.row(), List.of()), values, width));
        }
        values.put(plan.totalRow(), sumRows(contained.getOrDefault(TOTAL, List.of()), values, width));

        int stt = 0;
        for (Line l : plan.lines()) {
            Row row = sh.createRow(l.row());
            if (!l.group()) {
                PeriodSummary.UnitWeeks u = units.get(l.unit().code());
                num(row, 0, ++stt, st.center);
                cell(row, 1, l.own() ? SummaryTexts.ownName(l.unit()) : l.unit().name(), st.text);
                cell(row, 2, u.reported() + "/" + u.expected(), st.center);
                Long[] v = values.get(l.row());
                for (int i = 0; i < n; i++) {
                    int c = 3 + 4 * i;
                    figure(row, c, v[4 * i], u.now() != null, st);
                    figure(row, c + 1, v[4 * i + 1], u.before() != null, st);
                    figure(row, c + 2, v[4 * i + 2], in.cumulative().containsKey(l.unit().code()), st);
                    Cell d = row.createCell(c + 3);
                    d.setCellStyle(st.number);
                    if (s.running()) {
                        d.setCellValue("");
                        continue;
                    }
                    String a = ref(c, l.row());
                    String b = ref(c + 1, l.row());
                    d.setCellFormula("IF(AND(ISNUMBER(" + a + "),ISNUMBER(" + b + "))," + a + "-" + b + ",\"\")");
                    if (v[4 * i + 3] == null) d.setCellValue(""); else d.setCellValue(v[4 * i + 3]);
                }
                cell(row, lastCol, u.now() == null ? "Chưa báo cáo" : u.full() ? "" : "Thiếu " + (u.expected() - u.reported()) + " tuần", st.text);
            } else {
                PeriodSummary.Tally a = s.tallies().get(l.unit().code());
                cell(row, 0, "", st.groupCenter);
                cell(row, 1, l.unit().name() + " (" + a.full() + "/" + a.units() + " đủ tuần)", st.groupText);
                cell(row, 2, a.weeksReported() + "/" + a.weeksExpected(), st.groupText);
                periodSums(row, n, contained.getOrDefault(l.row(), List.of()), values.get(l.row()), s.running(), st.groupNumber);
                cell(row, lastCol, "", st.groupText);
            }
        }
        Row totalRow = sh.createRow(plan.totalRow());
        cell(totalRow, 0, "", st.totalText);
        cell(totalRow, 1, "Tổng cộng (" + total.full() + "/" + total.units() + " đủ tuần)", st.totalText);
        cell(totalRow, 2, total.weeksReported() + "/" + total.weeksExpected(), st.totalText);
        periodSums(totalRow, n, contained.getOrDefault(TOTAL, List.of()), values.get(plan.totalRow()), s.running(), st.totalNumber);
        cell(totalRow, lastCol, "", st.totalText);

        StringBuilder legend = new StringBuilder("Chỉ tiêu: ");
        for (int i = 0; i < n; i++) {
            legend.append(i == 0 ? "" : "; ").append(settings.shortLabel(i)).append(" – ").append(settings.indicators().get(i).name());
        }
        line(sh, st, plan.totalRow() + 2, lastCol, legend + ". \"Chưa báo cáo\": đơn vị không gửi báo cáo tuần nào trong kỳ "
                + "(không phải số 0); \"Chưa báo\": đơn vị có báo cáo nhưng bỏ qua mục này. Dòng cụm và dòng tổng cộng là công thức, "
                + "sửa số một đơn vị thì tự tính lại.", 3);
        sh.setColumnWidth(0, 5 * 256);
        sh.setColumnWidth(1, 26 * 256);
        sh.setColumnWidth(2, 8 * 256);
        for (int i = 0; i < width; i++) sh.setColumnWidth(3 + i, 9 * 256);
        sh.setColumnWidth(lastCol, 16 * 256);
        sh.createFreezePane(3, FIRST_DATA_ROW);
        printable(sh, HEADER_ROW, HEADER_ROW + 1);
    }

    /** This period, the one before, cumulative and the change, per indicator; null where there is no figure. */
    private static Long[] periodValues(PeriodSummary.UnitWeeks u, ReportData.Figures cum, int n, boolean running) {
        Long[] v = new Long[4 * n];
        for (int i = 0; i < n; i++) {
            v[4 * i] = u.now() != null && u.now().has(i) ? u.now().values()[i] : null;
            v[4 * i + 1] = u.before() != null && u.before().has(i) ? u.before().values()[i] : null;
            v[4 * i + 2] = cum != null && cum.has(i) ? cum.values()[i] : null;
            v[4 * i + 3] = running || v[4 * i] == null || v[4 * i + 1] == null ? null : v[4 * i] - v[4 * i + 1];
        }
        return v;
    }

    /** A unit's figure: a number, "Chưa báo" for an indicator skipped, "Chưa báo cáo" when no report at all. */
    private static void figure(Row row, int col, Long value, boolean reported, Styles st) {
        if (value != null) num(row, col, value, st.number);
        else cell(row, col, reported ? "Chưa báo" : "Chưa báo cáo", st.missing);
    }

    /**
     * A group or totals row of a period: sums as formulas; the change column sums its rows' changes, which is the
     * change of the units that reported both periods (like with like), left empty while the period runs.
     */
    private static void periodSums(Row row, int n, List<Integer> rows, Long[] cached, boolean running, CellStyle style) {
        for (int i = 0; i < 4 * n; i++) {
            Cell c = row.createCell(3 + i);
            c.setCellStyle(style);
            boolean change = i % 4 == 3;
            if (change && running) {
                c.setCellValue("");
                continue;
            }
            String empty = change ? "" : "Chưa báo cáo";
            if (rows.isEmpty()) {
                c.setCellValue(empty);
                continue;
            }
            String refs = ranges(org.apache.poi.ss.util.CellReference.convertNumToColString(3 + i), rows);
            c.setCellFormula("IF(COUNT(" + refs + ")=0,\"" + empty + "\",SUM(" + refs + "))");
            if (cached[i] == null) c.setCellValue(empty); else c.setCellValue(cached[i]);
        }
    }

    private static String ref(int col, int row) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(col) + (row + 1);
    }

    /** Units that did not report every expected week of the period, fewest weeks first, with their leaders. */
    private void gapsSheet(Workbook wb, Styles st, PeriodInput in) {
        PeriodSummary s = in.summary();
        List<PeriodSummary.UnitWeeks> gaps = s.units().stream().filter(u -> !u.full())
                .sorted(java.util.Comparator.comparingInt((PeriodSummary.UnitWeeks u) -> u.reported() - u.expected()))
                .toList();
        Sheet sh = wb.createSheet("Chưa đủ tuần");
        line(sh, st, 0, 5, gaps.size() + "/" + s.units().size() + " đơn vị chưa báo cáo đủ tuần " + s.name() + " ("
                + s.period().coverage() + ") · " + s.scope().name());
        Row header = sh.createRow(2);
        cell(header, 0, "STT", st.header);
        cell(header, 1, "Mã đơn vị", st.header);
        cell(header, 2, "Đơn vị", st.header);
        cell(header, 3, "Thuộc", st.header);
        cell(header, 4, "Số tuần đã báo", st.header);
        cell(header, 5, "Tổ trưởng", st.header);
        int r = 3;
        for (PeriodSummary.UnitWeeks u : gaps) {
            Row row = sh.createRow(r++);
            num(row, 0, r - 3, st.center);
            unitWithLeaders(row, st, in.tree(), u.unit(), in.leaders(), 5);
            cell(row, 4, u.reported() + "/" + u.expected(), st.center);
        }
        sh.setColumnWidth(0, 6 * 256);
        sh.setColumnWidth(1, 14 * 256);
        sh.setColumnWidth(2, 30 * 256);
        sh.setColumnWidth(3, 24 * 256);
        sh.setColumnWidth(4, 10 * 256);
        sh.setColumnWidth(5, 32 * 256);
        sh.createFreezePane(0, 3);
        printable(sh, 2, 2);
    }

    // ---- sheet 2 -------------------------------------------------------------------------------------------

    private void historySheet(Workbook wb, Styles st, Input in) {
        ScopeSummary s = in.summary();
        int n = settings.indicators().size();
        Sheet sh = wb.createSheet("Lịch sử báo cáo");
        line(sh, st, 0, n + 7, "Mọi lần gửi báo cáo " + s.week().label()
                + " · " + s.scope().name() + " (bản hiện hành và các bản đã được thay thế)");
        Row header = sh.createRow(2);
        header.setHeightInPoints(48);
        int c = 0;
        cell(header, c++, "STT", st.header);
        cell(header, c++, "Mã đơn vị", st.header);
        cell(header, c++, "Đơn vị", st.header);
        cell(header, c++, "Người gửi", st.header);
        cell(header, c++, "Thời điểm gửi", st.header);
        for (int i = 0; i < n; i++) cell(header, c++, settings.title(i), st.header);
        cell(header, c++, "Trạng thái", st.header);
        cell(header, c++, "Muộn", st.header);
        cell(header, c, "Vượt ngưỡng đã xác nhận", st.header);

        Map<String, Integer> order = new HashMap<>();
        List<Unit> units = in.tree().subtree(s.scope());
        for (int i = 0; i < units.size(); i++) order.put(units.get(i).code(), i);
        List<Version> rows = in.history().stream().filter(v -> order.containsKey(v.unit()))
                .sorted(java.util.Comparator.comparing((Version v) -> order.get(v.unit()))
                        .thenComparingLong(Version::submittedAt).thenComparingLong(Version::id))
                .toList();
        int r = 3;
        for (Version v : rows) {
            Row row = sh.createRow(r++);
            c = 0;
            num(row, c++, r - 3, st.center);
            cell(row, c++, v.unit(), st.text);
            cell(row, c++, in.tree().get(v.unit()).map(Unit::name).orElse(v.unit()), st.text);
            cell(row, c++, v.submitterName() != null ? v.submitterName() : v.submittedBy(), st.text);
            Cell when = row.createCell(c++);
            when.setCellValue(local(v.submittedAt()));
            when.setCellStyle(st.date);
            for (int i = 0; i < n; i++) {
                if (v.has(i)) num(row, c++, v.values()[i], st.number); else cell(row, c++, "", st.number);
            }
            cell(row, c++, (v.day() == null ? "" : "Số ngày " + vn.cdsbot.period.VnDates.dayMonth(v.day()) + ": ")
                    + (v.current() ? "Hiện hành"
                    : "Đã thay thế" + (v.supersededAt() > 0 ? " lúc " + stamp(Instant.ofEpochMilli(v.supersededAt())) : "")),
                    st.text);
            cell(row, c++, v.late() ? "Có" : "", st.center);
            cell(row, c, v.override() ? "Có" : "", st.center);
        }
        sh.setColumnWidth(0, 6 * 256);
        sh.setColumnWidth(1, 14 * 256);
        sh.setColumnWidth(2, 30 * 256);
        sh.setColumnWidth(3, 22 * 256);
        sh.setColumnWidth(4, 17 * 256);
        for (int i = 0; i < n; i++) sh.setColumnWidth(5 + i, 14 * 256);
        sh.setColumnWidth(n + 5, 28 * 256);
        sh.setColumnWidth(n + 6, 8 * 256);
        sh.setColumnWidth(n + 7, 14 * 256);
        sh.createFreezePane(3, 3);
        printable(sh, 2, 2);
    }

    // ---- sheet 3 -------------------------------------------------------------------------------------------

    private void missingSheet(Workbook wb, Styles st, Input in) {
        ScopeSummary s = in.summary();
        Sheet sh = wb.createSheet("Chưa báo cáo");
        line(sh, st, 0, 4, s.missing().size() + "/" + s.expected().size() + " đơn vị chưa báo cáo " + s.week().label() + " · " + s.scope().name());
        Row header = sh.createRow(2);
        cell(header, 0, "STT", st.header);
        cell(header, 1, "Mã đơn vị", st.header);
        cell(header, 2, "Đơn vị", st.header);
        cell(header, 3, "Thuộc", st.header);
        cell(header, 4, "Tổ trưởng", st.header);
        int r = 3;
        for (Unit u : s.missing()) {
            Row row = sh.createRow(r++);
            num(row, 0, r - 3, st.center);
            unitWithLeaders(row, st, in.tree(), u, in.leaders(), 4);
        }
        sh.setColumnWidth(0, 6 * 256);
        sh.setColumnWidth(1, 14 * 256);
        sh.setColumnWidth(2, 32 * 256);
        sh.setColumnWidth(3, 26 * 256);
        sh.setColumnWidth(4, 36 * 256);
        sh.createFreezePane(0, 3);
        printable(sh, 2, 2);
    }

    /**
     * A row of the sheets of units to chase: code, name and parent in columns 1–3, and the leaders to call in
     * {@code leadersColumn}.
     */
    private static void unitWithLeaders(Row row, Styles st, UnitTree tree, Unit u, Map<String, List<String>> leaders,
                                        int leadersColumn) {
        cell(row, 1, u.code(), st.text);
        cell(row, 2, u.name(), st.text);
        cell(row, 3, tree.parent(u).map(Unit::name).orElse(""), st.text);
        List<String> names = leaders.getOrDefault(u.code(), List.of());
        cell(row, leadersColumn, names.isEmpty() ? "Chưa có tổ trưởng đăng ký" : String.join(", ", names), st.text);
    }

    // ---- sheets other features add (ScopeNote.table) ----------------------------------------------------------

    private static void tableSheet(Workbook wb, Styles st, ScopeTable t) {
        Sheet sh = wb.createSheet(t.sheetName());
        int last = t.headers().size() - 1;
        line(sh, st, 0, last, t.title());
        Row header = sh.createRow(2);
        for (int c = 0; c <= last; c++) cell(header, c, t.headers().get(c), st.header);
        int r = 3;
        for (List<Object> values : t.rows()) {
            Row row = sh.createRow(r++);
            for (int c = 0; c <= last; c++) {
                Object v = values.get(c);
                if (v instanceof Number n) {
                    num(row, c, n.longValue(), st.number);
                } else {
                    cell(row, c, v == null ? "" : v.toString(), st.text);
                }
            }
        }
        sh.setColumnWidth(0, 6 * 256);
        for (int c = 1; c <= last; c++) sh.setColumnWidth(c, (c == 2 ? 32 : 16) * 256);
        sh.createFreezePane(0, 3);
        printable(sh, 2, 2);
    }

    // ---- cells ---------------------------------------------------------------------------------------------

    // ---- campaign sheets ------------------------------------------------------------------------------------

    static final int CAMPAIGN_HEADER_ROW = 6;

    /**
     * STT / Đơn vị / Chỉ tiêu / Đã làm / % chỉ tiêu / one column per day so far. "Đã làm" is the SUM of the row's
     * days, "%" a formula over it, the totals row SUMs every column, so an edited day recomputes. A day a team sent no
     * figure is empty, never 0. A unit's target is its own (a commune's covers its hamlets): the total target is
     * the scope's, a SUM of the column when the targets do not overlap.
     */
    private void campaignSheet(Workbook wb, Styles st, CampaignSheet cs, Instant generatedAt) {
        vn.cdsbot.campaign.Campaign c = cs.campaign();
        int days = Math.max(0, Math.min(cs.days(), c.length()));
        int firstDay = 5;
        int lastCol = Math.max(firstDay + days - 1, firstDay);
        String name = (c.code() + " " + c.indicators().get(cs.indicator())).replaceAll("[\\\\/?*\\[\\]:]", "");
        Sheet sh = wb.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
        titleBlock(sh, st, lastCol, 1);
        title(sh, st, 3, lastCol, "TIẾN ĐỘ CHIẾN DỊCH " + c.code() + " “" + c.name().toUpperCase(VnFormat.VI) + "”");
        // Two short lines: one long line overflows the narrow sheet of the campaign's first days.
        centered(sh, st, 4, lastCol, VnFormat.capitalize(cs.indicatorName()));
        centered(sh, st, 5, lastCol, VnDates.range(c.first(), c.last()) + " · ngày " + days + "/" + c.length()
                + " · Phạm vi: " + cs.scope().name() + " · Lập lúc " + stamp(generatedAt));
        Row head = sh.createRow(CAMPAIGN_HEADER_ROW);
        head.setHeightInPoints(32);
        String[] fixed = {"STT", "Đơn vị", "Chỉ tiêu", "Đã làm", "% chỉ tiêu"};
        for (int k = 0; k < fixed.length; k++) cell(head, k, fixed[k], st.header);
        for (int d = 0; d < days; d++) cell(head, firstDay + d, VnDates.dayMonth(c.first().plusDays(d)), st.header);
        if (days == 0) cell(head, firstDay, "", st.header);

        int r = CAMPAIGN_HEADER_ROW + 1;
        int first = r;
        long ownTargets = 0;
        boolean anyTarget = false;
        String ind = c.indicators().get(cs.indicator());
        for (Unit u : cs.units()) {
            Row row = sh.createRow(r);
            num(row, 0, r - first + 1, st.center);
            cell(row, 1, u.name() + " (" + u.code() + ")", st.text);
            java.util.Optional<Long> t = cs.targets().of(u.code(), ind);
            if (t.isPresent()) {
                num(row, 2, t.get(), st.number);
                ownTargets += t.get();
                anyTarget = true;
            } else {
                cell(row, 2, "", st.text);
            }
            java.util.Optional<vn.cdsbot.campaign.CampaignFigures.UnitDone> done = cs.figures().of(u.code());
            long sum = 0;
            boolean anyGiven = false;
            for (int d = 0; d < days; d++) {
                long v = done.isPresent() ? done.get().series()[cs.indicator()][d] : 0;
                boolean given = done.isPresent() && (done.get().reportedOn(d) || v != 0);
                if (given) num(row, firstDay + d, v, st.number); else cell(row, firstDay + d, "", st.text);
                sum += v;
                anyGiven |= given;
            }
            String rowNo = String.valueOf(r + 1);
            Cell total = row.createCell(3);
            total.setCellStyle(st.number);
            if (days > 0) {
                // A team with no figure yet has an empty "Đã làm", never 0 (missing is not zero).
                String range = col(firstDay) + rowNo + ":" + col(firstDay + days - 1) + rowNo;
                total.setCellFormula("IF(COUNT(" + range + ")=0,\"\",SUM(" + range + "))");
            }
            if (anyGiven) total.setCellValue(sum); else total.setCellValue("");
            Cell pct = row.createCell(4);
            pct.setCellStyle(st.percent);
            pct.setCellFormula(percentOf(rowNo));
            if (anyGiven && t.isPresent() && t.get() > 0) pct.setCellValue((double) sum / t.get()); else pct.setCellValue("");
            r++;
        }
        int last = r - 1;
        Row tot = sh.createRow(r);
        String totNo = String.valueOf(r + 1);
        cell(tot, 0, "", st.totalText);
        cell(tot, 1, "Tổng cộng", st.totalText);
        Cell target = tot.createCell(2);
        target.setCellStyle(st.totalNumber);
        boolean summed = anyTarget && cs.scopeTarget() != null && cs.scopeTarget() == ownTargets && last >= first;
        if (summed) target.setCellFormula("SUM(C" + (first + 1) + ":C" + (last + 1) + ")");
        if (cs.scopeTarget() != null) target.setCellValue(cs.scopeTarget()); else target.setCellValue("");
        for (int k = 3; k <= lastCol; k++) {
            if (k == 4 || (k >= firstDay && days == 0)) continue;
            Cell x = tot.createCell(k);
            x.setCellStyle(st.totalNumber);
            if (last >= first) x.setCellFormula("SUM(" + col(k) + (first + 1) + ":" + col(k) + (last + 1) + ")");
            long cached = 0;
            for (Unit u : cs.units()) {
                java.util.Optional<vn.cdsbot.campaign.CampaignFigures.UnitDone> d = cs.figures().of(u.code());
                if (d.isEmpty()) continue;
                long[] series = d.get().series()[cs.indicator()];
                if (k == 3) for (int j = 0; j < days; j++) cached += series[j];
                else cached += series[k - firstDay];
            }
            x.setCellValue(cached);
        }
        Cell pct = tot.createCell(4);
        pct.setCellStyle(st.totalPercent);
        pct.setCellFormula(percentOf(totNo));
        line(sh, st, r + 2, lastCol, "Chỉ tiêu của một đơn vị là cho cả đơn vị và các tổ trực thuộc; tổng chỉ tiêu là của cả phạm vi"
                + (summed ? "" : " (không cộng cột vì chỉ tiêu cấp trên đã gồm cấp dưới)") + ". Ô ngày để trống: tổ chưa gửi số "
                + "ngày đó (không phải số 0). Cột \"Đã làm\", \"%\" và dòng tổng cộng là công thức.", 2);
        sh.setColumnWidth(0, 5 * 256);
        sh.setColumnWidth(1, 30 * 256);
        sh.setColumnWidth(2, 10 * 256);
        sh.setColumnWidth(3, 10 * 256);
        sh.setColumnWidth(4, 10 * 256);
        for (int d = 0; d < days; d++) sh.setColumnWidth(firstDay + d, 7 * 256);
        sh.createFreezePane(firstDay, CAMPAIGN_HEADER_ROW + 1);
        printable(sh, CAMPAIGN_HEADER_ROW, CAMPAIGN_HEADER_ROW);
    }

    /**
     * Done ÷ target of a row, empty without a target or without a figure (a text cell compares above any number, so
     * test both first).
     */
    private static String percentOf(String row) {
        return "IF(AND(ISNUMBER(C" + row + "),ISNUMBER(D" + row + ")),IF(C" + row + ">0,D" + row + "/C" + row
                + ",\"\"),\"\")";
    }

    private static String col(int index) {
        return org.apache.poi.ss.util.CellReference.convertNumToColString(index);
    }

    private LocalDateTime local(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), settings.zone());
    }

    private String stamp(Instant at) {
        return VnDates.dateTime(at, settings.zone());
    }

    private static void title(Sheet sh, Styles st, int row, int lastCol, String text) {
        Row r = sh.createRow(row);
        r.setHeightInPoints(24);
        cell(r, 0, text, st.title);
        sh.addMergedRegion(new CellRangeAddress(row, row, 0, lastCol));
    }

    private static void centered(Sheet sh, Styles st, int row, int lastCol, String text) {
        Row r = sh.createRow(row);
        cell(r, 0, text, st.centerPlain);
        sh.addMergedRegion(new CellRangeAddress(row, row, 0, lastCol));
    }

    private static void line(Sheet sh, Styles st, int row, int lastCol, String text) {
        line(sh, st, row, lastCol, text, 1);
    }

    /**
     * A note across the sheet, wrapped in a row of {@code lines} lines: text running past the merged cells would
     * widen what LibreOffice prints, and so shrink the page it fits to one page wide.
     */
    private static void line(Sheet sh, Styles st, int row, int lastCol, String text, int lines) {
        Row r = sh.createRow(row);
        r.setHeightInPoints(15f * lines);
        cell(r, 0, text, st.plain);
        sh.addMergedRegion(new CellRangeAddress(row, row, 0, lastCol));
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static void num(Row row, int col, long value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    /** Cell styles, created once per workbook (Excel limits their number); Times New Roman as official papers use. */
    private static final class Styles {
        static final String FONT = "Times New Roman";
        final CellStyle title, plain, centerPlain, centerBold, header, text, center, number, missing, date;
        final CellStyle groupText, groupCenter, groupNumber, totalText, totalNumber, percent, totalPercent;
        private final Font normal;

        Styles(Workbook wb) {
            // The default font too, so empty cells and anything unstyled print in the same face.
            Font base = wb.getFontAt(0);
            base.setFontName(FONT);
            base.setFontHeightInPoints((short) 11);
            normal = font(wb, false, 11);
            Font bold = font(wb, true, 11);
            Font big = font(wb, true, 14);
            short thousands = wb.createDataFormat().getFormat("#,##0");
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            plain = wb.createCellStyle();
            plain.setFont(normal);
            plain.setWrapText(true);
            plain.setVerticalAlignment(VerticalAlignment.TOP);
            centerPlain = wb.createCellStyle();
            centerPlain.setFont(normal);
            centerPlain.setAlignment(HorizontalAlignment.CENTER);
            centerBold = wb.createCellStyle();
            centerBold.setFont(bold);
            centerBold.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(wb);
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            fill(header, IndexedColors.PALE_BLUE);
            text = bordered(wb);
            text.setShrinkToFit(true);
            center = bordered(wb);
            center.setAlignment(HorizontalAlignment.CENTER);
            number = bordered(wb);
            number.setDataFormat(thousands);
            number.setShrinkToFit(true);
            missing = bordered(wb);
            missing.setAlignment(HorizontalAlignment.CENTER);
            missing.setShrinkToFit(true);
            date = bordered(wb);
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            groupText = bordered(wb);
            groupText.setFont(bold);
            groupText.setShrinkToFit(true);
            fill(groupText, IndexedColors.GREY_25_PERCENT);
            groupCenter = bordered(wb);
            fill(groupCenter, IndexedColors.GREY_25_PERCENT);
            groupNumber = bordered(wb);
            groupNumber.setFont(bold);
            groupNumber.setDataFormat(thousands);
            groupNumber.setShrinkToFit(true);
            fill(groupNumber, IndexedColors.GREY_25_PERCENT);
            totalText = bordered(wb);
            totalText.setFont(bold);
            totalText.setShrinkToFit(true);
            fill(totalText, IndexedColors.LIGHT_YELLOW);
            totalNumber = bordered(wb);
            totalNumber.setFont(bold);
            totalNumber.setDataFormat(thousands);
            totalNumber.setShrinkToFit(true);
            fill(totalNumber, IndexedColors.LIGHT_YELLOW);
            short pct = wb.createDataFormat().getFormat("0.00%");
            percent = bordered(wb);
            percent.setDataFormat(pct);
            totalPercent = bordered(wb);
            totalPercent.setFont(bold);
            totalPercent.setDataFormat(pct);
            fill(totalPercent, IndexedColors.LIGHT_YELLOW);
        }

        private static Font font(Workbook wb, boolean bold, int points) {
            Font f = wb.createFont();
            f.setFontName(FONT);
            f.setBold(bold);
            f.setFontHeightInPoints((short) points);
            return f;
        }

        private CellStyle bordered(Workbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setFont(normal);
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        }

        private static void fill(CellStyle s, IndexedColors color) {
            s.setFillForegroundColor(color.getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
    }
}
