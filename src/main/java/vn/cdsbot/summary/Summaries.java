package vn.cdsbot.summary;

import io.javalin.Javalin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.feature.Feature;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;

/**
 * The steering-committee summaries feature, wired: the commands #tonghop, #chuabaocao, #bieudo and #xuat, the
 * export download route, the weekly digest and export clean-up jobs, and the eraser for what it stores per user.
 */
public final class Summaries implements Feature {
    private static final Logger log = LoggerFactory.getLogger(Summaries.class);
    private final List<Command> commands;
    private final ExportRoutes routes;
    private final Digest digest;
    private final ExportStore exports;
    private final Database db;
    private final Clock clock;
    private final Runnable warmUp;
    private final DocumentDesk desk;
    private final AtomicBoolean warm = new AtomicBoolean();

    private Summaries(List<Command> commands, ExportRoutes routes, Digest digest, ExportStore exports, Database db,
                      Clock clock, DocumentDesk desk, Runnable warmUp) {
        this.desk = desk;
        this.commands = commands;
        this.routes = routes;
        this.digest = digest;
        this.exports = exports;
        this.db = db;
        this.clock = clock;
        this.warmUp = warmUp;
    }

    public static Summaries create(BotConfig config, Database db, ReportingCalendar calendar, Clock clock,
                                   Runnable wakeOutbox) {
        return create(config, db, calendar, clock, wakeOutbox, List.of());
    }

    /** With lines other features add under #tonghop ({@code notes}), e.g. the hand-off's ticket counts. */
    public static Summaries create(BotConfig config, Database db, ReportingCalendar calendar, Clock clock,
                                   Runnable wakeOutbox, List<vn.cdsbot.feature.ScopeNote> notes) {
        return create(config, db, calendar, clock, wakeOutbox, notes, DocumentDesk.Pace.NORMAL,
                vn.cdsbot.campaign.CampaignFigures.Source.READ);
    }

    /** With how documents are paced ({@link DocumentDesk.Pace}): tests hold or wait for builds through it. */
    public static Summaries create(BotConfig config, Database db, ReportingCalendar calendar, Clock clock,
                                   Runnable wakeOutbox, List<vn.cdsbot.feature.ScopeNote> notes, DocumentDesk.Pace pace) {
        return create(config, db, calendar, clock, wakeOutbox, notes, pace, vn.cdsbot.campaign.CampaignFigures.Source.READ);
    }

    /** With where campaign figures come from for #bieudo CD1 and the #xuat campaign sheet (the cache #tiendo uses). */
    public static Summaries create(BotConfig config, Database db, ReportingCalendar calendar, Clock clock,
                                   Runnable wakeOutbox, List<vn.cdsbot.feature.ScopeNote> notes,
                                   vn.cdsbot.campaign.CampaignFigures.Source campaignFigures) {
        return create(config, db, calendar, clock, wakeOutbox, notes, DocumentDesk.Pace.NORMAL, campaignFigures);
    }

    /** Everything given: the document pace and the campaign figures source. */
    public static Summaries create(BotConfig config, Database db, ReportingCalendar calendar, Clock clock,
                                   Runnable wakeOutbox, List<vn.cdsbot.feature.ScopeNote> notes, DocumentDesk.Pace pace,
                                   vn.cdsbot.campaign.CampaignFigures.Source campaignFigures) {
        Settings settings = Settings.from(config, calendar);
        Summarizer summarizer = new Summarizer(settings);
        SummaryTexts texts = new SummaryTexts(settings);
        ExportStore exports = new ExportStore(settings.publicUrl(), settings.exportLinkLifetime());
        ChartRenderer charts = new ChartRenderer();
        ExcelExport excel = new ExcelExport(settings);
        DocumentDesk desk = new DocumentDesk(db, clock, wakeOutbox, pace);
        SummaryCommands commands = new SummaryCommands(settings, summarizer, texts, charts, excel, exports, desk, notes,
                campaignFigures);
        return new Summaries(commands.all(), new ExportRoutes(db, exports, clock),
                new Digest(db, settings, summarizer, texts, clock, wakeOutbox), exports, db, clock, desk,
                () -> warmUp(db, settings, summarizer, charts, excel, campaignFigures, clock));
    }

    /**
     * Loads the report cache and the figures of the running campaigns, and runs the chart, spreadsheet and report draft
     * code once on tiny data, so the first request after a restart answers as fast as the next ones (class loading and
     * the first full read take ~1 s; a province's 90-day campaign, seconds).
     */
    private static void warmUp(Database db, Settings settings, Summarizer summarizer, ChartRenderer charts,
                               ExcelExport excel, vn.cdsbot.campaign.CampaignFigures.Source campaignFigures, Clock clock) {
        long started = System.nanoTime();
        db.read(summarizer::values);
        db.read(c -> {
            for (vn.cdsbot.campaign.Campaign running : vn.cdsbot.campaign.Campaigns.runningOn(c,
                    settings.calendar().today(clock.instant()))) {
                campaignFigures.of(c, running);
            }
            return null;
        });
        Week week = settings.calendar().defaultWeek(clock.instant());
        UnitTree tree = UnitTree.of(List.of(new Unit("X", "Đơn vị", null, settings.levels().kinds().get(0), true)));
        ScopeSummary s = summarizer.compute(tree, tree.root(), week, java.util.Map.of(), java.util.Map.of(),
                new long[settings.indicators().size()], clock.instant());
        excel.build(new ExcelExport.Input(tree, s, java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), List.of(), java.util.Map.of(),
                clock.instant()));
        charts.render("Tuần", "Đơn vị", List.of(new ChartRenderer.Point(week, 1L, 1, false)),
                List.of(new ChartRenderer.Bar("A", 1L)), 1);
        new ReportDraft(settings).build(new ReportDraft.Input(s, List.of(new ReportDraft.Row(tree.root(), s.total())),
                List.of(), settings.calendar().today(clock.instant())));
        log.info("Summaries warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Runs the warm-up now (the periodic job does it on its first run). */
    public void warmUp() {
        if (warm.compareAndSet(false, true)) warmUp.run();
    }

    @Override
    public List<Command> commands() {
        return commands;
    }

    /** Signed expiring download links, shared with other features that hand out files. */
    public ExportStore exports() {
        return exports;
    }

    @Override
    public void routes(Javalin web) {
        routes.register(web);
    }

    /** Every 30 s: the weekly digest when due, waiting digests, expired exports. */
    @Override
    public List<Runnable> schedules() {
        return List.of(this::runSchedule);
    }

    /** One run of the periodic job. */
    public void runSchedule() {
        warmUp();
        digest.run();
        db.inTransaction(tx -> {
            exports.purge(tx, clock.instant());
            return null;
        });
    }

    /**
     * A secretariat member's digest that waited because they were outside Zalo's messaging window, as replies to
     * append to the reply of their message (call inside that message's transaction). Empty when nothing waits.
     * Optional: without this hook the periodic job delivers it within 30 s of their message.
     */
    public List<Reply> releasePendingDigest(Connection tx, String userId, Instant now) throws Exception {
        return digest.releasePending(tx, userId, now);
    }

    /** Lets document builds under way finish and queue their documents. */
    @Override
    public void close() {
        desk.close();
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of((tx, userId) -> {
            for (String sql : List.of("DELETE FROM summary_pending_digests WHERE user_id = ?",
                    "DELETE FROM summary_exports WHERE created_by = ?")) {
                try (PreparedStatement ps = tx.prepareStatement(sql)) {
                    ps.setString(1, userId);
                    ps.executeUpdate();
                }
            }
        });
    }
}
