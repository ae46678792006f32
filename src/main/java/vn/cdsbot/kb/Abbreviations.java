package vn.cdsbot.kb;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import vn.cdsbot.chat.Texts;

/**
 * The editors' abbreviation and teencode map ({@code knowledge-base/abbreviations.yaml}), applied to questions
 * before analysis: each whole word found in the map is replaced by its expansion ("cccd" → "căn cước công dân").
 */
public final class Abbreviations {
    public static final String FILE_NAME = "abbreviations.yaml";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private final Map<String, String> exact;
    private final Map<String, String> folded;

    private Abbreviations(Map<String, String> exact) {
        this.exact = Map.copyOf(exact);
        Map<String, String> f = new HashMap<>();
        exact.forEach((k, v) -> f.putIfAbsent(Texts.fold(k), v));
        this.folded = Map.copyOf(f);
    }

    public static Abbreviations none() {
        return new Abbreviations(Map.of());
    }

    public static Abbreviations of(Map<String, String> map) {
        Map<String, String> m = new HashMap<>();
        map.forEach((k, v) -> m.put(key(k), nfc(v)));
        return new Abbreviations(m);
    }

    public int size() {
        return exact.size();
    }

    /** Replaces every known abbreviation in {@code text}; other characters are kept as they are. */
    public String expand(String text) {
        if (exact.isEmpty()) return text;
        String t = nfc(text);
        Matcher m = WORD.matcher(t);
        StringBuilder out = new StringBuilder(t.length() + 32);
        int last = 0;
        while (m.find()) {
            String word = m.group();
            String k = key(word);
            String repl = exact.get(k);
            // Unaccented spellings ("đk" typed as "dk", "đc" as "dc") are looked up folded too.
            if (repl == null && k.equals(Texts.stripDiacritics(k))) repl = folded.get(Texts.fold(k));
            if (repl != null) {
                out.append(t, last, m.start()).append(repl);
                last = m.end();
            }
        }
        return last == 0 ? t : out.append(t, last, t.length()).toString();
    }

    private static String key(String s) {
        return nfc(s).toLowerCase(Locale.ROOT).strip();
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    record Loaded(Abbreviations abbreviations, List<KbProblem> problems) {}

    /** Parses the file, reporting duplicate keys, keys with spaces and empty values with their lines. */
    static Loaded parse(Path file, String text) {
        List<KbProblem> problems = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!Normalizer.isNormalized(lines[i], Normalizer.Form.NFC)) {
                problems.add(KbProblem.error(file, i + 1, "text is not in Unicode NFC form; save the file as NFC"));
            }
        }
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(nfc(text)));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            problems.add(KbProblem.error(file, line, "YAML error: " + e.getProblem()));
            return new Loaded(none(), problems);
        } catch (YAMLException e) {
            problems.add(KbProblem.error(file, 1, "YAML error: " + e.getMessage()));
            return new Loaded(none(), problems);
        }
        if (root == null) return new Loaded(none(), problems);
        if (!(root instanceof MappingNode map)) {
            problems.add(KbProblem.error(file, 1, "expected lines of the form 'abbreviation: full words'"));
            return new Loaded(none(), problems);
        }
        Map<String, String> entries = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            int line = t.getKeyNode().getStartMark().getLine() + 1;
            if (!(t.getKeyNode() instanceof ScalarNode k) || !(t.getValueNode() instanceof ScalarNode v)
                    || v.getValue().isBlank()) {
                problems.add(KbProblem.error(file, line, "each entry must be 'abbreviation: full words' on one line"));
                continue;
            }
            String key = key(k.getValue());
            if (!WORD.matcher(key).matches()) {
                problems.add(KbProblem.error(file, line, "'" + k.getValue() + "' must be one word (letters and digits, no spaces)"));
                continue;
            }
            Integer before = firstLine.putIfAbsent(key, line);
            if (before != null) {
                problems.add(KbProblem.error(file, line, "'" + key + "' is already defined on line " + before));
                continue;
            }
            entries.put(key, v.getValue().strip());
        }
        return new Loaded(of(entries), problems);
    }
}
