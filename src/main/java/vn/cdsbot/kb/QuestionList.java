package vn.cdsbot.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Edits an article file's {@code questions:} list in place, keeping every other line as the editor wrote it. */
final class QuestionList {
    private QuestionList() {}

    /**
     * Appends {@code question} as the last item of the block list under {@code questions:}.
     *
     * @return the 1-based line of the new item
     * @throws IllegalStateException when the file has no block list to extend or would no longer parse
     */
    static int append(Path file, String question) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int start = -1;
        for (int i = 1; i < lines.size() && !lines.get(i).strip().equals("---"); i++) {
            if (lines.get(i).stripTrailing().equals("questions:")) {
                start = i;
                break;
            }
        }
        if (start < 0) throw new IllegalStateException(file + ": no 'questions:' block list in the front matter");
        int last = start;
        String indent = "  - ";
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.matches("\\s+- .*")) {
                last = i;
                indent = l.substring(0, l.indexOf('-')) + "- ";
            } else if (!l.isBlank() && !l.startsWith(" ") || l.strip().equals("---")) {
                break;
            }
        }
        lines.add(last + 1, indent + yaml(question));
        String changed = String.join("\n", lines);
        ArticleParser.Parsed parsed = ArticleParser.parse(file, changed);
        if (!parsed.ok() || parsed.article() == null || !parsed.article().questions().contains(question)) {
            throw new IllegalStateException(file + ": the question could not be added safely; add it by hand");
        }
        try {
            Files.writeString(file, changed, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return last + 2;
    }

    /** Plain when YAML reads it back unchanged, else double-quoted. */
    static String yaml(String s) {
        boolean plain = !s.isEmpty() && "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) < 0 && !s.contains(": ")
                && !s.contains(" #") && !s.endsWith(":") && !s.matches("(?i)(true|false|yes|no|null|~|[-+0-9.].*)");
        return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
