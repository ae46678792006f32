package vn.cdsbot.period;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cdsbot.chat.Texts;

/**
 * Finds the period named in a command's arguments, the one way every command reads periods: {@code tuần 46},
 * {@code tuần 46/2026}, {@code tuan46}, {@code tuần này}, {@code tuần trước}, {@code hôm nay}, {@code hôm qua},
 * {@code 02/12}, {@code ngày 2/12/2026}, {@code tháng 11}, {@code tháng 11/2026}, {@code quý 4}, {@code năm 2026}.
 * Typed with or without diacritics, in any case. What is left is returned for the command's other arguments.
 */
public final class PeriodParser {
    private static final Pattern ANY = Pattern.compile(String.join("|",
            "\\btuan\\s*(?<wn>-?\\d+(?:[.,]\\d+)*)(?:\\s*(?:/|nam)\\s*(?<wy>\\d{4}|\\d{2}))?(?!\\d)",
            "\\btuan\\s+(?<wr>nay|truoc|roi|vua\\s+qua|vua\\s+roi)\\b",
            "\\bhom\\s+(?<dr>nay|qua)\\b",
            "(?:\\bngay\\s+)?\\b(?<dd>\\d{1,2})\\s*/\\s*(?<dm>\\d{1,2})(?:\\s*/\\s*(?<dy>\\d{4}|\\d{2}))?\\b(?!\\s*[.,]\\d)",
            "\\bthang\\s*(?<mn>\\d{1,2})(?:\\s*/\\s*(?<my>\\d{4}))?\\b",
            "\\bthang\\s+(?<mr>nay|truoc)\\b",
            "\\bquy\\s*(?<qn>[1-4]|iv|iii|ii|i)(?:\\s*/\\s*(?<qy>\\d{4}))?\\b",
            "\\bquy\\s+(?<qr>nay|truoc)\\b",
            "\\bnam\\s+(?<yn>\\d{4})\\b",
            "\\bnam\\s+(?<yr>nay|truoc|ngoai)\\b"));

    /** What was found: at most one period (null when none), the text left (line breaks kept), and what was wrong. */
    public record Found(PeriodSpec period, String rest, List<String> problems) {
        public Found {
            problems = List.copyOf(problems);
        }

        public Optional<PeriodSpec> spec() {
            return Optional.ofNullable(period);
        }
    }

    private PeriodParser() {}

    public static Found find(String text) {
        String s = Texts.nfc(text == null ? "" : text);
        String f = Texts.foldEachChar(s);
        Matcher m = ANY.matcher(f);
        StringBuilder rest = new StringBuilder();
        List<String> problems = new ArrayList<>();
        PeriodSpec found = null;
        int last = 0;
        while (m.find()) {
            PeriodSpec spec = spec(m, s.substring(m.start(), m.end()), problems);
            rest.append(s, last, m.start()).append(' ');
            last = m.end();
            if (spec == null) continue;
            if (found != null && !found.equals(spec)) problems.add(TWO_PERIODS);
            found = spec;
        }
        rest.append(s.substring(last));
        return new Found(found, rest.toString().strip(),
                new ArrayList<>(new LinkedHashSet<>(problems)));
    }

    public static final String TWO_PERIODS = "Tin nhắn ghi hai kỳ khác nhau (hai tuần, hai ngày…); mỗi lệnh chỉ cho một kỳ.";

    private static PeriodSpec spec(Matcher m, String raw, List<String> problems) {
        if (m.group("wn") != null) {
            String n = m.group("wn");
            if (!n.chars().allMatch(Character::isDigit) || n.length() > 2) {
                problems.add("Số tuần \"" + n + "\" không hợp lệ. Ghi tuần như \"tuần 46\" hoặc \"tuần 46/2026\".");
                return null;
            }
            return new PeriodSpec.WeekNumber(Integer.parseInt(n), year(m.group("wy")));
        }
        if (m.group("wr") != null) return new PeriodSpec.Relative(PeriodSpec.Unit.WEEK, m.group("wr").equals("nay") ? 0 : -1);
        if (m.group("dr") != null) return new PeriodSpec.Relative(PeriodSpec.Unit.DAY, m.group("dr").equals("nay") ? 0 : -1);
        if (m.group("dd") != null) {
            return new PeriodSpec.Date(Integer.parseInt(m.group("dd")), Integer.parseInt(m.group("dm")), year(m.group("dy")));
        }
        if (m.group("mn") != null) return new PeriodSpec.MonthNumber(Integer.parseInt(m.group("mn")), year(m.group("my")));
        if (m.group("mr") != null) return new PeriodSpec.Relative(PeriodSpec.Unit.MONTH, m.group("mr").equals("nay") ? 0 : -1);
        if (m.group("qn") != null) return new PeriodSpec.QuarterNumber(quarter(m.group("qn")), year(m.group("qy")));
        if (m.group("qr") != null) return new PeriodSpec.Relative(PeriodSpec.Unit.QUARTER, m.group("qr").equals("nay") ? 0 : -1);
        if (m.group("yn") != null) return new PeriodSpec.YearNumber(Integer.parseInt(m.group("yn")));
        if (m.group("yr") != null) return new PeriodSpec.Relative(PeriodSpec.Unit.YEAR, m.group("yr").equals("nay") ? 0 : -1);
        throw new IllegalStateException("unmatched period " + raw);
    }

    private static Integer year(String y) {
        if (y == null) return null;
        int v = Integer.parseInt(y);
        return y.length() == 2 ? 2000 + v : v;
    }

    private static int quarter(String q) {
        return switch (q) {
            case "i" -> 1;
            case "ii" -> 2;
            case "iii" -> 3;
            case "iv" -> 4;
            default -> Integer.parseInt(q);
        };
    }
}
