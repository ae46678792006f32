package vn.cdsbot.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.people.Member;
import vn.cdsbot.people.Unit;
import vn.cdsbot.period.Day;
import vn.cdsbot.period.Period;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.period.Week;

/** Every Vietnamese sentence of reporting (weekly, and daily during a campaign), history and reminders. */
final class ReportTexts {
    private ReportTexts() {}

    static String n(long v) {
        return VnFormat.number(v);
    }

    // ---- weeks --------------------------------------------------------------------------------------------

    static String futureWeek(Week week, Week current) {
        return "Tuần " + week.number() + " (" + week.dates() + ") chưa tới nên chưa báo cáo được; tuần hiện tại là "
                + current.label() + ".";
    }

    static String tooOld(Week week) {
        return "Tuần " + week.number() + "/" + week.year() + " đã quá xa (hơn một năm); bot chỉ nhận báo cáo trong vòng một năm. "
                + "Nếu cần sửa số liệu cũ, hãy liên hệ thư ký Ban chỉ đạo.";
    }

    static String notAWeek(Period p, Week containing) {
        if (p instanceof vn.cdsbot.period.Day d) {
            return "Báo cáo được gửi theo tuần. " + VnFormat.capitalize(d.label()) + " thuộc " + containing.label()
                    + "; gõ ví dụ: #baocao " + containing.typed() + " hotro=35.";
        }
        return "Báo cáo được gửi theo tuần, không theo " + p.typed().split(" ")[0] + "; gõ ví dụ: #baocao "
                + containing.typed() + " hotro=35.";
    }

    // ---- days of a campaign ---------------------------------------------------------------------------------

    static String notACampaignDay(Day d, Week containing) {
        return VnFormat.capitalize(d.label()) + " không thuộc chiến dịch nào nên không nhận số theo ngày; báo cáo "
                + "được gửi theo tuần. Gõ ví dụ: #baocao " + containing.typed() + " hotro=35.";
    }

    static String dayOrWeek(List<vn.cdsbot.campaign.Campaign> campaigns, List<Indicators.Indicator> daily, Day today,
                            Week week) {
        String names = campaigns.stream().map(c -> c.code() + " “" + c.name() + "”").collect(Collectors.joining(", "));
        String codes = daily.stream().map(Indicators.Indicator::code).collect(Collectors.joining(", "));
        return "Đang có chiến dịch " + names + ": " + codes + " được báo theo ngày. Bạn muốn báo số " + today.label()
                + " hay báo cáo " + week.label() + "?\nGõ nhanh: #baocao hôm nay " + daily.get(0).code()
                + "=35 (hoặc #baocao hôm qua …, #baocao ngày " + VnDates.dayMonth(today.date()) + " …).";
    }

    static String notDaily(Indicators.Indicator ind, Day d, List<Indicators.Indicator> daily, Week week) {
        return ind.code() + " không báo theo ngày: " + d.typed() + " chỉ nhận số theo ngày của "
                + daily.stream().map(Indicators.Indicator::code).collect(Collectors.joining(", "))
                + " (chỉ tiêu của chiến dịch). Báo " + ind.code() + " trong báo cáo tuần: #baocao " + week.typed() + " "
                + ind.code() + "=…";
    }

    static String carriedByDays(Indicators.Indicator ind, Week week, PeriodIndicators.DaySum sum) {
        return ind.code() + " của " + week.label() + " đã được tính từ số theo ngày (tổng " + n(sum.sum()) + ", "
                + sum.days() + " ngày) nên không nhập lại trong báo cáo tuần. Muốn sửa, sửa số của ngày đó, ví dụ: "
                + "#baocao ngày " + VnDates.dayMonth(week.first()) + " " + ind.code() + "=…";
    }

    static String allCarriedByDays(Week week) {
        return "Mọi chỉ tiêu của " + week.label() + " đã được tính từ số theo ngày; không cần báo cáo tuần. "
                + "Gõ #lichsu để xem các số đã gửi.";
    }

    // ---- reading a report ----------------------------------------------------------------------------------

    static String twoUnits(String a, String b) {
        return "Tin nhắn ghi hai đơn vị (" + a + " và " + b + "); mỗi báo cáo chỉ cho một đơn vị.";
    }

    static String unknownIndicator(String words, String codes) {
        return "Bot không biết chỉ tiêu \"" + words + "\". Các chỉ tiêu: " + codes + ".";
    }

    static String orphanNumber(String raw) {
        return "Số " + raw + " không rõ là của chỉ tiêu nào; hãy ghi tên chỉ tiêu trước số, ví dụ hotro=" + raw + ".";
    }

    static String missingValue(String code) {
        return "Thiếu số liệu cho " + code + "; ghi số ngay sau tên, ví dụ " + code + "=12.";
    }

    static String notANumber(String code, String raw) {
        return "Giá trị của " + code + " (\"" + raw + "\") không phải là số; hãy ghi bằng chữ số, ví dụ " + code + "=12.";
    }

    static String negative(String code, String raw) {
        return "Số liệu không thể âm: " + code + " = " + raw + ".";
    }

    static String notWhole(String code, String raw) {
        return "Giá trị của " + code + " (\"" + raw + "\") không phải số nguyên; số lượt, hồ sơ, buổi… là số đếm. "
                + "Số nghìn ghi như 1.234 hoặc 1234.";
    }

    static String tooLarge(String code, String raw) {
        return "Giá trị của " + code + " (" + raw + ") quá lớn cho một tuần; bạn kiểm tra lại giúp (có thể thừa số 0).";
    }

    static String twice(String code, long a, long b) {
        return code + " được ghi hai lần với hai số khác nhau (" + n(a) + " và " + n(b) + "); hãy giữ lại một số.";
    }

    static String invalid(List<String> problems, Indicators indicators) {
        String list = problems.stream().map(p -> "• " + p).collect(Collectors.joining("\n"));
        return "Bot chưa ghi nhận báo cáo này vì:\n" + list + "\nChưa có gì được lưu. Ví dụ cách gửi: "
                + example(indicators) + " — hoặc chỉ gõ #baocao để bot hỏi từng mục.";
    }

    static String example(Indicators indicators) {
        long[] sample = {35, 20, 12, 8, 1, 3, 5};
        StringBuilder sb = new StringBuilder("#baocao");
        for (int i = 0; i < Math.min(3, indicators.size()); i++) {
            sb.append(' ').append(indicators.get(i).code()).append('=').append(sample[i]);
        }
        return sb.toString();
    }

    // ---- guided flow ---------------------------------------------------------------------------------------

    static String guidedIntro(Unit unit, Period period, int count, long timeoutMinutes) {
        return (period instanceof Day ? "Số " : "Báo cáo ") + period.label() + " cho " + unit.label() + ". Bot sẽ hỏi " + count
                + " mục, bạn trả lời từng mục bằng một số (chưa có số thì bấm Bỏ qua). Gõ #huy để dừng; sau "
                + timeoutMinutes + " phút không trả lời, bản nháp tự huỷ.";
    }

    static String question(int index, int count, Indicators.Indicator ind, Long existing, Period period) {
        String q = "Câu " + index + "/" + count + ": " + ind.title()
                + (period instanceof Day d ? " trong ngày " + VnDates.dayMonth(d.date()) : " trong tuần") + " là bao nhiêu?";
        if (existing != null) q += " (Đang ghi: " + n(existing) + " — bấm Bỏ qua để giữ nguyên.)";
        return q;
    }

    static String guidedNotUnderstood(boolean several) {
        return several ? "Mỗi câu chỉ cần một số thôi."
                : "Bot đang chờ số liệu cho câu dưới đây: hãy gõ một số (ví dụ 12), \"bỏ qua\", hoặc #huy để dừng báo cáo.";
    }

    static String guidedNegative(String raw) {
        return "Số liệu không thể âm (" + raw + "). Hãy gõ lại một số từ 0 trở lên.";
    }

    static String guidedNotWhole(String raw) {
        return "\"" + raw + "\" không phải số nguyên. Hãy gõ một số đếm, ví dụ 12 (số nghìn ghi 1.234 hoặc 1234).";
    }

    static String guidedTooLarge(String raw) {
        return "Số " + raw + " quá lớn cho một tuần; bạn kiểm tra lại giúp (có thể thừa số 0).";
    }

    static String stillAnswering() {
        return "Bạn đang trả lời các câu dưới đây; trả lời hết (hoặc bỏ qua) các câu thì bot mới đưa "
                + "bản tóm tắt để xác nhận.";
    }

    static String expiredNote(long minutes) {
        return "Bản báo cáo nháp trước của bạn đã tự huỷ vì quá " + minutes + " phút chưa hoàn tất; chưa có gì được lưu. "
                + "Khi sẵn sàng, gõ #baocao để báo cáo lại.";
    }

    static String expiredNotice(Week week, long minutes) {
        return "Báo cáo " + week.label() + " của bạn CHƯA được gửi: bản nháp đã tự huỷ vì quá " + minutes
                + " phút chưa xác nhận. Khi sẵn sàng, bấm \"Báo cáo lại\" hoặc gõ #baocao để làm lại.";
    }

    static String replacedDraft(Period period) {
        return "(Bản nháp chưa xác nhận cho " + period.label() + " đã được bỏ, thay bằng báo cáo dưới đây.)";
    }

    // ---- whose report ----------------------------------------------------------------------------------------

    static String ownUnitOnly(String ownLabel) {
        return "Bạn chỉ báo cáo được cho đơn vị của mình (" + ownLabel + ").";
    }

    static final String NO_UNIT = "Bot không tìm thấy đơn vị của bạn; hãy liên hệ thư ký Ban chỉ đạo.";

    static String unitInactive(Unit unit) {
        return "Đơn vị " + unit.label() + " đã ngừng hoạt động nên không nhận báo cáo mới. Nếu có nhầm lẫn, "
                + "hãy liên hệ thư ký Ban chỉ đạo.";
    }

    static String notReportingUnit(Unit unit) {
        return unit.label() + " là đơn vị tổng hợp, không tự nộp báo cáo tuần; các tổ trực thuộc sẽ báo cáo.";
    }

    static String officeNeedsUnit(Unit unit) {
        return "Đơn vị của bạn (" + unit.label() + ") không nộp báo cáo tuần. Để nhập thay cho một tổ, ghi kèm mã tổ, "
                + "ví dụ: #baocao BP-DXO-01 hotro=35 vneid=20.";
    }

    // ---- echo and confirmation ----------------------------------------------------------------------------

    /**
     * @param asked the indicators this period takes (a day: its campaigns'; a week: those its days did not carry)
     * @param covered for a week: what its daily figures carry, shown as such
     * @param weekly for a day: the week's own report, whose value the day's figures will replace
     * @param running the period has not ended yet: the figures are so far, and may be sent again at the end
     */
    static String echo(Unit unit, Period period, List<Indicators.Indicator> asked, Map<String, Long> values,
                       Optional<Reports.Report> current, Map<String, PeriodIndicators.DaySum> covered,
                       Optional<Reports.Report> weekly, boolean late, boolean running, Instant deadline, ZoneId zone) {
        StringBuilder sb = new StringBuilder("Bot hiểu " + (period instanceof Day ? "số theo ngày" : "báo cáo")
                + " của bạn như sau:\n");
        sb.append("Đơn vị: ").append(unit.label()).append('\n');
        Week week = Week.containing(period.first());
        if (period instanceof Day d) sb.append(VnFormat.capitalize(d.label())).append('\n');
        else sb.append("Tuần ").append(week.number()).append(": ").append(week.dates()).append('\n');
        for (Indicators.Indicator i : asked) {
            Long v = values.get(i.code());
            sb.append("• ").append(i.title()).append(": ").append(v == null ? "chưa báo" : n(v));
            Long old = current.map(r -> r.values().get(i.code())).orElse(null);
            if (current.isPresent() && !java.util.Objects.equals(old, v)) {
                sb.append(" (trước: ").append(old == null ? "chưa báo" : n(old)).append(')');
            }
            sb.append('\n');
        }
        covered.forEach((code, sum) -> sb.append("• ").append(code).append(": ").append(n(sum.sum()))
                .append(" — tổng số theo ngày (").append(sum.days()).append(" ngày), không cần nhập lại\n"));
        for (Indicators.Indicator i : asked) {
            Long w = weekly.map(r -> r.values().get(i.code())).orElse(null);
            if (w != null) sb.append("Báo cáo tuần ").append(week.number()).append(" đã ghi ").append(i.code()).append(" = ")
                    .append(n(w)).append("; từ nay ").append(i.code()).append(" của tuần ").append(week.number())
                    .append(" được tính bằng tổng các ngày.\n");
        }
        current.ifPresent(r -> sb.append(period instanceof Day ? "Số này sẽ thay số của ngày này gửi lúc "
                        : "Báo cáo này sẽ thay báo cáo tuần " + week.number() + " gửi lúc ")
                .append(VnDates.dateTime(r.submittedAt(), zone)).append(" (số cũ vẫn được lưu trong lịch sử).\n"));
        if (late) {
            sb.append("Đã quá hạn chót ").append(VnDates.deadline(deadline, zone))
                    .append(": báo cáo vẫn được nhận và ghi là nộp muộn.\n");
        }
        if (running && period instanceof Week) sb.append(runningWeek(week, deadline, zone)).append('\n');
        if (running && period instanceof Day) sb.append("Số tính đến lúc này; cuối ngày có thêm thì gửi lại, số mới sẽ thay số cũ.\n");
        sb.append("Đúng thì bấm Xác nhận (chỉ báo cáo đã xác nhận mới được tính); sai thì bấm Sửa.");
        return sb.toString();
    }

    /** Said whenever a report is for the week still running, so nobody mistakes it for the finished week. */
    static String runningWeek(Week week, Instant deadline, ZoneId zone) {
        return "Lưu ý: tuần " + week.number() + " đang diễn ra (đến hết Chủ nhật " + VnDates.date(week.sunday())
                + "), nên đây là số liệu tính đến hôm nay. Hết tuần, gõ #baocao " + week.typed()
                + " để gửi số cả tuần (hạn chót " + VnDates.deadline(deadline, zone) + ").";
    }

    static String whichToEdit(Unit unit, Period period, Indicators indicators, Map<String, Long> values) {
        StringBuilder sb = new StringBuilder("Bạn muốn sửa mục nào trong báo cáo " + period.label() + " của " + unit.label() + "?");
        for (Indicators.Indicator i : indicators.all()) {
            Long v = values.get(i.code());
            sb.append("\n• ").append(i.code()).append(" — ").append(i.title()).append(": ").append(v == null ? "chưa báo" : n(v));
        }
        return sb.append("\nBấm một mục, hoặc gõ số mới ngay, ví dụ: #sua ").append(indicators.get(0).code())
                .append("=40 (sửa được vài mục một lúc).").toString();
    }

    static final String WAITING_CONFIRMATION = "Báo cáo của bạn đang chờ xác nhận. Bấm Xác nhận nếu đúng, Sửa để "
            + "nhập lại, hoặc Huỷ. Muốn sửa một số, gõ ví dụ: #sua hotro=40.";

    static final String NOTHING_TO_CONFIRM = "Không có báo cáo nào đang chờ xác nhận. Gõ #baocao để bắt đầu báo cáo tuần.";

    static String alreadyStored(Reports.Report r, ZoneId zone) {
        return "Báo cáo " + r.period().label() + " của đơn vị " + r.unitCode() + " đã được ghi nhận lúc "
                + VnDates.dateTime(r.submittedAt(), zone) + " rồi; không cần xác nhận lại.";
    }

    static final String EMPTY_REPORT = "Báo cáo chưa có số liệu nào (mọi mục đều bỏ qua) nên không gửi được. "
            + "Nếu tuần này không có hoạt động, hãy ghi 0 cho các mục.";

    static String farAboveAverage(Indicators.Indicator ind, long value, double avg, int periods, boolean days) {
        return ind.title() + ": " + n(value) + " — cao hơn nhiều so với trung bình " + periods + (days ? " ngày" : " tuần")
                + " gần nhất của đơn vị ("
                + n(Math.round(avg)) + ").";
    }

    static String vneidAboveHelped(Indicators.Indicator vneid, long v, Indicators.Indicator hotro, long h) {
        return vneid.title() + " (" + n(v) + ") lớn hơn " + hotro.name() + " (" + n(h) + "); thường mỗi tài khoản "
                + "VNeID được hướng dẫn cũng là một lượt hỗ trợ.";
    }

    static String plausibility(List<String> warnings) {
        return "Xin kiểm tra lại trước khi gửi, có số liệu khác thường:\n"
                + warnings.stream().map(w -> "• " + w).collect(Collectors.joining("\n"))
                + "\nNếu số liệu đúng, bấm \"Chắc chắn, gửi\" (hoặc gõ #xacnhan chắc chắn). Nếu sai, bấm Sửa.";
    }

    static String stored(Unit unit, Period period, boolean late, Instant deadline, Optional<Reports.Report> replaced,
                         ZoneId zone) {
        StringBuilder sb = new StringBuilder("Đã ghi nhận " + (period instanceof Day ? "số " : "báo cáo ") + period.label()
                + " của " + unit.label() + ". Cảm ơn bạn!");
        replaced.ifPresent(r -> sb.append(" Báo cáo này thay cho báo cáo gửi lúc ")
                .append(VnDates.dateTime(r.submittedAt(), zone)).append("; lịch sử vẫn được lưu."));
        if (late) sb.append(" Báo cáo nộp sau hạn chót ").append(VnDates.deadline(deadline, zone))
                .append(" nên được ghi là nộp muộn.");
        return sb.toString();
    }

    static String overtaken(Unit unit, Period period, Reports.Report newer, ZoneId zone) {
        return "Đã lưu báo cáo " + period.label() + " của " + unit.label() + " vào lịch sử. Lưu ý: một thành viên khác của "
                + "đơn vị đã xác nhận báo cáo tuần này lúc " + VnDates.dateTime(newer.submittedAt(), zone)
                + ", sau bạn, nên báo cáo đó đang được tính. Gõ #lichsu để xem; muốn thay, gõ #sua.";
    }

    static final String CANCELLED = "Đã huỷ báo cáo nháp; chưa có gì được lưu. Gõ #baocao khi bạn muốn báo cáo lại.";
    static final String NOTHING_TO_CANCEL = "Không có báo cáo nào đang soạn để huỷ.";

    // ---- history -------------------------------------------------------------------------------------------

    static final String LICHSU_USAGE = "Cách dùng: #lichsu MÃ_ĐƠN_VỊ [tuần N], ví dụ: #lichsu BP-DXO-01 tuần 46.";

    static String unknownUnit(String token) {
        return "Không tìm thấy đơn vị có mã \"" + token + "\".";
    }

    static String outsideScope(String ownLabel) {
        return "Bạn chỉ xem được đơn vị của mình (" + ownLabel + ") và các đơn vị trực thuộc.";
    }

    static String remindOutsideScope(String ownLabel) {
        return "Bạn chỉ nhắc được các tổ thuộc đơn vị của mình (" + ownLabel + ").";
    }

    static String noHistory(Unit unit, Week week) {
        return week == null ? unit.label() + " chưa có báo cáo nào."
                : unit.label() + " chưa có báo cáo nào cho " + week.label() + ".";
    }

    static String historyHeader(Unit unit, Week week) {
        return week == null ? "Các báo cáo gần nhất của " + unit.label() + " (mới nhất trước):"
                : "Lịch sử báo cáo " + week.label() + " của " + unit.label() + " (cũ nhất trước):";
    }

    static String historyLine(int index, Reports.Report r, Reports.Report previous, String who, boolean withWeek,
                              Indicators indicators, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        sb.append(index).append(") ");
        if (r.period() instanceof Day d) sb.append("Ngày ").append(VnDates.date(d.date())).append(" — ");
        else if (withWeek) sb.append("Tuần ").append(r.week().number()).append('/').append(r.week().year()).append(" — ");
        sb.append(VnDates.dateTime(r.submittedAt(), zone)).append(" — ").append(who).append(": ");
        List<String> parts = new java.util.ArrayList<>();
        for (Indicators.Indicator i : indicators.all()) {
            Long v = r.values().get(i.code());
            Long old = previous == null ? null : previous.values().get(i.code());
            if (v == null && old == null) continue;
            String part = i.code() + " " + (v == null ? "—" : n(v));
            if (previous != null && !java.util.Objects.equals(v, old)) {
                part = i.code() + " " + (old == null ? "—" : n(old)) + " → " + (v == null ? "—" : n(v));
            }
            parts.add(part);
        }
        r.values().keySet().stream().filter(k -> indicators.byCode(k).isEmpty())
                .forEach(k -> parts.add(k + " " + n(r.values().get(k))));
        sb.append(String.join(" · ", parts));
        sb.append(" — ").append(r.current() ? "hiện hành" : "đã bị thay thế");
        if (r.late()) sb.append(", nộp muộn");
        if (r.plausibilityOverride()) sb.append(", đã xác nhận số khác thường");
        return sb.toString();
    }

    // ---- reminders -----------------------------------------------------------------------------------------

    static String reminder(Week week, Instant deadline, boolean pastDeadline, Set<Unit> remind,
                           Map<Unit, List<Member>> unreachableColleagues, List<Reminders.UnitStatus> escalated,
                           int windowDays, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        String when = pastDeadline ? "đã quá hạn chót " + VnDates.deadline(deadline, zone)
                + ", báo cáo muộn vẫn được nhận" : "hạn chót " + VnDates.deadline(deadline, zone);
        if (!remind.isEmpty()) {
            String units = remind.stream().map(Unit::label).collect(Collectors.joining(", "));
            sb.append("Nhắc báo cáo: ").append(units).append(" chưa gửi số liệu ").append(week.label()).append(" (")
                    .append(when).append("). Bấm Báo cáo ngay để bot hỏi từng mục, hoặc gửi một dòng như ")
                    .append("#baocao hotro=35 vneid=20 dvc=12.");
            unreachableColleagues.forEach((u, members) -> sb.append("\nBot không nhắn được cho ")
                    .append(members.stream().map(Member::label).collect(Collectors.joining(", ")))
                    .append(" (chưa nhắn cho OA trong ").append(windowDays).append(" ngày qua); nhờ anh/chị nhắc giúp."));
        }
        if (!escalated.isEmpty()) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append("Các tổ sau chưa gửi số liệu ").append(week.label()).append(" (").append(when)
                    .append(") và bot không nhắn trực tiếp được; nhờ anh/chị nhắc giúp:");
            for (Reminders.UnitStatus s : escalated) sb.append("\n• ").append(s.unit().label()).append(": ")
                    .append(whyUnreachable(s, windowDays));
        }
        return sb.toString();
    }

    static String whyUnreachable(Reminders.UnitStatus s, int windowDays) {
        if (s.reachable().isEmpty() && s.unreachable().isEmpty()) return "chưa có ai đăng ký với bot";
        return s.unreachable().size() + " người đã đăng ký nhưng chưa nhắn cho OA trong " + windowDays + " ngày qua";
    }

    /** Above this many units a line each would fill several Zalo messages; group them instead. */
    private static final int DETAILED_UNITS = 15;

    private static String compactStatus(Reminders.Plan plan, int windowDays) {
        List<String> reminded = new java.util.ArrayList<>();
        List<String> unreachable = new java.util.ArrayList<>();
        for (Reminders.UnitStatus s : plan.missing()) {
            if (!s.reachable().isEmpty()) reminded.add(s.unit().name());
            else unreachable.add(s.unit().name() + (s.unreachable().isEmpty() ? " (chưa ai đăng ký)" : ""));
        }
        StringBuilder sb = new StringBuilder();
        if (!reminded.isEmpty()) sb.append("Đã nhắc thành viên của ").append(reminded.size()).append(" tổ: ")
                .append(String.join(", ", reminded)).append(".\n");
        if (!unreachable.isEmpty()) sb.append("Bot không nhắn được ").append(unreachable.size())
                .append(" tổ (chưa ai đăng ký, hoặc chưa ai nhắn OA trong ").append(windowDays)
                .append(" ngày qua), nhờ liên hệ trực tiếp: ").append(String.join(", ", unreachable)).append('.');
        return sb.toString();
    }

    static final String NHAC_USAGE = "Cách dùng: #nhac [MÃ_ĐƠN_VỊ] [tuần N], ví dụ: #nhac BP-DXO hoặc #nhac BP-DXO tuần 46.";

    static String nhacSummary(Unit scope, Week week, int reportingUnits, Reminders.Plan plan, int windowDays) {
        if (plan.missing().isEmpty()) {
            if (reportingUnits == 0) return "Không có tổ nào phải báo cáo tuần trong phạm vi này.";
            String who = reportingUnits == 1 && scope != null ? scope.label()
                    : "Tất cả " + reportingUnits + " tổ" + (scope == null ? "" : " thuộc " + scope.label());
            return who + " đã gửi báo cáo " + week.label() + ". Không cần nhắc ai.";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(plan.missing().size()).append('/').append(reportingUnits).append(" tổ ")
                .append(scope == null ? "" : "thuộc " + scope.label() + " ")
                .append("chưa gửi báo cáo ").append(week.label()).append(". Đã nhắc ").append(plan.letters().size())
                .append(" người.");
        if (!plan.skipped().isEmpty()) {
            sb.append(" ").append(plan.skipped().size()).append(" người vừa được nhắc trong 1 giờ qua (hoặc là bạn) nên không nhắc lại.");
        }
        sb.append('\n');
        if (plan.missing().size() > DETAILED_UNITS) return sb.append(compactStatus(plan, windowDays)).toString().strip();
        for (Reminders.UnitStatus s : plan.missing()) {
            sb.append("• ").append(s.unit().label()).append(": ");
            long sent = s.reachable().stream().filter(m -> plan.letters().containsKey(m.userId())).count();
            if (!s.reachable().isEmpty()) {
                sb.append("đã nhắc ").append(sent).append(" người");
                if (!s.unreachable().isEmpty()) sb.append("; ").append(s.unreachable().size())
                        .append(" người chưa nhắn OA trong ").append(windowDays).append(" ngày nên bot không nhắn được");
            } else {
                sb.append(whyUnreachable(s, windowDays)).append(" — bot không nhắn được, nhờ anh/chị liên hệ trực tiếp");
            }
            sb.append('\n');
        }
        return sb.toString().strip();
    }
}
