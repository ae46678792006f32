package vn.cdsbot.summary;

import java.time.Instant;
import java.util.List;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.chat.UserError;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.Day;
import vn.cdsbot.period.Period;
import vn.cdsbot.period.PeriodParser;
import vn.cdsbot.period.PeriodSpec;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;

/**
 * The arguments of a summary command: an optional period, read by the shared {@link PeriodParser} (a date means
 * its week), and the rest (a unit code or name, an indicator). Without a period, the calendar's default week.
 *
 * @param period a {@link Week}, or for commands that take them a month, quarter or year
 */
record Request(Period period, boolean weekGiven, List<String> words) {

    /** A week (a date means its week); a month, quarter or year is refused, pointing to #tonghop. */
    static Request parse(String args, Instant now, ReportingCalendar calendar) throws UserError {
        return parse(args, now, calendar, null);
    }

    /** Any period: a week, a month, a quarter or a year (a date means its week). */
    static Request parseAny(String args, Instant now, ReportingCalendar calendar) throws UserError {
        return parse(args, now, calendar, "");
    }

    /** The week asked; only for requests read by {@link #parse}, or after checking {@link #weekly()}. */
    Week week() {
        return (Week) period;
    }

    boolean weekly() {
        return period instanceof Week;
    }

    /** @param longer null when only weeks are taken */
    private static Request parse(String args, Instant now, ReportingCalendar calendar, String longer) throws UserError {
        PeriodParser.Found found = PeriodParser.find(args);
        if (!found.problems().isEmpty()) throw new UserError(String.join(" ", found.problems()));
        List<String> words = found.rest().isBlank() ? List.of() : List.of(found.rest().strip().split("\\s+"));
        if (words.stream().map(Texts::fold).anyMatch(w -> w.equals("tuan") || w.equals("week"))) {
            throw new UserError("Hãy ghi số tuần sau chữ \"tuần\", ví dụ: " + calendar.defaultWeek(now).typed() + ".");
        }
        PeriodSpec spec = found.period();
        int year = words.stream().map(Texts::fold).toList().indexOf("nam");
        if (spec == null && longer != null && year >= 0) {
            // "#vanban năm": the reporting year running now (the ISO week-year of the current week).
            List<String> rest = new java.util.ArrayList<>(words);
            rest.remove(year);
            words = List.copyOf(rest);
            spec = new PeriodSpec.YearNumber(calendar.weekOf(now).year());
        }
        if (spec == null) return new Request(calendar.defaultWeek(now), false, words);
        ReportingCalendar.Resolved r = calendar.resolve(spec, now);
        if (r instanceof ReportingCalendar.Resolved.Problem p) throw new UserError(p.message());
        Period p = ((ReportingCalendar.Resolved.Ok) r).period();
        if (p instanceof Week w) return new Request(w, true, words);
        if (p instanceof Day d) return new Request(d.week(), true, words);
        if (longer != null) {
            // "tháng 1/2027" on 2/1/2027: the month has begun, but its first week (the one holding its first
            // Thursday) starts on 4/1, so there is nothing to sum yet.
            Week first = p.weeks().get(0);
            if (first.monday().isAfter(calendar.today(now))) {
                throw new UserError(VnFormat.capitalize(p.typed()) + " tính từ " + first.label() + ", chưa có tuần nào bắt đầu.");
            }
            return new Request(p, true, words);
        }
        throw new UserError("Danh sách chưa báo cáo tính theo tuần; với " + p.typed() + " hãy gõ #tonghop " + p.typed()
                + " (số tuần đã báo của từng đơn vị) hoặc #chuabaocao " + calendar.defaultWeek(now).typed() + ".");
    }

    String rest() {
        return String.join(" ", words);
    }

    /** The unit whose subtree the sender asked about: their home by default, or a unit they may see. */
    static Unit scope(Sender sender, UnitTree tree, String unitText) throws UserError {
        Unit home = tree.home(sender).orElseThrow(() -> new UserError("Không tìm thấy đơn vị của bạn ("
                + sender.unitCode() + ") trong danh sách đơn vị. Hãy báo văn phòng Ban Chỉ đạo."));
        if (unitText.isBlank()) return home;
        Unit named = tree.find(unitText).orElseThrow(() -> new UserError("Không tìm thấy đơn vị \"" + unitText.strip()
                + "\". Hãy gõ mã đơn vị, ví dụ: " + example(tree, home) + "."));
        if (!tree.within(home, named)) {
            throw new UserError("Bạn chỉ xem được số liệu của " + home.name() + " và các đơn vị trực thuộc.");
        }
        return named;
    }

    private static String example(UnitTree tree, Unit home) {
        List<Unit> children = tree.children(home);
        return children.isEmpty() ? home.code() : children.get(0).code();
    }
}
