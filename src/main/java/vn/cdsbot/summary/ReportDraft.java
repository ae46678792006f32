package vn.cdsbot.summary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.people.Unit;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.summary.ReportData.Current;
import vn.cdsbot.summary.ScopeSummary.Tally;

/**
 * A week's report draft (.docx) laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I sets for administrative documents:
 * A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman; the issuing bodies and the number
 * left to fill on the left, Quốc hiệu and Tiêu ngữ with place and date on the right; the title and trích yếu; the
 * body; Nơi nhận and the signature block; page numbers from page 2, centred in the top margin. The figures are the
 * {@link Summarizer}'s, so a unit without a report is "Chưa báo cáo" here as everywhere.
 */
final class ReportDraft {
    static final String FONT = "Times New Roman";
    private static final int BODY = 14;
    /** Twentieths of a point per millimetre, the unit of Word's page set-up. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;
    private static final int NAMED = 15;
    /** The width between the margins, in millimetres: A4 less 30 mm left and 15 mm right. */
    private static final double TEXT_WIDTH = 210 - 30 - 15;

    private final Settings settings;

    ReportDraft(Settings settings) {
        this.settings = settings;
    }

    /**
     * What the draft says.
     *
     * @param rows the scope's direct children with units expected to report (or the scope itself when it reports)
     * @param absent units without a report for two weeks or more in a row, up to this one
     */
    record Input(ScopeSummary summary, List<Row> rows, List<Absence> absent, LocalDate today) {}

    /** A line of the table by unit. */
    record Row(Unit unit, Tally tally) {}

    /** A unit that has not reported for {@code weeks} weeks in a row, ending with the report's week. */
    record Absence(Unit unit, int weeks) {}

    String fileName(ScopeSummary s) {
        return "Dự thảo báo cáo tuần " + s.week().number() + "-" + s.week().year() + " – " + s.scope().name() + ".docx";
    }

    byte[] build(Input in) {
        try (XWPFDocument doc = new XWPFDocument()) {
            pageSetup(doc);
            heading(doc, in.today());
            title(doc, in.summary());
            results(doc, in);
            shortcomings(doc, in);
            tasks(doc, in.summary());
            closing(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- page ----------------------------------------------------------------------------------------------

    private static void pageSetup(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(twips(210)));
        size.setH(BigInteger.valueOf(twips(297)));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(twips(20)));
        mar.setBottom(BigInteger.valueOf(twips(20)));
        mar.setLeft(BigInteger.valueOf(twips(30)));
        mar.setRight(BigInteger.valueOf(twips(15)));
        mar.setHeader(BigInteger.valueOf(twips(10)));
        mar.setFooter(BigInteger.valueOf(twips(10)));
        // The decree numbers pages from the second one: a different first page with an empty header.
        sect.addNewTitlePg();
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph p = header.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        doc.createHeader(HeaderFooterType.FIRST).createParagraph();
    }

    static long twips(double mm) {
        return Math.round(mm * TWIPS_PER_MM);
    }

    // ---- heading -------------------------------------------------------------------------------------------

    /** Two columns without borders: the issuing bodies and the number; Quốc hiệu, Tiêu ngữ, place and date. */
    private void heading(XWPFDocument doc, LocalDate today) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        columns(t, 62, TEXT_WIDTH - 62);   // wide enough on the right for the Quốc hiệu on one line
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        XWPFParagraph p = left.getParagraphs().get(0);
        if (!settings.issuerParent().isEmpty()) {
            center(p);
            run(p, settings.issuerParent().toUpperCase(VnFormat.VI), 13, false, false);
            p = left.addParagraph();
        }
        center(p);
        run(p, settings.issuer().toUpperCase(VnFormat.VI), 13, true, false);
        p = left.addParagraph();
        center(p);
        run(p, "Số: …/BC-…", 13, false, false);

        p = right.getParagraphs().get(0);
        center(p);
        run(p, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true, false);
        p = right.addParagraph();
        center(p);
        run(p, "Độc lập - Tự do - Hạnh phúc", 13, true, false);
        p = right.addParagraph();
        center(p);
        p.setSpacingBefore(120);
        run(p, settings.issuerPlace() + ", " + VnDates.documentDate(today), 14, false, true);
    }

    private void title(XWPFDocument doc, ScopeSummary s) {
        XWPFParagraph p = doc.createParagraph();
        center(p);
        p.setSpacingBefore(360);
        run(p, "BÁO CÁO", 14, true, false);
        p = doc.createParagraph();
        center(p);
        run(p, "Kết quả hoạt động của Tổ công nghệ số cộng đồng " + s.week().label()
                + (s.scope().virtual() ? "" : " – " + s.scope().name()), 14, true, false);
        p = doc.createParagraph();
        center(p);
        run(p, "__________", 14, false, false);
    }

    // ---- I. Kết quả ----------------------------------------------------------------------------------------

    private void results(XWPFDocument doc, Input in) {
        ScopeSummary s = in.summary();
        Tally t = s.total();
        section(doc, "I. KẾT QUẢ THỰC HIỆN");
        subsection(doc, "1. Tình hình báo cáo");
        String running = s.running() ? " (tuần đang diễn ra; số liệu tính đến ngày lập dự thảo)" : "";
        body(doc, VnFormat.capitalize(s.week().label()) + running + ", có " + s.reported() + "/" + s.expected().size()
                + " đơn vị đã báo cáo (" + VnFormat.rate(s.reported(), s.expected().size()) + "), trong đó " + s.onTime()
                + " đơn vị đúng hạn, " + s.late().size() + " đơn vị nộp muộn; " + s.missing().size()
                + " đơn vị chưa báo cáo" + named(s.missing().stream().map(Unit::name).toList()) + ".");
        subsection(doc, "2. Kết quả các chỉ tiêu");
        if (t.noReports()) {
            body(doc, "Chưa có đơn vị nào báo cáo " + s.week().label() + " nên chưa có số liệu (không phải số 0).");
        } else {
            body(doc, "Số liệu là tổng của các đơn vị đã báo cáo; đơn vị chưa báo cáo không được tính là 0. "
                    + "Lũy kế tính từ tuần " + settings.campaignStart().number() + "/" + settings.campaignStart().year()
                    + " (" + VnDates.date(settings.campaignStart().monday()) + ").");
            for (int i = 0; i < settings.indicators().size(); i++) body(doc, "- " + indicatorLine(s, i));
            body(doc, SummaryTexts.comparedNote(t));
        }
        subsection(doc, "3. Kết quả theo đơn vị");
        table(doc, in);
    }

    /** "Lượt người dân được hỗ trợ: 17; so với tuần trước: Tăng 3 (21,43 %); lũy kế: 38." */
    private String indicatorLine(ScopeSummary s, int i) {
        Tally t = s.total();
        StringBuilder b = new StringBuilder(settings.title(i)).append(": ");
        if (t.given()[i] == 0) return b.append("chưa đơn vị nào báo số này.").toString();
        b.append(VnFormat.number(t.totals()[i]));
        if (t.given()[i] < t.reported()) {
            b.append(" (số của ").append(t.given()[i]).append(" đơn vị; ").append(t.reported() - t.given()[i])
                    .append(" đơn vị bỏ qua mục này)");
        }
        if (t.comparedCount()[i] > 0) {
            b.append("; so với tuần trước: ").append(VnFormat.change(t.comparedNow()[i], t.comparedBefore()[i], "tuần trước"));
        }
        return b.append("; lũy kế: ").append(VnFormat.number(s.cumulative()[i])).append('.').toString();
    }

    private void table(XWPFDocument doc, Input in) {
        int n = settings.indicators().size();
        XWPFTable t = doc.createTable(1, 3 + n);
        t.setTableAlignment(TableRowAlign.CENTER);
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);   // the header row again on every page the table runs over
        cellText(header.getCell(0), "STT", true);
        cellText(header.getCell(1), "Đơn vị", true);
        cellText(header.getCell(2), "Đã báo cáo", true);
        for (int i = 0; i < n; i++) cellText(header.getCell(3 + i), settings.shortLabel(i), true);
        int stt = 0;
        for (Row r : in.rows()) tableRow(t, String.valueOf(++stt), r.unit().name(), r.tally(), n, false);
        tableRow(t, "", "Tổng cộng", in.summary().total(), n, true);
        double[] widths = new double[3 + n];
        widths[0] = 13;
        widths[1] = 42;
        widths[2] = 18;
        for (int i = 0; i < n; i++) widths[3 + i] = (TEXT_WIDTH - 73) / n;
        columns(t, widths);
        XWPFParagraph legend = doc.createParagraph();
        legend.setSpacingBefore(60);
        StringBuilder b = new StringBuilder("Ghi chú: ");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : "; ").append(settings.shortLabel(i)).append(" – ").append(settings.indicators().get(i).name());
        }
        run(legend, b.append('.').toString(), 11, false, true);
    }

    /** A unit with no report at all reads "Chưa báo cáo" across its figures; a skipped indicator "Chưa báo". */
    private static void tableRow(XWPFTable t, String stt, String name, Tally tally, int n, boolean bold) {
        XWPFTableRow row = t.createRow();
        cellText(row.getCell(0), stt, bold);
        cellText(row.getCell(1), name, bold);
        cellText(row.getCell(2), tally.reported() + "/" + tally.expected(), bold);
        if (tally.noReports()) {
            cellText(row.getCell(3), "Chưa báo cáo", bold);
            for (int i = n - 1; i >= 1; i--) row.removeCell(3 + i);
            row.getCell(3).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(n));
            return;
        }
        for (int i = 0; i < n; i++) {
            cellText(row.getCell(3 + i), tally.given()[i] == 0 ? "Chưa báo" : VnFormat.number(tally.totals()[i]), bold);
        }
    }

    // ---- II. Tồn tại, hạn chế ------------------------------------------------------------------------------

    private void shortcomings(XWPFDocument doc, Input in) {
        ScopeSummary s = in.summary();
        section(doc, "II. TỒN TẠI, HẠN CHẾ");
        List<String> items = new ArrayList<>();
        if (!in.absent().isEmpty()) {
            List<String> names = in.absent().stream().map(a -> a.unit().name() + " (" + a.weeks() + " tuần)").toList();
            items.add(in.absent().size() + " đơn vị chưa báo cáo từ 2 tuần liên tiếp trở lên" + named(names) + ".");
        }
        if (!s.late().isEmpty()) items.add(s.late().size() + " báo cáo nộp sau hạn" + named(unitNames(s, s.late())) + ".");
        if (!s.correctedAfterDeadline().isEmpty()) {
            items.add(s.correctedAfterDeadline().size() + " báo cáo được sửa sau hạn nộp"
                    + named(unitNames(s, s.correctedAfterDeadline())) + "; cần kiểm tra lại số liệu.");
        }
        if (items.isEmpty()) items.add("Không có đơn vị chưa báo cáo từ 2 tuần liên tiếp, không có báo cáo nộp muộn hoặc sửa sau hạn.");
        for (String item : items) body(doc, "- " + item);
    }

    private static List<String> unitNames(ScopeSummary s, List<Current> reports) {
        List<String> out = new ArrayList<>();
        for (Current r : reports) {
            out.add(s.expected().stream().filter(u -> u.code().equals(r.unit())).map(Unit::name).findFirst().orElse(r.unit()));
        }
        return out;
    }

    /** ": A, B, C" — at most {@link #NAMED} names, then how many more. */
    private static String named(List<String> names) {
        if (names.isEmpty()) return "";
        if (names.size() <= NAMED) return ": " + String.join(", ", names);
        return ": " + String.join(", ", names.subList(0, NAMED)) + " và " + (names.size() - NAMED) + " đơn vị khác";
    }

    // ---- III and the end -----------------------------------------------------------------------------------

    private void tasks(XWPFDocument doc, ScopeSummary s) {
        section(doc, "III. NHIỆM VỤ THỜI GIAN TỚI");
        body(doc, "1. Đôn đốc các đơn vị chưa báo cáo gửi báo cáo " + s.week().next().typed() + " đúng hạn.");
        XWPFParagraph p = bodyParagraph(doc);
        run(p, "2. (Bổ sung nhiệm vụ trọng tâm thời gian tới.)", BODY, false, true);
        body(doc, "Trên đây là báo cáo kết quả hoạt động của Tổ công nghệ số cộng đồng " + s.week().typed() + "./.");
    }

    /** Nơi nhận on the left; the signer's authority, signature and name on the right, all left to fill. */
    private void closing(XWPFDocument doc) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        columns(t, 70, TEXT_WIDTH - 70);
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        XWPFParagraph p = left.getParagraphs().get(0);
        p.setSpacingBefore(240);
        run(p, "Nơi nhận:", 12, true, true);
        for (String line : List.of("- …;", "- …;", "- Lưu: VT.")) run(left.addParagraph(), line, 11, false, false);
        p = right.getParagraphs().get(0);
        center(p);
        p.setSpacingBefore(240);
        run(p, "QUYỀN HẠN, CHỨC VỤ NGƯỜI KÝ", 13, true, false);
        p = right.addParagraph();
        center(p);
        run(p, "(Chữ ký, dấu)", 14, false, true);
        for (int i = 0; i < 3; i++) right.addParagraph();
        p = right.addParagraph();
        center(p);
        run(p, "Họ và tên", 14, true, false);
    }

    // ---- text ----------------------------------------------------------------------------------------------

    private static void section(XWPFDocument doc, String text) {
        XWPFParagraph p = bodyParagraph(doc);
        p.setSpacingBefore(120);
        run(p, text, BODY, true, false);
    }

    private static void subsection(XWPFDocument doc, String text) {
        run(bodyParagraph(doc), text, BODY, true, false);
    }

    private static void body(XWPFDocument doc, String text) {
        run(bodyParagraph(doc), text, BODY, false, false);
    }

    /** Justified, first line indented 1 cm, 6 pt after: the decree's body text. */
    private static XWPFParagraph bodyParagraph(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine((int) twips(10));
        p.setSpacingAfter(120);
        return p;
    }

    /** Fixed column widths in millimetres, so Word and LibreOffice lay the table out alike. */
    private static void columns(XWPFTable t, double... mm) {
        var ct = t.getCTTbl();
        var grid = ct.getTblGrid() != null ? ct.getTblGrid() : ct.addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        double total = 0;
        for (double w : mm) {
            grid.addNewGridCol().setW(BigInteger.valueOf(twips(w)));
            total += w;
        }
        t.setWidth(String.valueOf(twips(total)));
        var pr = ct.getTblPr() != null ? ct.getTblPr() : ct.addNewTblPr();
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        for (XWPFTableRow row : t.getRows()) {
            int col = 0;
            for (XWPFTableCell cell : row.getTableCells()) {
                var tcPr = cell.getCTTc().getTcPr();
                int span = tcPr != null && tcPr.isSetGridSpan() ? tcPr.getGridSpan().getVal().intValue() : 1;
                double w = 0;
                for (int k = col; k < col + span && k < mm.length; k++) w += mm[k];
                cell.setWidth(String.valueOf(twips(w)));
                col += span;
            }
        }
    }

    private static void cellText(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, text, 12, bold, false);
    }

    private static void center(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.CENTER);
    }

    private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        r.setText(text);
        return r;
    }
}
