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
import vn.cdsbot.campaign.Campaign;
import vn.cdsbot.campaign.CampaignTexts;
import vn.cdsbot.campaign.Progress;
import vn.cdsbot.campaign.Targets;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.summary.ReportData.Current;
import vn.cdsbot.summary.ScopeSummary.Tally;

/**
 * A report draft (.docx) for a week, a month, a quarter or a year, laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I sets for administrative documents:
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
    record Input(ScopeSummary summary, List<Row> rows, List<Absence> absent, LocalDate today, List<Progress.Result> campaigns) {
        Input(ScopeSummary summary, List<Row> rows, List<Absence> absent, LocalDate today) {
            this(summary, rows, absent, today, List.of());
        }
    }

    /** A line of the table by unit. */
    record Row(Unit unit, Tally tally) {}

    /** A unit that has not reported for {@code weeks} weeks in a row, ending with the report's week. */
    record Absence(Unit unit, int weeks) {}

    String fileName(ScopeSummary s) {
        return "Dự thảo báo cáo tuần " + s.week().number() + "-" + s.week().year() + " – " + s.scope().name() + ".docx";
    }

    String fileName(PeriodSummary s) {
        return "Dự thảo báo cáo " + s.name().replace('/', '-') + " – " + s.scope().name() + ".docx";
    }

    /**
     * What a month's, quarter's or year's draft says; {@code rows}: the scope's child units with units, in tree order;
     * {@code campaigns}: the progress in the scope of each campaign that ran during the period.
     */
    record PeriodInput(PeriodSummary summary, List<PeriodSummary.Part> rows, LocalDate today, List<Progress.Result> campaigns) {
        PeriodInput(PeriodSummary summary, List<PeriodSummary.Part> rows, LocalDate today) {
            this(summary, rows, today, List.of());
        }
    }

    /**
     * What a campaign's draft says: its progress as {@link Progress#compute} has it, and the targets for the columns
     * of the indicators it does not rank by.
     */
    record CampaignInput(Progress.Result progress, Targets targets, UnitTree tree, LocalDate today) {}

    String fileName(Progress.Result p) {
        return "Dự thảo báo cáo chiến dịch " + p.campaign().code() + " – " + p.scope().name() + ".docx";
    }

    /**
     * The worded content of a draft, the same layout whatever the period or campaign.
     *
     * @param title the trích yếu under "BÁO CÁO"
     * @param closing what "Trên đây là báo cáo …" names
     * @param header the table's column titles; {@code widths} their widths in millimetres
     * @param rows the table by unit, the total last
     */
    private record Content(String title, String closing, List<String> reporting, List<String> results,
                           List<String> header, double[] widths, List<TableLine> rows, String legend,
                           List<String> shortcomings, String nextTask) {}

    /** A line of the table; a cell may span several columns ("Chưa báo cáo" across the figures). */
    private record TableLine(List<Cell> cells, boolean bold) {}

    private record Cell(String text, int span) {
        static Cell of(String text) {
            return new Cell(text, 1);
        }
    }

    byte[] build(Input in) {
        return build(content(in), in.today());
    }

    byte[] build(PeriodInput in) {
        return build(content(in), in.today());
    }

    byte[] build(CampaignInput in) {
        return build(content(in), in.today());
    }

    private byte[] build(Content c, LocalDate today) {
        try (XWPFDocument doc = new XWPFDocument()) {
            pageSetup(doc);
            heading(doc, today);
            title(doc, c);
            results(doc, c);
            section(doc, "II. TỒN TẠI, HẠN CHẾ");
            for (String item : c.shortcomings()) body(doc, "- " + item);
            tasks(doc, c);
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

    private void title(XWPFDocument doc, Content c) {
        XWPFParagraph p = doc.createParagraph();
        center(p);
        p.setSpacingBefore(360);
        run(p, "BÁO CÁO", 14, true, false);
        p = doc.createParagraph();
        center(p);
        run(p, c.title(), 14, true, false);
        p = doc.createParagraph();
        center(p);
        run(p, "__________", 14, false, false);
    }

    // ---- I. Kết quả ----------------------------------------------------------------------------------------

    private void results(XWPFDocument doc, Content c) {
        section(doc, "I. KẾT QUẢ THỰC HIỆN");
        subsection(doc, "1. Tình hình báo cáo");
        for (String line : c.reporting()) body(doc, line);
        subsection(doc, "2. Kết quả các chỉ tiêu");
        for (String line : c.results()) body(doc, line);
        subsection(doc, "3. Kết quả theo đơn vị");
        table(doc, c);
    }

    /** The week's content, worded from the {@link Summarizer}'s figures. */
    private Content content(Input in) {
        ScopeSummary s = in.summary();
        Tally t = s.total();
        String running = s.running() ? " (tuần đang diễn ra; số liệu tính đến ngày lập dự thảo)" : "";
        List<String> reporting = List.of(VnFormat.capitalize(s.week().label()) + running + ", có " + s.reported() + "/"
                + s.expected().size() + " đơn vị đã báo cáo (" + VnFormat.rate(s.reported(), s.expected().size())
                + "), trong đó " + s.onTime() + " đơn vị đúng hạn, " + s.late().size() + " đơn vị nộp muộn; "
                + s.missing().size() + " đơn vị chưa báo cáo" + named(s.missing().stream().map(Unit::name).toList()) + ".");
        List<String> results = new ArrayList<>();
        if (t.noReports()) {
            results.add("Chưa có đơn vị nào báo cáo " + s.week().label() + " nên chưa có số liệu (không phải số 0).");
        } else {
            results.add("Số liệu là tổng của các đơn vị đã báo cáo; đơn vị chưa báo cáo không được tính là 0. "
                    + "Lũy kế tính từ tuần " + settings.campaignStart().number() + "/" + settings.campaignStart().year()
                    + " (" + VnDates.date(settings.campaignStart().monday()) + ").");
            for (int i = 0; i < settings.indicators().size(); i++) results.add("- " + indicatorLine(s, i));
            results.add(SummaryTexts.comparedNote(t));
        }
        for (Progress.Result p : in.campaigns()) results.add(campaignParagraph(p));
        int n = settings.indicators().size();
        List<TableLine> rows = new ArrayList<>();
        int stt = 0;
        for (Row r : in.rows()) rows.add(line(String.valueOf(++stt), r.unit().name(), r.tally(), n, false));
        rows.add(line("", "Tổng cộng", s.total(), n, true));
        return weekly(s.scope(), s.week().label(), s.week().typed(), reporting, results, "Đã báo cáo", rows,
                shortcomings(in), "1. Đôn đốc các đơn vị chưa báo cáo gửi báo cáo " + s.week().next().typed() + " đúng hạn.");
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

    /** A week's or period's content: the team's results, a column of reports, then one per configured indicator. */
    private Content weekly(Unit scope, String subject, String closingSubject, List<String> reporting, List<String> results,
                           String rateHeader, List<TableLine> rows, List<String> shortcomings, String nextTask) {
        int n = settings.indicators().size();
        List<String> header = new ArrayList<>(List.of("STT", "Đơn vị", rateHeader));
        for (int i = 0; i < n; i++) header.add(settings.shortLabel(i));
        double[] widths = new double[3 + n];
        widths[0] = 13;
        widths[1] = 42;
        widths[2] = 18;
        for (int i = 0; i < n; i++) widths[3 + i] = (TEXT_WIDTH - 73) / n;
        StringBuilder legend = new StringBuilder("Ghi chú: ");
        for (int i = 0; i < n; i++) {
            legend.append(i == 0 ? "" : "; ").append(settings.shortLabel(i)).append(" – ").append(settings.indicators().get(i).name());
        }
        String team = "kết quả hoạt động của Tổ công nghệ số cộng đồng ";
        return new Content(VnFormat.capitalize(team) + subject + (scope.virtual() ? "" : " – " + scope.name()),
                team + closingSubject, reporting, results, header, widths, rows, legend.append('.').toString(),
                shortcomings, nextTask);
    }

    /** A unit with no report at all reads "Chưa báo cáo" across its figures; a skipped indicator "Chưa báo". */
    private static TableLine line(String stt, String name, Tally tally, int n, boolean bold) {
        return line(stt, name, tally.reported() + "/" + tally.expected(),
                tally.noReports() ? null : figures(tally.totals(), tally.given(), n), n, bold);
    }

    private static TableLine line(String stt, String name, String rate, List<String> figures, int n, boolean bold) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.of(stt), Cell.of(name), Cell.of(rate)));
        if (figures == null) cells.add(new Cell("Chưa báo cáo", n));
        else for (String f : figures) cells.add(Cell.of(f));
        return new TableLine(cells, bold);
    }

    private static List<String> figures(long[] totals, int[] given, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(given[i] == 0 ? "Chưa báo" : VnFormat.number(totals[i]));
        return out;
    }

    /** A month's, quarter's or year's content: the sum of its weeks, weeks reported per unit, both comparisons. */
    private Content content(PeriodInput in) {
        PeriodSummary s = in.summary();
        PeriodSummary.Tally t = s.total();
        String subject = s.name() + " (" + s.period().coverage() + ")";
        String running = s.running() ? " (kỳ đang diễn ra; số liệu tính đến ngày lập dự thảo, gồm " + s.weeks().size()
                + "/" + s.period().weeks().size() + " tuần)" : "";
        List<String> none = s.units().stream().filter(u -> u.reported() == 0).map(u -> u.unit().name()).toList();
        List<String> reporting = List.of(VnFormat.capitalize(subject) + running + ", trong " + t.units()
                + " đơn vị phải báo cáo: " + SummaryTexts.weeksCounts(s)
                + ". Tổng số tuần đã báo cáo " + t.weeksReported() + "/" + t.weeksExpected() + " ("
                + VnFormat.rate(t.weeksReported(), t.weeksExpected()) + ")"
                + (none.isEmpty() ? "" : "; đơn vị chưa báo cáo tuần nào" + named(none)) + ".");
        List<String> results = new ArrayList<>();
        if (t.noReports()) {
            results.add("Chưa có đơn vị nào báo cáo " + s.name() + " nên chưa có số liệu (không phải số 0).");
        } else {
            results.add("Số liệu là tổng các tuần đã báo cáo của các đơn vị; đơn vị chưa báo cáo không được tính là 0. "
                    + "Lũy kế tính từ tuần " + settings.campaignStart().number() + "/" + settings.campaignStart().year()
                    + " (" + VnDates.date(settings.campaignStart().monday()) + ").");
            for (int i = 0; i < settings.indicators().size(); i++) {
                StringBuilder b = new StringBuilder("- ").append(settings.title(i)).append(": ");
                if (t.given()[i] == 0) {
                    results.add(b.append("chưa đơn vị nào báo số này.").toString());
                    continue;
                }
                b.append(VnFormat.number(t.totals()[i]));
                if (t.given()[i] < t.reported()) {
                    b.append(" (số của ").append(t.given()[i]).append(" đơn vị; ").append(t.reported() - t.given()[i])
                            .append(" đơn vị bỏ qua mục này)");
                }
                for (String c : SummaryTexts.changes(s, t, i)) b.append("; ").append(c.substring(0, 1).toLowerCase(VnFormat.VI)).append(c.substring(1));
                results.add(b.append("; lũy kế: ").append(VnFormat.number(s.cumulative()[i])).append('.').toString());
            }
            results.addAll(SummaryTexts.periodComparedNotes(s, t));
        }
        for (Progress.Result p : in.campaigns()) results.add(campaignParagraph(p));
        int n = settings.indicators().size();
        List<TableLine> rows = new ArrayList<>();
        int stt = 0;
        for (PeriodSummary.Part r : in.rows()) rows.add(line(String.valueOf(++stt), r.unit().name(), r.tally(), n, false));
        rows.add(line("", "Tổng cộng", t, n, true));
        List<String> shortcomings = new ArrayList<>();
        List<String> twice = s.units().stream().filter(u -> u.now() == null && u.before() == null)
                .map(u -> u.unit().name()).toList();
        if (!twice.isEmpty()) {
            shortcomings.add(twice.size() + " đơn vị không báo cáo tuần nào trong cả " + s.name() + " và "
                    + s.previous().typed() + named(twice) + ".");
        }
        List<String> partial = s.units().stream().filter(u -> u.now() != null && !u.full())
                .sorted(java.util.Comparator.comparingInt((PeriodSummary.UnitWeeks u) -> u.reported() - u.expected()))
                .map(u -> u.unit().name() + " (" + u.reported() + "/" + u.expected() + " tuần)").toList();
        if (!partial.isEmpty()) shortcomings.add(partial.size() + " đơn vị báo cáo chưa đủ tuần" + named(partial) + ".");
        if (shortcomings.isEmpty()) shortcomings.add("Các đơn vị đều báo cáo đủ các tuần của kỳ.");
        return weekly(s.scope(), subject, s.name(), reporting, results, "Số tuần đã báo", rows, shortcomings,
                "1. Đôn đốc các đơn vị báo cáo đủ các tuần của " + s.period().next().typed() + ", đúng hạn.");
    }

    private static TableLine line(String stt, String name, PeriodSummary.Tally tally, int n, boolean bold) {
        return line(stt, name, tally.weeksReported() + "/" + tally.weeksExpected(),
                tally.noReports() ? null : figures(tally.totals(), tally.given(), n), n, bold);
    }

    private static void table(XWPFDocument doc, Content c) {
        XWPFTable t = doc.createTable(1, c.header().size());
        t.setTableAlignment(TableRowAlign.CENTER);
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);   // the header row again on every page the table runs over
        for (int k = 0; k < c.header().size(); k++) cellText(header.getCell(k), c.header().get(k), true);
        for (TableLine line : c.rows()) tableRow(t, line);
        columns(t, c.widths());
        XWPFParagraph legend = doc.createParagraph();
        legend.setSpacingBefore(60);
        run(legend, c.legend(), 11, false, true);
    }

    private static void tableRow(XWPFTable t, TableLine line) {
        XWPFTableRow row = t.createRow();
        int col = 0;
        for (Cell cell : line.cells()) {
            cellText(row.getCell(col), cell.text(), line.bold());
            if (cell.span() > 1) {
                for (int k = cell.span() - 1; k >= 1; k--) row.removeCell(col + 1);
                row.getCell(col).getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.valueOf(cell.span()));
            }
            col++;
        }
    }

    // ---- a campaign ----------------------------------------------------------------------------------------

    /** The indicator's name as configured ("Tài khoản VNeID được …"), its code for one the config does not know. */
    private String indicatorTitle(String code) {
        int i = settings.indicatorCodes().indexOf(code);
        return i < 0 ? code : settings.title(i);
    }

    /**
     * The paragraph a week's or period's draft gains for a campaign that ran in it: each indicator's done against
     * target in the draft's scope, and against plan while the campaign runs.
     */
    private String campaignParagraph(Progress.Result p) {
        Campaign c = p.campaign();
        StringBuilder b = new StringBuilder("Chiến dịch ").append(c.code()).append(" “").append(c.name()).append("” (")
                .append(VnDates.range(c.first(), c.last())).append(")");
        if (!p.started()) return b.append(" bắt đầu ngày ").append(VnDates.date(c.first())).append(", chưa có số liệu.").toString();
        b.append(", tính đến hết ngày ").append(VnDates.date(p.asOf().isAfter(c.last()) ? c.last() : p.asOf()))
                .append(" (ngày ").append(p.day()).append('/').append(c.length()).append("): ");
        List<String> parts = new ArrayList<>();
        for (Progress.Line l : p.lines()) parts.add(indicatorTitle(l.indicator()) + " " + doneAgainstTarget(l, p.ended()));
        return b.append(String.join("; ", parts)).append('.').toString();
    }

    /** "40/150 (26,67 % chỉ tiêu), vượt 10 so với kế hoạch"; "15 (chưa giao chỉ tiêu)". */
    private static String doneAgainstTarget(Progress.Line l, boolean ended) {
        if (l.target().isEmpty()) return VnFormat.number(l.done()) + " (chưa giao chỉ tiêu)";
        long target = l.target().getAsLong();
        String s = VnFormat.number(l.done()) + "/" + VnFormat.number(target) + " (" + VnFormat.rate(l.done(), target)
                + " chỉ tiêu)";
        if (ended) return s + (l.done() >= target ? ", đạt chỉ tiêu" : ", còn thiếu " + VnFormat.number(target - l.done()));
        return s + ", " + CampaignTexts.aheadOrBehind(l.ahead()) + (l.ahead() == 0 ? "" : " so với kế hoạch");
    }

    /** A campaign's content, worded from {@link Progress#compute}'s result. */
    private Content content(CampaignInput in) {
        Progress.Result p = in.progress();
        Campaign c = p.campaign();
        Unit scope = p.scope();
        String subject = "chiến dịch “" + c.name() + "” (" + VnDates.range(c.first(), c.last()) + ")";
        String title = "Kết quả thực hiện " + subject + (scope.virtual() ? "" : " – " + scope.name());
        List<String> reporting = new ArrayList<>();
        String span = "Chiến dịch " + c.code() + " diễn ra " + c.length() + " ngày, từ ngày " + VnDates.date(c.first())
                + " đến ngày " + VnDates.date(c.last());
        if (!p.started()) {
            reporting.add(span + "; chưa bắt đầu nên chưa có số liệu.");
        } else {
            reporting.add(span + (p.ended() ? "; đã kết thúc, báo cáo tính đủ " + c.length() + " ngày."
                    : "; đến hết ngày " + VnDates.date(p.asOf()) + " đã qua " + p.day() + " ngày, còn " + p.daysLeft()
                    + " ngày."));
            reporting.add("Có " + p.reportersWithFigures() + "/" + p.reporters() + " đơn vị đã báo số liệu chiến dịch ("
                    + VnFormat.rate(p.reportersWithFigures(), p.reporters()) + "); đơn vị chưa có số liệu không được tính là 0. "
                    + "Kế hoạch: chỉ tiêu chia đều cho " + c.length() + " ngày của chiến dịch.");
        }
        List<String> results = new ArrayList<>();
        for (Progress.Line l : p.lines()) {
            StringBuilder b = new StringBuilder("- ").append(indicatorTitle(l.indicator())).append(": ");
            if (!p.started() || l.target().isEmpty()) {
                results.add(b.append(p.started() ? doneAgainstTarget(l, p.ended())
                        : l.target().isPresent() ? "chỉ tiêu " + VnFormat.number(l.target().getAsLong())
                        : "chưa giao chỉ tiêu").append('.').toString());
                continue;
            }
            long target = l.target().getAsLong();
            b.append("đã thực hiện ").append(VnFormat.number(l.done())).append('/').append(VnFormat.number(target))
                    .append(", đạt ").append(VnFormat.rate(l.done(), target)).append(" chỉ tiêu");
            if (p.ended()) {
                b.append("; ").append(l.done() >= target ? "đạt chỉ tiêu" : "còn thiếu " + VnFormat.number(target - l.done()));
            } else {
                b.append("; kế hoạch đến hết ngày ").append(VnDates.date(p.asOf())).append(": ")
                        .append(VnFormat.number(l.planned())).append(", ").append(CampaignTexts.aheadOrBehind(l.ahead()))
                        .append("; bình quân ").append(VnFormat.number(l.pacePerDay())).append("/ngày; ")
                        .append(l.done() >= target ? "đã đạt chỉ tiêu"
                                : "cần " + VnFormat.number(l.neededPerDay()) + "/ngày trong " + l.daysLeft()
                                + " ngày còn lại để đạt chỉ tiêu");
            }
            results.add(b.append('.').toString());
        }
        p.ownDone().ifPresent(own -> {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < own.length; i++) parts.add(indicatorTitle(c.indicators().get(i)) + " " + VnFormat.number(own[i]));
            results.add("Trong đó tổ " + scope.name() + " tự thực hiện: " + String.join("; ", parts)
                    + "; phần còn lại do các tổ trực thuộc.");
        });

        int n = c.indicators().size();
        List<String> header = new ArrayList<>(List.of("STT", "Đơn vị"));
        for (String ind : c.indicators()) {
            String prefix = n == 1 ? "" : shortLabel(ind) + ": ";
            header.addAll(List.of(prefix + "Chỉ tiêu", prefix + "Đã thực hiện", prefix + "% chỉ tiêu", prefix + "So với kế hoạch"));
        }
        double[] widths = new double[2 + 4 * n];
        widths[0] = 12;
        widths[1] = 45;
        for (int k = 2; k < widths.length; k++) widths[k] = (TEXT_WIDTH - 57) / (4 * n);
        List<TableLine> rows = new ArrayList<>();
        int stt = 0;
        for (UnitLine u : unitLines(in)) rows.add(campaignLine(String.valueOf(++stt), u.name(), u.done(), u.targets(), p, false));
        long[] done = p.lines().stream().mapToLong(Progress.Line::done).toArray();
        List<java.util.OptionalLong> targets = p.lines().stream().map(Progress.Line::target).toList();
        rows.add(campaignLine("", "Tổng cộng", done, targets, p, true));
        StringBuilder legend = new StringBuilder("Ghi chú: đơn vị theo thứ tự danh mục; số liệu của mỗi đơn vị gồm cả các tổ "
                + "trực thuộc; kế hoạch là chỉ tiêu chia đều theo ngày");
        if (n > 1) for (String ind : c.indicators()) legend.append("; ").append(shortLabel(ind)).append(" – ").append(indicatorTitle(ind));
        return new Content(title, "kết quả thực hiện " + subject, reporting, results, header, widths, rows,
                legend.append('.').toString(), campaignShortcomings(p),
                p.ended() ? "1. Tổng kết, rút kinh nghiệm chiến dịch; tiếp tục duy trì kết quả đạt được."
                        : "1. Đôn đốc các đơn vị chậm kế hoạch và chưa có số liệu; phấn đấu đạt chỉ tiêu trước ngày "
                        + VnDates.date(c.last()) + ".");
    }

    private String shortLabel(String code) {
        int i = settings.indicatorCodes().indexOf(code);
        return i < 0 ? code : settings.shortLabel(i);
    }

    /** A line of the campaign's table: per indicator its target, done, % of target and where it stands against plan. */
    private record UnitLine(String name, long[] done, List<java.util.OptionalLong> targets) {}

    /**
     * The table's units in tree order: the scope's own team first when it did work of its own, then each child unit
     * {@link Progress} counts (ranked, without target, without figure), its subtree's work.
     */
    private static List<UnitLine> unitLines(CampaignInput in) {
        Progress.Result p = in.progress();
        Campaign c = p.campaign();
        int n = c.indicators().size();
        List<UnitLine> out = new ArrayList<>();
        java.util.Map<String, Progress.Row> rows = new java.util.HashMap<>();
        for (Progress.Row r : p.ranked()) rows.put(r.unit().code(), r);
        for (Progress.Row r : p.noTarget()) rows.put(r.unit().code(), r);
        if (in.tree().children(p.scope()).isEmpty()) return out;   // a team alone: the total row says it all
        p.ownDone().ifPresent(own -> {
            List<java.util.OptionalLong> none = java.util.Collections.nCopies(n, java.util.OptionalLong.empty());
            out.add(new UnitLine(SummaryTexts.ownName(p.scope()), own, none));
        });
        for (Unit child : in.tree().children(p.scope())) {
            Progress.Row r = rows.get(child.code());
            boolean silent = p.noFigure().contains(child);
            if (r == null && !silent) continue;
            List<java.util.OptionalLong> targets = new ArrayList<>();
            for (String ind : c.indicators()) {
                targets.add(in.targets().forSubtree(in.tree(), child, ind).map(java.util.OptionalLong::of)
                        .orElse(java.util.OptionalLong.empty()));
            }
            out.add(new UnitLine(child.name(), r == null ? null : r.done(), targets));
        }
        return out;
    }

    /** {@code done} null: the unit has no figure in the campaign yet, not a 0. */
    private static TableLine campaignLine(String stt, String name, long[] done, List<java.util.OptionalLong> targets,
                                          Progress.Result p, boolean bold) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.of(stt), Cell.of(name)));
        for (int i = 0; i < targets.size(); i++) {
            java.util.OptionalLong t = targets.get(i);
            cells.add(Cell.of(t.isPresent() ? VnFormat.number(t.getAsLong()) : "–"));
            if (done == null) {
                cells.add(new Cell("Chưa có số liệu", 3));
                continue;
            }
            cells.add(Cell.of(VnFormat.number(done[i])));
            if (t.isEmpty() || t.getAsLong() == 0) {
                cells.add(Cell.of("–"));
                cells.add(Cell.of("–"));
                continue;
            }
            cells.add(Cell.of(VnFormat.rate(done[i], t.getAsLong())));
            long planned = Progress.planned(t.getAsLong(), p.day(), p.campaign().length());
            long ahead = done[i] - planned;
            cells.add(Cell.of(p.ended() ? (done[i] >= t.getAsLong() ? "Đạt" : "Thiếu " + VnFormat.number(t.getAsLong() - done[i]))
                    : VnFormat.capitalize(CampaignTexts.aheadOrBehind(ahead))));
        }
        return new TableLine(cells, bold);
    }

    /** Tồn tại: the units furthest behind plan (as {@link Progress} ranks them), then the units with no figure yet. */
    private List<String> campaignShortcomings(Progress.Result p) {
        List<String> items = new ArrayList<>();
        if (!p.started()) {
            items.add("Chiến dịch chưa bắt đầu.");
            return items;
        }
        String ranked = indicatorTitle(p.campaign().indicators().get(p.rank()));
        List<Progress.Row> late = p.ranked().stream().filter(r -> p.ended() ? r.ranked() < r.target().orElse(0) : r.ahead() < 0)
                .toList();
        if (!late.isEmpty()) {
            List<String> names = late.stream().map(r -> r.unit().name() + " " + VnFormat.number(r.ranked()) + "/"
                    + VnFormat.number(r.target().orElse(0)) + " (" + VnFormat.rate(r.ranked(), r.target().orElse(0)) + ", "
                    + (p.ended() ? "thiếu " + VnFormat.number(r.target().orElse(0) - r.ranked())
                    : CampaignTexts.aheadOrBehind(r.ahead())) + ")").toList();
            items.add(late.size() + (p.ended() ? " đơn vị chưa đạt chỉ tiêu " : " đơn vị chậm so với kế hoạch ")
                    + ranked.substring(0, 1).toLowerCase(VnFormat.VI) + ranked.substring(1) + ", chậm nhất trước" + named(names) + ".");
        }
        if (!p.noFigure().isEmpty()) {
            items.add(p.noFigure().size() + " đơn vị chưa có số liệu nào trong chiến dịch"
                    + named(p.noFigure().stream().map(Unit::name).toList()) + ".");
        }
        if (!p.noTarget().isEmpty()) {
            items.add(p.noTarget().size() + " đơn vị có số liệu nhưng chưa được giao chỉ tiêu"
                    + named(p.noTarget().stream().map(r -> r.unit().name()).toList()) + ".");
        }
        if (items.isEmpty()) items.add("Các đơn vị đều có số liệu và không có đơn vị chậm so với kế hoạch.");
        return items;
    }

    // ---- II. Tồn tại, hạn chế ------------------------------------------------------------------------------

    private static List<String> shortcomings(Input in) {
        ScopeSummary s = in.summary();
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
        return items;
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

    private void tasks(XWPFDocument doc, Content c) {
        section(doc, "III. NHIỆM VỤ THỜI GIAN TỚI");
        body(doc, c.nextTask());
        XWPFParagraph p = bodyParagraph(doc);
        run(p, "2. (Bổ sung nhiệm vụ trọng tâm thời gian tới.)", BODY, false, true);
        body(doc, "Trên đây là báo cáo " + c.closing() + "./.");
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
