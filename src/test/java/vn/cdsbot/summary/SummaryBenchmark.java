package vn.cdsbot.summary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

/**
 * Timing of the summary commands on a province-sized database: 1,000 reporting units (20 clusters of 50),
 * 52 weeks, 5 indicators, about 8 % of reports corrected once. Not a test: run it with
 * {@code mvn -q -Pbenchmark test-compile exec:exec} (add {@code -Dwarm=--warm} for the server's start-up warm-up) and read the printed figures (docs/summaries-benchmark.md).
 * Each command runs through the real router inside a write transaction, as a chat message would.
 */
public final class SummaryBenchmark {
    static final int GROUPS = 20;
    static final int PER_GROUP = 50;
    static final int WEEKS = 52;
    static final Week LAST = new Week(LocalDate.of(2026, 11, 16));
    static final Instant NOW = LocalDate.of(2026, 11, 23).atTime(9, 0).atZone(TestData.ZONE).toInstant();

    public static void main(String[] args) throws Exception {
        // "--warm": run the start-up warm-up first, as the server does 5 s after it starts.
        boolean warm = Arrays.asList(args).contains("--warm");
        Path dir = Files.createTempDirectory("cdsbot-bench");
        Path file = dir.resolve("bench.db");
        BotConfig config = ConfigLoader.load(Path.of("bot-config.yaml"), true,
                Map.of("CDSBOT_DB", file.toString(), "CDSBOT_PORT", "0")).config();
        try (Database db = Database.open(file, "NORMAL", 4)) {
            long t0 = System.nanoTime();
            long reports = generate(db, new Random(42));
            System.out.printf("Data: %d units, %d weeks, %d report rows (%d values) generated in %d ms%n",
                    GROUPS * PER_GROUP, WEEKS, reports, count(db, "SELECT COUNT(*) FROM report_values"),
                    ms(t0));

            MutableClock clock = new MutableClock(NOW);
            // The reply waits for the document, so the figures are the whole build, as before it moved off the chat thread.
            Summaries summaries = Summaries.create(config, db, vn.cdsbot.period.ReportingCalendar.from(config), clock, () -> {},
                    List.of(), vn.cdsbot.testing.TestApp.PATIENT);
            if (warm) {
                long w0 = System.nanoTime();
                summaries.warmUp();
                System.out.printf("Warm-up (as at server start): %d ms%n", ms(w0));
            } else {
                System.out.println("No warm-up: the first run of each command includes class loading and the first read");
            }
            ChatRouter router = new ChatRouter(summaries.commands(), TestData.membersResolver(), (m, s, tx) -> List.of(), clock);
            AtomicLong inbox = new AtomicLong();

            measure("#tonghop (whole province)", db, router, inbox, "#tonghop", 30, null);
            Random more = new Random(7);
            AtomicLong nextId = new AtomicLong(count(db, "SELECT MAX(id) FROM reports") + 1);
            measure("#tonghop after a correction arrived", db, router, inbox, "#tonghop", 30,
                    () -> correct(db, more, nextId.getAndIncrement()));
            measure("#tonghop BP-G07 (one cluster)", db, router, inbox, "#tonghop BP-G07", 30, null);
            measure("#chuabaocao (whole province)", db, router, inbox, "#chuabaocao", 30, null);
            measure("#bieudo hotro (whole province)", db, router, inbox, "#bieudo hotro", 10, null);
            long[] xuat = measure("#xuat (whole province)", db, router, inbox, "#xuat", 10, null);
            // Months, quarters and the year: every week read once from the report cache, then summed per unit.
            measure("#tonghop tháng 11 (whole province)", db, router, inbox, "#tonghop tháng 11", 10, null);
            measure("#xuat tháng 11 (whole province)", db, router, inbox, "#xuat tháng 11", 10, null);
            long[] week = measure("#vanban " + LAST.typed() + " (whole province)", db, router, inbox,
                    "#vanban " + LAST.typed(), 10, null);
            long[] quarter = measure("#vanban quý 4 (whole province)", db, router, inbox, "#vanban quý 4", 10, null);
            long[] year = measure("#vanban năm 2026 (whole province)", db, router, inbox, "#vanban năm 2026", 10, null);
            System.out.printf("Against #xuat in this run (warm medians): #vanban tuần %.1f×, quý %.1f×, năm %.1f× "
                    + "(targets: tuần < 2 s, năm < 5 s)%n", (double) week[1] / xuat[1], (double) quarter[1] / xuat[1],
                    (double) year[1] / xuat[1]);
            db.read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT file_name, MAX(length(content)) FROM summary_exports "
                             + "GROUP BY file_name ORDER BY file_name")) {
                    while (rs.next()) System.out.printf("File size: %s %d KB%n", rs.getString(1), rs.getLong(2) / 1024);
                }
                return null;
            });
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    /** Prints and returns the first run, the warm median and the warm maximum, in nanoseconds. */
    private static long[] measure(String label, Database db, ChatRouter router, AtomicLong inbox, String text, int runs,
                                  Runnable before) {
        long[] times = new long[runs];
        int messages = 0;
        long first = 0;
        for (int i = 0; i < runs; i++) {
            if (before != null) before.run(); // not timed
            long start = System.nanoTime();
            List<Reply> replies = db.inTransaction(tx -> router.handle(
                    new Incoming(inbox.incrementAndGet(), "sec", text, NOW), tx));
            times[i] = System.nanoTime() - start;
            if (i == 0) first = times[i];
            messages = replies.size();
        }
        long[] warm = Arrays.copyOfRange(times, 1, runs);
        Arrays.sort(warm);
        System.out.printf("%-38s first %7.1f ms | warm median %7.1f ms, max %7.1f ms (%d runs) | %d replies%n", label,
                first / 1e6, warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6, warm.length, messages);
        return new long[] {first, warm[warm.length / 2], warm[warm.length - 1]};
    }

    /** A unit corrects its report for the last week: a new current row supersedes the old one. */
    private static void correct(Database db, Random rnd, long id) {
        String unit = String.format("BP-G%02d-%02d", rnd.nextInt(GROUPS), rnd.nextInt(PER_GROUP));
        db.inTransaction(c -> {
            exec(c, "PRAGMA defer_foreign_keys = ON");
            try (PreparedStatement up = c.prepareStatement("UPDATE reports SET superseded_by = ?, superseded_at = ? "
                    + "WHERE unit_code = ? AND week_start = ? AND superseded_by IS NULL")) {
                up.setLong(1, id);
                up.setLong(2, NOW.toEpochMilli());
                up.setString(3, unit);
                up.setString(4, LAST.key());
                up.executeUpdate();
            }
            try (PreparedStatement rep = c.prepareStatement(
                    "INSERT INTO reports (id, unit_code, week_start, submitted_by, submitted_at, late, plausibility_override, "
                            + "superseded_by, superseded_at, source_inbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement val = c.prepareStatement(
                         "INSERT INTO report_values (report_id, indicator, value) VALUES (?, ?, ?)")) {
                insert(rep, val, id, unit, LAST, NOW.toEpochMilli(), true, false, null, null, 10_000_000 + id, rnd);
                rep.executeBatch();
                val.executeBatch();
            }
            return null;
        });
    }

    private static long generate(Database db, Random rnd) {
        return db.inTransaction(c -> {
            exec(c, "PRAGMA defer_foreign_keys = ON"); // an old version points at the next id before it exists
            exec(c, "INSERT INTO units (code, name, parent_code, kind, active, created_at) VALUES ('BP', 'Tỉnh Bình Phước', NULL, 'province', 1, 0)");
            List<String> communes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO units (code, name, parent_code, kind, active, created_at) VALUES (?, ?, ?, ?, 1, 0)")) {
                for (int g = 0; g < GROUPS; g++) {
                    String group = String.format("BP-G%02d", g);
                    add(ps, group, "Cụm số " + (g + 1), "BP", "group");
                    for (int i = 0; i < PER_GROUP; i++) {
                        String code = String.format("%s-%02d", group, i);
                        add(ps, code, (i % 3 == 0 ? "Phường " : "Xã ") + "Tân Thành " + (g + 1) + "." + (i + 1), group, "commune");
                        communes.add(code);
                    }
                }
                ps.executeBatch();
            }
            exec(c, "INSERT INTO members (user_id, unit_code, role, display_name, enrolled_at, active) VALUES ('sec', 'BP', 'secretariat', 'Văn phòng', 0, 1)");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO members (user_id, unit_code, role, display_name, enrolled_at, active) VALUES (?, ?, 'leader', ?, 0, 1)")) {
                for (String code : communes) {
                    ps.setString(1, "lead-" + code);
                    ps.setString(2, code);
                    ps.setString(3, "Tổ trưởng " + code);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long rows = 0;
            long inbox = 1;
            try (PreparedStatement rep = c.prepareStatement(
                    "INSERT INTO reports (id, unit_code, week_start, submitted_by, submitted_at, late, plausibility_override, "
                            + "superseded_by, superseded_at, source_inbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement val = c.prepareStatement(
                         "INSERT INTO report_values (report_id, indicator, value) VALUES (?, ?, ?)")) {
                long id = 1;
                for (int w = WEEKS - 1; w >= 0; w--) {
                    Week week = LAST.plusWeeks(-w);
                    long at = TestData.saturday(week).toEpochMilli();
                    for (String code : communes) {
                        if (rnd.nextInt(100) < 8) continue; // did not report
                        boolean corrected = rnd.nextInt(100) < 8;
                        if (corrected) {
                            // The old version first, superseded by the next id.
                            insert(rep, val, id, code, week, at, false, false, id + 1, at + 3_600_000, inbox++, rnd);
                            id++;
                            rows++;
                        }
                        boolean late = rnd.nextInt(100) < 10;
                        insert(rep, val, id, code, week, at + (late ? 4 * 86_400_000L : 7_200_000), late,
                                rnd.nextInt(100) < 2, null, null, inbox++, rnd);
                        id++;
                        rows++;
                    }
                    rep.executeBatch();
                    val.executeBatch();
                }
            }
            exec(c, "ANALYZE");
            return rows;
        });
    }

    private static void insert(PreparedStatement rep, PreparedStatement val, long id, String unit, Week week, long at,
                               boolean late, boolean override, Long supersededBy, Long supersededAt, long inbox,
                               Random rnd) throws Exception {
        rep.setLong(1, id);
        rep.setString(2, unit);
        rep.setString(3, week.key());
        rep.setString(4, "lead-" + unit);
        rep.setLong(5, at);
        rep.setInt(6, late ? 1 : 0);
        rep.setInt(7, override ? 1 : 0);
        rep.setObject(8, supersededBy);
        rep.setObject(9, supersededAt);
        rep.setLong(10, inbox);
        rep.addBatch();
        for (String ind : TestData.INDICATORS) {
            val.setLong(1, id);
            val.setString(2, ind);
            val.setLong(3, rnd.nextInt(200));
            val.addBatch();
        }
    }

    private static void add(PreparedStatement ps, String code, String name, String parent, String kind) throws Exception {
        ps.setString(1, code);
        ps.setString(2, name);
        ps.setString(3, parent);
        ps.setString(4, kind);
        ps.addBatch();
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
