package vn.cdsbot.kb;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one article file: YAML front matter between two {@code ---} lines, then the body. Every problem
 * carries the line in the file it refers to, so editors can jump to it.
 */
final class ArticleParser {
    static final int MIN_QUESTIONS = 6;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SERVICE = Pattern.compile("dv(0[1-9]|1[0-9]|2[0-5])|vneid|general");
    private static final Set<String> FIELDS = Set.of("id", "service", "title", "questions", "keywords", "sources");

    record Parsed(Article article, List<KbProblem> problems) {
        boolean ok() {
            return article != null && problems.stream().noneMatch(KbProblem::isError);
        }
    }

    private final Path file;
    private final List<KbProblem> problems = new ArrayList<>();

    private ArticleParser(Path file) {
        this.file = file;
    }

    static Parsed parse(Path file, String text) {
        return new ArticleParser(file).run(text);
    }

    private Parsed run(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!Normalizer.isNormalized(lines[i], Normalizer.Form.NFC)) {
                problems.add(KbProblem.error(file, i + 1,
                        "text is not in Unicode NFC form (typed with a decomposing keyboard?); save the file as NFC"));
            }
        }
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(KbProblem.error(file, 1, "the file must start with a '---' line (YAML front matter)"));
            return new Parsed(null, problems);
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problems.add(KbProblem.error(file, 1, "the front matter is not closed by a second '---' line"));
            return new Parsed(null, problems);
        }
        String frontMatter = nfc(String.join("\n", java.util.Arrays.copyOfRange(lines, 1, close)));
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(frontMatter));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 2 : 1;
            problems.add(KbProblem.error(file, line, "YAML error: " + oneLine(e.getProblem())
                    + (e.getContext() != null ? " (" + oneLine(e.getContext()) + ")" : "")));
            return new Parsed(null, problems);
        } catch (YAMLException e) {
            problems.add(KbProblem.error(file, 2, "YAML error: " + oneLine(e.getMessage())));
            return new Parsed(null, problems);
        }
        if (!(root instanceof MappingNode map)) {
            problems.add(KbProblem.error(file, 2, "the front matter must be a mapping of fields (id:, service:, …)"));
            return new Parsed(null, problems);
        }
        String body = bodyOf(lines, close);
        return new Parsed(buildArticle(map, body, close + 2), problems);
    }

    private Article buildArticle(MappingNode map, String body, int bodyLine) {
        Set<String> seen = new HashSet<>();
        String id = null, service = null, title = null;
        List<String> questions = null, keywords = null;
        List<Article.Source> sources = null;
        for (NodeTuple t : map.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
            Node value = t.getValueNode();
            int line = lineOf(t.getKeyNode());
            if (!seen.add(key)) {
                problems.add(KbProblem.error(file, line, "field '" + key + "' appears twice"));
                continue;
            }
            switch (key) {
                case "id" -> id = scalar(value, key);
                case "service" -> service = scalar(value, key);
                case "title" -> title = scalar(value, key);
                case "questions" -> questions = strings(value, key);
                case "keywords" -> keywords = strings(value, key);
                case "sources" -> sources = sources(value);
                default -> problems.add(KbProblem.error(file, line, "unknown field '" + key + "' (allowed: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")"));
            }
        }
        int top = lineOf(map);
        for (String f : List.of("id", "service", "title", "questions", "keywords", "sources")) {
            if (!seen.contains(f)) problems.add(KbProblem.error(file, top, "missing field '" + f + "'"));
        }
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(KbProblem.error(file, lineOfField(map, "id"),
                    "id '" + id + "' must be lowercase letters, digits and single dashes (e.g. cap-lai-the-can-cuoc)"));
        }
        if (service != null && !SERVICE.matcher(service).matches()) {
            problems.add(KbProblem.error(file, lineOfField(map, "service"),
                    "service '" + service + "' must be dv01…dv25, vneid or general"));
        }
        if (title != null && title.isBlank()) problems.add(KbProblem.error(file, lineOfField(map, "title"), "title is empty"));
        if (questions != null && questions.size() < MIN_QUESTIONS) {
            problems.add(KbProblem.error(file, lineOfField(map, "questions"), "only " + questions.size()
                    + " question variants; write at least " + MIN_QUESTIONS + " as people really ask"));
        }
        if (keywords != null && keywords.isEmpty()) {
            problems.add(KbProblem.error(file, lineOfField(map, "keywords"), "keywords is empty"));
        }
        if (sources != null && sources.isEmpty()) {
            problems.add(KbProblem.error(file, lineOfField(map, "sources"), "at least one valid source (url, checked) is needed"));
        }
        if (body.isBlank()) problems.add(KbProblem.error(file, bodyLine, "the article has no body after the front matter"));
        if (body.contains("[cần kiểm]")) {
            problems.add(KbProblem.error(file, bodyLine, "the body still contains a [cần kiểm] marker: confirm the figure "
                    + "against an official source or point readers to where to check it"));
        }
        if (id == null || service == null || title == null || questions == null || keywords == null
                || sources == null || sources.isEmpty()) {
            return null;
        }
        return new Article(id, service, title, questions, keywords, sources, body, file);
    }

    private List<Article.Source> sources(Node value) {
        List<Article.Source> out = new ArrayList<>();
        if (!(value instanceof SequenceNode seq)) {
            problems.add(KbProblem.error(file, lineOf(value), "sources must be a list of '- url: …' / 'checked: YYYY-MM-DD' items"));
            return out;
        }
        for (Node item : seq.getValue()) {
            if (!(item instanceof MappingNode m)) {
                problems.add(KbProblem.error(file, lineOf(item), "each source needs 'url:' and 'checked:'"));
                continue;
            }
            String url = null;
            LocalDate checked = null;
            LocalDate published = null;
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                int line = lineOf(t.getValueNode());
                switch (key) {
                    case "url" -> {
                        url = scalar(t.getValueNode(), "url");
                        if (url != null && !url.matches("https?://[^\\s/]+\\.[^\\s]+")) {
                            problems.add(KbProblem.error(file, line, "source url '" + url + "' is not an http(s) address"));
                            url = null;
                        }
                    }
                    case "checked" -> {
                        String s = scalar(t.getValueNode(), "checked");
                        try {
                            checked = s == null ? null : LocalDate.parse(s);
                        } catch (DateTimeParseException e) {
                            problems.add(KbProblem.error(file, line, "checked '" + s + "' is not a date like 2026-11-20"));
                        }
                    }
                    case "published" -> {
                        String s = scalar(t.getValueNode(), "published");
                        try {
                            published = s == null ? null : LocalDate.parse(s);
                        } catch (DateTimeParseException e) {
                            problems.add(KbProblem.error(file, line, "published '" + s + "' is not a date like 2025-07-01"));
                        }
                    }
                    default -> problems.add(KbProblem.error(file, lineOf(t.getKeyNode()),
                            "unknown source field '" + key + "' (allowed: url, checked, published)"));
                }
            }
            if (url == null || checked == null) {
                if (m.getValue().stream().noneMatch(t -> "url".equals(keyOf(t)))) {
                    problems.add(KbProblem.error(file, lineOf(m), "source without 'url:'"));
                }
                if (m.getValue().stream().noneMatch(t -> "checked".equals(keyOf(t)))) {
                    problems.add(KbProblem.error(file, lineOf(m), "source without 'checked:' date"));
                }
                continue;
            }
            out.add(new Article.Source(url, checked, published));
        }
        return out;
    }

    private String scalar(Node value, String key) {
        if (value instanceof ScalarNode s && !s.getValue().isBlank()) return s.getValue().strip();
        problems.add(KbProblem.error(file, lineOf(value), "'" + key + "' must be a single non-empty text value"));
        return null;
    }

    private List<String> strings(Node value, String key) {
        if (!(value instanceof SequenceNode seq)) {
            problems.add(KbProblem.error(file, lineOf(value), "'" + key + "' must be a list"));
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(s.getValue().strip());
            } else {
                problems.add(KbProblem.error(file, lineOf(item), "each item of '" + key + "' must be a non-empty text"));
            }
        }
        return out;
    }

    private static String keyOf(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
    }

    private int lineOfField(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (key.equals(keyOf(t))) return lineOf(t.getKeyNode());
        }
        return lineOf(map);
    }

    /** Front-matter YAML starts on file line 2; marks are 0-based. */
    private static int lineOf(Node n) {
        return n.getStartMark() == null ? 2 : n.getStartMark().getLine() + 2;
    }

    private static String bodyOf(String[] lines, int close) {
        StringBuilder b = new StringBuilder();
        for (int i = close + 1; i < lines.length; i++) b.append(lines[i].stripTrailing()).append('\n');
        return nfc(b.toString().strip());
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
