package vn.cdsbot.summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.people.ReportingLevels;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.period.Week;
import vn.cdsbot.summary.ReportData.Current;
import vn.cdsbot.summary.ScopeSummary.Part;
import vn.cdsbot.summary.ScopeSummary.Tally;

/** Every Vietnamese sentence of the summaries, laid out for a phone: short lines, no tables. */
final class SummaryTexts {
    static final int NAMED_MISSING = 10;
    /** Above this many units without a report, #chuabaocao gives counts per branch and the names in a sheet. */
    static final int MISSING_IN_CHAT = 30;
    private static final int BRANCH_LINES = 20;
    static final int NAMED_IN_NOTE = 8;
    /** Above this many child units, the breakdown shows the strongest and the weakest and skips the middle. */
    static final int MAX_PARTS = 30;
    private static final int TOP_PARTS = 20;
    private static final int BOTTOM_PARTS = 10;

    private final Settings settings;

    SummaryTexts(Settings settings) {
        this.settings = settings;
    }

    // ---- #tonghop -------------------------------------------------------------------------------------------

    List<String> summary(ScopeSummary s, UnitTree tree) {
        List<String> blocks = new ArrayList<>();
        blocks.add(header(s));
        if (s.expected().isEmpty()) {
            blocks.add("Trong phạm vi này không có đơn vị nào phải báo cáo tuần này.");
            return Pager.pack(blocks, continuation(s));
        }
        blocks.add(indicators(s));
        blocks.addAll(parts(s));
        if (!s.missing().isEmpty()) blocks.add(missing(s, tree));
        String notes = notes(s, tree);
        if (!notes.isEmpty()) blocks.add(notes);
        return Pager.pack(blocks, continuation(s));
    }

    String header(ScopeSummary s) {
        StringBuilder b = new StringBuilder();
        b.append("TỔNG HỢP TUẦN ").append(s.week().number()).append('/').append(s.week().year())
                .append(s.running() ? " (ĐANG DIỄN RA)" : "").append('\n')
                .append(s.week().dates()).append(" · ").append(s.scope().name()).append("\n\n");
        int expected = s.expected().size();
        List<ScopeSummary.Level> levels = s.levels(settings.levels());
        if (levels.size() > 1) {
            // Commune and hamlet teams are different things: one rate over both would hide a level falling behind.
            b.append("Đã báo cáo:");
            for (ScopeSummary.Level l : levels) {
                b.append("\n– ").append(l.label()).append(": ").append(l.reported()).append('/').append(l.expected())
                        .append(" (").append(VnFormat.rate(l.reported(), l.expected())).append(')');
            }
            b.append('\n');
        } else {
            b.append("Đã báo cáo: ").append(s.reported()).append('/').append(expected).append(" đơn vị (")
                    .append(VnFormat.rate(s.reported(), expected)).append(")\n");
        }
        b.append("Đúng hạn ").append(s.onTime()).append(" · Muộn ").append(s.late().size())
                .append(" · Chưa báo cáo ").append(s.missing().size());
        if (s.running()) {
            b.append("\nTuần ").append(s.week().number()).append(" chưa kết thúc: số liệu tính đến hôm nay; các tổ gửi đến hạn chót ")
                    .append(VnDates.deadline(settings.calendar().deadline(s.week()), settings.zone())).append('.');
        }
        return b.toString();
    }

    /**
     * The totals of the units that reported, with the rate beside them; each change compares only the units
     * that reported in both weeks, and says how many those are.
     */
    String indicators(ScopeSummary s) {
        Tally t = s.total();
        if (t.noReports()) {
            return "Chưa có đơn vị nào báo cáo tuần " + s.week().number() + " nên chưa có số liệu (không phải số 0).";
        }
        StringBuilder b = new StringBuilder("Kết quả của ").append(t.reported()).append('/').append(t.expected())
                .append(" đơn vị đã báo cáo (lũy kế từ ").append(VnDates.date(settings.campaignStart().monday())).append("):");
        for (int i = 0; i < s.totals().length; i++) {
            if (!indicatorTotal(b, i, s.totals()[i], t.given()[i], t.reported())) continue;
            b.append("\n   ");
            if (t.comparedCount()[i] > 0) {
                b.append(VnFormat.change(t.comparedNow()[i], t.comparedBefore()[i], "tuần trước")).append(" · ");
            }
            b.append("Lũy kế ").append(VnFormat.number(s.cumulative()[i]));
        }
        b.append('\n').append(comparedNote(t));
        return b.toString();
    }

    /** Which units a change is about: the like-with-like base. */
    static String comparedNote(Tally t) {
        if (t.compared() == 0) return "Chưa so được với tuần trước: không đơn vị nào báo cáo cả hai tuần.";
        if (t.compared() == t.reported()) return "So với tuần trước: cùng " + t.compared() + " đơn vị, đều báo cáo cả hai tuần.";
        return "So với tuần trước: tính trên " + t.compared() + " đơn vị báo cáo cả hai tuần (" + (t.reported() - t.compared())
                + " đơn vị tuần trước chưa báo cáo).";
    }

    /** The ranking of child units with reports, then one block naming those without any: not ranked as zeros. */
    private List<String> parts(ScopeSummary s) {
        List<String> blocks = new ArrayList<>();
        List<Part> parts = s.parts().stream().filter(p -> !p.tally().noReports()).toList();
        List<Part> silent = s.parts().stream().filter(p -> p.tally().noReports()).toList();
        String title = "Theo đơn vị trực thuộc, mạnh nhất trước (xếp theo " + settings.indicators().get(0).name() + "):";
        Optional<Part> own = parts.stream().filter(Part::own).findFirst();
        if (own.isPresent()) {
            // The scope's own team first, unranked: its figures are its own work, the lines below are its hamlets'.
            parts = parts.stream().filter(p -> !p.own()).toList();
            title = ownLine(own.get()) + "\n\nCác tổ trực thuộc, mạnh nhất trước (xếp theo "
                    + settings.indicators().get(0).name() + "):";
            if (parts.isEmpty()) blocks.add(ownLine(own.get()));
        }
        int skipped = parts.size() > MAX_PARTS ? parts.size() - TOP_PARTS - BOTTOM_PARTS : 0;
        for (int i = 0; i < parts.size(); i++) {
            if (skipped > 0 && i == TOP_PARTS) {
                blocks.add("… " + skipped + " đơn vị ở giữa bảng xếp hạng (xem đủ trong tệp Excel: #xuat) …");
                i += skipped - 1;
                continue;
            }
            String line = part(i + 1, parts.get(i));
            blocks.add(i == 0 ? title + "\n" + line : line);
        }
        if (!silent.isEmpty()) {
            StringBuilder b = new StringBuilder("Chưa có đơn vị nào báo cáo, nên chưa có số liệu (").append(silent.size())
                    .append("): ");
            for (int i = 0; i < silent.size(); i++) {
                ScopeSummary.Tally t = silent.get(i).tally();
                b.append(i == 0 ? "" : ", ").append(silent.get(i).own() ? ownName(silent.get(i).unit()) : silent.get(i).unit().name())
                        .append(" (0/").append(t.expected()).append(')');
            }
            blocks.add(b.append('.').toString());
        }
        return blocks;
    }

    /** "Tổ xã Phường Tân Bình (số của riêng tổ)": a commune team's own report beside its hamlets'. */
    static String ownName(Unit u) {
        return ReportingLevels.teamLabel(u.kind()) + " " + u.name() + " (số của riêng tổ)";
    }

    private String ownLine(Part p) {
        Tally t = p.tally();
        if (t.noReports()) return ownName(p.unit()) + ": chưa báo cáo.";
        return figures(new StringBuilder(ownName(p.unit())).append(": đã báo cáo").append(t.late() > 0 ? " (muộn)" : "")
                .append('\n'), t).toString();
    }

    private String part(int rank, Part p) {
        Tally t = p.tally();
        StringBuilder b = new StringBuilder();
        b.append(rank).append(". ").append(p.unit().name()).append(": ").append(t.reported()).append('/')
                .append(t.expected()).append(" đã báo cáo");
        if (t.late() > 0) b.append(" (").append(t.late()).append(" muộn)");
        b.append('\n');
        return figures(b, t).toString();
    }

    private StringBuilder figures(StringBuilder b, Tally t) {
        for (int i = 0; i < t.totals().length; i++) {
            if (i > 0) b.append(" · ");
            b.append(settings.shortLabel(i)).append(' ').append(t.given()[i] == 0 ? "chưa báo" : VnFormat.number(t.totals()[i]));
            if (i == 0 && t.comparedCount()[i] > 0) {
                b.append(" (").append(VnFormat.arrow(t.comparedNow()[i], t.comparedBefore()[i])).append(')');
            }
        }
        return b;
    }

    String missing(ScopeSummary s, UnitTree tree) {
        StringBuilder b = new StringBuilder("Chưa báo cáo (").append(s.missing().size()).append("):");
        int shown = Math.min(NAMED_MISSING, s.missing().size());
        for (int i = 0; i < shown; i++) b.append("\n– ").append(nameWithParent(s.missing().get(i), s.scope(), tree));
        int rest = s.missing().size() - shown;
        if (rest > 0) b.append("\n… và ").append(rest).append(" đơn vị khác.");
        b.append("\nGõ #chuabaocao để xem đủ danh sách và nhắc.");
        return b.toString();
    }

    String notes(ScopeSummary s, UnitTree tree) {
        List<String> lines = new ArrayList<>();
        Function<Current, String> name = r -> tree.get(r.unit()).map(Unit::name).orElse(r.unit());
        if (!s.late().isEmpty()) {
            lines.add(named("Báo cáo muộn", s.late(), name));
        }
        if (!s.correctedAfterDeadline().isEmpty()) {
            lines.add(named("Sửa số liệu sau hạn", s.correctedAfterDeadline(),
                    r -> name.apply(r) + " (sửa " + when(r.submittedAt()) + ")"));
        }
        if (!s.overridden().isEmpty()) {
            lines.add(named("Số vượt ngưỡng, người gửi đã xác nhận", s.overridden(), name));
        }
        if (lines.isEmpty()) return "";
        return "Ghi chú số liệu:\n" + String.join("\n", lines);
    }

    private String named(String label, List<Current> reports, Function<Current, String> name) {
        StringBuilder b = new StringBuilder("– ").append(label).append(" (").append(reports.size()).append("): ");
        int shown = Math.min(NAMED_IN_NOTE, reports.size());
        for (int i = 0; i < shown; i++) {
            if (i > 0) b.append(", ");
            b.append(name.apply(reports.get(i)));
        }
        if (reports.size() > shown) b.append(" và ").append(reports.size() - shown).append(" đơn vị khác");
        return b.toString();
    }

    String continuation(ScopeSummary s) {
        return "Tổng hợp tuần " + s.week().number() + "/" + s.week().year() + " – " + s.scope().name();
    }

    // ---- #tonghop over a month, quarter or year -------------------------------------------------------------

    List<String> periodSummary(PeriodSummary s, UnitTree tree) {
        List<String> blocks = new ArrayList<>();
        blocks.add(periodHeader(s));
        if (s.units().isEmpty()) {
            blocks.add("Trong phạm vi này không có đơn vị nào phải báo cáo " + s.name() + ".");
            return Pager.pack(blocks, periodContinuation(s));
        }
        blocks.add(periodIndicators(s));
        blocks.addAll(periodParts(s));
        String gaps = periodGaps(s, tree);
        if (!gaps.isEmpty()) blocks.add(gaps);
        return Pager.pack(blocks, periodContinuation(s));
    }

    /** "TỔNG HỢP THÁNG 11/2026", the weeks and dates it covers, and how completely the units reported them. */
    String periodHeader(PeriodSummary s) {
        PeriodSummary.Tally t = s.total();
        StringBuilder b = new StringBuilder("TỔNG HỢP ").append(s.name().toUpperCase(VnFormat.VI))
                .append(s.running() ? " (ĐANG DIỄN RA)" : "").append('\n')
                .append(VnFormat.capitalize(s.period().coverage())).append(" · ").append(s.scope().name()).append("\n\n");
        b.append(weeksRate(s)).append('\n');
        b.append("Đã báo ").append(t.weeksReported()).append('/').append(t.weeksExpected()).append(" tuần-đơn vị (")
                .append(VnFormat.rate(t.weeksReported(), t.weeksExpected())).append(')');
        if (s.running()) {
            Week latest = s.weeks().get(s.weeks().size() - 1);
            b.append('\n').append(VnFormat.capitalize(s.name())).append(" chưa kết thúc: số liệu tính đến hôm nay, gồm ")
                    .append(s.weeks().size()).append('/').append(s.period().weeks().size()).append(" tuần; tuần ")
                    .append(latest.number()).append(" các tổ gửi đến hạn chót ")
                    .append(VnDates.deadline(settings.calendar().deadline(latest), settings.zone())).append('.');
        }
        return b.toString();
    }

    /** "Đủ 4/4 tuần: 3 đơn vị; thiếu tuần: 1; chưa báo tuần nào: 1 (trên 5 đơn vị phải báo cáo)". */
    static String weeksRate(PeriodSummary s) {
        return VnFormat.capitalize(weeksCounts(s)) + " (trên " + s.total().units() + " đơn vị phải báo cáo)";
    }

    /** "đủ 4/4 tuần: 3 đơn vị; thiếu tuần: 1; chưa báo tuần nào: 1". */
    static String weeksCounts(PeriodSummary s) {
        PeriodSummary.Tally t = s.total();
        int weeks = s.weeks().size();
        return "đủ " + weeks + "/" + weeks + " tuần: " + t.full() + " đơn vị; thiếu tuần: " + t.partial()
                + "; chưa báo tuần nào: " + t.none();
    }

    /**
     * Each indicator's total over the weeks reported, with so với kỳ trước and so với cùng kỳ like with like (the
     * units that gave it in both periods), and the cumulative total. A running period is not compared yet: its
     * few weeks against a whole period would read as a fall.
     */
    String periodIndicators(PeriodSummary s) {
        PeriodSummary.Tally t = s.total();
        if (t.noReports()) {
            return "Chưa có đơn vị nào báo cáo " + s.name() + " nên chưa có số liệu (không phải số 0).";
        }
        StringBuilder b = new StringBuilder("Kết quả của ").append(t.reported()).append('/').append(t.units())
                .append(" đơn vị có báo cáo (cộng các tuần đã báo; lũy kế từ ")
                .append(VnDates.date(settings.campaignStart().monday())).append("):");
        for (int i = 0; i < t.totals().length; i++) {
            if (!indicatorTotal(b, i, t.totals()[i], t.given()[i], t.reported())) continue;
            b.append("\n   ");
            for (String c : changes(s, t, i)) b.append(c).append(" · ");
            b.append("Lũy kế ").append(VnFormat.number(s.cumulative()[i]));
        }
        for (String note : periodComparedNotes(s, t)) b.append('\n').append(note);
        return b.toString();
    }

    /** "So với tháng trước: Tăng 12 (3,40 %)", "So với cùng kỳ: Giảm 4 (2,00 %)", for indicator i. */
    static List<String> changes(PeriodSummary s, PeriodSummary.Tally t, int i) {
        List<String> out = new ArrayList<>();
        if (s.running()) return out;
        PeriodSummary.Change p = t.previous();
        if (p.count()[i] > 0) {
            out.add("So với " + previousWord(s) + ": " + VnFormat.change(p.now()[i], p.before()[i], previousWord(s)));
        }
        PeriodSummary.Change y = t.sameLastYear();
        if (s.sameLastYear() != null && s.sameLastYearHasData() && y.count()[i] > 0) {
            out.add("So với cùng kỳ: " + VnFormat.change(y.now()[i], y.before()[i], "cùng kỳ"));
        }
        return out;
    }

    /** Which units the comparisons are about, and why one is missing. */
    static List<String> periodComparedNotes(PeriodSummary s, PeriodSummary.Tally t) {
        List<String> out = new ArrayList<>();
        String prev = previousWord(s) + " (" + s.previous().typed() + ")";
        if (s.running()) {
            out.add(VnFormat.capitalize(s.name()) + " đang diễn ra: so sánh với " + prev + " và cùng kỳ khi kỳ này kết thúc.");
            return out;
        }
        if (t.previous().units() == 0) out.add("Chưa so được với " + prev + ": không đơn vị nào báo cáo cả hai kỳ.");
        else out.add("So với " + prev + ": tính trên " + t.previous().units() + " đơn vị có báo cáo cả hai kỳ.");
        if (s.sameLastYear() != null) {
            String same = "cùng kỳ (" + s.sameLastYear().typed() + ")";
            if (!s.sameLastYearHasData()) out.add("Chưa có số liệu cùng kỳ (" + s.sameLastYear().typed() + ").");
            else if (t.sameLastYear().units() == 0) out.add("Chưa so được với " + same + ": không đơn vị nào báo cáo cả hai kỳ.");
            else out.add("So với " + same + ": tính trên " + t.sameLastYear().units() + " đơn vị có báo cáo cả hai kỳ.");
        }
        return out;
    }

    /** "tháng trước", "quý trước", "năm trước". */
    static String previousWord(PeriodSummary s) {
        if (s.period() instanceof vn.cdsbot.period.Month) return "tháng trước";
        if (s.period() instanceof vn.cdsbot.period.Quarter) return "quý trước";
        return "năm trước";
    }

    private List<String> periodParts(PeriodSummary s) {
        List<String> blocks = new ArrayList<>();
        List<PeriodSummary.Part> parts = s.parts().stream().filter(p -> !p.tally().noReports()).toList();
        List<PeriodSummary.Part> silent = s.parts().stream().filter(p -> p.tally().noReports()).toList();
        String title = "Theo đơn vị trực thuộc, mạnh nhất trước (xếp theo " + settings.indicators().get(0).name() + "):";
        int skipped = parts.size() > MAX_PARTS ? parts.size() - TOP_PARTS - BOTTOM_PARTS : 0;
        for (int i = 0; i < parts.size(); i++) {
            if (skipped > 0 && i == TOP_PARTS) {
                blocks.add("… " + skipped + " đơn vị ở giữa bảng xếp hạng (xem đủ trong tệp Excel: #xuat) …");
                i += skipped - 1;
                continue;
            }
            String line = periodPart(i + 1, parts.get(i), s.running());
            blocks.add(i == 0 ? title + "\n" + line : line);
        }
        if (!silent.isEmpty()) {
            StringBuilder b = new StringBuilder("Chưa có đơn vị nào báo cáo, nên chưa có số liệu (").append(silent.size())
                    .append("): ");
            for (int i = 0; i < silent.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(silent.get(i).unit().name()).append(" (0/")
                        .append(silent.get(i).tally().units()).append(')');
            }
            blocks.add(b.append('.').toString());
        }
        return blocks;
    }

    private String periodPart(int rank, PeriodSummary.Part p, boolean running) {
        PeriodSummary.Tally t = p.tally();
        StringBuilder b = new StringBuilder();
        b.append(rank).append(". ").append(p.unit().name()).append(": ").append(t.full()).append('/').append(t.units())
                .append(" đơn vị đủ tuần, ").append(t.weeksReported()).append('/').append(t.weeksExpected()).append(" tuần\n");
        for (int i = 0; i < t.totals().length; i++) {
            if (i > 0) b.append(" · ");
            b.append(settings.shortLabel(i)).append(' ').append(t.given()[i] == 0 ? "chưa báo" : VnFormat.number(t.totals()[i]));
            if (i == 0 && !running && t.previous().count()[i] > 0) {
                b.append(" (").append(VnFormat.arrow(t.previous().now()[i], t.previous().before()[i])).append(')');
            }
        }
        return b.toString();
    }

    /** Units that reported no week, then units that missed some, most weeks missed first. */
    String periodGaps(PeriodSummary s, UnitTree tree) {
        List<PeriodSummary.UnitWeeks> none = s.units().stream().filter(u -> u.reported() == 0).toList();
        List<PeriodSummary.UnitWeeks> some = s.units().stream().filter(u -> u.reported() > 0 && !u.full())
                .sorted(java.util.Comparator.comparingInt((PeriodSummary.UnitWeeks u) -> u.reported() - u.expected()))
                .toList();
        StringBuilder b = new StringBuilder();
        if (!none.isEmpty()) {
            b.append("Chưa báo tuần nào (").append(none.size()).append("):");
            int shown = Math.min(NAMED_MISSING, none.size());
            for (int i = 0; i < shown; i++) b.append("\n– ").append(nameWithParent(none.get(i).unit(), s.scope(), tree));
            if (none.size() > shown) b.append("\n… và ").append(none.size() - shown).append(" đơn vị khác.");
        }
        if (!some.isEmpty()) {
            if (b.length() > 0) b.append("\n");
            b.append("Thiếu tuần (").append(some.size()).append("):");
            int shown = Math.min(NAMED_MISSING, some.size());
            for (int i = 0; i < shown; i++) {
                PeriodSummary.UnitWeeks u = some.get(i);
                b.append("\n– ").append(nameWithParent(u.unit(), s.scope(), tree)).append(": ").append(u.reported())
                        .append('/').append(u.expected()).append(" tuần");
            }
            if (some.size() > shown) b.append("\n… và ").append(some.size() - shown).append(" đơn vị khác.");
        }
        return b.toString();
    }

    String periodContinuation(PeriodSummary s) {
        return "Tổng hợp " + s.name() + " – " + s.scope().name();
    }

    // ---- #chuabaocao ----------------------------------------------------------------------------------------

    /** Non-reporting units grouped under their parent, each with its leaders' names. */
    List<String> missingList(ScopeSummary s, UnitTree tree, Map<String, List<String>> leaders) {
        List<String> blocks = new ArrayList<>();
        String head = "CHƯA BÁO CÁO TUẦN " + s.week().number() + "/" + s.week().year() + "\n" + s.week().dates() + " · "
                + s.scope().name() + "\n";
        if (s.expected().isEmpty()) {
            blocks.add(head + "Trong phạm vi này không có đơn vị nào phải báo cáo tuần này.");
            return blocks;
        }
        if (s.missing().isEmpty()) {
            blocks.add(head + "Tất cả " + s.expected().size() + " đơn vị đã báo cáo. Cảm ơn các tổ!");
            return blocks;
        }
        blocks.add(head + s.missing().size() + "/" + s.expected().size() + " đơn vị chưa báo cáo:");
        String currentParent = null;
        StringBuilder group = null;
        for (Unit u : s.missing()) {
            String parentName = tree.parent(u).map(Unit::name).orElse("");
            String line = "– " + u.name() + " (" + u.code() + "): " + leaderText(leaders.get(u.code()));
            if (group == null || !parentName.equals(currentParent)) {
                if (group != null) blocks.add(group.toString());
                currentParent = parentName;
                group = new StringBuilder(parentName.isEmpty() || u.code().equals(s.scope().code()) ? "" : parentName + ":\n");
                group.append(line);
            } else if (Pager.length(group) + 1 + Pager.length(line) > 600) {
                blocks.add(group.toString());
                group = new StringBuilder(parentName + " (tiếp):\n").append(line);
            } else {
                group.append('\n').append(line);
            }
        }
        if (group != null) blocks.add(group.toString());
        return Pager.pack(blocks, "Chưa báo cáo tuần " + s.week().number() + "/" + s.week().year() + " – "
                + s.scope().name());
    }

    /** Counts of units without a report per child unit of the scope, most first: one short message. */
    String missingByBranch(ScopeSummary s) {
        StringBuilder b = new StringBuilder("CHƯA BÁO CÁO TUẦN ").append(s.week().number()).append('/').append(s.week().year())
                .append('\n').append(s.week().dates()).append(" · ").append(s.scope().name()).append('\n')
                .append(s.missing().size()).append('/').append(s.expected().size()).append(" đơn vị chưa báo cáo");
        List<Part> branches = s.parts().stream().filter(p -> p.tally().expected() > p.tally().reported())
                .sorted(java.util.Comparator.comparingInt((Part p) -> p.tally().reported() - p.tally().expected())
                        .thenComparing(p -> p.unit().code()))
                .toList();
        if (!branches.isEmpty()) b.append(", theo đơn vị trực thuộc:");
        for (int i = 0; i < Math.min(BRANCH_LINES, branches.size()); i++) {
            ScopeSummary.Tally t = branches.get(i).tally();
            Part p = branches.get(i);
            b.append("\n– ").append(p.own() ? ownName(p.unit()) : p.unit().name()).append(": ").append(t.expected() - t.reported())
                    .append('/').append(t.expected());
        }
        if (branches.size() > BRANCH_LINES) b.append("\n… và ").append(branches.size() - BRANCH_LINES).append(" đơn vị khác.");
        return b.toString();
    }

    private static String leaderText(List<String> names) {
        if (names == null || names.isEmpty()) return "chưa có tổ trưởng đăng ký";
        return "tổ trưởng " + String.join(", ", names);
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private String when(long millis) {
        return VnDates.dayMonthTime(Instant.ofEpochMilli(millis), settings.zone());
    }

    static String nameWithParent(Unit u, Unit scope, UnitTree tree) {
        return tree.parent(u).filter(p -> !p.code().equals(scope.code()))
                .map(p -> u.name() + " (" + p.name() + ")").orElse(u.name());
    }

    /**
     * "• Title: total" with how many units gave it when some skipped it, or "chưa đơn vị nào báo số này" (never 0).
     * Returns whether there is a total to say more about.
     */
    private boolean indicatorTotal(StringBuilder b, int i, long total, int given, int reported) {
        b.append("\n• ").append(settings.title(i)).append(": ");
        if (given == 0) {
            b.append("chưa đơn vị nào báo số này");
            return false;
        }
        b.append(VnFormat.number(total));
        if (given < reported) b.append(" (số của ").append(given).append(" đơn vị; ").append(reported - given)
                .append(" đơn vị bỏ qua mục này)");
        return true;
    }
}
