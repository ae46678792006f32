package vn.cdsbot.report;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.period.PeriodParser;
import vn.cdsbot.period.PeriodSpec;

/**
 * Reads weekly figures as people type them: {@code hotro=35 vneid=20}, {@code hỗ trợ 35, vneid 20},
 * {@code 35 lượt hỗ trợ; 12 hồ sơ dvc}, {@code 1.234}, with a period ({@code tuần 46}, {@code tuần trước}…) read by
 * {@link PeriodParser}.
 * Anything it cannot read for sure becomes a problem naming the words at fault; nothing is guessed.
 */
final class ReportParser {
    /** Above this a weekly count is a typo (an extra zero or a phone number), not a figure. */
    static final long MAX_VALUE = 1_000_000;
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+|\\d{1,3}(,\\d{3})+");
    /** Words that may stand between a name and its number ("hỗ trợ được 35") and are no indicator. */
    private static final Set<String> FILLER = Set.of("la", "duoc", "co", "luot", "nguoi", "so", "buoi", "tai", "khoan",
            "ho", "ca", "em", "anh", "chi", "gui", "a", "nhe", "va", "cho", "cua", "trong", "nay", "bao", "cao",
            "lieu", "ket", "qua", "gom", "tong", "cong", "dat", "xin", "tuan", "to", "nhom", "da", "ah", "voi");

    /** The outcome of reading a one-line report. */
    sealed interface Result {
        /**
         * Understood. No values (just "#baocao", maybe with a week or unit) starts the guided flow.
         *
         * @param period null when not given
         * @param unitCode null when not given
         */
        record Ok(PeriodSpec period, String unitCode, Map<String, Long> values) implements Result {
            public Ok {
                values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            }
        }
        /** Not understood; {@code period} (maybe null) lets the caller also say what is wrong with the period. */
        record Invalid(List<String> problems, PeriodSpec period) implements Result {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    /** One answer in the guided flow. */
    sealed interface Answer {
        record Value(long value) implements Answer {}
        record Skip() implements Answer {}
        record Problem(String message) implements Answer {}
    }

    private enum Kind { WORD, NUMBER, BAD_NUMBER, NEGATIVE, EQ, SEP, SLASH, UNIT, IND }

    /** A lexical token; {@code text} is folded for words, raw for numbers and units. */
    private record Tok(Kind kind, String text, String raw, long value) {
        static Tok of(Kind k, String text, String raw) {
            return new Tok(k, text, raw, 0);
        }
    }

    private final Indicators indicators;

    ReportParser(Indicators indicators) {
        this.indicators = indicators;
    }

    Result parse(String text, Predicate<String> isUnitCode) {
        PeriodParser.Found found = PeriodParser.find(text);
        List<String> problems = new ArrayList<>(found.problems());
        PeriodSpec week = found.period();
        List<Tok> rest = lex(found.rest(), isUnitCode);
        String unit = null;
        List<Tok> withoutUnits = new ArrayList<>();
        for (Tok t : rest) {
            if (t.kind() == Kind.UNIT) {
                if (unit != null && !unit.equalsIgnoreCase(t.raw())) problems.add(ReportTexts.twoUnits(unit, t.raw()));
                unit = t.raw();
            } else {
                withoutUnits.add(t);
            }
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (List<Tok> segment : segments(markIndicators(withoutUnits))) readSegment(segment, values, problems);
        if (!problems.isEmpty()) return new Result.Invalid(new ArrayList<>(new LinkedHashSet<>(problems)), week);
        return new Result.Ok(week, unit, values);
    }

    /** Runs of words that name an indicator become one IND token (repeats of the same one merge). */
    private List<Tok> markIndicators(List<Tok> toks) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            Tok t = toks.get(i);
            if (t.kind() != Kind.WORD) {
                out.add(t);
                i++;
                continue;
            }
            int end = i;
            while (end < toks.size() && toks.get(end).kind() == Kind.WORD) end++;
            List<String> words = toks.subList(i, end).stream().map(Tok::text).toList();
            var m = indicators.match(words, 0);
            if (m.isPresent()) {
                Tok ind = Tok.of(Kind.IND, m.get().code(), joinRaw(toks.subList(i, i + m.get().words())));
                Tok last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last == null || last.kind() != Kind.IND || !last.text().equals(ind.text())) out.add(ind);
                i += m.get().words();
            } else {
                out.add(t);
                i++;
            }
        }
        return out;
    }

    private static String joinRaw(List<Tok> toks) {
        return String.join(" ", toks.stream().map(Tok::raw).toList());
    }

    private static List<List<Tok>> segments(List<Tok> toks) {
        List<List<Tok>> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        for (Tok t : toks) {
            if (t.kind() == Kind.SEP) {
                if (!cur.isEmpty()) out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        if (!cur.isEmpty()) out.add(cur);
        return out;
    }

    private static boolean isNumberish(Tok t) {
        return t.kind() == Kind.NUMBER || t.kind() == Kind.BAD_NUMBER || t.kind() == Kind.NEGATIVE;
    }

    /**
     * One comma-separated part. If it starts with a name, names take the number after them ("hotro 35 vneid 20");
     * if it starts with a number, numbers take the name after them ("35 lượt hỗ trợ").
     */
    private void readSegment(List<Tok> seg, Map<String, Long> values, List<String> problems) {
        if (seg.stream().noneMatch(t -> t.kind() == Kind.IND || isNumberish(t))) return; // "gửi báo cáo ạ"
        // An unknown word before the first number ("vnied 5") is a misspelt name: read names first to say so.
        Tok first = seg.stream().filter(t -> t.kind() == Kind.IND || isNumberish(t)
                || (t.kind() == Kind.WORD && !FILLER.contains(t.text()))).findFirst().orElseThrow();
        if (isNumberish(first)) readNumberFirst(seg, values, problems);
        else readNameFirst(seg, values, problems);
    }

    private void readNameFirst(List<Tok> seg, Map<String, Long> values, List<String> problems) {
        String pending = null;
        String lastAssigned = null;
        String nonNumber = null;
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < seg.size(); i++) {
            Tok t = seg.get(i);
            boolean afterEq = i > 0 && seg.get(i - 1).kind() == Kind.EQ;
            switch (t.kind()) {
                case IND -> {
                    // "dvc 12 hồ sơ": a name right after its own number is a unit word, unless a number follows.
                    if (t.text().equals(lastAssigned) && pending == null && !numberBeforeNextName(seg, i + 1)) break;
                    if (pending != null && !pending.equals(t.text())) problems.add(missing(pending, nonNumber));
                    pending = t.text();
                    nonNumber = null;
                    unknown.clear();
                }
                case NUMBER, BAD_NUMBER, NEGATIVE -> {
                    if (pending != null) {
                        assign(pending, t, values, problems);
                        lastAssigned = pending;
                        pending = null;
                    } else if (!unknown.isEmpty()) {
                        problems.add(ReportTexts.unknownIndicator(String.join(" ", unknown), indicators.codes()));
                    } else {
                        problems.add(ReportTexts.orphanNumber(t.raw()));
                    }
                    unknown.clear();
                }
                case WORD -> {
                    if (pending != null) {
                        if (afterEq && nonNumber == null) nonNumber = t.raw();
                    } else if (!FILLER.contains(t.text())) {
                        unknown.add(t.raw());
                    }
                }
                default -> { }
            }
        }
        if (pending != null) problems.add(missing(pending, nonNumber));
    }

    private static boolean numberBeforeNextName(List<Tok> seg, int from) {
        for (int i = from; i < seg.size(); i++) {
            if (seg.get(i).kind() == Kind.IND) return false;
            if (isNumberish(seg.get(i))) return true;
        }
        return false;
    }

    private void readNumberFirst(List<Tok> seg, Map<String, Long> values, List<String> problems) {
        Tok pendingNumber = null;
        String lastAssigned = null;
        for (Tok t : seg) {
            if (isNumberish(t)) {
                if (pendingNumber != null) problems.add(ReportTexts.orphanNumber(pendingNumber.raw()));
                pendingNumber = t;
            } else if (t.kind() == Kind.IND) {
                if (pendingNumber != null) {
                    assign(t.text(), pendingNumber, values, problems);
                    lastAssigned = t.text();
                    pendingNumber = null;
                } else if (!t.text().equals(lastAssigned)) {
                    problems.add(missing(t.text(), null));
                }
            }
        }
        if (pendingNumber != null) problems.add(ReportTexts.orphanNumber(pendingNumber.raw()));
    }

    private String missing(String code, String nonNumber) {
        return nonNumber == null ? ReportTexts.missingValue(code) : ReportTexts.notANumber(code, nonNumber);
    }

    private static void assign(String code, Tok t, Map<String, Long> values, List<String> problems) {
        switch (t.kind()) {
            case NEGATIVE -> problems.add(ReportTexts.negative(code, t.raw()));
            case BAD_NUMBER -> problems.add(ReportTexts.notWhole(code, t.raw()));
            default -> {
                if (t.value() > MAX_VALUE) {
                    problems.add(ReportTexts.tooLarge(code, t.raw()));
                    return;
                }
                Long old = values.putIfAbsent(code, t.value());
                if (old != null && old != t.value()) problems.add(ReportTexts.twice(code, old, t.value()));
            }
        }
    }

    /** A guided-flow answer: a single number, "0", "không", or "bỏ qua". */
    Answer answer(String text) {
        String f = String.join(" ", words(text));
        if (Set.of("bo qua", "boqua", "bo", "skip", "qua", "bq").contains(f) || text.strip().equals("-")) {
            return new Answer.Skip();
        }
        if (Set.of("khong", "ko", "k", "khong co", "chua co", "khong co ai").contains(f)) return new Answer.Value(0);
        List<Tok> numbers = lex(text, s -> false).stream().filter(ReportParser::isNumberish).toList();
        if (numbers.size() != 1) return new Answer.Problem(ReportTexts.guidedNotUnderstood(numbers.size() > 1));
        Tok t = numbers.get(0);
        return switch (t.kind()) {
            case NEGATIVE -> new Answer.Problem(ReportTexts.guidedNegative(t.raw()));
            case BAD_NUMBER -> new Answer.Problem(ReportTexts.guidedNotWhole(t.raw()));
            default -> t.value() > MAX_VALUE
                    ? new Answer.Problem(ReportTexts.guidedTooLarge(t.raw()))
                    : new Answer.Value(t.value());
        };
    }

    /** Lower-case words without diacritics (đ → d), split at anything that is not a letter or digit. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String s = fold(text);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                cur.append(c);
            } else if (cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    /** Folds character by character, so positions in the folded text match the original. */
    static String fold(String text) {
        return Texts.foldEachChar(Normalizer.normalize(text, Normalizer.Form.NFC));
    }

    private static List<Tok> lex(String text, Predicate<String> isUnitCode) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        String f = fold(s);
        List<Tok> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                if (c == '\n') out.add(Tok.of(Kind.SEP, "\n", "\n"));
                i++;
                continue;
            }
            int chunkEnd = i;
            while (chunkEnd < s.length() && !Character.isWhitespace(s.charAt(chunkEnd))) chunkEnd++;
            int codeEnd = chunkEnd;
            while (codeEnd > i && ",;.:".indexOf(s.charAt(codeEnd - 1)) >= 0) codeEnd--;
            String chunk = s.substring(i, codeEnd);
            if (!chunk.isEmpty() && !chunk.matches("[\\d.,]+") && isUnitCode.test(chunk)) {
                out.add(Tok.of(Kind.UNIT, chunk, chunk));
                i = codeEnd;
            }
            lexChunk(s, f, i, chunkEnd, out);
            i = chunkEnd;
        }
        return out;
    }

    private static void lexChunk(String s, String f, int from, int end, List<Tok> out) {
        int i = from;
        while (i < end) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                i = lexNumber(s, i, end, false, out);
            } else if ((c == '-' || c == '−' || c == '–') && i + 1 < end && Character.isDigit(s.charAt(i + 1))
                    && (i == from || s.charAt(i - 1) == '=' || s.charAt(i - 1) == ':')) {
                i = lexNumber(s, i + 1, end, true, out);
            } else if (c == '=' || c == ':') {
                out.add(Tok.of(Kind.EQ, String.valueOf(c), String.valueOf(c)));
                i++;
            } else if (c == '/') {
                out.add(Tok.of(Kind.SLASH, "/", "/"));
                i++;
            } else if (Character.isLetter(f.charAt(i))) {
                int j = i;
                while (j < end && Character.isLetter(f.charAt(j))) j++;
                out.add(Tok.of(Kind.WORD, f.substring(i, j), s.substring(i, j)));
                i = j;
            } else if (",;.!?|+&-–—".indexOf(c) >= 0) {
                out.add(Tok.of(Kind.SEP, String.valueOf(c), String.valueOf(c)));
                i++;
            } else {
                i++; // quotes, brackets, emoji: no meaning here
            }
        }
    }

    /** Digits, possibly grouped by thousands with '.' or ','; a decimal like "1,5" is a bad number. */
    private static int lexNumber(String s, int start, int end, boolean negative, List<Tok> out) {
        int j = start;
        while (j < end && Character.isDigit(s.charAt(j))) j++;
        while (j + 1 < end && (s.charAt(j) == '.' || s.charAt(j) == ',') && Character.isDigit(s.charAt(j + 1))) {
            j++;
            while (j < end && Character.isDigit(s.charAt(j))) j++;
        }
        String raw = s.substring(start, j);
        String shown = negative ? "-" + raw : raw;
        boolean plain = raw.chars().allMatch(Character::isDigit);
        if (!plain && !GROUPED.matcher(raw).matches()) {
            out.add(Tok.of(Kind.BAD_NUMBER, shown, shown));
            return j;
        }
        String digits = raw.replace(".", "").replace(",", "");
        long value = digits.length() > 15 ? Long.MAX_VALUE : Long.parseLong(digits);
        out.add(new Tok(negative ? Kind.NEGATIVE : Kind.NUMBER, shown, shown, value));
        return j;
    }
}
