package vn.cdsbot.kb;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.QuestionAnswerer;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.feature.Feature;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;
import vn.cdsbot.summary.ExportStore;

/**
 * The knowledge-base feature as the app plugs it in: the question answerer, its commands, its personal-data
 * eraser, and a watcher that reloads the folder within about two seconds of an edit.
 */
public final class KbFeature implements Feature {
    private static final Logger log = LoggerFactory.getLogger(KbFeature.class);
    static final long POLL_MILLIS = 2000;

    private final KnowledgeBase kb;
    private final KbChat chat;
    private final ScheduledExecutorService watcher;
    private final List<Runnable> schedules;
    private final List<Command> editorCommands;

    private KbFeature(KnowledgeBase kb, Clock clock, List<Runnable> schedules, List<Command> editorCommands) {
        this.kb = kb;
        this.schedules = schedules;
        this.editorCommands = editorCommands;
        this.chat = new KbChat(kb, clock);
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kb-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The feature as the app runs it: answering; the editors' #chuatraloi with its sheet behind the summaries'
     * signed links and their Monday digest; dropping old questions from {@code db}.
     */
    public static KbFeature wire(BotConfig config, Database db, ExportStore exports, ReportingCalendar calendar, Clock clock,
                                 Runnable wakeOutbox) {
        KnowledgeBase kb = open(config, clock);
        KbEditors editors = new KbEditors(kb, exports, calendar, clock);
        return new KbFeature(kb, clock, List.of(retention(config, db, clock),
                editors.digest(db, new MessagingWindow(config.zalo().paidMessages()), wakeOutbox)),
                List.of(editors.command()));
    }

    /** Answering only, without periodic jobs or editors' commands (tests of the answers). */
    public static KbFeature create(BotConfig config, Clock clock) {
        return new KbFeature(open(config, clock), clock, List.of(), List.of());
    }

    /** The knowledge base alone (for the command line). */
    public static KnowledgeBase open(BotConfig config, Clock clock) {
        BotConfig.Kb c = config.kb();
        return KnowledgeBase.open(Path.of(c.dir()), clock, config.zone(), c.staleAfterDays(),
                new AnswerPolicy(c.answerThreshold(), c.clarifyThreshold()));
    }

    private void poll() {
        try {
            kb.reloadIfChanged();
        } catch (RuntimeException e) {
            log.error("Knowledge base reload failed; the previous version keeps serving: {}", e.toString(), e);
        }
    }

    public KnowledgeBase knowledgeBase() {
        return kb;
    }

    public QuestionAnswerer answerer() {
        return chat;
    }

    /** Whether a reply is the knowledge base's honest "no information" (after which a person may be offered). */
    public static boolean isFallback(vn.cdsbot.chat.Reply reply) {
        return KbReplies.fallback().equals(reply);
    }

    /** Whether a reply thanks the user for saying what was wrong after "Chưa đúng" (a person may be offered then). */
    public static boolean isCommentThanks(vn.cdsbot.chat.Reply reply) {
        return KbReplies.thanksComment().equals(reply);
    }

    /** Whether a reply is an article given as the answer (it carries the feedback buttons). */
    public static boolean isArticleAnswer(vn.cdsbot.chat.Reply reply) {
        return reply instanceof vn.cdsbot.chat.Reply.Text t
                && t.buttons().stream().anyMatch(b -> b.payload().startsWith("#" + KbReplies.HELPFUL + " "));
    }

    @Override
    public List<Command> commands() {
        List<Command> all = new java.util.ArrayList<>(chat.commands());
        all.addAll(editorCommands);
        return all;
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of(KbStore.ERASER);
    }

    @Override
    public List<Runnable> schedules() {
        return schedules;
    }

    /** Periodic job: drops stored questions and feedback older than {@code kb.keep_questions_days}. */
    public static Runnable retention(BotConfig config, Database db, Clock clock) {
        int days = config.kb().keepQuestionsDays();
        if (days < 1) throw new ConfigException("kb.keep_questions_days must be at least 1");
        return () -> db.inTransaction(tx -> KbStore.purge(tx, clock.instant().minus(Duration.ofDays(days)).toEpochMilli()));
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
