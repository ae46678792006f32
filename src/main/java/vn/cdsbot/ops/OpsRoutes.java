package vn.cdsbot.ops;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.messaging.Inbox;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.storage.Database;
import vn.cdsbot.zalo.TokenSource;

/** GET /health (JSON, 503 when something needs a human) and GET /metrics (Prometheus text). */
public final class OpsRoutes {
    private final Database db;
    private final Inbox inbox;
    private final Outbox outbox;
    private final TokenSource tokens;
    private final ZaloCredentials.Mode mode;
    private final PrometheusMeterRegistry registry;
    private final Clock clock;

    public OpsRoutes(Database db, Inbox inbox, Outbox outbox, TokenSource tokens, ZaloCredentials.Mode mode,
                     PrometheusMeterRegistry registry, Clock clock) {
        this.db = db;
        this.inbox = inbox;
        this.outbox = outbox;
        this.tokens = tokens;
        this.mode = mode;
        this.registry = registry;
        this.clock = clock;
        registry.gauge("cdsbot_inbox_pending", this, o -> o.inbox.depth().pending());
        registry.gauge("cdsbot_outbox_pending", this, o -> o.outbox.depth().pending());
        registry.gauge("cdsbot_inbox_lag_seconds", this, o -> o.inbox.depth().oldestPendingAt()
                .map(t -> (o.clock.millis() - t) / 1000.0).orElse(0.0));
        registry.gauge("cdsbot_outbox_lag_seconds", this, o -> {
            Long t = o.outbox.depth().oldestPendingAt();
            return t == null ? 0.0 : (o.clock.millis() - t) / 1000.0;
        });
    }

    public void register(Javalin app) {
        app.get("/health", ctx -> {
            Map<String, Object> body = new LinkedHashMap<>();
            boolean healthy = true;
            body.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
            try {
                db.read(c -> c.createStatement().executeQuery("SELECT 1").next());
                body.put("database", "ok");
                Inbox.Depth in = inbox.depth();
                Outbox.Depth out = outbox.depth();
                body.put("inbox", Map.of("pending", in.pending(), "failed", in.failed(),
                        "oldest_pending_seconds", in.oldestPendingAt().map(t -> (clock.millis() - t) / 1000).orElse(0L)));
                body.put("outbox", Map.of("pending", out.pending(), "failed", out.failed(), "sent", out.sent()));
            } catch (RuntimeException e) {
                body.put("database", "error: " + e.getMessage());
                healthy = false;
            }
            body.put("token", tokens.state());
            if (mode == ZaloCredentials.Mode.PRODUCTION && !tokens.healthy()) healthy = false;
            if (mode == ZaloCredentials.Mode.BOOTSTRAP) body.put("setup", "set ZALO_OA_SECRET_KEY to start handling events");
            body.put("status", healthy ? "ok" : "degraded");
            ctx.status(healthy ? 200 : 503).json(body);
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    }
}
