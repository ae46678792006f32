package vn.cdsbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import vn.cdsbot.App;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.summary.DocumentDesk;
import vn.cdsbot.webhook.SignatureVerifier;

/** The real app on a random port with its database in a temp folder, plus a client that posts signed events. */
public final class TestApp implements AutoCloseable {
    public static final String APP_ID = "test-app-123";
    public static final String OA_SECRET = "test-oa-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong MSG_IDS = new AtomicLong(System.nanoTime());
    private static final AtomicLong LAST_TS = new AtomicLong();

    /**
     * Documents paced for tests that read a document from the reply to its request: the reply waits for the build
     * however slow the shared test machine is, so it never says "on its way" instead.
     */
    public static final DocumentDesk.Pace PATIENT = new DocumentDesk.Pace(java.time.Duration.ofMinutes(2), d -> {});

    private final App app;
    private final ZaloCredentials credentials;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestApp(App app, ZaloCredentials credentials) {
        this.app = app;
        this.credentials = credentials;
    }

    public static BotConfig config(Path dir, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("CDSBOT_DB", dir.resolve("bot.db").toString());
        env.put("CDSBOT_PORT", "0");
        return ConfigLoader.load(Path.of("bot-config.yaml"), true, env).config();
    }

    /** Production mode against a fake Zalo server. */
    public static TestApp production(Path dir, FakeZalo zalo) {
        return production(dir, zalo, Clock.systemUTC());
    }

    public static TestApp production(Path dir, FakeZalo zalo, Clock clock) {
        return production(dir, zalo, clock, c -> c);
    }

    /** Production mode with the committed configuration changed by {@code adjust} (another units file, …). */
    public static TestApp production(Path dir, FakeZalo zalo, Clock clock, java.util.function.UnaryOperator<BotConfig> adjust) {
        BotConfig config = adjust.apply(config(dir, Map.of("ZALO_API_BASE_URL", zalo.baseUrl(),
                "ZALO_OAUTH_BASE_URL", zalo.baseUrl())));
        return production(config, zalo, clock, DocumentDesk.Pace.NORMAL);
    }

    /** Production mode with a given configuration (its Zalo URLs pointing at {@code zalo}) and document pace. */
    public static TestApp production(BotConfig config, FakeZalo zalo, Clock clock, DocumentDesk.Pace documents) {
        ZaloCredentials creds = credentials(zalo.validToken());
        return new TestApp(App.start(config, creds, clock, documents), creds);
    }

    /** Bootstrap mode: app id and tokens but no OA secret key yet, as while the webhook is being set up. */
    public static TestApp bootstrap(Path dir, FakeZalo zalo) {
        BotConfig config = config(dir, Map.of("ZALO_API_BASE_URL", zalo.baseUrl(), "ZALO_OAUTH_BASE_URL", zalo.baseUrl()));
        ZaloCredentials creds = new ZaloCredentials(APP_ID, "", "app-secret", "refresh-seed", zalo.validToken());
        return new TestApp(App.start(config, creds, Clock.systemUTC()), creds);
    }

    /** Posts a correctly signed event of any kind about {@code userId} (sender for user_send_*, else follower). */
    public int event(String eventName, String userId) {
        // Distinct timestamps: events without a msg_id are deduplicated on name, user and timestamp.
        String ts = String.valueOf(LAST_TS.updateAndGet(t -> Math.max(t + 1, System.currentTimeMillis())));
        String who = eventName.startsWith("user_send_") ? "sender" : "follower";
        String body = "{\"app_id\":\"" + credentials.appId() + "\",\"event_name\":\"" + eventName + "\",\"" + who
                + "\":{\"id\":\"" + userId + "\"},\"user_id_by_app\":\"app-" + userId + "\",\"timestamp\":\"" + ts + "\"}";
        return post(body, ts);
    }

    public static ZaloCredentials credentials(String accessToken) {
        return new ZaloCredentials(APP_ID, OA_SECRET, "app-secret", "refresh-seed", accessToken);
    }

    /** Local mode: the embedded fake Zalo and the simulator. */
    public static TestApp local(Path dir) {
        return local(config(dir, Map.of()), Clock.systemUTC());
    }

    /** Local mode with a given configuration and clock. */
    public static TestApp local(BotConfig config, Clock clock) {
        return local(config, clock, DocumentDesk.Pace.NORMAL);
    }

    /** Local mode with a given configuration, clock and document pace. */
    public static TestApp local(BotConfig config, Clock clock, DocumentDesk.Pace documents) {
        return new TestApp(App.start(config, ZaloCredentials.LOCAL, clock, documents), ZaloCredentials.LOCAL);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    public App app() {
        return app;
    }

    public static String textEvent(String appId, String userId, String msgId, String text, String timestamp) {
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("app_id", appId);
        event.put("sender", Map.of("id", userId));
        event.put("user_id_by_app", "app-" + userId);
        event.put("recipient", Map.of("id", "oa-1"));
        event.put("event_name", "user_send_text");
        event.put("message", Map.of("text", text, "msg_id", msgId));
        event.put("timestamp", timestamp);
        try {
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a correctly signed user_send_text; returns the HTTP status. */
    public int say(String userId, String text) {
        String ts = String.valueOf(System.currentTimeMillis());
        return post(textEvent(credentials.appId(), userId, "msg-" + MSG_IDS.incrementAndGet(), text, ts), ts);
    }

    public int post(String body, String timestamp) {
        String sig = SignatureVerifier.sign(credentials.appId(), body.getBytes(StandardCharsets.UTF_8), timestamp,
                credentials.oaSecretKey());
        return postRaw(body, sig).statusCode();
    }

    public HttpResponse<String> postRaw(String body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/webhook/zalo")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) b.header("X-ZEvent-Signature", signature);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public JsonNode getJson(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
