package vn.cdsbot.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.testing.FakeZalo;

/**
 * Zalo misbehaves for a while (30 % of sends: HTTP 500, no answer, -32 rate limit, -216 token rejected), then
 * recovers: every reply arrives exactly once and in order per user, and each rejected token is refreshed once,
 * however many sends it failed.
 */
class ZaloOutageTest {
    private static final int USERS = 12;
    private static final int PER_USER = 8;
    private static final Pattern MARK = Pattern.compile("#k(\\d+)x(\\d+)");

    @TempDir Path dir;

    @Test
    void afterRecoveryEveryReplyArrivesOnceInOrderAndEachRejectedTokenIsRefreshedOnce() throws Exception {
        try (FakeZalo zalo = new FakeZalo()) {
            Random random = new Random(20261123);
            AtomicBoolean flaky = new AtomicBoolean(true);
            Set<String> rejectedTokens = ConcurrentHashMap.newKeySet();
            AtomicInteger tokenRejections = new AtomicInteger();
            Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
            zalo.script(r -> {
                String token = r.getHeader("access_token");
                if (!zalo.validToken().equals(token)) {
                    rejectedTokens.add(token);
                    tokenRejections.incrementAndGet();
                    return FakeZalo.json("{\"error\":-216,\"message\":\"Access token is invalid\"}");
                }
                if (!flaky.get()) return null;
                int roll;
                synchronized (random) {
                    roll = random.nextInt(100);
                }
                if (roll >= 30) return null;
                String kind = switch (roll % 4) {
                    case 0 -> "500";
                    case 1 -> "timeout";
                    case 2 -> "-32";
                    default -> "-216";
                };
                injected.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                return switch (kind) {
                    case "500" -> new MockResponse().setResponseCode(500).setBody("upstream error");
                    case "timeout" -> new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
                    case "-32" -> FakeZalo.json("{\"error\":-32,\"message\":\"Your application reached limit call api\"}");
                    default -> {
                        // Zalo revoked this token: it stays invalid until the bot refreshes.
                        zalo.validToken("revoked");
                        rejectedTokens.add(token);
                        tokenRejections.incrementAndGet();
                        yield FakeZalo.json("{\"error\":-216,\"message\":\"Access token is invalid\"}");
                    }
                };
            });
            try (LoadApp app = LoadApp.start(dir, zalo, c -> LoadApp.zaloTimeout(
                    LoadApp.outbox(c, new BotConfig.Outbox(1000, 1, 1)), 1))) {
                LoadApp.await("the start-up token refresh", Duration.ofSeconds(10), () -> zalo.refreshCount() >= 1);
                int refreshesBefore = zalo.refreshCount();

                for (int i = 0; i < PER_USER; i++) {
                    for (int u = 0; u < USERS; u++) assertThat(app.say("outage-" + u, "#k" + u + "x" + i)).isEqualTo(200);
                }
                Thread.sleep(3000);
                flaky.set(false);

                Map<String, List<Integer>> order = new HashMap<>();
                List<FakeZalo.Sent> all = new ArrayList<>();
                long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                while (all.size() < USERS * PER_USER && System.nanoTime() < end) all.addAll(zalo.drainSent(100));
                all.addAll(zalo.drainSent(1500));   // anything sent twice would show up here
                for (FakeZalo.Sent s : all) {
                    Matcher m = MARK.matcher(s.text());
                    assertThat(m.find()).as("reply %s", s.text()).isTrue();
                    assertThat(s.userId()).isEqualTo("outage-" + m.group(1));
                    order.computeIfAbsent(s.userId(), k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
                }
                List<Integer> expected = IntStream.range(0, PER_USER).boxed().toList();
                assertThat(order).hasSize(USERS);
                order.forEach((user, seen) -> assertThat(seen).as("replies to %s, in arrival order", user).isEqualTo(expected));

                assertThat(injected.keySet()).as("failures injected").containsExactlyInAnyOrder("500", "timeout", "-32", "-216");
                int refreshes = zalo.refreshCount() - refreshesBefore;
                assertThat(refreshes).as("one refresh per rejected token").isEqualTo(rejectedTokens.size());
                assertThat(tokenRejections.get()).isGreaterThanOrEqualTo(refreshes);
                int failures = injected.values().stream().mapToInt(AtomicInteger::get).sum();
                assertThat(refreshes).as("refreshes are not one per failure").isLessThan(failures);
                assertThat(app.count("SELECT COUNT(*) FROM outbox WHERE status = 'sent'")).isEqualTo(USERS * PER_USER);
                assertThat(app.count("SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")).isZero();
                assertThat(app.count("SELECT COUNT(*) FROM outbox WHERE attempts > 1")).isPositive();
            }
        }
    }
}
