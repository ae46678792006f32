package vn.cdsbot.webhook;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.messaging.Inbox;
import vn.cdsbot.messaging.InboxWriter;
import vn.cdsbot.storage.StorageException;

/**
 * POST /webhook/zalo: verify over the raw body, commit to the inbox (group commit, {@link InboxWriter}), answer
 * 200. Nothing slow happens here: Zalo gives up after 2 seconds.
 */
public final class WebhookRoutes {
    private static final Logger log = LoggerFactory.getLogger(WebhookRoutes.class);
    public static final String PATH = "/webhook/zalo";

    private final ZaloCredentials credentials;
    private final SignatureVerifier verifier;
    /** Zalo waits about 2 s for the answer; past this the event is answered 503 and Zalo sends it again. */
    static final long ACK_TIMEOUT_MS = 1500;

    private final InboxWriter inbox;
    private final int maxBodyBytes;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private static final Map<String, String> ACKS = new ConcurrentHashMap<>();

    public WebhookRoutes(ZaloCredentials credentials, InboxWriter inbox, int maxBodyBytes, Clock clock,
                         MeterRegistry metrics) {
        this.credentials = credentials;
        this.verifier = new SignatureVerifier(credentials.appId(), credentials.oaSecretKey());
        this.inbox = inbox;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void register(Javalin app) {
        app.post(PATH, this::receive);
        // Zalo's console, and operators checking the address, may open the URL; a 404 there looks like a broken set-up.
        app.get(PATH, ctx -> ctx.contentType("text/plain; charset=utf-8")
                .result("cdsbot: Zalo webhook. Zalo sends events here with POST."));
    }

    void receive(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > maxBodyBytes) {
            reject(ctx, 413, "too_large", "body over " + maxBodyBytes + " bytes");
            return;
        }
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > maxBodyBytes) {
            reject(ctx, 413, "too_large", "body over " + maxBodyBytes + " bytes");
            return;
        }
        if (credentials.mode() == ZaloCredentials.Mode.BOOTSTRAP) {
            // 200 whatever the body: the check Zalo makes when the webhook URL is saved need not be a full event.
            String what;
            try {
                what = "event " + EventParser.parse(raw).eventName();
            } catch (EventParser.BadEvent e) {
                what = "POST (" + e.getMessage() + ")";
            }
            log.warn("Webhook {} accepted WITHOUT signature check because ZALO_OA_SECRET_KEY is not set. "
                    + "Copy the OA secret key (Khóa bí mật OA) from the app's Webhook page on developers.zalo.me into "
                    + "ZALO_OA_SECRET_KEY and restart to start handling events.", what);
            count("bootstrap");
            ctx.status(200).json(java.util.Map.of("ok", true, "handled", false));
            return;
        }
        WebhookEvent event;
        try {
            event = EventParser.parse(raw);
        } catch (EventParser.BadEvent e) {
            reject(ctx, 400, "bad_request", e.getMessage());
            return;
        }
        String signature = ctx.header("X-ZEvent-Signature");
        if (signature == null || signature.isBlank()) {
            reject(ctx, 401, "unsigned", "missing X-ZEvent-Signature");
            return;
        }
        if (!verifier.verify(raw, event.timestamp(), signature)) {
            reject(ctx, 401, "bad_signature", "signature does not match");
            return;
        }
        if (!credentials.appId().equals(event.appId())) {
            log.warn("Webhook event for another app_id ignored");
            ack(ctx, "other_app");
            return;
        }
        if (event.isEcho() || !event.isHandled()) {
            ack(ctx, "ignored");
            return;
        }
        if (event.userId() == null && !(event.eventName().equals("user_withdraw") && event.userIdByApp() != null)) {
            // Signed, so truly from Zalo, only shaped differently than expected: a 4xx would make Zalo retry for ever.
            log.warn("Webhook event {} without a user id ignored", event.eventName());
            ack(ctx, "no_user");
            return;
        }
        if (store(new Inbox.Arrival(event, new String(raw, StandardCharsets.UTF_8), clock.millis()))) {
            ack(ctx, "accepted");
        } else {
            ack(ctx, "duplicate");
        }
    }

    /**
     * Waits for the commit. A failure or a commit slower than Zalo's patience becomes a StorageException (503):
     * Zalo sends the event again, and if the slow commit did land, the repeat is recognised as a duplicate.
     */
    private boolean store(Inbox.Arrival arrival) {
        try {
            return inbox.submit(arrival).get(ACK_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StorageException s) throw s;
            throw new StorageException("inbox write failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            count("slow_commit");
            throw new StorageException("inbox write not committed within " + ACK_TIMEOUT_MS + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while storing an event", e);
        }
    }

    private void ack(Context ctx, String result) {
        count(result);
        // Pre-built: serialising a map per request was a measurable part of the ack path.
        ctx.status(200).contentType("application/json").result(ACKS.computeIfAbsent(result,
                r -> "{\"ok\":true,\"result\":\"" + r + "\"}"));
    }

    private void reject(Context ctx, int status, String result, String why) {
        count(result);
        log.info("Webhook rejected with {}: {}", status, why);
        ctx.status(status).json(java.util.Map.of("ok", false, "error", why));
    }

    private void count(String result) {
        counters.computeIfAbsent(result, r -> metrics.counter("cdsbot_webhook_events", "result", r)).increment();
    }
}
