package vn.cdsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.TestApp;

/**
 * A backup taken while the real webhook is being hammered (and reports are being written) restores completely;
 * restore refuses to touch a database a server is using, and refuses files that are not good backups.
 */
class BackupRestoreTest {
    private static final int WRITERS = 6;
    @TempDir Path dir;

    @Test
    void backupUnderLoadRestoresEveryAcknowledgedEventAndReport() throws Exception {
        Path backup = dir.resolve("backups").resolve("under-load.db");
        Map<String, Long> ackedAt = new ConcurrentHashMap<>();       // msg_id -> nanoTime of the 200
        Map<Long, Long> reportsAt = new ConcurrentHashMap<>();       // report id -> nanoTime of its commit
        long backupStart;
        long backupMillis;
        try (TestApp app = TestApp.local(dir)) {
            Database db = app.app().database();
            db.inTransaction(c -> {
                c.createStatement().execute("INSERT INTO units (code, name, kind, created_at) VALUES ('X1', 'Xã Một', 'commune', 0)");
                return null;
            });
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong seq = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            List<Future<?>> jobs = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String user = "load-user-" + w;
                jobs.add(pool.submit(() -> {
                    while (!stop.get()) {
                        String msgId = "load-" + seq.incrementAndGet();
                        String ts = String.valueOf(System.currentTimeMillis());
                        String body = TestApp.textEvent(vn.cdsbot.config.ZaloCredentials.LOCAL.appId(), user, msgId,
                                "lam lai cccd bi mat o dau " + msgId, ts);
                        if (app.post(body, ts) == 200) ackedAt.put(msgId, System.nanoTime());
                    }
                    return null;
                }));
            }
            // What the reporting feature does: confirmed weekly reports with their values, one transaction each.
            jobs.add(pool.submit(() -> {
                int week = 0;
                while (!stop.get()) {
                    int n = week++;
                    long id = db.inTransaction(c -> {
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reports (unit_code, week_start, "
                                + "submitted_by, submitted_at) VALUES ('X1', ?, 'u-member', ?)", Statement.RETURN_GENERATED_KEYS)) {
                            ps.setString(1, java.time.LocalDate.of(2026, 1, 5).plusWeeks(n).toString());
                            ps.setLong(2, System.currentTimeMillis());
                            ps.executeUpdate();
                            try (ResultSet keys = ps.getGeneratedKeys()) {
                                keys.next();
                                long reportId = keys.getLong(1);
                                try (PreparedStatement v = c.prepareStatement(
                                        "INSERT INTO report_values (report_id, indicator, value) VALUES (?, 'hotro', ?)")) {
                                    v.setLong(1, reportId);
                                    v.setLong(2, reportId * 7);
                                    v.executeUpdate();
                                }
                                return reportId;
                            }
                        }
                    });
                    reportsAt.put(id, System.nanoTime());
                    Thread.sleep(2);
                }
                return null;
            }));

            while (ackedAt.size() < 400 || reportsAt.size() < 20) Thread.sleep(5);
            backupStart = System.nanoTime();
            Backups.Summary summary = Backups.backup(db.file(), backup, false);
            backupMillis = (System.nanoTime() - backupStart) / 1_000_000;
            int ackedBefore = ackedAt.size();
            while (ackedAt.size() < ackedBefore + 200) Thread.sleep(5);   // the server kept serving during and after
            stop.set(true);
            for (Future<?> f : jobs) f.get();
            pool.shutdown();

            for (int i = 0; i < 200 && (app.getJson("/health").path("inbox").path("pending").asLong() > 0
                    || app.getJson("/health").path("outbox").path("pending").asLong() > 0); i++) {
                Thread.sleep(50);   // let queued replies go out before closing (see sayAndWait)
            }
            assertThat(summary.rows().get("inbox")).isGreaterThanOrEqualTo(400);
            assertThat(Files.exists(backup.resolveSibling("under-load.db.part"))).isFalse();
            assertThat(Files.exists(backup.resolveSibling("under-load.db-wal"))).as("one self-contained file").isFalse();
        }
        System.out.printf("backup under load: %d ms, %d events and %d reports acknowledged in all%n",
                backupMillis, ackedAt.size(), reportsAt.size());

        Path database = dir.resolve("bot.db");
        Set<String> allAcked = new HashSet<>(ackedAt.keySet());
        Backups.Restored restored = Backups.restore(backup, database, Clock.systemUTC());
        assertThat(restored.previous()).contains(dir.resolve("bot.db.before-restore"));

        Set<String> inRestored = eventKeys(database);
        Set<String> ackedBeforeBackup = new HashSet<>();
        ackedAt.forEach((id, at) -> {
            if (at < backupStart) ackedBeforeBackup.add("msg:" + id);
        });
        assertThat(ackedBeforeBackup).hasSizeGreaterThanOrEqualTo(400);
        assertThat(inRestored).containsAll(ackedBeforeBackup);
        Map<Long, Long> restoredReports = reportValues(database);
        reportsAt.forEach((id, at) -> {
            if (at < backupStart) assertThat(restoredReports).containsEntry(id, id * 7);
        });
        assertThat(integrity(database)).isEqualTo("ok");

        // the old database was kept whole: it has every event, including those after the backup
        Set<String> inPrevious = eventKeys(dir.resolve("bot.db.before-restore"));
        assertThat(inPrevious).containsAll(allAcked.stream().map(id -> "msg:" + id).toList());

        // and the server starts on the restored file and answers
        try (TestApp again = TestApp.local(dir)) {
            assertThat(again.getJson("/health").path("status").asText()).isEqualTo("ok");
            assertThat(again.say("after-restore", "#trogiup")).isEqualTo(200);
            String messages = await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> again.get("/dev/chat/messages?user=after-restore&after=0").body(), m -> !m.equals("[]"));
            assertThat(messages).contains("#trogiup");
        }
    }

    @Test
    void restoreIsRefusedWhileTheServerRuns() throws Exception {
        try (TestApp app = TestApp.local(dir)) {
            Path database = app.app().database().file();
            Path backup = dir.resolve("b.db");
            Backups.backup(database, backup, false);
            sayAndWait(app, "u1", "#trogiup");
            long before = count(database, "inbox");

            assertThatThrownBy(() -> Backups.restore(backup, database, Clock.systemUTC()))
                    .isInstanceOf(Backups.Failure.class)
                    .hasMessageContaining("đang chạy").hasMessageContaining("systemctl stop");
            assertThat(Files.exists(dir.resolve("bot.db.before-restore"))).isFalse();
            assertThat(count(database, "inbox")).isEqualTo(before);
            // the server is unharmed: the lock is still held and it still takes events
            sayAndWait(app, "u1", "#trogiup");
            assertThatThrownBy(() -> Backups.restore(backup, database, Clock.systemUTC()))
                    .isInstanceOf(Backups.Failure.class);
            assertThat(count(database, "inbox")).isEqualTo(before + 1);
        }
    }

    @Test
    void aSecondServerOnTheSameDatabaseIsRefusedAndTheLockIsFreedOnClose() {
        try (TestApp app = TestApp.local(dir)) {
            assertThatThrownBy(() -> TestApp.local(dir)).isInstanceOf(ServerLock.HeldException.class)
                    .hasMessageContaining("bot.db.lock").hasMessageContaining("cdsbot serve");
            assertThat(app.getJson("/health").path("status").asText()).isEqualTo("ok");
        }
        try (TestApp again = TestApp.local(dir)) {
            assertThat(again.getJson("/health").path("status").asText()).isEqualTo("ok");
        }
    }

    @Test
    void badBackupsAreRefusedAndTheDatabaseIsLeftAlone() throws Exception {
        Path database = dir.resolve("bot.db");
        try (TestApp app = TestApp.local(dir)) {
            sayAndWait(app, "u1", "xin chao");
        }
        long events = count(database, "inbox");

        Path text = Files.writeString(dir.resolve("notes.db"), "đây không phải cơ sở dữ liệu ".repeat(200));
        assertThatThrownBy(() -> Backups.restore(text, database, Clock.systemUTC()))
                .isInstanceOf(Backups.Failure.class).hasMessageContaining("notes.db");

        Path foreign = dir.resolve("foreign.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + foreign)) {
            c.createStatement().execute("CREATE TABLE t (x)");
        }
        assertThatThrownBy(() -> Backups.restore(foreign, database, Clock.systemUTC()))
                .isInstanceOf(Backups.Failure.class).hasMessageContaining("flyway_schema_history");

        Path truncated = dir.resolve("truncated.db");
        Backups.backup(database, dir.resolve("good.db"), false);
        byte[] good = Files.readAllBytes(dir.resolve("good.db"));
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> Backups.restore(truncated, database, Clock.systemUTC()))
                .isInstanceOf(Backups.Failure.class);

        assertThatThrownBy(() -> Backups.restore(dir.resolve("missing.db"), database, Clock.systemUTC()))
                .isInstanceOf(Backups.Failure.class).hasMessageContaining("Không tìm thấy");
        assertThatThrownBy(() -> Backups.backup(database, dir.resolve("good.db"), false))
                .isInstanceOf(Backups.Failure.class).hasMessageContaining("--force");

        assertThat(Files.exists(dir.resolve("bot.db.before-restore"))).isFalse();
        assertThat(count(database, "inbox")).isEqualTo(events);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("restore-part"));
        }
    }

    @Test
    void aSecondRestoreKeepsTheEarlierSafetyCopyUnderADatedName() throws Exception {
        Path database = dir.resolve("bot.db");
        try (TestApp app = TestApp.local(dir)) {
            sayAndWait(app, "u1", "một");
        }
        Backups.backup(database, dir.resolve("one.db"), false);
        Backups.restore(dir.resolve("one.db"), database, Clock.systemUTC());
        Backups.restore(dir.resolve("one.db"), database, Clock.systemUTC());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("bot.db.before-restore")))
                    .hasSize(2);
        }
    }

    /** Closing while a local-mode reply is still in flight would wait for its HTTP timeout: let it arrive. */
    private static void sayAndWait(TestApp app, String user, String text) throws Exception {
        int before = app.getJson("/dev/chat/messages?user=" + user + "&after=0").size();
        assertThat(app.say(user, text)).isEqualTo(200);
        await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> app.getJson("/dev/chat/messages?user=" + user + "&after=0").size() > before);
    }

    private static Set<String> eventKeys(Path db) throws Exception {
        Set<String> keys = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT event_key FROM inbox")) {
            while (rs.next()) keys.add(rs.getString(1));
        }
        return keys;
    }

    private static Map<Long, Long> reportValues(Path db) throws Exception {
        Map<Long, Long> values = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT r.id, v.value FROM reports r JOIN report_values v ON v.report_id = r.id")) {
            while (rs.next()) values.put(rs.getLong(1), rs.getLong(2));
        }
        return values;
    }

    private static long count(Path db, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String integrity(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
