package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.App;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.webhook.SignatureVerifier;

/** The whole chat path: a signed Zalo event to the real webhook, through the inbox and router, to the outbox. */
class KbWebhookTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong MSG = new AtomicLong();
    private final HttpClient http = HttpClient.newHttpClient();
    private App app;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        var config = ConfigLoader.load(Path.of("bot-config.yaml"), true,
                Map.of("CDSBOT_DB", tmp.resolve("bot.db").toString(), "CDSBOT_PORT", "0")).config();
        app = App.start(config, ZaloCredentials.LOCAL, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void send(String user, String text) throws Exception {
        String ts = String.valueOf(System.currentTimeMillis());
        String body = JSON.writeValueAsString(Map.of("app_id", ZaloCredentials.LOCAL.appId(), "event_name", "user_send_text",
                "sender", Map.of("id", user), "recipient", Map.of("id", "local-oa"),
                "message", Map.of("text", text, "msg_id", "m" + MSG.incrementAndGet()), "timestamp", ts));
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String mac = SignatureVerifier.sign(ZaloCredentials.LOCAL.appId(), raw, ts, ZaloCredentials.LOCAL.oaSecretKey());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/webhook/zalo"))
                .header("Content-Type", "application/json").header("X-ZEvent-Signature", mac)
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    /** Waits for the n-th message the bot sent to the user (1-based). */
    private JsonNode message(String user, int n) throws Exception {
        JsonNode all = await().atMost(java.time.Duration.ofSeconds(10))
                .alias("the bot's " + n + " messages to " + user)
                .until(() -> JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                        + "/dev/chat/messages?user=" + URLEncoder.encode(user, StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString()).body()), m -> m.size() >= n);
        return all.get(n - 1);
    }

    private static List<String> payloads(JsonNode message) {
        List<String> out = new ArrayList<>();
        message.path("buttons").forEach(b -> out.add(b.path("type").asText() + " " + b.path("payload").asText()));
        return out;
    }

    @Test
    void aQuestionGetsTheArticleWithSourceAndFeedbackButtonsAndFeedbackIsStored() throws Exception {
        send("citizen-1", "lam lai cccd bi mat o dau");
        JsonNode answer = message("citizen-1", 1);
        assertThat(answer.path("text").asText()).startsWith("Cấp lại thẻ căn cước").contains("Nguồn: https://");
        assertThat(payloads(answer)).containsExactly("oa.query.hide #huuich cap-lai-the-can-cuoc",
                "oa.query.hide #chuadung cap-lai-the-can-cuoc");

        send("citizen-1", "#chuadung cap-lai-the-can-cuoc");
        assertThat(message("citizen-1", 2).path("text").asText()).contains("Cảm ơn bạn đã báo");
        assertThat(app.database().read(KbStore::feedback)).singleElement()
                .satisfies(f -> assertThat(f.question()).isEqualTo("lam lai cccd bi mat o dau"));
    }

    @Test
    void anOutOfScopeQuestionFallsBackAndIsLogged() throws Exception {
        send("citizen-2", "giá vàng hôm nay");
        assertThat(message("citizen-2", 1).path("text").asText()).contains("chưa có thông tin");
        assertThat(app.database().read(KbStore::unanswered)).extracting(KbStore.Unanswered::question)
                .containsExactly("giá vàng hôm nay");
    }

    @Test
    void clarifyButtonsOpenTheChosenArticle() throws Exception {
        send("citizen-3", "tạm trú");
        JsonNode clarify = message("citizen-3", 1);
        assertThat(clarify.path("text").asText()).startsWith("Bạn muốn hỏi về…?");
        List<String> buttons = payloads(clarify);
        assertThat(buttons).hasSize(3).allMatch(p -> p.startsWith("oa.query.hide #xem "));

        send("citizen-3", buttons.get(0).substring("oa.query.hide ".length()));
        assertThat(payloads(message("citizen-3", 2))).first().asString().startsWith("oa.query.hide #huuich ");
    }
}
