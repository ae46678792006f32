package vn.cdsbot.kb;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.config.BotConfig;

/** The knowledge-base commands of the command line: ask, ask --batch, kb check. */
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
                .orElseGet(() -> KbReplies.forDecision(kb.ask(question))));
    }

    static void print(Reply r, PrintStream out) {
        if (r instanceof Reply.Text t) {
            out.println(t.text());
            for (Button b : t.buttons()) out.println("[" + b.title() + "] → " + b.payload());
        } else if (r instanceof Reply.Image i) {
            out.println("[ảnh PNG " + i.png().length + " byte] " + i.caption());
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
}
