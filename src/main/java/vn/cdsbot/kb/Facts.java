package vn.cdsbot.kb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import vn.cdsbot.chat.VnFormat;

/**
 * The facts table ({@code knowledge-base/facts.yaml}): amounts and rules that change (fees, the base salary and
 * what derives from it, processing times, age limits), each with the dates it applies, its legal basis and
 * source. Articles write {@code {{key}}}; a reply shows the value in force on the day it is asked, so a new
 * base salary is one added line and every amount derived from it follows.
 */
public final class Facts {
    public static final String FILE_NAME = "facts.yaml";
    static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*\\}\\}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9_]+");

    /** One value and the days it applies to ({@code to} inclusive, null while in force). */
    record Period(Object value, LocalDate from, LocalDate to, String basis, String source) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /** An amount computed from another fact: {@code times × of}, rounded to the unit. */
    record Derived(String of, BigDecimal times) {}

    /**
     * @param unit shown after a number ("đ", "ngày làm việc"); null for text values
     * @param periods own values, oldest first; empty for a derived fact
     */
    record Fact(String key, String unit, List<Period> periods, Derived derived, LocalDate reviewBy, int line) {}

    record Loaded(Facts facts, List<KbProblem> problems) {}

    private final Map<String, Fact> facts;

    private Facts(Map<String, Fact> facts) {
        this.facts = Map.copyOf(facts);
    }

    public static Facts none() {
        return new Facts(Map.of());
    }

    public boolean has(String key) {
        return facts.containsKey(key);
    }

    public int size() {
        return facts.size();
    }

    /** The value in force on {@code day}, formatted for citizens ("2.340.000 đ", "7 ngày làm việc"). */
    public Optional<String> value(String key, LocalDate day) {
        Fact f = facts.get(key);
        if (f == null) return Optional.empty();
        Object v = raw(f, day, 0);
        if (v == null) return Optional.empty();
        String shown = v instanceof BigDecimal n ? number(n) : v.toString();
        return Optional.of(f.unit() == null ? shown : shown + " " + f.unit());
    }

    /** Replaces every {@code {{key}}} by its value on {@code day}; an unknown key is left as written. */
    public String render(String text, LocalDate day) {
        if (text.indexOf("{{") < 0) return text;
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            String v = value(m.group(1), day).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return m.appendTail(out).toString();
    }

    /** The value on {@code day}; before a fact's first date the first value, so a reply is never blank. */
    private Object raw(Fact f, LocalDate day, int depth) {
        if (f.derived() != null) {
            Fact base = facts.get(f.derived().of());
            if (base == null || depth > 5) return null;
            Object b = raw(base, day, depth + 1);
            return b instanceof BigDecimal n ? n.multiply(f.derived().times()).setScale(0, RoundingMode.HALF_UP) : null;
        }
        Period chosen = null;
        for (Period p : f.periods()) {
            if (p.covers(day)) return p.value();
            if (!p.from().isAfter(day)) chosen = p;
        }
        return chosen != null ? chosen.value() : f.periods().isEmpty() ? null : f.periods().get(0).value();
    }

    private static String number(BigDecimal n) {
        BigDecimal whole = n.setScale(0, RoundingMode.DOWN);
        String s = VnFormat.number(whole.longValueExact());
        BigDecimal frac = n.subtract(whole).abs().stripTrailingZeros();
        return frac.signum() == 0 ? s : s + "," + frac.toPlainString().substring(2);
    }

    /**
     * Checks every article's references: an unknown key is an error naming the file, line and key.
     *
     * @return whether every key is known (an article with an unknown one is not served: it would show "{{key}}")
     */
    static boolean checkReferences(Article a, String text, Facts facts, List<KbProblem> problems) {
        boolean ok = true;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = REFERENCE.matcher(lines[i]);
            while (m.find()) {
                if (!facts.has(m.group(1))) {
                    ok = false;
                    problems.add(KbProblem.error(a.file(), i + 1, "unknown fact '{{" + m.group(1) + "}}': add it to "
                            + FILE_NAME + " or correct the key"));
                }
            }
        }
        return ok;
    }

    /**
     * Parses facts.yaml. A fact whose {@code review_by} date has passed is a warning (due for a re-check, not
     * wrong yet); a malformed fact is an error.
     */
    static Loaded parse(Path file, String text, LocalDate today) {
        List<KbProblem> problems = new ArrayList<>();
        Object root;
        try {
            root = new Yaml(new LoaderOptions()).load(Normalizer.normalize(text, Normalizer.Form.NFC));
        } catch (YAMLException e) {
            int line = e instanceof MarkedYAMLException m && m.getProblemMark() != null ? m.getProblemMark().getLine() + 1 : 1;
            problems.add(KbProblem.error(file, line, "YAML error: " + e.getMessage().replaceAll("\\s+", " ")));
            return new Loaded(none(), problems);
        }
        if (root == null) return new Loaded(none(), problems);
        if (!(root instanceof Map<?, ?> map)) {
            problems.add(KbProblem.error(file, 1, "facts.yaml must map each key to its fact"));
            return new Loaded(none(), problems);
        }
        String[] lines = text.split("\n", -1);
        Map<String, Fact> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            int line = lineOf(lines, key);
            Fact f = fact(file, key, e.getValue(), line, problems);
            if (f == null) continue;
            out.put(key, f);
            if (f.reviewBy() != null && f.reviewBy().isBefore(today)) {
                problems.add(KbProblem.warning(file, line, "fact '" + key + "' was due for review on " + f.reviewBy()
                        + ": check its source and legal basis, then move 'review_by' on"));
            }
        }
        for (Fact f : out.values()) {
            if (f.derived() != null && (!out.containsKey(f.derived().of()) || out.get(f.derived().of()).derived() != null)) {
                problems.add(KbProblem.error(file, f.line(), "fact '" + f.key() + "' derives from '" + f.derived().of()
                        + "', which is not a fact with its own values"));
            }
        }
        return new Loaded(new Facts(out), problems);
    }

    private static Fact fact(Path file, String key, Object node, int line, List<KbProblem> problems) {
        if (!KEY.matcher(key).matches()) {
            problems.add(KbProblem.error(file, line, "fact key '" + key + "' must be lower-case letters, digits and _"));
            return null;
        }
        if (!(node instanceof Map<?, ?> m)) {
            problems.add(KbProblem.error(file, line, "fact '" + key + "' must have fields (values or derived, review_by)"));
            return null;
        }
        String unit = m.get("unit") == null ? null : m.get("unit").toString();
        LocalDate reviewBy = date(m.get("review_by"));
        if (reviewBy == null) {
            problems.add(KbProblem.error(file, line, "fact '" + key + "' needs 'review_by: YYYY-MM-DD'"));
        }
        if (m.get("derived") instanceof Map<?, ?> d) {
            Object of = d.get("of");
            BigDecimal times = decimal(d.get("times"));
            if (of == null || times == null) {
                problems.add(KbProblem.error(file, line, "fact '" + key + "': derived needs 'of: KEY' and 'times: NUMBER'"));
                return null;
            }
            requireText(file, key, m, "basis", line, problems);
            requireText(file, key, m, "source", line, problems);
            return new Fact(key, unit, List.of(), new Derived(of.toString(), times), reviewBy, line);
        }
        if (!(m.get("values") instanceof List<?> list) || list.isEmpty()) {
            problems.add(KbProblem.error(file, line, "fact '" + key + "' needs 'values:' (a list of value, from, basis, source) "
                    + "or 'derived:'"));
            return null;
        }
        List<Period> periods = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> p) || p.get("value") == null || date(p.get("from")) == null
                    || p.get("basis") == null || p.get("source") == null) {
                problems.add(KbProblem.error(file, line, "fact '" + key + "': each value needs value, from (YYYY-MM-DD), "
                        + "basis and source"));
                continue;
            }
            Object v = p.get("value");
            Object value = v instanceof Number ? decimal(v) : v.toString().strip();
            periods.add(new Period(value, date(p.get("from")), date(p.get("to")), p.get("basis").toString(),
                    p.get("source").toString()));
        }
        periods.sort(Comparator.comparing(Period::from));
        for (int i = 1; i < periods.size(); i++) {
            Period prev = periods.get(i - 1);
            if (prev.to() == null || !prev.to().isBefore(periods.get(i).from())) {
                problems.add(KbProblem.error(file, line, "fact '" + key + "': the value from " + prev.from()
                        + " needs 'to:' before the next one starts on " + periods.get(i).from()));
            }
        }
        return periods.isEmpty() ? null : new Fact(key, unit, List.copyOf(periods), null, reviewBy, line);
    }

    private static void requireText(Path file, String key, Map<?, ?> m, String field, int line, List<KbProblem> problems) {
        if (m.get(field) == null || m.get(field).toString().isBlank()) {
            problems.add(KbProblem.error(file, line, "fact '" + key + "' needs '" + field + ":'"));
        }
    }

    /** A YAML date (SnakeYAML gives a java.util.Date for an unquoted one) or text YYYY-MM-DD; null when neither. */
    static LocalDate date(Object o) {
        if (o instanceof Date d) return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        if (o == null) return null;
        try {
            return LocalDate.parse(o.toString().strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal decimal(Object o) {
        if (o == null) return null;
        try {
            return new BigDecimal(o.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int lineOf(String[] lines, String key) {
        for (int i = 0; i < lines.length; i++) if (lines[i].startsWith(key + ":")) return i + 1;
        return 1;
    }
}
