package vn.cdsbot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.App;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;

/** Local mode serves the simulator and talks to itself; production never serves it; bootstrap acks unsigned posts. */
class ModesTest {
    @TempDir Path dir;

    @Test
    void localModeAnswersThroughTheSimulatorSink() throws Exception {
        try (TestApp app = TestApp.local(dir)) {
            assertThat(app.get("/dev/chat").statusCode()).isEqualTo(200);
            assertThat(app.get("/dev/chat").body()).contains("Trò chuyện thử");
            assertThat(app.say("sim-user", "#trogiup")).isEqualTo(200);
            String messages = await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> app.get("/dev/chat/messages?user=sim-user&after=0").body(), m -> !m.equals("[]"));
            assertThat(messages).contains("#trogiup");
            assertThat(app.getJson("/health").path("mode").asText()).isEqualTo("local");
        }
    }

    @Test
    void productionNeverServesTheSimulatorOrTheFakeApi() throws Exception {
        try (FakeZalo zalo = new FakeZalo(); TestApp app = TestApp.production(dir, zalo)) {
            assertThat(app.get("/dev/chat").statusCode()).isEqualTo(404);
            assertThat(app.get("/dev/chat/config").statusCode()).isEqualTo(404);
            assertThat(app.get("/dev/zalo/v3.0/oa/user/detail").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void bootstrapModeAcknowledgesUnsignedPostsWithoutHandlingThem() throws Exception {
        try (FakeZalo zalo = new FakeZalo()) {
            var config = TestApp.config(dir, Map.of("ZALO_API_BASE_URL", zalo.baseUrl()));
            ZaloCredentials creds = ZaloCredentials.fromEnv(Map.of("ZALO_APP_ID", TestApp.APP_ID));
            try (App app = App.start(config, creds, Clock.systemUTC())) {
                var http = java.net.http.HttpClient.newHttpClient();
                String body = TestApp.textEvent(TestApp.APP_ID, "u1", "b1", "#trogiup", "1");
                var r = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + app.port() + "/webhook/zalo"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(zalo.drainSent(1000)).isEmpty();
                long stored = app.database().read(c -> {
                    var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbox");
                    rs.next();
                    return rs.getLong(1);
                });
                assertThat(stored).isZero();
            }
        }
    }
}
