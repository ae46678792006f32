package vn.cdsbot.zalo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.messaging.OutboxSender;
import vn.cdsbot.messaging.UserActivity;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;

/** Outbox rows through the real client against the fake Zalo: retries, give-ups, night deferral, tokens. */
class OutboxDeliveryTest {
    private static final ZoneId ICT = ZoneId.of("Asia/Ho_Chi_Minh");
    @TempDir Path dir;
    FakeZalo zalo;
    Database db;
    Outbox outbox;
    OkHttpClient http;

    @BeforeEach
    void setUp() throws Exception {
        zalo = new FakeZalo();
        db = Database.open(dir.resolve("o.db"), "NORMAL", 4);
        outbox = new Outbox(db);
        http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(2)).retryOnConnectionFailure(false).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
        zalo.close();
    }

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private OutboxSender sender(TokenSource tokens, Clock clock) {
        ZaloClient client = new ZaloClient(http, zalo.baseUrl(), zalo.baseUrl());
        return new OutboxSender(outbox, new Delivery(client, tokens, outbox, clock, ICT),
                new BotConfig.Outbox(3, 1, 60), clock, metrics);
    }

    private void enqueue(String user, String... texts) {
        List<Reply> replies = new ArrayList<>();
        for (String t : texts) replies.add(Reply.text(t));
        outbox.enqueue(user, replies, 0);
    }

    /** Sends every due head until nothing is due at {@code now}. */
    private void drain(OutboxSender sender, long now) {
        for (int i = 0; i < 50; i++) {
            List<Outbox.Row> due = outbox.dueHeads(now, 100);
            if (due.isEmpty()) return;
            due.forEach(sender::send);
        }
    }

    private String status(long id) {
        return db.read(c -> {
            var rs = c.createStatement().executeQuery("SELECT status || ':' || attempts || ':' || next_attempt_at FROM outbox WHERE id = " + id);
            rs.next();
            return rs.getString(1);
        });
    }

    @Test
    void transientFailuresAreRetriedWithBackoffThenDelivered() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        zalo.script(r -> switch (calls.incrementAndGet()) {
            case 1 -> new MockResponse().setResponseCode(502);
            case 2 -> FakeZalo.json("{\"error\":-32,\"message\":\"Your application reached limit call api\"}");
            default -> null;
        });
        enqueue("u1", "Xin chào");
        OutboxSender s = sender(TokenSource.fixed(zalo.validToken()), Clock.systemUTC());
        long now = System.currentTimeMillis();
        drain(s, now);
        assertThat(status(1)).startsWith("pending:1:");
        long next = Long.parseLong(status(1).split(":")[2]);
        assertThat(next).isBetween(now + 500, now + 1_100);    // base 1 s with jitter
        drain(s, next);
        assertThat(status(1)).startsWith("pending:2:");
        drain(s, now + 3_600_000);
        assertThat(status(1)).startsWith("sent:");
        assertThat(zalo.takeSent().text()).isEqualTo("Xin chào");
    }

    @Test
    void networkFailureIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        zalo.script(r -> calls.incrementAndGet() == 1 ? new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START) : null);
        enqueue("u1", "Một");
        OutboxSender s = sender(TokenSource.fixed(zalo.validToken()), Clock.systemUTC());
        drain(s, System.currentTimeMillis());
        assertThat(status(1)).startsWith("pending:1:");
        drain(s, System.currentTimeMillis() + 3_600_000);
        assertThat(status(1)).startsWith("sent:");
    }

    @Test
    void billedSendsAreCountedAndAPaymentRefusalNarrowsTheWindow() throws Exception {
        Instant now = Instant.parse("2026-12-04T08:00:00Z");
        Clock clock = Clock.fixed(now, ICT);
        db.inTransaction(tx -> {
            UserActivity.touch(tx, "recent", now.minus(Duration.ofHours(20)).toEpochMilli());
            UserActivity.touch(tx, "older", now.minus(Duration.ofDays(3)).toEpochMilli());
            return null;
        });
        enqueue("recent", "Nhắc");
        enqueue("older", "Nhắc");
        drain(sender(TokenSource.fixed(zalo.validToken()), clock), now.toEpochMilli());
        assertThat(metrics.counter("cdsbot_billed_sends").count()).isEqualTo(1.0);

        MessagingWindow paid = new MessagingWindow(true);
        assertThat(db.<Boolean>read(c -> paid.reaches(c, "older", now))).isTrue();
        zalo.script(r -> FakeZalo.json("{\"error\":-320,\"message\":\"need Zalo Cloud Account\"}"));
        enqueue("older", "Nhắc lần hai");
        drain(sender(TokenSource.fixed(zalo.validToken()), clock), now.toEpochMilli());
        assertThat(status(3)).startsWith("failed:");
        assertThat(metrics.counter("cdsbot_sends", "result", "not_paid").count()).isEqualTo(1.0);
        assertThat(db.<Boolean>read(c -> paid.reaches(c, "older", now))).isFalse();
        assertThat(db.<Boolean>read(c -> paid.reaches(c, "recent", now))).isTrue();
        // A day after the refusal billed sends are tried again (the account may have been funded meanwhile).
        assertThat(db.<Boolean>read(c -> paid.reaches(c, "older", now.plus(Duration.ofHours(25))))).isTrue();
    }

    @Test
    void finalErrorsAreRecordedAndNotRetried() throws Exception {
        for (int code : new int[] {-230, -232, -213, -217, -227, -244, -201}) {
            AtomicInteger calls = new AtomicInteger();
            zalo.script(r -> {
                calls.incrementAndGet();
                return FakeZalo.json("{\"error\":" + code + ",\"message\":\"no\"}");
            });
            enqueue("user" + code, "Tin");
            drain(sender(TokenSource.fixed(zalo.validToken()), Clock.systemUTC()), System.currentTimeMillis() + 86_400_000);
            assertThat(calls.get()).as("calls for %d", code).isEqualTo(1);
        }
        long failed = db.read(c -> {
            var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND last_error LIKE '%error -%'");
            rs.next();
            return rs.getLong(1);
        });
        assertThat(failed).isEqualTo(7);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        zalo.script(r -> new MockResponse().setResponseCode(500));
        enqueue("u1", "A");
        OutboxSender s = sender(TokenSource.fixed(zalo.validToken()), Clock.systemUTC());
        drain(s, Long.MAX_VALUE / 2);
        assertThat(status(1)).startsWith("failed:3:");
    }

    @Test
    void nightRefusalIsRescheduledToSixInTheMorning() {
        zalo.script(r -> FakeZalo.json("{\"error\":-234,\"message\":\"This message cannot be sent at night\"}"));
        enqueue("u1", "A");
        Instant night = ZonedDateTime.of(2026, 11, 23, 23, 15, 0, 0, ICT).toInstant();
        Clock clock = Clock.fixed(night, ICT);
        sender(TokenSource.fixed(zalo.validToken()), clock).send(outbox.dueHeads(night.toEpochMilli(), 1).get(0));
        long next = Long.parseLong(status(1).split(":")[2]);
        assertThat(Instant.ofEpochMilli(next)).isEqualTo(ZonedDateTime.of(2026, 11, 24, 6, 0, 0, 0, ICT).toInstant());
        assertThat(status(1)).startsWith("pending:0:");
    }

    @Test
    void orderPerUserIsKeptWhileTheHeadIsBackingOff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        zalo.script(r -> calls.incrementAndGet() == 1 ? new MockResponse().setResponseCode(503) : null);
        enqueue("u1", "một", "hai", "ba");
        enqueue("u2", "khác");
        OutboxSender s = sender(TokenSource.fixed(zalo.validToken()), Clock.systemUTC());
        drain(s, System.currentTimeMillis());
        // u1's head is backing off: nothing of u1 went out, u2 was not held up.
        assertThat(zalo.drainSent(100)).extracting(FakeZalo.Sent::text).containsExactly("khác");
        drain(s, System.currentTimeMillis() + 3_600_000);
        assertThat(zalo.drainSent(100)).extracting(FakeZalo.Sent::text).containsExactly("một", "hai", "ba");
    }

    @Test
    void everyButtonCarryingACommandIsHiddenPlainAnswersStayVisible() throws Exception {
        outbox.enqueue("u1", List.of(Reply.text("Chọn", List.of(Button.query("Xác nhận", "#xacnhan"),
                Button.query("Báo cáo", "/baocao tuần 49"), Button.query("Bỏ qua", "bỏ qua")))), 0);
        drain(sender(TokenSource.fixed(zalo.validToken()), Clock.systemUTC()), System.currentTimeMillis());
        var buttons = zalo.takeSent().message().path("attachment").path("payload").path("buttons");
        assertThat(buttons).extracting(b -> b.path("type").asText() + " " + b.path("payload").asText())
                .containsExactly("oa.query.hide #xacnhan", "oa.query.hide /baocao tuần 49", "oa.query.show bỏ qua");
    }

    @Test
    void buttonsAndLongTextsBecomeZaloPayloads() throws Exception {
        String para = "Bước: mang thẻ căn cước đến Công an xã để được hướng dẫn làm thủ tục nhanh chóng. ".repeat(12);
        outbox.enqueue("u1", List.of(Reply.text(para + "\n\n" + para + "\n\n" + para,
                List.of(Button.query("Hữu ích", "#huuich a"), Button.url("Tải", "https://x.vn/e")))), 0);
        drain(sender(TokenSource.fixed(zalo.validToken()), Clock.systemUTC()), System.currentTimeMillis());
        List<FakeZalo.Sent> sent = zalo.drainSent(100);
        assertThat(sent).hasSizeGreaterThan(1);
        for (FakeZalo.Sent s : sent) assertThat(s.text().codePointCount(0, s.text().length())).isLessThanOrEqualTo(2000);
        assertThat(sent.get(0).message().has("attachment")).isFalse();
        var buttons = sent.get(sent.size() - 1).message().path("attachment").path("payload").path("buttons");
        assertThat(buttons.get(0).path("type").asText()).isEqualTo("oa.query.hide");
        assertThat(buttons.get(0).path("payload").asText()).isEqualTo("#huuich a");
        assertThat(buttons.get(1).path("type").asText()).isEqualTo("oa.open.url");
        assertThat(buttons.get(1).path("payload").path("url").asText()).isEqualTo("https://x.vn/e");
    }

    @Test
    void imagesAreUploadedOnceAndSentAsMediaTemplates() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        outbox.enqueue("u1", List.of(new Reply.Image(png, "Biểu đồ tuần 47")), 0);
        drain(sender(TokenSource.fixed(zalo.validToken()), Clock.systemUTC()), System.currentTimeMillis());
        FakeZalo.Sent s = zalo.takeSent();
        var element = s.message().path("attachment").path("payload");
        assertThat(element.path("template_type").asText()).isEqualTo("media");
        assertThat(element.path("elements").get(0).path("attachment_id").asText()).startsWith("att-");
        assertThat(s.text()).isEqualTo("Biểu đồ tuần 47");
    }

    @Test
    void anImageZaloDroppedEarlyIsUploadedAgainAndDelivered() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 4, 5, 6};
        outbox.enqueue("u1", List.of(new Reply.Image(png, "Biểu đồ")), 0);
        outbox.cacheAttachment(1, "att-expired", System.currentTimeMillis());   // uploaded a day ago, say
        zalo.script(r -> r.getBody().clone().readUtf8().contains("att-expired")
                ? FakeZalo.json("{\"error\":-100,\"message\":\"attachment_id was expired\"}") : null);
        drain(sender(TokenSource.fixed(zalo.validToken()), Clock.systemUTC()), System.currentTimeMillis());
        FakeZalo.Sent s = zalo.takeSent();
        String attachment = s.message().path("attachment").path("payload").path("elements").get(0).path("attachment_id").asText();
        assertThat(attachment).startsWith("att-").isNotEqualTo("att-expired");
        assertThat(status(1)).startsWith("sent:1:");
        assertThat(outbox.cachedAttachment(1, 0)).isEqualTo(attachment);
    }

    @Test
    void rejectedTokenIsRefreshedOncePersistedAndTheSendRetried() throws Exception {
        zalo.validToken("fresh-only");     // the seeded token will be rejected with -216
        TokenSource tokens = new RefreshingTokens(db, new ZaloClient(http, zalo.baseUrl(), zalo.baseUrl()),
                TestApp.credentials("stale-token"), Clock.systemUTC(), Duration.ofHours(5));
        enqueue("u1", "A");
        drain(sender(tokens, Clock.systemUTC()), System.currentTimeMillis());
        assertThat(zalo.takeSent().accessToken()).isEqualTo("access-1");
        assertThat(zalo.refreshCount()).isEqualTo(1);
        assertThat(zalo.refreshForms().get(0)).contains("refresh_token=refresh-seed").contains("grant_type=refresh_token")
                .contains("app_id=" + TestApp.APP_ID);
        String stored = db.read(c -> {
            var rs = c.createStatement().executeQuery("SELECT access_token || '/' || refresh_token FROM zalo_token");
            rs.next();
            return rs.getString(1);
        });
        assertThat(stored).isEqualTo("access-1/refresh-1");
        long history = db.read(c -> {
            var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM zalo_token_history WHERE refresh_token = 'refresh-seed'");
            rs.next();
            return rs.getLong(1);
        });
        assertThat(history).isEqualTo(1);
    }

    @Test
    void concurrentRejectionsCauseOneRefresh() throws Exception {
        zalo.validToken("never-seen");
        RefreshingTokens tokens = new RefreshingTokens(db, new ZaloClient(http, zalo.baseUrl(), zalo.baseUrl()),
                TestApp.credentials("stale-token"), Clock.systemUTC(), Duration.ofHours(5));
        List<Thread> threads = new ArrayList<>();
        List<String> got = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 16; i++) {
            Thread t = new Thread(() -> {
                try {
                    got.add(tokens.replace("stale-token"));
                } catch (TokenSource.TokenUnavailableException e) {
                    got.add("ERR");
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        assertThat(zalo.refreshCount()).isEqualTo(1);
        assertThat(got).hasSize(16).containsOnly("access-1");
    }

    @Test
    void aRefreshAnswerWithoutBothTokensIsAFailureEvenOnHttp200() {
        zalo.validToken("never-seen");
        zalo.refreshAnswer(FakeZalo.json("{\"error_name\":\"Invalid refresh token\",\"error\":-14014}"));
        RefreshingTokens tokens = new RefreshingTokens(db, new ZaloClient(http, zalo.baseUrl(), zalo.baseUrl()),
                TestApp.credentials(""), Clock.systemUTC(), Duration.ofHours(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(tokens::current)
                .isInstanceOf(TokenSource.TokenUnavailableException.class);
        assertThat(tokens.healthy()).isFalse();
        assertThat(tokens.state()).startsWith("refresh_failed");
        String stillStored = db.read(c -> {
            var rs = c.createStatement().executeQuery("SELECT refresh_token FROM zalo_token");
            rs.next();
            return rs.getString(1);
        });
        assertThat(stillStored).isEqualTo("refresh-seed");   // the working token was not overwritten
    }

    @Test
    void tokensAreRefreshedAheadOfExpiry() {
        RefreshingTokens tokens = new RefreshingTokens(db, new ZaloClient(http, zalo.baseUrl(), zalo.baseUrl()),
                TestApp.credentials("access-0"), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)),
                Duration.ofHours(5));
        tokens.refreshIfDue();   // seeded tokens get 1 h; with 5 h margin they are due at once
        assertThat(zalo.refreshCount()).isEqualTo(1);
        tokens.refreshIfDue();   // the new one lives 25 h: not due
        assertThat(zalo.refreshCount()).isEqualTo(1);
    }

    @Test
    void healthShowsDegradedWhenRefreshIsImpossible() throws Exception {
        zalo.validToken("never-seen");
        zalo.refreshAnswer(new MockResponse().setResponseCode(400).setBody("{\"error\":-14002,\"error_name\":\"Invalid appId\"}"));
        db.close();
        try (TestApp app = TestApp.production(dir, zalo)) {
            app.say("u9", "#trogiup");
            var health = await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> app.getJson("/health"), h -> !"ok".equals(h.path("status").asText()));
            assertThat(health.path("status").asText()).isEqualTo("degraded");
            assertThat(health.path("token").asText()).contains("refresh_failed");
        }
        db = Database.open(dir.resolve("o.db"), "NORMAL", 4);
    }

    @Test
    void purgeForgetsOldDeliveredMessagesButKeepsPendingOnes() {
        outbox.enqueue("u1", List.of(Reply.text("cũ"), new Reply.Image(new byte[] {1}, "")), 1_000);
        outbox.enqueue("u2", List.of(Reply.text("đang chờ")), 1_000);
        outbox.markSent(1, "m", 2_000);
        outbox.markFailed(2, "x", 2_000);
        assertThat(outbox.purge(5_000)).isEqualTo(2);
        assertThat(outbox.depth().pending()).isEqualTo(1);
        assertThat(outbox.media(1)).isNull();
    }
}
