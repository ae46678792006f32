package vn.cdsbot.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.people.Unit;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.summary.Pager;

/**
 * The Vietnamese texts of #chiendich and #tiendo, laid out for a phone and packed into Zalo-sized messages; the
 * wording of where a campaign stands against plan, shared with the report drafts.
 */
public final class CampaignTexts {
    /** The furthest-behind units named in #tiendo; the rest are counted. */
    static final int BEHIND_NAMED = 10;
    /** The furthest-ahead units named after them. */
    static final int AHEAD_NAMED = 3;
    static final int NO_FIGURE_NAMED = 10;

    private final Map<String, String> indicatorNames;

    /** @param indicatorNames indicator code → its name as configured ("tài khoản VNeID được …") */
    CampaignTexts(Map<String, String> indicatorNames) {
        this.indicatorNames = Map.copyOf(indicatorNames);
    }

    String title(String indicator) {
        return VnFormat.capitalize(indicatorNames.getOrDefault(indicator, indicator));
    }

    /** "đang diễn ra, ngày 3/90", "sắp bắt đầu (01/12/2026)", "đã kết thúc (28/02/2027)". */
    static String state(Campaign c, LocalDate today) {
        if (!c.started(today)) return "sắp bắt đầu (" + VnDates.date(c.first()) + ")";
        if (c.ended(today)) return "đã kết thúc (" + VnDates.date(c.last()) + ")";
        return "đang diễn ra, ngày " + c.daysElapsed(today) + "/" + c.length();
    }

    // ---- #chiendich ----------------------------------------------------------------------------------------

    String list(List<Campaign> all, LocalDate today) {
        if (all.isEmpty()) {
            return "Chưa có chiến dịch nào. Văn phòng Ban Chỉ đạo tạo chiến dịch bằng dòng lệnh "
                    + "(cdsbot campaign create), kèm chỉ tiêu cho từng đơn vị.";
        }
        StringBuilder b = new StringBuilder("CÁC CHIẾN DỊCH");
        section(b, "Đang diễn ra", all.stream().filter(c -> c.runsOn(today)).toList(), today);
        section(b, "Sắp bắt đầu", all.stream().filter(c -> !c.started(today)).toList(), today);
        section(b, "Đã kết thúc (vẫn xem được)", all.stream().filter(c -> c.ended(today)).toList(), today);
        b.append("\n\nGõ #chiendich MÃ để xem một chiến dịch, #tiendo MÃ để xem tiến độ.");
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<Campaign> cs, LocalDate today) {
        if (cs.isEmpty()) return;
        b.append("\n\n").append(title).append(':');
        for (Campaign c : cs) {
            b.append("\n• ").append(c.code()).append(" “").append(c.name()).append("” ")
                    .append(VnDates.range(c.first(), c.last()));
            if (c.runsOn(today)) b.append(", ngày ").append(c.daysElapsed(today)).append('/').append(c.length());
        }
    }

    /**
     * One campaign: dates, where it stands, its indicators with the target total of {@code scopeName}, and how the
     * targets were set.
     *
     * @param totals per indicator (campaign order), the whole tree's target; empty when none was given
     * @param setter who last set targets, as shown to people ("dòng lệnh", a member's name)
     */
    String one(Campaign c, LocalDate today, String scopeName, List<OptionalLong> totals, int unitsWithTargets,
               String setter, long lastSetAt, java.time.ZoneId zone) {
        StringBuilder b = new StringBuilder("CHIẾN DỊCH ").append(c.code()).append(" “").append(c.name()).append("”\n")
                .append(VnDates.range(c.first(), c.last())).append(" · ").append(c.length()).append(" ngày · ")
                .append(state(c, today));
        if (c.runsOn(today)) b.append(", còn ").append(c.length() - c.daysElapsed(today)).append(" ngày sau hôm nay");
        b.append("\n\nChỉ tiêu (").append(scopeName).append("):");
        for (int i = 0; i < c.indicators().size(); i++) {
            b.append("\n• ").append(title(c.indicators().get(i))).append(": ");
            OptionalLong t = totals.get(i);
            b.append(t.isPresent() ? VnFormat.number(t.getAsLong()) : "chưa giao");
        }
        if (unitsWithTargets == 0) {
            b.append("\n\nChưa giao chỉ tiêu cho đơn vị nào.");
        } else {
            b.append("\n\nChỉ tiêu giao cho ").append(unitsWithTargets).append(" đơn vị, cập nhật lần cuối ")
                    .append(VnDates.dateTime(lastSetAt, zone)).append(" (").append(setter).append(").")
                    .append(" Kế hoạch mỗi ngày: chỉ tiêu chia đều cho ").append(c.length()).append(" ngày.");
        }
        b.append("\nNgày báo số: #baocao hôm nay ").append(c.indicators().get(0)).append("=35.");
        return b.toString();
    }

    // ---- #tiendo -------------------------------------------------------------------------------------------

    List<String> progress(Progress.Result p) {
        Campaign c = p.campaign();
        List<String> blocks = new ArrayList<>();
        StringBuilder h = new StringBuilder("TIẾN ĐỘ CHIẾN DỊCH ").append(c.code()).append(" “").append(c.name()).append("”\n")
                .append(VnDates.range(c.first(), c.last())).append(" · ").append(p.scope().name()).append('\n');
        if (!p.started()) {
            h.append("Chiến dịch bắt đầu ngày ").append(VnDates.date(c.first())).append(", chưa có số liệu.");
            blocks.add(h.toString());
            return Pager.pack(blocks, continuation(p));
        }
        h.append(p.ended() ? "Đã kết thúc: đủ " + c.length() + " ngày"
                : "Ngày " + p.day() + "/" + c.length() + " (" + VnDates.date(p.asOf()) + ") · còn " + p.daysLeft() + " ngày");
        h.append("\nĐơn vị đã có số liệu: ").append(p.reportersWithFigures()).append('/').append(p.reporters());
        blocks.add(h.toString());

        for (Progress.Line l : p.lines()) blocks.add(line(l, p.ended()));
        p.ownDone().ifPresent(own -> {
            StringBuilder b = new StringBuilder("Trong đó tổ ").append(p.scope().name()).append(" tự làm: ");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < own.length; i++) {
                parts.add(c.indicators().get(i) + " " + VnFormat.number(own[i]));
            }
            b.append(String.join(", ", parts)).append("; phần còn lại do các tổ trực thuộc.");
            blocks.add(b.toString());
        });
        if (p.children() > 0) blocks.addAll(ranking(p));
        return Pager.pack(blocks, continuation(p));
    }

    private String line(Progress.Line l, boolean ended) {
        StringBuilder b = new StringBuilder("• ").append(title(l.indicator())).append(": ");
        if (l.target().isEmpty()) {
            return b.append(VnFormat.number(l.done())).append(" (chưa giao chỉ tiêu)").toString();
        }
        long target = l.target().getAsLong();
        b.append(VnFormat.number(l.done())).append('/').append(VnFormat.number(target)).append(" (")
                .append(VnFormat.rate(l.done(), target)).append(')');
        if (ended) {
            b.append("\n  ").append(l.done() >= target ? "Đạt chỉ tiêu" : "Còn thiếu " + VnFormat.number(target - l.done()));
            return b.toString();
        }
        b.append("\n  Kế hoạch đến hết ngày ").append(l.day()).append(": ").append(VnFormat.number(l.planned()))
                .append(" → ").append(aheadOrBehind(l.ahead()));
        b.append("\n  Nhịp hiện tại ").append(VnFormat.number(l.pacePerDay())).append("/ngày");
        OptionalLong end = l.projected();
        if (end.isPresent()) {
            b.append(", giữ nhịp này cuối chiến dịch đạt ").append(VnFormat.number(end.getAsLong())).append(" (")
                    .append(VnFormat.rate(end.getAsLong(), target)).append(')');
        }
        b.append("\n  ").append(l.done() >= target ? "Đã đạt chỉ tiêu."
                : "Cần " + VnFormat.number(l.neededPerDay()) + "/ngày trong " + l.daysLeft() + " ngày còn lại để đạt chỉ tiêu.");
        return b.toString();
    }

    /** "vượt 10", "chậm 5", "đúng kế hoạch". */
    public static String aheadOrBehind(long ahead) {
        if (ahead == 0) return "đúng kế hoạch";
        return ahead > 0 ? "vượt " + VnFormat.number(ahead) : "chậm " + VnFormat.number(-ahead);
    }

    private List<String> ranking(Progress.Result p) {
        List<String> blocks = new ArrayList<>();
        String first = p.campaign().indicators().get(p.rank());
        List<Progress.Row> ranked = p.ranked();
        if (!ranked.isEmpty()) {
            StringBuilder b = new StringBuilder("XẾP THEO % CHỈ TIÊU ").append(first.toUpperCase(java.util.Locale.ROOT))
                    .append(" (chậm nhất trước):");
            int named = Math.min(BEHIND_NAMED, ranked.size());
            for (int k = 0; k < named; k++) b.append('\n').append(row(k + 1, ranked.get(k), p.ended()));
            int ahead = Math.min(AHEAD_NAMED, ranked.size() - named);
            if (ranked.size() - named > ahead) {
                b.append("\n… ").append(ranked.size() - named - ahead).append(" đơn vị ở giữa …");
            }
            for (int k = ranked.size() - ahead; k < ranked.size(); k++) {
                b.append('\n').append(row(k + 1, ranked.get(k), p.ended()));
            }
            blocks.add(b.toString());
        }
        if (!p.noTarget().isEmpty()) {
            StringBuilder b = new StringBuilder("Có số liệu nhưng chưa giao chỉ tiêu ").append(first).append(':');
            for (Progress.Row r : p.noTarget().subList(0, Math.min(BEHIND_NAMED, p.noTarget().size()))) {
                b.append("\n– ").append(r.unit().label()).append(": ").append(VnFormat.number(r.ranked()));
            }
            if (p.noTarget().size() > BEHIND_NAMED) b.append("\n và ").append(p.noTarget().size() - BEHIND_NAMED).append(" đơn vị khác");
            blocks.add(b.toString());
        }
        if (!p.noFigure().isEmpty()) {
            StringBuilder b = new StringBuilder("Chưa có số liệu nào trong chiến dịch (không tính là 0): ")
                    .append(p.noFigure().size()).append(" đơn vị");
            List<Unit> named = p.noFigure().subList(0, Math.min(NO_FIGURE_NAMED, p.noFigure().size()));
            for (Unit u : named) b.append("\n– ").append(u.label());
            if (p.noFigure().size() > named.size()) b.append("\nvà ").append(p.noFigure().size() - named.size()).append(" đơn vị khác");
            blocks.add(b.toString());
        }
        return blocks;
    }

    private static String row(int rank, Progress.Row r, boolean ended) {
        long target = r.target().orElse(0);
        StringBuilder b = new StringBuilder().append(rank).append(". ").append(r.unit().name()).append(": ")
                .append(VnFormat.number(r.ranked())).append('/').append(VnFormat.number(target)).append(" (")
                .append(VnFormat.rate(r.ranked(), target)).append(')');
        if (!ended) b.append(", ").append(aheadOrBehind(r.ahead()));
        if (r.below() > 0 && r.own() > 0) {
            // Both levels: the unit's own team and the teams under it, each counted once.
            b.append(" [tổ ").append(r.unit().name()).append(' ').append(VnFormat.number(r.own())).append(" · ")
                    .append(r.below()).append(" tổ trực thuộc ").append(VnFormat.number(r.lower())).append(']');
        }
        if (r.withFigures() < r.reporters()) {
            b.append(" – ").append(r.withFigures()).append('/').append(r.reporters()).append(" tổ có số");
        }
        return b.toString();
    }

    /**
     * The morning note's part for one campaign: the scope against plan, its units behind plan (furthest first) and
     * those with no figure; empty when nothing is behind.
     */
    java.util.Optional<String> behind(Progress.Result p) {
        Campaign c = p.campaign();
        Progress.Line main = p.lines().get(p.rank());
        boolean scopeBehind = main.target().isPresent() && main.ahead() < 0;
        List<Progress.Row> late = p.ranked().stream().filter(r -> r.ahead() < 0).toList();
        if (!scopeBehind && late.isEmpty() && p.noFigure().isEmpty()) return java.util.Optional.empty();
        StringBuilder b = new StringBuilder("Chiến dịch ").append(c.code()).append(" “").append(c.name())
                .append("”, đến hết ngày ").append(VnDates.date(p.asOf())).append(" (ngày ").append(p.day()).append('/')
                .append(c.length()).append(") – ").append(p.scope().name()).append(':');
        if (main.target().isPresent()) {
            b.append("\n").append(title(main.indicator())).append(": ").append(VnFormat.number(main.done())).append('/')
                    .append(VnFormat.number(main.target().getAsLong())).append(" (")
                    .append(VnFormat.rate(main.done(), main.target().getAsLong())).append("), ")
                    .append(aheadOrBehind(main.ahead())).append(" so với kế hoạch");
        }
        if (!late.isEmpty()) {
            b.append("\nĐơn vị chậm kế hoạch (").append(late.size()).append("):");
            for (int k = 0; k < Math.min(BEHIND_NAMED, late.size()); k++) {
                Progress.Row r = late.get(k);
                b.append("\n– ").append(r.unit().name()).append(": ").append(VnFormat.number(r.ranked())).append('/')
                        .append(VnFormat.number(r.target().orElse(0))).append(" (")
                        .append(VnFormat.rate(r.ranked(), r.target().orElse(0))).append("), ").append(aheadOrBehind(r.ahead()));
            }
            if (late.size() > BEHIND_NAMED) b.append("\nvà ").append(late.size() - BEHIND_NAMED).append(" đơn vị khác");
        }
        if (!p.noFigure().isEmpty()) {
            List<Unit> named = p.noFigure().subList(0, Math.min(NO_FIGURE_NAMED, p.noFigure().size()));
            b.append("\nChưa có số liệu: ").append(String.join(", ", named.stream().map(Unit::name).toList()));
            if (p.noFigure().size() > named.size()) b.append(" và ").append(p.noFigure().size() - named.size()).append(" đơn vị khác");
        }
        return java.util.Optional.of(b.toString());
    }

    private static String continuation(Progress.Result p) {
        return "Tiến độ " + p.campaign().code() + " · " + p.scope().name();
    }

    // ---- targets files sent in chat -------------------------------------------------------------------------

    static String fileNotFetched(String fileName, String reason) {
        return "Bot chưa tải được tệp \"" + fileName + "\" (" + reason + "), nên chưa đọc và chưa lưu gì. Bạn hãy gửi lại "
                + "tệp (CSV hoặc Excel .xlsx, tối đa 2 MB) sau ít phút.";
    }

    static String fileNoOpenCampaign(String fileName) {
        return "Bot đã nhận tệp \"" + fileName + "\" nhưng hiện không có chiến dịch nào đang diễn ra hoặc sắp bắt đầu để "
                + "nhận chỉ tiêu, nên chưa lưu gì. Chiến dịch được tạo bằng dòng lệnh (cdsbot campaign create); gõ "
                + "#chiendich để xem các chiến dịch.";
    }

    static String fileProblems(String fileName, List<String> problems) {
        StringBuilder b = new StringBuilder("Tệp \"").append(fileName).append("\" có lỗi, bot chưa lưu chỉ tiêu nào:");
        for (String p : problems) b.append("\n• ").append(p);
        return b.append("\n\nBạn hãy sửa tệp rồi gửi lại. Dòng đầu là tiêu đề: unit_code và mã các chỉ tiêu, ví dụ "
                + "unit_code,vneid; mỗi dòng sau là một đơn vị.").toString();
    }

    /** The file's indicators fit no campaign: which campaign tracks what. */
    String fileFitsNoCampaign(String fileName, List<String> fileIndicators, List<Campaign> campaigns) {
        StringBuilder b = new StringBuilder("Tệp \"").append(fileName).append("\" có chỉ tiêu ")
                .append(String.join(", ", fileIndicators)).append(" nhưng không chiến dịch nào theo dõi đủ các chỉ tiêu này, "
                        + "nên chưa lưu gì:");
        for (Campaign c : campaigns) {
            b.append("\n• ").append(c.code()).append(" “").append(c.name()).append("” theo dõi: ")
                    .append(String.join(", ", c.indicators()));
        }
        return b.append("\n\nBạn hãy để trong tệp chỉ các cột của một chiến dịch rồi gửi lại.").toString();
    }

    /** What the file holds, before it is applied; buttons follow it. */
    String filePreview(String fileName, int units, Map<String, Long> totals, List<Campaign> fit, LocalDate today,
                       java.time.Duration keep) {
        StringBuilder b = new StringBuilder("TỆP CHỈ TIÊU \"").append(fileName).append("\"\n")
                .append(VnFormat.number(units)).append(" đơn vị. Tổng các dòng trong tệp:");
        for (Map.Entry<String, Long> t : totals.entrySet()) {
            b.append("\n• ").append(title(t.getKey())).append(" (").append(t.getKey()).append("): ")
                    .append(VnFormat.number(t.getValue()));
        }
        b.append("\n\nÁp dụng cho chiến dịch nào?");
        for (Campaign c : fit) {
            b.append("\n• ").append(c.code()).append(" “").append(c.name()).append("”, ").append(state(c, today));
        }
        return b.append("\nBấm nút bên dưới, hoặc gõ #chiendich ").append(fit.get(0).code()).append(" nhận chỉ tiêu. Chỉ tiêu "
                + "đã có của các đơn vị trong tệp sẽ được thay; đơn vị không có trong tệp giữ nguyên. Tệp chờ ")
                .append(keep.toMinutes()).append(" phút; gõ #chiendich huỷ tệp để bỏ.").toString();
    }

    String fileApplied(String fileName, Campaign c, int changed, int units, String scopeName, Map<String, Long> totals) {
        StringBuilder b = new StringBuilder("Đã áp dụng tệp \"").append(fileName).append("\" cho chiến dịch ").append(c.code())
                .append(" “").append(c.name()).append("”: ").append(VnFormat.number(changed))
                .append(changed == 0 ? " chỉ tiêu thay đổi (tệp trùng với chỉ tiêu đã có)" : " chỉ tiêu thay đổi")
                .append(" trên ").append(VnFormat.number(units)).append(" đơn vị trong tệp.\nChỉ tiêu mới của ")
                .append(scopeName).append(':');
        for (Map.Entry<String, Long> t : totals.entrySet()) {
            b.append("\n• ").append(title(t.getKey())).append(": ").append(VnFormat.number(t.getValue()));
        }
        return b.append("\nGõ #tiendo ").append(c.code()).append(" để xem tiến độ.").toString();
    }

    static String fileCampaignEnded(Campaign c) {
        return "Chiến dịch " + c.code() + " đã kết thúc, không nhận chỉ tiêu mới. Gõ #chiendich để xem các chiến dịch.";
    }

    static String fileNothingWaiting() {
        return "Không có tệp chỉ tiêu nào của bạn đang chờ (tệp đã được áp dụng, đã huỷ hoặc đã quá hạn chờ), nên bot "
                + "không thay đổi gì. Muốn nhập chỉ tiêu, bạn hãy gửi tệp CSV hoặc Excel vào khung chat.";
    }

    static String fileCancelled(String fileName) {
        return "Đã huỷ tệp \"" + fileName + "\"; chỉ tiêu giữ nguyên.";
    }
}
