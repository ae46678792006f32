package vn.cdsbot.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.testing.FakeZalo;

/** The per-user limit (20 a minute, the default) seen from Zalo: one polite notice per flood, never one per message. */
class RateLimitWebhookTest {
    private static final String NOTICE = "Bạn đang gửi tin nhắn hơi nhanh";
    @TempDir Path dir;

    @Test
    void twentyFiveMessagesInAMinuteGetTwentyAnswersAndExactlyOneNotice() throws Exception {
        LoadApp.ShiftedClock clock = new LoadApp.ShiftedClock();
        try (FakeZalo zalo = new FakeZalo(); LoadApp app = LoadApp.start(dir, zalo, UnaryOperator.identity(), clock)) {
            for (int i = 0; i < 25; i++) assertThat(app.say("flood", "#q" + i)).isEqualTo(200);
            assertThat(app.say("calm", "#trogiup")).isEqualTo(200);

            List<FakeZalo.Sent> toFlood = new ArrayList<>();
            List<FakeZalo.Sent> toCalm = new ArrayList<>();
            LoadApp.await("21 messages to the flooder", Duration.ofSeconds(10), () -> {
                try {
                    for (FakeZalo.Sent s : zalo.drainSent(50)) (s.userId().equals("flood") ? toFlood : toCalm).add(s);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return toFlood.size() >= 21 && !toCalm.isEmpty();
            });
            for (FakeZalo.Sent s : zalo.drainSent(1000)) (s.userId().equals("flood") ? toFlood : toCalm).add(s);

            assertThat(toFlood).hasSize(21);
            for (int i = 0; i < 20; i++) assertThat(toFlood.get(i).text()).contains("#q" + i + "\"");
            assertThat(toFlood.get(20).text()).startsWith(NOTICE);
            assertThat(toCalm).hasSize(1);
            assertThat(toCalm.get(0).text()).doesNotContain(NOTICE);
            // Every message was stored and handled; the silent ones just got no reply.
            assertThat(app.count("SELECT COUNT(*) FROM inbox WHERE user_id = 'flood' AND status = 'done'")).isEqualTo(25);

            // A minute later there is room again; a second flood earns one more notice, not one per message.
            clock.advance(Duration.ofSeconds(61));
            for (int i = 25; i < 50; i++) assertThat(app.say("flood", "#q" + i)).isEqualTo(200);
            List<FakeZalo.Sent> later = new ArrayList<>();
            LoadApp.await("the second flood's answers", Duration.ofSeconds(10), () -> {
                try {
                    later.addAll(zalo.drainSent(50));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return later.size() >= 21;
            });
            later.addAll(zalo.drainSent(1000));
            assertThat(later).hasSize(21);
            assertThat(later.stream().filter(s -> s.text().startsWith(NOTICE)).count()).isEqualTo(1);
            assertThat(later.get(20).text()).startsWith(NOTICE);
        }
    }
}
