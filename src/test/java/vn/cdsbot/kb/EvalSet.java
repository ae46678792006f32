package vn.cdsbot.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The labelled questions in eval/*.tsv (header: article_id, style, question; article_id "-" = out of scope). */
record EvalSet(List<EvalSet.Question> questions) {

    record Question(String articleId, String style, String text, String file, int line) {
        boolean inScope() {
            return !"-".equals(articleId);
        }

        /**
         * A fixed third of the questions is the development subset used for tuning weights and thresholds; the
         * rest is held out. The split depends only on the text, so it never changes when files are reordered.
         */
        boolean dev() {
            return Math.floorMod(text.hashCode(), 3) == 0;
        }
    }

    static EvalSet load(Path dir) {
        List<Question> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 1; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isBlank()) continue;
                    String[] cols = line.split("\t", 3);
                    if (cols.length < 3) throw new IllegalArgumentException(f + ":" + (i + 1) + ": expected 3 columns");
                    out.add(new Question(cols[0].strip(), cols[1].strip(), cols[2].strip(), f.getFileName().toString(), i + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvalSet(List.copyOf(out));
    }
}
