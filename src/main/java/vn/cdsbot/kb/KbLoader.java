package vn.cdsbot.kb;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads and validates the whole knowledge-base folder: every {@code *.md} article plus the abbreviation map.
 * Errors make the content unusable (the bot keeps its previous index); warnings (an old "checked" date)
 * are reported but do not block: the text has not become wrong on that day, it is only due for a re-check.
 */
public final class KbLoader {
    static final int MAX_BODY_CHARS = 1500;
    static final int MAX_REPLY_CHARS = 2000;

    /** The folder's content as read, with every problem found. */
    public record Snapshot(List<Article> articles, Abbreviations abbreviations, Facts facts, List<KbProblem> problems) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(KbProblem::isError);
        }

        public List<KbProblem> errors() {
            return problems.stream().filter(KbProblem::isError).toList();
        }
    }

    private KbLoader() {}

    /**
     * @param today the date "checked" dates are compared with
     * @param staleAfterDays a source checked longer ago than this gets a warning
     */
    public static Snapshot load(Path dir, LocalDate today, int staleAfterDays) {
        List<KbProblem> problems = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(KbProblem.error(dir, 1, "knowledge-base folder not found"));
            return new Snapshot(List.of(), Abbreviations.none(), Facts.none(), problems);
        }
        Facts facts = Facts.none();
        Path factsFile = dir.resolve(Facts.FILE_NAME);
        if (Files.isRegularFile(factsFile)) {
            try {
                Facts.Loaded loaded = Facts.parse(factsFile, read(factsFile), today);
                problems.addAll(loaded.problems());
                facts = loaded.facts();
            } catch (IOException e) {
                problems.add(KbProblem.error(factsFile, 1, "cannot read as UTF-8 text: " + e.getMessage()));
            }
        }
        Map<String, SourceHygiene.Change> changes = Map.of();
        Path changesFile = dir.resolve(SourceHygiene.CHANGES_FILE);
        if (Files.isRegularFile(changesFile)) {
            try {
                changes = SourceHygiene.parseChanges(changesFile, read(changesFile), problems);
            } catch (IOException e) {
                problems.add(KbProblem.error(changesFile, 1, "cannot read as UTF-8 text: " + e.getMessage()));
            }
        }
        Map<String, Path> ids = new HashMap<>();
        for (Path file : articleFiles(dir)) {
            String text;
            try {
                text = read(file);
            } catch (IOException e) {
                problems.add(KbProblem.error(file, 1, "cannot read as UTF-8 text: " + e.getMessage()));
                continue;
            }
            ArticleParser.Parsed parsed = ArticleParser.parse(file, text);
            problems.addAll(parsed.problems());
            Article a = parsed.article();
            if (a == null) continue;
            Path first = ids.putIfAbsent(a.id(), file);
            if (first != null) {
                problems.add(KbProblem.error(file, lineOf(text, "id:"), "id '" + a.id() + "' is already used by " + first));
                continue;
            }
            boolean factsKnown = Facts.checkReferences(a, text, facts, problems);
            checkLength(a, facts, today, text, problems);
            checkDates(a, text, today, staleAfterDays, problems);
            SourceHygiene.check(a, text, changes, problems);
            if (parsed.ok() && factsKnown) articles.add(a);
        }
        if (articles.isEmpty() && problems.isEmpty()) problems.add(KbProblem.error(dir, 1, "no articles (*.md) found"));

        Abbreviations abbreviations = Abbreviations.none();
        Path abbrFile = dir.resolve(Abbreviations.FILE_NAME);
        if (Files.isRegularFile(abbrFile)) {
            try {
                Abbreviations.Loaded loaded = Abbreviations.parse(abbrFile, read(abbrFile));
                problems.addAll(loaded.problems());
                abbreviations = loaded.abbreviations();
            } catch (IOException e) {
                problems.add(KbProblem.error(abbrFile, 1, "cannot read as UTF-8 text: " + e.getMessage()));
            }
        } else {
            problems.add(KbProblem.warning(abbrFile, 1, "no abbreviation map: cccd, gplx, đk… will not be understood"));
        }
        return new Snapshot(List.copyOf(articles), abbreviations, facts, List.copyOf(problems));
    }

    static List<Path> articleFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Every file whose change should trigger a reload. */
    static List<Path> watchedFiles(Path dir) {
        List<Path> files = new ArrayList<>(articleFiles(dir));
        for (String name : List.of(Abbreviations.FILE_NAME, Facts.FILE_NAME, SourceHygiene.CHANGES_FILE)) {
            Path f = dir.resolve(name);
            if (Files.isRegularFile(f)) files.add(f);
        }
        return files;
    }

    /** Lengths as shown today, with the facts' values in place of their {{keys}}. */
    private static void checkLength(Article raw, Facts facts, LocalDate today, String text, List<KbProblem> problems) {
        Article a = raw.withBody(facts.render(raw.body(), today));
        int bodyLine = bodyLine(text);
        if (a.body().length() > MAX_BODY_CHARS) {
            problems.add(KbProblem.error(a.file(), bodyLine, "the body has " + a.body().length()
                    + " characters; keep it at most " + MAX_BODY_CHARS + " (move details to the source link)"));
        }
        int reply = KbReplies.answerText(a).length();
        if (reply > MAX_REPLY_CHARS) {
            problems.add(KbProblem.error(a.file(), bodyLine, "the reply (title, body, source line) has " + reply
                    + " characters; Zalo shows at most " + MAX_REPLY_CHARS + " in one message"));
        }
    }

    private static void checkDates(Article a, String text, LocalDate today, int staleAfterDays,
                                   List<KbProblem> problems) {
        for (Article.Source s : a.sources()) {
            int line = lineOf(text, s.url());
            if (s.checked().isAfter(today.plusYears(1))) {
                problems.add(KbProblem.error(a.file(), line + 1, "checked date " + s.checked() + " is in the future"));
            } else if (s.checked().isAfter(today)) {
                // A rehearsal clock set back (CDSBOT_CLOCK) must not take articles away; a year ahead is a typo.
                problems.add(KbProblem.warning(a.file(), line + 1, "checked date " + s.checked() + " is after today ("
                        + today + "): a typo, or the bot's clock is set back for a rehearsal"));
            } else if (ChronoUnit.DAYS.between(s.checked(), today) > staleAfterDays) {
                problems.add(KbProblem.warning(a.file(), line + 1, "source last checked " + s.checked() + ", more than "
                        + staleAfterDays + " days ago: re-check " + s.url() + " and update 'checked'"));
            }
        }
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        return 1;
    }

    private static int bodyLine(String text) {
        String[] lines = text.split("\n", -1);
        int dashes = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals("---") && ++dashes == 2) return i + 2;
        }
        return 1;
    }

    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new IOException("not valid UTF-8", e);
        }
    }
}
