package vn.cdsbot.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import vn.cdsbot.App;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;
import vn.cdsbot.webhook.SignatureVerifier;

/**
 * The real app in production mode against a {@link FakeZalo}, with config tweaks the fault tests need (short
 * backoff, short Zalo timeout), and a client that posts signed events.
 */
final class LoadApp implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime());

    final App app;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoadApp(App app) {
        this.app = app;
    }

    static LoadApp start(Path dir, FakeZalo zalo, UnaryOperator<BotConfig> tweak) {
        return start(dir, zalo, tweak, Clock.systemUTC());
    }

    static LoadApp start(Path dir, FakeZalo zalo, UnaryOperator<BotConfig> tweak, Clock clock) {
        BotConfig config = tweak.apply(TestApp.config(dir,
                Map.of("ZALO_API_BASE_URL", zalo.baseUrl(), "ZALO_OAUTH_BASE_URL", zalo.baseUrl())));
        return new LoadApp(App.start(config, TestApp.credentials(zalo.validToken()), clock));
    }

    /** The system clock plus an offset the test can move forward. */
    static final class ShiftedClock extends Clock {
        private final java.util.concurrent.atomic.AtomicLong offsetMillis = new java.util.concurrent.atomic.AtomicLong();

        void advance(Duration d) {
            offsetMillis.addAndGet(d.toMillis());
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            ShiftedClock outer = this;
            return new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(java.time.ZoneId z) {
                    return outer.withZone(z);
                }

                @Override
                public java.time.Instant instant() {
                    return outer.instant();
                }
            };
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
            return System.currentTimeMillis() + offsetMillis.get();
        }
    }

    static BotConfig outbox(BotConfig c, BotConfig.Outbox outbox) {
        return new BotConfig(c.timezone(), c.server(), c.storage(), c.zalo(), c.inbox(), outbox, c.kb(), c.units(),
                c.reporting(), c.summaries(), c.backup(), c.handoff(), c.campaigns());
    }

    static BotConfig zaloTimeout(BotConfig c, int seconds) {
        BotConfig.Zalo z = c.zalo();
        return new BotConfig(c.timezone(), c.server(), c.storage(), new BotConfig.Zalo(z.apiBaseUrl(), z.oauthBaseUrl(),
                seconds, z.refreshHoursBeforeExpiry(), z.paidMessages(), z.siteVerification()), c.inbox(), c.outbox(), c.kb(), c.units(),
                c.reporting(), c.summaries(), c.backup(), c.handoff(), c.campaigns());
    }

    String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    static String nextMsgId() {
        return "m" + IDS.incrementAndGet();
    }

    /** A correctly signed user_send_text; returns the HTTP status. */
    int say(String user, String text) {
        String ts = String.valueOf(System.currentTimeMillis());
        return post(TestApp.textEvent(TestApp.APP_ID, user, nextMsgId(), text, ts), ts).statusCode();
    }

    HttpResponse<String> post(String body, String timestamp) {
        return postRaw(body, sign(body, timestamp));
    }

    static String sign(String body, String timestamp) {
        return SignatureVerifier.sign(TestApp.APP_ID, body.getBytes(StandardCharsets.UTF_8), timestamp, TestApp.OA_SECRET);
    }

    HttpResponse<String> postRaw(String body, String signature) {
        return postBytes(body.getBytes(StandardCharsets.UTF_8), signature);
    }

    HttpResponse<String> postBytes(byte[] body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/webhook/zalo")))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) b.header("X-ZEvent-Signature", signature);
        try {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // A pooled keep-alive connection the server had just closed as idle: nothing was answered, so send
                // again once on a fresh connection, as Zalo itself retries (a duplicate is deduplicated by the inbox).
                if (!String.valueOf(e.getMessage()).contains("received no bytes")) throw e;
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One number from the app's database. */
    long count(String sql, Object... args) {
        return app.database().read(c -> {
            try (var ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static void await(String what, Duration max, BooleanSupplier condition) {
        org.awaitility.Awaitility.await(what).atMost(max).pollInterval(Duration.ofMillis(25)).until(condition::getAsBoolean);
    }

    @Override
    public void close() {
        app.close();
    }
}
