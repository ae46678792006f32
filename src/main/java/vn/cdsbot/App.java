package vn.cdsbot;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.campaign.CampaignFeature;
import vn.cdsbot.campaign.CampaignFiguresCache;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.FileIntake;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.QuestionAnswerer;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.SenderResolver;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.dev.LocalZalo;
import vn.cdsbot.feature.Feature;
import vn.cdsbot.handoff.Handoff;
import vn.cdsbot.kb.KbFeature;
import vn.cdsbot.messaging.Inbox;
import vn.cdsbot.messaging.InboxWriter;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.messaging.OutboxSender;
import vn.cdsbot.messaging.PerUserWorker;
import vn.cdsbot.messaging.UserActivity;
import vn.cdsbot.ops.Backups;
import vn.cdsbot.ops.MetricHelp;
import vn.cdsbot.ops.OpsFeature;
import vn.cdsbot.ops.ServerLock;
import vn.cdsbot.ops.SiteVerification;
import vn.cdsbot.people.Member;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.Members;
import vn.cdsbot.people.People;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.report.Reporting;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;
import vn.cdsbot.storage.StorageException;
import vn.cdsbot.summary.DocumentDesk;
import vn.cdsbot.summary.Summaries;
import vn.cdsbot.webhook.EventProcessor;
import vn.cdsbot.webhook.RateLimiter;
import vn.cdsbot.webhook.WebhookRoutes;
import vn.cdsbot.zalo.Delivery;
import vn.cdsbot.zalo.FileDownloads;
import vn.cdsbot.zalo.RefreshingTokens;
import vn.cdsbot.zalo.TokenSource;
import vn.cdsbot.zalo.ZaloClient;
import vn.cdsbot.zalo.ZaloTexts;

/** The composition root: the only place that builds the services and wires them together. */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Javalin web;
    private final Database db;
    private final PerUserWorker<Inbox.Pending> inboxWorker;
    private final InboxWriter inboxWriter;
    private final PerUserWorker<Outbox.Row> outboxWorker;
    private final ScheduledExecutorService scheduler;
    private final OkHttpClient http;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final int port;
    private final ServerLock lock;

    private App(BotConfig given, ZaloCredentials credentials, Clock clock, DocumentDesk.Pace documents) {
        ZaloCredentials.Mode mode = credentials.mode();
        this.port = given.server().port() == 0 ? freePort() : given.server().port();
        BotConfig config = onRealPort(given, port);
        if (mode != ZaloCredentials.Mode.LOCAL && config.server().localPublicUrl()) {
            log.warn("CDSBOT_PUBLIC_URL is not set: #xuat download links point to {}, which users' phones cannot open. "
                    + "Set CDSBOT_PUBLIC_URL to the bot's public HTTPS address (the one the webhook uses).",
                    config.server().publicUrl());
        }
        this.lock = ServerLock.acquire(Path.of(config.storage().database()), "cdsbot serve");
        try {
            this.db = Database.open(Path.of(config.storage().database()), config.storage().synchronous(),
                    config.inbox().workers() + 4);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().meterFilter(new MetricHelp());
        this.http = new OkHttpClient.Builder()
                .callTimeout(Duration.ofSeconds(config.zalo().timeoutSeconds()))
                .retryOnConnectionFailure(false)   // the outbox retries; a silent resend could deliver twice
                .build();

        String apiBase = mode == ZaloCredentials.Mode.LOCAL
                ? "http://127.0.0.1:" + port + LocalZalo.API_PREFIX : config.zalo().apiBaseUrl();
        ZaloClient zalo = new ZaloClient(http, apiBase, config.zalo().oauthBaseUrl());
        TokenSource tokens = mode == ZaloCredentials.Mode.LOCAL
                ? TokenSource.fixed(credentials.accessToken())
                : new RefreshingTokens(db, zalo, credentials, clock,
                        Duration.ofHours(config.zalo().refreshHoursBeforeExpiry()), reason -> alertAdmins(db, clock));

        Inbox inbox = new Inbox(db);
        // The audit log says how each document went: as a Zalo file, or as its link when Zalo did not take the file.
        Outbox outbox = new Outbox(db, (tx, userId, fileName, reason, now) ->
                Audit.record(tx, now, userId, "document.link_instead_of_file", fileName, reason));
        OutboxSender sender = new OutboxSender(outbox, new Delivery(zalo, tokens, outbox, clock, config.zone()),
                config.outbox(), clock, metrics);
        this.outboxWorker = new PerUserWorker<>("outbox", 4, () -> outbox.dueHeads(clock.millis(), 64),
                Outbox.Row::userId, sender::send, Duration.ofSeconds(1));

        OpsFeature ops = new OpsFeature(db, inbox, outbox, tokens, mode, metrics, config.zalo().paidMessages(),
                config.zone(), clock);
        Features features = Features.wire(config, db, zalo, tokens, ops, clock, outboxWorker::wake, documents);
        closeables.addAll(features.all());
        ChatRouter router = new ChatRouter(features.commands(), features.senders(), features.answerer(), clock,
                Optional.of(features.files()));
        List<PersonalData> personalData = new ArrayList<>(features.personalData());
        personalData.addAll(List.of(inbox, outbox, UserActivity.ERASER));
        EventProcessor processor = new EventProcessor(db, router, personalData,
                new RateLimiter(config.server().rateLimitPerMinute()), clock, config.zone(), outboxWorker::wake, metrics,
                new FileDownloads(http, apiBase, FileDownloads.MAX_BYTES, FileDownloads.TIMEOUT));
        this.inboxWorker = new PerUserWorker<>("inbox", config.inbox().workers(),
                () -> inbox.pending(500).stream().filter(p -> !processor.isDeferred(p.userId())).toList(),
                Inbox.Pending::userId, p -> inbox.loadPending(p.id()).ifPresent(processor::process), Duration.ofSeconds(2));

        this.web = webServer(config);
        this.inboxWriter = new InboxWriter(inbox, 10_000, inboxWorker::wake);
        new WebhookRoutes(credentials, inboxWriter, config.server().maxBodyBytes(), clock, metrics).register(web);
        new SiteVerification(config.zalo()).register(web);
        features.all().forEach(f -> f.routes(web));
        if (mode == ZaloCredentials.Mode.LOCAL) new LocalZalo().register(web);

        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scheduler");
            t.setDaemon(true);
            return t;
        });
        if (tokens instanceof RefreshingTokens refreshing) {
            scheduler.scheduleWithFixedDelay(refreshing::refreshIfDue, 0, 10, TimeUnit.MINUTES);
        }
        long dedupeMs = Duration.ofDays(config.inbox().dedupeDays()).toMillis();
        scheduler.scheduleWithFixedDelay(() -> safely(() -> {
            inbox.purge(clock.millis() - dedupeMs);
            outbox.purge(clock.millis() - dedupeMs);   // replies are kept as long as the events they answer
        }), 1, 60, TimeUnit.MINUTES);
        features.schedules().forEach(s -> scheduler.scheduleWithFixedDelay(() -> safely(s), 5, 30, TimeUnit.SECONDS));
        Runnable dailyBackup = Backups.daily(config.backup(), db.file(), config.zone(), clock);
        scheduler.scheduleWithFixedDelay(() -> safely(dailyBackup), 1, 1, TimeUnit.MINUTES);
    }

    /**
     * A public URL on this machine (no CDSBOT_PUBLIC_URL) gets the port the server really listens on, so links work
     * at least from the machine itself whatever CDSBOT_PORT says.
     */
    static BotConfig onRealPort(BotConfig config, int port) {
        if (!config.server().localPublicUrl()) return config;
        java.net.URI u = java.net.URI.create(config.server().publicUrl().strip());
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        return config.withPublicUrl(u.getScheme() + "://" + u.getHost() + ":" + port + path);
    }

    /**
     * The HTTP server settings and error answers, shared with the benchmark's bare endpoint (so the ceiling it
     * measures is comparable) and with tests that assemble the webhook from its parts.
     */
    public static Javalin webServer(BotConfig config) {
        Javalin web = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.maxRequestSize = config.server().maxBodyBytes();
            c.useVirtualThreads = false;
        });
        web.exception(StorageException.class, (e, ctx) -> {
            log.error("Storage failure on {}: {}", ctx.path(), e.getMessage());
            ctx.status(503).json(java.util.Map.of("ok", false, "error", "storage unavailable, retry later"));
        });
        // Anything else is a bug; still an answer Zalo retries, and no request body in the log.
        web.exception(Exception.class, (e, ctx) -> {
            log.error("Unexpected failure on {}: {}", ctx.path(), e.toString(), e);
            ctx.status(500).json(java.util.Map.of("ok", false, "error", "internal error, retry later"));
        });
        return web;
    }

    /**
     * Tells every admin in chat that Zalo refuses the bot's token. Queued like any message: it reaches them as
     * soon as sending works again, and the log and /health say it meanwhile.
     */
    private static void alertAdmins(Database db, Clock clock) {
        db.inTransaction(tx -> {
            for (Member admin : Members.activeWithRole(tx, Role.ADMIN)) {
                Outbox.enqueue(tx, admin.userId(), null, List.of(Reply.text(ZaloTexts.TOKEN_REFUSED)), clock.millis());
            }
            return null;
        });
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("Scheduled task failed: {}", e.toString(), e);
        }
    }

    /** Builds and starts everything; the webhook accepts events once this returns. */
    public static App start(BotConfig config, ZaloCredentials credentials, Clock clock) {
        return start(config, credentials, clock, DocumentDesk.Pace.NORMAL);
    }

    /** With how documents are paced: tests hold a build, or wait for every document in the reply itself. */
    public static App start(BotConfig config, ZaloCredentials credentials, Clock clock, DocumentDesk.Pace documents) {
        App app = new App(config, credentials, clock, documents);
        try {
            app.web.start("0.0.0.0", app.port);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        app.inboxWorker.start();
        app.outboxWorker.start();
        return app;
    }

    public int port() {
        return port;
    }

    public Database database() {
        return db;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    @Override
    public void close() {
        web.stop();
        inboxWriter.close();
        inboxWorker.close();
        outboxWorker.close();
        scheduler.shutdownNow();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("close failed: {}", e.toString());
            }
        }
        db.close();
        lock.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /**
     * Every feature of the bot, in the order their commands are listed in #trogiup, and the two chains between
     * them: who a sender is (people) and where a plain message goes (an open guided report, else the knowledge base).
     */
    record Features(List<Feature> all, SenderResolver senders, QuestionAnswerer answerer, FileIntake files) {

        static Features wire(BotConfig config, Database db, ZaloClient zalo, TokenSource tokens, Feature ops, Clock clock,
                             Runnable wakeOutbox, DocumentDesk.Pace documents) {
            ReportingCalendar calendar = ReportingCalendar.from(config);
            People people = People.wire(config, db, zalo, tokens, clock);   // first: it syncs the units file
            Handoff handoff = Handoff.wire(config, db, clock, wakeOutbox);
            Reporting reporting = Reporting.wire(config, db, calendar, clock, wakeOutbox, List.of(handoff.reportNote()));
            CampaignFiguresCache campaignFigures = new CampaignFiguresCache();   // shared by #tiendo, #bieudo, #xuat
            Summaries summaries = Summaries.create(config, db, calendar, clock, wakeOutbox, List.of(handoff.summaryNote()),
                    documents, campaignFigures);
            KbFeature kb = KbFeature.wire(config, db, summaries.exports(), calendar, clock, wakeOutbox);
            CampaignFeature campaigns = CampaignFeature.wire(config, db, calendar, clock, wakeOutbox, campaignFigures);
            return new Features(List.of(kb, people, reporting, summaries, campaigns, handoff, ops), people.senders(),
                    handoff.answerer(reporting.answerer(kb.answerer())), campaigns.targetsFiles());
        }

        List<Command> commands() {
            return all.stream().flatMap(f -> f.commands().stream()).toList();
        }

        List<PersonalData> personalData() {
            return all.stream().flatMap(f -> f.personalData().stream()).toList();
        }

        List<Runnable> schedules() {
            return all.stream().flatMap(f -> f.schedules().stream()).toList();
        }
    }
}
