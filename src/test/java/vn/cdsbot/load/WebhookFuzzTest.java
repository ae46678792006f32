package vn.cdsbot.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.testing.FakeZalo;

/**
 * Thousands of hostile requests against the real server ({@link WebhookFuzz}): never a 5xx, never anything stored
 * that did not carry a correct signature, nothing that fails while being handled, and a healthy server after.
 */
class WebhookFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261123L);
    @TempDir Path dir;

    @Test
    void tenThousandHostileRequests() throws Exception {
        run(10_000, SEED);
    }

    @Test
    @Tag("slow")
    void hundredThousandHostileRequests() throws Exception {
        run(100_000, SEED + 1);
    }

    private void run(int count, long seed) throws Exception {
        try (FakeZalo zalo = new FakeZalo(); LoadApp app = LoadApp.start(dir, zalo, UnaryOperator.identity())) {
            WebhookFuzz fuzz = new WebhookFuzz(seed);
            List<WebhookFuzz.Case> cases = new ArrayList<>(count);
            for (int i = 0; i < count; i++) cases.add(fuzz.next());

            int[] status = new int[count];
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        WebhookFuzz.Case c = cases.get(i);
                        HttpResponse<String> r = app.postBytes(c.body(), c.signature());
                        status[i] = r.statusCode();
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) f.get();
            pool.shutdown();

            Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
            Set<String> signedKeys = new HashSet<>();
            for (int i = 0; i < count; i++) {
                WebhookFuzz.Case c = cases.get(i);
                byKind.computeIfAbsent(c.kind() + (c.signedRight() ? " (signed)" : ""), k -> new TreeMap<>())
                        .merge(status[i], 1, Integer::sum);
                assertThat(status[i]).as("case %d (%s, seed %d)", i, c.kind(), seed).isIn(200, 400, 401, 413);
                if (!c.signedRight()) {
                    assertThat(status[i]).as("case %d (%s) without a correct signature", i, c.kind()).isNotEqualTo(200);
                } else if (status[i] == 200) {
                    String key = WebhookFuzz.keyOf(c.body());
                    if (key != null) signedKeys.add(key);
                }
            }
            System.out.println("Webhook fuzz, seed " + seed + ", answers by kind: " + byKind);

            LoadApp.await("every stored event handled", Duration.ofSeconds(60),
                    () -> app.count("SELECT COUNT(*) FROM inbox WHERE status = 'pending'") == 0);
            Set<String> stored = new HashSet<>(app.app.database().read(c -> {
                List<String> keys = new ArrayList<>();
                try (var rs = c.createStatement().executeQuery("SELECT event_key FROM inbox")) {
                    while (rs.next()) keys.add(rs.getString(1));
                }
                return keys;
            }));
            assertThat(stored).as("events stored").isNotEmpty();
            assertThat(signedKeys).as("only correctly signed events are stored").containsAll(stored);
            assertThat(app.count("SELECT COUNT(*) FROM inbox WHERE status = 'failed'")).as("events that failed").isZero();

            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            // The replies to the fuzz's valid events go out first, in order (about 14,000 in the long run).
            LoadApp.await("every reply to the fuzz sent", Duration.ofSeconds(30 + count / 100),
                    () -> app.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'") == 0);
            zalo.drainSent(0);
            assertThat(app.say("after-fuzz", "#trogiup")).isEqualTo(200);
            LoadApp.await("a normal reply after the fuzz", Duration.ofSeconds(30), () -> {
                try {
                    return zalo.drainSent(50).stream().anyMatch(s -> s.userId().equals("after-fuzz"));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
