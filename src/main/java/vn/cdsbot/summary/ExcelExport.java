package vn.cdsbot.summary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
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
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.summary.ReportData.Current;
import vn.cdsbot.summary.ReportData.Version;
import vn.cdsbot.summary.ScopeSummary.Tally;

/**
 * The committee's spreadsheet. Sheet 1: STT / Đơn vị / one column per indicator / So với tuần trước / Ghi chú,
 * groups as bold subtotal rows, a totals row. Sheet 2: every version of every report of the week. Sheet 3: the
 * units that have not reported. Units that have not reported have empty cells, not zeros.
 */
final class ExcelExport {

    private final Settings settings;

    ExcelExport(Settings settings) {
        this.settings = settings;
    }

    /** What the spreadsheet is built from. */
    record Input(UnitTree tree, ScopeSummary summary, Map<String, Current> current, Map<String, ReportData.Figures> previous,
                 List<Version> history, Map<String, List<String>> leaders, Instant generatedAt) {}

    byte[] build(Input in) {
        // Streaming workbook: rows go to a temporary file as they are written, which is several times faster
        // than building the whole XML tree in memory for a thousand units.
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) { // close() also deletes the temporary files
            Styles st = new Styles(wb);
            summarySheet(wb, st, in);
            historySheet(wb, st, in);
            missingSheet(wb, st, in);
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

    private void summarySheet(Workbook wb, Styles st, Input in) {
        ScopeSummary s = in.summary();
        int n = settings.indicators().size();
        int lastCol = n + 3;
        Sheet sh = wb.createSheet("Tổng hợp");
        title(sh, st, 0, lastCol, "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG");
        line(sh, st, 1, lastCol, VnFormat.capitalize(s.week().label()) + (s.running() ? ", đang diễn ra" : "")
                + " · Phạm vi: " + s.scope().name());
        line(sh, st, 2, lastCol, "Đã báo cáo " + s.reported() + "/" + s.expected().size() + " đơn vị ("
                + VnFormat.rate(s.reported(), s.expected().size()) + "); đúng hạn " + s.onTime() + ", muộn "
                + s.late().size() + ". Cột \"So với tuần trước\" so sánh " + settings.indicators().get(0).name()
                + " của các đơn vị báo cáo cả hai tuần. Lập lúc " + stamp(in.generatedAt()) + ".");

        Row header = sh.createRow(4);
        header.setHeightInPoints(48);
        int c = 0;
        cell(header, c++, "STT", st.header);
        cell(header, c++, "Đơn vị", st.header);
        for (int i = 0; i < n; i++) cell(header, c++, settings.title(i), st.header);
        cell(header, c++, "So với tuần trước", st.header);
        cell(header, c, "Ghi chú", st.header);

        Set<String> expected = new HashSet<>();
        for (Unit u : s.expected()) expected.add(u.code());
        Set<String> corrected = codes(s.correctedAfterDeadline());

        int r = 5;
        int stt = 0;
        for (Unit u : in.tree().subtree(s.scope())) {
            if (u.code().equals(s.scope().code()) && !expected.contains(u.code())) continue;
            Tally a = s.tallies().get(u.code());
            if (expected.contains(u.code())) {
                Current cur = in.current().get(u.code());
                ReportData.Figures prev = in.previous().get(u.code());
                Row row = sh.createRow(r++);
                num(row, 0, ++stt, st.center);
                cell(row, 1, u.name(), st.text);
                for (int i = 0; i < n; i++) {
                    if (cur == null) cell(row, 2 + i, "", st.number);
                    else if (!cur.has(i)) cell(row, 2 + i, "Chưa báo", st.text);   // skipped in the report, not a 0
                    else num(row, 2 + i, cur.values()[i], st.number);
                }
                String change = cur == null || !cur.has(0) ? "" : prev == null || !prev.has(0) ? "Tuần trước chưa báo cáo"
                        : VnFormat.change(cur.values()[0], prev.values()[0], "tuần trước");
                cell(row, n + 2, change, st.text);
                cell(row, n + 3, note(cur, corrected), st.text);
            } else if (a != null && a.expected() > 0) {
                Row row = sh.createRow(r++);
                cell(row, 0, "", st.groupCenter);
                cell(row, 1, u.name() + " (" + a.reported() + "/" + a.expected() + " đã báo cáo)", st.groupText);
                tallyCells(row, n, a, st.groupNumber, st.groupText);
            }
        }
        Row total = sh.createRow(r);
        cell(total, 0, "", st.totalText);
        cell(total, 1, "Tổng cộng (" + s.reported() + "/" + s.expected().size() + " đã báo cáo)", st.totalText);
        tallyCells(total, n, s.total(), st.totalNumber, st.totalText);

        sh.setColumnWidth(0, 6 * 256);
        sh.setColumnWidth(1, 36 * 256);
        for (int i = 0; i < n; i++) sh.setColumnWidth(2 + i, 16 * 256);
        sh.setColumnWidth(n + 2, 24 * 256);
        sh.setColumnWidth(n + 3, 30 * 256);
        sh.createFreezePane(2, 5);
    }

    /**
     * A group or total row: the sums of the units that reported, or "Chưa báo cáo" when none did (never a 0),
     * and the change of the units that reported both weeks.
     */
    private static void tallyCells(Row row, int n, Tally t, CellStyle number, CellStyle text) {
        for (int i = 0; i < n; i++) {
            if (t.given()[i] == 0) cell(row, 2 + i, "Chưa báo cáo", text); else num(row, 2 + i, t.totals()[i], number);
        }
        String change;
        if (t.given()[0] == 0) change = "";
        else if (t.comparedCount()[0] == 0) change = "Tuần trước chưa báo cáo";
        else change = VnFormat.change(t.comparedNow()[0], t.comparedBefore()[0], "tuần trước")
                + (t.comparedCount()[0] < t.given()[0] ? " (" + t.comparedCount()[0] + " đơn vị báo cáo cả hai tuần)" : "");
        cell(row, n + 2, change, text);
        cell(row, n + 3, "", text);
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
            cell(row, c++, v.current() ? "Hiện hành"
                    : "Đã thay thế" + (v.supersededAt() > 0 ? " lúc " + stamp(Instant.ofEpochMilli(v.supersededAt())) : ""),
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
            cell(row, 1, u.code(), st.text);
            cell(row, 2, u.name(), st.text);
            cell(row, 3, in.tree().parent(u).map(Unit::name).orElse(""), st.text);
            List<String> leaders = in.leaders().getOrDefault(u.code(), List.of());
            cell(row, 4, leaders.isEmpty() ? "Chưa có tổ trưởng đăng ký" : String.join(", ", leaders), st.text);
        }
        sh.setColumnWidth(0, 6 * 256);
        sh.setColumnWidth(1, 14 * 256);
        sh.setColumnWidth(2, 32 * 256);
        sh.setColumnWidth(3, 26 * 256);
        sh.setColumnWidth(4, 36 * 256);
        sh.createFreezePane(0, 3);
    }

    // ---- cells ---------------------------------------------------------------------------------------------

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

    private static void line(Sheet sh, Styles st, int row, int lastCol, String text) {
        Row r = sh.createRow(row);
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

    /** Cell styles, created once per workbook (Excel limits their number). */
    private static final class Styles {
        final CellStyle title, plain, header, text, center, number, date;
        final CellStyle groupText, groupCenter, groupNumber, totalText, totalNumber;

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            short thousands = wb.createDataFormat().getFormat("#,##0");
            title = wb.createCellStyle();
            title.setFont(big);
            plain = wb.createCellStyle();
            header = bordered(wb);
            header.setFont(bold);
            header.setWrapText(true);
            header.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            fill(header, IndexedColors.PALE_BLUE);
            text = bordered(wb);
            center = bordered(wb);
            center.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.CENTER);
            number = bordered(wb);
            number.setDataFormat(thousands);
            date = bordered(wb);
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            groupText = bordered(wb);
            groupText.setFont(bold);
            fill(groupText, IndexedColors.GREY_25_PERCENT);
            groupCenter = bordered(wb);
            fill(groupCenter, IndexedColors.GREY_25_PERCENT);
            groupNumber = bordered(wb);
            groupNumber.setFont(bold);
            groupNumber.setDataFormat(thousands);
            fill(groupNumber, IndexedColors.GREY_25_PERCENT);
            totalText = bordered(wb);
            totalText.setFont(bold);
            fill(totalText, IndexedColors.LIGHT_YELLOW);
            totalNumber = bordered(wb);
            totalNumber.setFont(bold);
            totalNumber.setDataFormat(thousands);
            fill(totalNumber, IndexedColors.LIGHT_YELLOW);
        }

        private static CellStyle bordered(Workbook wb) {
            CellStyle s = wb.createCellStyle();
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
