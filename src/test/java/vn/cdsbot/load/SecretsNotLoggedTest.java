package vn.cdsbot.load;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;

/**
 * Serves requests through everything that logs (start-up, token seeding and refresh, a rejected token, a failed
 * refresh, forged and malformed webhooks, replies) and scans every captured log line for the secrets, the tokens
 * and a citizen's message.
 */
class SecretsNotLoggedTest {
    private static final String ACCESS_TOKEN = "tok-A-59f1c2d7e8";
    private static final String CITIZEN_TEXT = "Nhà tôi ở số 12 hẻm 34 đường Trần Hưng Đạo, SĐT 0912345678";
    @TempDir Path dir;
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    void noSecretTokenOrCitizenTextEverReachesTheLog() throws Exception {
        try (FakeZalo zalo = new FakeZalo()) {
            zalo.validToken(ACCESS_TOKEN);
            AtomicBoolean rejectOnce = new AtomicBoolean(false);
            zalo.script(r -> rejectOnce.compareAndSet(true, false)
                    ? FakeZalo.json("{\"error\":-216,\"message\":\"Access token is invalid\"}") : null);
            try (LoadApp app = LoadApp.start(dir, zalo, UnaryOperator.identity())) {
                LoadApp.await("the start-up refresh", Duration.ofSeconds(10), () -> zalo.refreshCount() >= 1);
                assertThat(app.say("citizen-1", CITIZEN_TEXT)).isEqualTo(200);
                zalo.takeSent();
                rejectOnce.set(true);                    // the next send meets a revoked token
                assertThat(app.say("citizen-1", CITIZEN_TEXT + " (lần 2)")).isEqualTo(200);
                zalo.takeSent();

                String ts = String.valueOf(System.currentTimeMillis());
                String body = TestApp.textEvent(TestApp.APP_ID, "citizen-2", LoadApp.nextMsgId(), CITIZEN_TEXT, ts);
                assertThat(app.postRaw(body, "mac=" + "ab".repeat(32)).statusCode()).isEqualTo(401);
                assertThat(app.postRaw(body, null).statusCode()).isEqualTo(401);
                assertThat(app.postRaw("{\"text\":\"" + CITIZEN_TEXT + "\"", "mac=00").statusCode()).isEqualTo(400);

                // Zalo stops accepting the refresh token: the loud error must still not print it.
                zalo.refreshAnswer(FakeZalo.json("{\"error\":-14014,\"message\":\"Invalid refresh token\"}"));
                rejectOnce.set(true);
                assertThat(app.say("citizen-3", CITIZEN_TEXT)).isEqualTo(200);
                LoadApp.await("the failed refresh", Duration.ofSeconds(10),
                        () -> lines().stream().anyMatch(l -> l.contains("REFRESH FAILED")));
            }
        }
        List<String> lines = lines();
        assertThat(lines).as("something was logged").hasSizeGreaterThan(3);
        assertThat(lines).anyMatch(l -> l.contains("access token refreshed"));
        assertThat(lines).anyMatch(l -> l.contains("Webhook rejected with 401"));
        List<String> secrets = List.of(TestApp.OA_SECRET, "app-secret", "refresh-seed", ACCESS_TOKEN, "access-1", "refresh-1",
                "access-2", "refresh-2", CITIZEN_TEXT, "0912345678", "Trần Hưng Đạo", "ab".repeat(32));
        for (String line : lines) {
            for (String secret : secrets) assertThat(line).as("a log line").doesNotContain(secret);
        }
    }

    private List<String> lines() {
        synchronized (captured) {
            return captured.list.stream()
                    .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                            : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
                    .toList();
        }
    }
}
