package vn.cdsbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;
import vn.cdsbot.webhook.SignatureVerifier;

/**
 * The packaged jar under load is killed with SIGKILL, then restarted: every event that was answered 200 is
 * handled exactly once, its reply reaches Zalo exactly once, and the database is intact.
 */
class KillRestartIT {
    @TempDir Path dir;

    @Test
    void everyAcknowledgedEventIsHandledOnceAfterKillDashNine() throws Exception {
        killDuringLoad(200, 5);
    }

    /** The long variant (mvn -Plong verify): 5,000 events from 1,000 users. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void fiveThousandEventsKilledMidway() throws Exception {
        killDuringLoad(1000, 5);
    }

    private void killDuringLoad(int users, int perUser) throws Exception {
        try (FakeZalo zalo = new FakeZalo()) {
            AtomicInteger slow = new AtomicInteger();
            // Zalo is slow at first, so replies are still queued when the process dies.
            zalo.script(r -> {
                if (slow.get() == 0) return new MockResponse().setResponseCode(503);
                return null;
            });
            int port = freePort();
            Process server = start(zalo, port);
            waitHealthy(port);

            Map<String, Integer> acked = new ConcurrentHashMap<>();
            java.util.Set<String> ackedIds = ConcurrentHashMap.newKeySet();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> jobs = new ArrayList<>();
            AtomicInteger sentCount = new AtomicInteger();
            for (int u = 0; u < users; u++) {
                String user = "kill-user-" + u;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < perUser; i++) {
                        String ts = String.valueOf(System.currentTimeMillis());
                        String body = TestApp.textEvent(TestApp.APP_ID, user, user + "-m" + i, "#trogiup", ts);
                        String sig = SignatureVerifier.sign(TestApp.APP_ID, body.getBytes(StandardCharsets.UTF_8), ts, TestApp.OA_SECRET);
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/zalo"))
                                    .timeout(Duration.ofSeconds(5)).header("X-ZEvent-Signature", sig)
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200) {
                                acked.merge(user, 1, Integer::sum);
                                ackedIds.add(user + "-m" + i);
                            }
                        } catch (Exception e) {
                            return; // the server died under us: this event was never acknowledged
                        }
                        sentCount.incrementAndGet();
                    }
                }));
            }
            while (sentCount.get() < users * perUser / 2) Thread.sleep(5);
            server.destroyForcibly();           // SIGKILL, mid-load
            server.waitFor();
            for (Future<?> f : jobs) f.get();
            pool.shutdown();
            int ackedTotal = acked.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(ackedTotal).isGreaterThan(0);

            slow.set(1);                        // Zalo healthy again
            Process again = start(zalo, port);
            try {
                waitHealthy(port);
                Map<String, Integer> replies = new HashMap<>();
                long deadline = System.currentTimeMillis() + 60_000;
                int got = 0;
                while (got < ackedTotal && System.currentTimeMillis() < deadline) {
                    for (FakeZalo.Sent s : zalo.drainSent(200)) {
                        replies.merge(s.userId(), 1, Integer::sum);
                        got++;
                    }
                }
                for (FakeZalo.Sent s : zalo.drainSent(2000)) replies.merge(s.userId(), 1, Integer::sum);
                // Every acknowledged event got exactly one reply; unacknowledged ones may or may not have been stored.
                for (Map.Entry<String, Integer> e : acked.entrySet()) {
                    assertThat(replies.getOrDefault(e.getKey(), 0)).as("replies to %s", e.getKey())
                            .isBetween(e.getValue(), e.getValue() + 1);
                }
                int extra = replies.values().stream().mapToInt(Integer::intValue).sum() - ackedTotal;
                assertThat(extra).as("replies for events whose 200 was lost in the kill").isLessThanOrEqualTo(8);
            } finally {
                again.destroy();
                again.waitFor();
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bot.db"));
                 ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
                try (ResultSet dup = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM (SELECT inbox_id FROM outbox GROUP BY inbox_id HAVING COUNT(*) > 1)")) {
                    dup.next();
                    assertThat(dup.getInt(1)).as("events answered twice").isZero();
                }
                try (ResultSet pending = c.createStatement().executeQuery("SELECT COUNT(*) FROM inbox WHERE status <> 'done'")) {
                    pending.next();
                    assertThat(pending.getInt(1)).isZero();
                }
                // The load generator's acknowledgements against the database: each acknowledged event stored,
                // handled, and answered by exactly one reply.
                Map<String, Integer> repliesByEvent = new HashMap<>();
                try (ResultSet events = c.createStatement().executeQuery(
                        "SELECT i.event_key, i.status, COUNT(o.id) FROM inbox i LEFT JOIN outbox o ON o.inbox_id = i.id "
                                + "GROUP BY i.id")) {
                    while (events.next()) {
                        assertThat(events.getString(2)).isEqualTo("done");
                        repliesByEvent.put(events.getString(1), events.getInt(3));
                    }
                }
                for (String id : ackedIds) {
                    assertThat(repliesByEvent.get("msg:" + id)).as("replies stored for acknowledged %s", id).isEqualTo(1);
                }
                assertThat(repliesByEvent.size() - ackedIds.size()).as("stored events whose 200 was lost in the kill")
                        .isBetween(0, 8);
            }
        }
    }

    private Process start(FakeZalo zalo, int port) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "cdsbot.jar").toAbsolutePath().toString(), "serve");
        Map<String, String> env = pb.environment();
        env.put("ZALO_APP_ID", TestApp.APP_ID);
        env.put("ZALO_OA_SECRET_KEY", TestApp.OA_SECRET);
        env.put("ZALO_APP_SECRET", "app-secret");
        env.put("ZALO_REFRESH_TOKEN", "refresh-seed");
        env.put("ZALO_ACCESS_TOKEN", zalo.validToken());
        env.put("ZALO_API_BASE_URL", zalo.baseUrl());
        env.put("ZALO_OAUTH_BASE_URL", zalo.baseUrl());
        env.put("CDSBOT_DB", dir.resolve("bot.db").toString());
        env.put("CDSBOT_PORT", String.valueOf(port));
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        pb.directory(new File("."));
        return pb.start();
    }

    private static void waitHealthy(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 300; i++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 || r.statusCode() == 503) return;
            } catch (Exception e) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("server did not start in 30 s");
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
