package vn.cdsbot.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;

class WebhookTest {
    @TempDir Path dir;
    FakeZalo zalo;
    TestApp app;

    @BeforeEach
    void start() throws Exception {
        zalo = new FakeZalo();
        app = TestApp.production(dir, zalo);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        zalo.close();
    }

    @Test
    void signedTextGetsAReplyThroughTheZaloApi() throws Exception {
        assertThat(app.say("user-1", "#trogiup")).isEqualTo(200);
        FakeZalo.Sent sent = zalo.takeSent();
        assertThat(sent.userId()).isEqualTo("user-1");
        assertThat(sent.text()).contains("#trogiup");
        assertThat(sent.accessToken()).isEqualTo(zalo.validToken());
    }

    @Test
    void forgedEventIs401AndNeverAnswered() throws Exception {
        String ts = "1700000000000";
        String body = TestApp.textEvent(TestApp.APP_ID, "user-2", "forged-1", "#trogiup", ts);
        String forged = vn.cdsbot.webhook.SignatureVerifier.sign(TestApp.APP_ID, body.getBytes(), ts, "not-the-secret");
        assertThat(app.postRaw(body, forged).statusCode()).isEqualTo(401);
        assertThat(app.postRaw(body, null).statusCode()).isEqualTo(401);
        // Signed for one body, replayed with another text.
        String good = vn.cdsbot.webhook.SignatureVerifier.sign(TestApp.APP_ID, body.getBytes(), ts, TestApp.OA_SECRET);
        String tampered = body.replace("#trogiup", "#xuat");
        assertThat(app.postRaw(tampered, good).statusCode()).isEqualTo(401);
        assertThat(zalo.drainSent(1500)).isEmpty();
    }

    @Test
    void theSameEventTwiceIsAnsweredOnce() throws Exception {
        String ts = String.valueOf(System.currentTimeMillis());
        String body = TestApp.textEvent(TestApp.APP_ID, "user-3", "dup-msg-1", "#trogiup", ts);
        assertThat(app.post(body, ts)).isEqualTo(200);
        assertThat(app.post(body, ts)).isEqualTo(200);
        zalo.takeSent();
        assertThat(app.post(body, ts)).isEqualTo(200); // a late Zalo retry, after the reply went out
        assertThat(zalo.drainSent(1500)).isEmpty();
    }

    @Test
    void malformedBodiesAre400AndOversizedAre413() {
        assertThat(app.postRaw("not json", "mac=00").statusCode()).isEqualTo(400);
        assertThat(app.postRaw("[1,2]", "mac=00").statusCode()).isEqualTo(400);
        assertThat(app.postRaw("{\"app_id\":\"x\",\"event_name\":\"user_send_text\"}", "mac=00").statusCode()).isEqualTo(400);
        assertThat(app.postRaw("{\"app_id\":\"x\",\"timestamp\":\"1\"}", "mac=00").statusCode()).isEqualTo(400);
        assertThat(app.postRaw("{\"a\":1,\"a\":2,\"event_name\":\"x\",\"timestamp\":\"1\",\"app_id\":\"x\"}", "mac=00").statusCode())
                .isEqualTo(400);
        String huge = "{\"app_id\":\"x\",\"event_name\":\"user_send_text\",\"timestamp\":\"1\",\"pad\":\"" + "a".repeat(70_000) + "\"}";
        assertThat(app.postRaw(huge, "mac=00").statusCode()).isEqualTo(413);
    }

    @Test
    void echoesAndUnknownEventsAreAcknowledgedAndIgnored() throws Exception {
        String ts = "1700000000001";
        String echo = "{\"app_id\":\"" + TestApp.APP_ID + "\",\"sender\":{\"id\":\"oa-1\"},\"recipient\":{\"id\":\"user-4\"},"
                + "\"event_name\":\"oa_send_text\",\"message\":{\"text\":\"#trogiup\",\"msg_id\":\"e1\"},\"timestamp\":\"" + ts + "\"}";
        String unknown = "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"user_seen_message\",\"timestamp\":\"" + ts + "\"}";
        assertThat(app.post(echo, ts)).isEqualTo(200);
        assertThat(app.post(unknown, ts)).isEqualTo(200);
        assertThat(zalo.drainSent(1500)).isEmpty();
    }

    @Test
    void hugeIdsStayExactAndNumericTimestampsAreAccepted() throws Exception {
        String ts = "1700000000002";
        String body = "{\"app_id\":\"" + TestApp.APP_ID + "\",\"sender\":{\"id\":9007199254740993123},\"recipient\":{\"id\":\"oa-1\"},"
                + "\"event_name\":\"user_send_text\",\"message\":{\"text\":\"#trogiup\",\"msg_id\":\"big-1\"},\"timestamp\":" + ts + "}";
        assertThat(app.post(body, ts)).isEqualTo(200);
        assertThat(zalo.takeSent().userId()).isEqualTo("9007199254740993123");
    }

    @Test
    void otherAppsEventsAreIgnored() throws Exception {
        String ts = "1700000000003";
        String body = TestApp.textEvent("another-app", "user-5", "other-1", "#trogiup", ts);
        String sig = vn.cdsbot.webhook.SignatureVerifier.sign(TestApp.APP_ID, body.getBytes(), ts, TestApp.OA_SECRET);
        HttpResponse<String> r = app.postRaw(body, sig);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(zalo.drainSent(1000)).isEmpty();
    }

    @Test
    void healthAndMetricsReportTheQueues() throws Exception {
        app.say("user-6", "#trogiup");
        zalo.takeSent();
        assertThat(app.getJson("/health").path("status").asText()).isEqualTo("ok");
        assertThat(app.getJson("/health").path("database").asText()).isEqualTo("ok");
        String metrics = await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> app.get("/metrics").body(), m -> m.contains("cdsbot_sends_total"));
        assertThat(metrics).contains("cdsbot_webhook_events_total{result=\"accepted\"}");
        assertThat(metrics).contains("cdsbot_sends_total{result=\"ok\"}");
        assertThat(metrics).contains("cdsbot_inbox_pending");
    }
}
