package vn.cdsbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
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
import vn.cdsbot.chat.Role;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.people.Invites;
import vn.cdsbot.people.People;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.PackagedJar;
import vn.cdsbot.testing.TestApp;
import vn.cdsbot.webhook.SignatureVerifier;

/**
 * The packaged jar under load is killed with SIGKILL, then restarted: every event that was answered 200 is
 * handled exactly once, its reply reaches Zalo exactly once, and the database is intact. Part of the load is real
 * reporting: members enrol with an invite code, send a one-line #baocao and confirm it with #xacnhan, twice; after
 * the restart each acknowledged confirmation stored exactly one report, and every unit has at most one current
 * report per week with a consistent history.
 */
class KillRestartIT {
    @TempDir Path dir;

    @Test
    void everyAcknowledgedEventIsHandledOnceAfterKillDashNine() throws Exception {
        killDuringLoad(200, 60, 5);
    }

    /** The long variant (mvn -Plong verify): 5,000 events from 1,000 users, 300 of them reporting members. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void fiveThousandEventsKilledMidway() throws Exception {
        killDuringLoad(1000, 300, 5);
    }

    /** What the first {@code members} users send, in order: enrol, report, confirm, correct, confirm again. */
    private static List<String> memberScript(String code, int u) {
        // Plausible figures (each count within the people helped), so #xacnhan stores without a second question.
        return List.of("#dangky " + code, "#baocao hotro=" + (10 + u % 40) + " vneid=" + (u % 7),
                "#xacnhan", "#báo cáo hỗ trợ " + (11 + u % 40) + ", dvc 3", "#xacnhan");
    }

    private void killDuringLoad(int users, int members, int perUser) throws Exception {
        List<String> codes = inviteMembers(members);
        try (FakeZalo zalo = new FakeZalo()) {
            AtomicInteger slow = new AtomicInteger();
            // Zalo is slow at first, so replies are still queued when the process dies.
            zalo.script(r -> {
                if (slow.get() == 0) return new MockResponse().setResponseCode(503);
                return null;
            });
            Process server = start(zalo);
            int port = PackagedJar.announcedPort(dir.resolve("server.log"), 0, server);

            Map<String, Integer> acked = new ConcurrentHashMap<>();
            java.util.Set<String> ackedIds = ConcurrentHashMap.newKeySet();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> jobs = new ArrayList<>();
            AtomicInteger sentCount = new AtomicInteger();
            for (int u = 0; u < users; u++) {
                String user = "kill-user-" + u;
                List<String> script = u < members ? memberScript(codes.get(u), u) : java.util.Collections.nCopies(perUser, "#trogiup");
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < perUser; i++) {
                        String ts = String.valueOf(System.currentTimeMillis());
                        String body = TestApp.textEvent(TestApp.APP_ID, user, user + "-m" + i, script.get(i), ts);
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
            Process again = start(zalo);
            try {
                PackagedJar.announcedPort(dir.resolve("server.log"), 0, again);
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
                assertReports(c, members, ackedIds);
            }
        }
    }

    /** One-time member codes for the first {@code count} users, over ten communes, as #moi or the CLI issue them. */
    private List<String> inviteMembers(int count) {
        BotConfig config = TestApp.config(dir, Map.of());
        try (Database db = Database.open(dir.resolve("bot.db"), config.storage().synchronous(), 2)) {
            People.syncUnits(config, db, Clock.systemUTC());
            return db.inTransaction(tx -> {
                List<String> units = new ArrayList<>();
                try (ResultSet rs = tx.createStatement().executeQuery(
                        "SELECT code FROM units WHERE kind = 'commune' AND active = 1 ORDER BY code LIMIT 10")) {
                    while (rs.next()) units.add(rs.getString(1));
                }
                List<String> out = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    out.add(Invites.create(tx, units.get(i % units.size()), Role.MEMBER, 1, 7, "test",
                            System.currentTimeMillis()).get(0));
                }
                return out;
            });
        }
    }

    /**
     * Reports after the kill and restart: at most one current report per unit and week; every superseded report
     * points to a later one of the same unit and week, and no report is superseded twice; each report has its
     * figures and comes from a stored #xacnhan of its sender; and each acknowledged #baocao followed by an
     * acknowledged #xacnhan stored exactly one report (a replayed confirmation none).
     */
    private static void assertReports(Connection c, int members, java.util.Set<String> ackedIds) throws Exception {
        List<String> problems = new ArrayList<>();
        query(c, "SELECT unit_code, week_start, COUNT(*) FROM reports WHERE superseded_by IS NULL GROUP BY 1, 2 "
                + "HAVING COUNT(*) > 1", rs -> problems.add("two current reports: " + rs.getString(1) + " " + rs.getString(2)));
        query(c, "SELECT r.id FROM reports r LEFT JOIN reports n ON n.id = r.superseded_by WHERE r.superseded_by IS NOT NULL "
                + "AND (n.id IS NULL OR n.unit_code <> r.unit_code OR n.week_start <> r.week_start OR n.id = r.id "
                + "OR n.submitted_at < r.submitted_at OR r.superseded_at IS NULL)",
                rs -> problems.add("inconsistent supersession of report " + rs.getLong(1)));
        query(c, "SELECT superseded_by FROM reports WHERE superseded_by IS NOT NULL GROUP BY 1 HAVING COUNT(*) > 1",
                rs -> problems.add("report " + rs.getLong(1) + " supersedes two reports"));
        query(c, "SELECT unit_code, week_start FROM reports GROUP BY 1, 2 HAVING SUM(superseded_by IS NULL) <> 1",
                rs -> problems.add("no current report: " + rs.getString(1) + " " + rs.getString(2)));
        query(c, "SELECT r.id FROM reports r WHERE NOT EXISTS (SELECT 1 FROM report_values v WHERE v.report_id = r.id)",
                rs -> problems.add("report without figures: " + rs.getLong(1)));
        query(c, "SELECT r.id FROM reports r LEFT JOIN inbox i ON i.id = r.source_inbox_id "
                + "WHERE i.id IS NULL OR i.user_id <> r.submitted_by OR i.body NOT LIKE '%#xacnhan%'",
                rs -> problems.add("report not from its sender's #xacnhan: " + rs.getLong(1)));
        assertThat(problems).isEmpty();

        Map<String, Integer> reportsByEvent = new HashMap<>();
        query(c, "SELECT i.event_key, COUNT(r.id) FROM inbox i LEFT JOIN reports r ON r.source_inbox_id = i.id "
                + "WHERE i.body LIKE '%#xacnhan%' GROUP BY i.id", rs -> reportsByEvent.put(rs.getString(1), rs.getInt(2)));
        int confirmed = 0;
        for (int u = 0; u < members; u++) {
            String user = "kill-user-" + u;
            for (int confirm : new int[] {2, 4}) {
                boolean acked = ackedIds.containsAll(List.of(user + "-m0", user + "-m" + (confirm - 1), user + "-m" + confirm));
                if (!acked) continue;
                assertThat(reportsByEvent.get("msg:" + user + "-m" + confirm)).as("reports from %s's #xacnhan %d; the bot said %s",
                        user, confirm, conversation(c, user)).isEqualTo(1);
                confirmed++;
            }
        }
        assertThat(confirmed).as("acknowledged confirmations").isPositive();
        int stored = reportsByEvent.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(stored).as("reports, against acknowledged confirmations (+ those whose 200 was lost)")
                .isBetween(confirmed, confirmed + 8);
    }

    /** What the user sent and was answered, for a failure message. */
    private static List<String> conversation(Connection c, String user) throws Exception {
        List<String> out = new ArrayList<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT i.event_key, i.body, o.payload FROM inbox i "
                + "LEFT JOIN outbox o ON o.inbox_id = i.id WHERE i.user_id = ? ORDER BY i.id")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1) + " → " + rs.getString(3));
            }
        }
        return out;
    }

    private interface Row {
        void accept(ResultSet rs) throws Exception;
    }

    private static void query(Connection c, String sql, Row row) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) row.accept(rs);
        }
    }

    private Process start(FakeZalo zalo) throws Exception {
        ProcessBuilder pb = PackagedJar.command(List.of("serve"));
        Map<String, String> env = pb.environment();
        PackagedJar.zaloEnvironment(env, zalo);
        env.put("CDSBOT_DB", dir.resolve("bot.db").toString());
        env.put("CDSBOT_PORT", "0");   // the server picks a free port and says which (a new log each start)
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile());
        pb.directory(new File("."));
        return pb.start();
    }
}
