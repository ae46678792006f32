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
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;

/**
 * The knowledge-base feature as the app plugs it in: the question answerer, its commands, its personal-data
 * eraser, and a watcher that reloads the folder within about two seconds of an edit.
 */
public final class KbFeature implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KbFeature.class);
    static final long POLL_MILLIS = 2000;

    private final KnowledgeBase kb;
    private final KbChat chat;
    private final ScheduledExecutorService watcher;

    private KbFeature(KnowledgeBase kb, Clock clock) {
        this.kb = kb;
        this.chat = new KbChat(kb, clock);
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kb-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    public static KbFeature create(BotConfig config, Clock clock) {
        return new KbFeature(open(config, clock), clock);
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

    public List<Command> commands() {
        return chat.commands();
    }

    /** #chuatraloi for editors and admins; its spreadsheet goes behind the same signed links as other exports. */
    public List<Command> editorCommands(BotConfig config, vn.cdsbot.summary.ExportStore exports, Clock clock) {
        return List.of(new KbEditors(kb, exports, config.zone(), clock).command());
    }

    /** Periodic job: the editors' weekly digest through the outbox. */
    public Runnable editorDigest(BotConfig config, vn.cdsbot.summary.ExportStore exports, Database db, Clock clock,
                                 Runnable wakeOutbox) {
        return new KbEditors(kb, exports, config.zone(), clock).digest(db,
                Duration.ofDays(config.zalo().messagingWindowDays()), wakeOutbox);
    }

    public PersonalData personalData() {
        return KbStore.ERASER;
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
