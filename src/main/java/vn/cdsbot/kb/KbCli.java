package vn.cdsbot.kb;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.storage.Database;

/** The knowledge-base commands of the command line: ask, ask --batch, kb check, kb unanswered, kb accept. */
public final class KbCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KbCli() {}

    /** Prints the reply exactly as a user would see it: the text, then one line per button. */
    public static int ask(BotConfig config, String question, Clock clock, PrintStream out) {
        KnowledgeBase kb = KbFeature.open(config, clock);
        for (Reply r : replies(kb, question)) print(r, out);
        return 0;
    }

    /** The replies the chat would send, without storing anything. */
    static List<Reply> replies(KnowledgeBase kb, String question) {
        return List.of(SmallTalk.reply(question).or(() -> OtherApps.reply(question))
                .orElseGet(() -> KbReplies.forDecision(kb.ask(question), kb::shown)));
    }

    static void print(Reply r, PrintStream out) {
        if (r instanceof Reply.Text t) {
            out.println(t.text());
            for (Button b : t.buttons()) out.println("[" + b.title() + "] → " + b.payload());
        } else if (r instanceof Reply.Image i) {
            out.println("[ảnh PNG " + i.png().length + " byte] " + i.caption());
        } else if (r instanceof Reply.File f) {
            out.println("[tệp " + f.fileName() + ", " + f.content().length + " byte]");
        }
    }

    /** One JSON object per non-empty line of {@code file}. */
    public static int askBatch(BotConfig config, Path file, Clock clock, PrintStream out) {
        KnowledgeBase kb = KbFeature.open(config, clock);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (String line : lines) {
            String q = line.strip();
            if (q.isEmpty()) continue;
            out.println(batchLine(q, kb.ask(q)));
        }
        return 0;
    }

    /** One line of {@code ask --batch}: the knowledge base's decision and its top article. */
    record BatchLine(String question, String decision, String service, String article, double score) {
        static BatchLine of(String question, AnswerPolicy.Decision d) {
            Article top = d.hits().isEmpty() ? null : d.hits().get(0).article();
            return new BatchLine(question, d.kind().name().toLowerCase(Locale.ROOT), top == null ? null : top.service(),
                    top == null ? null : top.id(), Math.round(d.confidence() * 1000) / 1000.0);
        }
    }

    static String batchLine(String question, AnswerPolicy.Decision d) {
        try {
            return JSON.writeValueAsString(BatchLine.of(question, d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates every file; prints one {@code file:line: level: message} line per problem and a summary.
     * Exit 1 on any error (or on warnings too with {@code strict}), else 0.
     */
    public static int check(BotConfig config, Path dirOverride, boolean strict, Clock clock, PrintStream out) {
        Path dir = dirOverride != null ? dirOverride : Path.of(config.kb().dir());
        KbLoader.Snapshot s = KbLoader.load(dir, LocalDate.now(clock.withZone(config.zone())), config.kb().staleAfterDays());
        s.problems().forEach(out::println);
        long errors = s.errors().size();
        long warnings = s.problems().size() - errors;
        out.println("kb check: " + s.articles().size() + " valid articles, " + s.abbreviations().size()
                + " abbreviations, " + errors + " error(s), " + warnings + " warning(s) in " + dir);
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }

    /** Prints the last {@code days} days' unanswered questions and "Chưa đúng" feedback, grouped by article. */
    public static int unanswered(BotConfig config, int days, Clock clock, PrintStream out, PrintStream err) {
        if (days < 1 || days > 365) {
            err.println("--days: expected 1..365, got " + days);
            return 2;
        }
        KnowledgeBase kb = KbFeature.open(config, clock);
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        try (Database db = Database.open(Path.of(config.storage().database()), config.storage().synchronous(), 2)) {
            EditorQueue q = db.read(c -> EditorQueue.load(c, EditorQueue.Period.lastDays(today, days), config.zone(),
                    kb::article));
            out.println(q.fullText());
        }
        return 0;
    }

    /**
     * Adds the question behind {@code ref} (C12, P5) to the {@code questions:} list of the article's file. The file
     * is changed on disk for the editor to review and commit; nothing is changed when the result would not pass
     * the check.
     */
    public static int accept(BotConfig config, String ref, String articleId, Clock clock, PrintStream out,
                             PrintStream err) {
        Path dir = Path.of(config.kb().dir());
        Optional<String> question;
        try (Database db = Database.open(Path.of(config.storage().database()), config.storage().synchronous(), 2)) {
            question = db.read(c -> KbStore.questionOf(c, ref.strip()));
        }
        if (question.isEmpty() || question.get().isBlank()) {
            err.println("no kept question with reference '" + ref + "' (C12 = unanswered question, P5 = \"Chưa đúng\", "
                    + "HT-4821 = a closed hand-off ticket; see kb unanswered)");
            return 1;
        }
        return addQuestion(config, question.get(), articleId, clock, out, err);
    }

    /**
     * Adds {@code question} (from a kept question, or a closed hand-off ticket) to the {@code questions:} list of the
     * article, on disk for the editor to review and commit; nothing changes when the result would not pass the check.
     */
    public static int addQuestion(BotConfig config, String question, String articleId, Clock clock, PrintStream out,
                                  PrintStream err) {
        Path dir = Path.of(config.kb().dir());
        KbLoader.Snapshot s = KbLoader.load(dir, LocalDate.now(clock.withZone(config.zone())), config.kb().staleAfterDays());
        Optional<Article> target = s.articles().stream().filter(a -> a.id().equals(articleId)).findFirst();
        if (target.isEmpty()) {
            err.println("no article with id '" + articleId + "' in " + dir);
            return 1;
        }
        String q = Normalizer.normalize(question.replaceAll("\\s+", " ").strip(), Normalizer.Form.NFC);
        for (Article a : s.articles()) {
            if (a.questions().stream().anyMatch(x -> Texts.fold(x).equals(Texts.fold(q)))) {
                err.println("\"" + q + "\" is already a question of " + a.id() + " (" + a.file() + ")");
                return 1;
            }
        }
        try {
            int line = QuestionList.append(target.get().file(), q);
            out.println("Đã thêm vào " + target.get().file() + " dòng " + line + ": " + q);
            out.println("Xem lại bằng git diff, chạy kb check, rồi commit tệp này.");
            return 0;
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** Where draft articles go: beside the articles, in a folder the knowledge base does not read. */
    public static final String DRAFTS = "drafts";

    /**
     * Writes a draft article from a question and the answer a person gave, to {@code <kb.dir>/drafts/<name>.md}: the
     * knowledge base reads only the folder itself, so a draft answers nobody until an editor completes it (id,
     * service, keywords, a source checked today), passes kb check, and moves it up. Refuses to overwrite a draft.
     */
    public static int draft(BotConfig config, String name, String question, String answer, String origin, Clock clock,
                            PrintStream out, PrintStream err) {
        Path dir = Path.of(config.kb().dir()).resolve(DRAFTS);
        Path file = dir.resolve(name + ".md");
        if (Files.exists(file)) {
            err.println(file + " already exists: edit it, or delete it to write it again");
            return 1;
        }
        String q = Normalizer.normalize(question.replaceAll("\\s+", " ").strip(), Normalizer.Form.NFC);
        String body = Normalizer.normalize(answer.strip(), Normalizer.Form.NFC);
        String text = "---\n"
                + "# BẢN NHÁP từ " + origin + ", " + LocalDate.now(clock.withZone(config.zone())) + ". Chưa dùng để trả lời ai:\n"
                + "# đặt id, service, keywords, thêm câu hỏi mẫu (ít nhất 6) và nguồn chính thức đã đọc, viết lại nội dung,\n"
                + "# chạy kb check, rồi chuyển tệp lên thư mục " + config.kb().dir() + ".\n"
                + "id: " + name + "\n"
                + "service: \"\"\n"
                + "title: " + QuestionList.yaml(q) + "\n"
                + "questions:\n"
                + "  - " + QuestionList.yaml(q) + "\n"
                + "keywords: []\n"
                + "sources: []\n"
                + "---\n"
                + body + "\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("Đã viết bản nháp " + file + " (chưa dùng để trả lời). Hoàn thiện bài, chạy kb check, rồi chuyển lên "
                + config.kb().dir() + ".");
        return 0;
    }
}
