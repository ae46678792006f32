package vn.cdsbot.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;
import vn.cdsbot.summary.Summaries;
import vn.cdsbot.testing.MutableClock;

/**
 * Timing of the campaign commands on a province with two levels of teams: 1 province, 1,000 communes directly
 * under it, 8 hamlet teams each (8,000), a 90-day campaign (1/9–29/11/2026) with a vneid target per commune, and on
 * each of the 84 days so far a daily figure from 90 % of the 9,000 teams. Not a test: run it with
 * {@code mvn -q -Pbenchmark test-compile exec:exec -Dbenchmark.main=vn.cdsbot.campaign.CampaignBenchmark} and read the printed figures
 * (docs/summaries-benchmark.md). Each command runs through the real router inside a write transaction, as a chat
 * message would; today's {@code #tonghop} runs in the same JVM on the same data, as the baseline.
 */
public final class CampaignBenchmark {
    static final int COMMUNES = 1_000;
    static final int HAMLETS = 8;
    static final LocalDate FIRST = LocalDate.of(2026, 9, 1);
    static final int DAYS = 90;
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Monday 23/11/2026 09:00: day 84 of the campaign. */
    static final Instant NOW = LocalDate.of(2026, 11, 23).atTime(9, 0).atZone(ZONE).toInstant();

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("cdsbot-campaign-bench");
        Path file = dir.resolve("bench.db");
        BotConfig config = ConfigLoader.load(Path.of("bot-config.yaml"), true,
                Map.of("CDSBOT_DB", file.toString(), "CDSBOT_PORT", "0")).config();
        try (Database db = Database.open(file, "NORMAL", 4)) {
            long t0 = System.nanoTime();
            long reports = generate(db, new Random(42));
            System.out.printf("Data: %d communes, %d hamlet teams, %d daily report rows generated in %d ms%n",
                    COMMUNES, COMMUNES * HAMLETS, reports, ms(t0));

            MutableClock clock = new MutableClock(NOW);
            ReportingCalendar calendar = ReportingCalendar.from(config);
            CampaignFiguresCache cache = new CampaignFiguresCache();   // as App wires it
            Summaries summaries = Summaries.create(config, db, calendar, clock, () -> {}, List.of(), cache);
            CampaignFeature campaigns = CampaignFeature.wire(config, db, calendar, clock, () -> {}, cache);
            List<Command> commands = new ArrayList<>(summaries.commands());
            commands.addAll(campaigns.commands());
            ChatRouter router = new ChatRouter(commands, (userId, tx) -> new Sender(userId, Role.SECRETARIAT, "BP", "Văn phòng"),
                    (m, s, tx) -> List.of(), clock);
            AtomicLong inbox = new AtomicLong();

            measure("#tonghop (whole province)", db, router, inbox, "#tonghop", 20);
            measure("#tiendo (whole province)", db, router, inbox, "#tiendo", 20);
            measure("#tiendo CD1 BP-0007 (a commune)", db, router, inbox, "#tiendo CD1 BP-0007", 20);
            AtomicLong nextId = new AtomicLong(db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(id) FROM reports")) {
                    rs.next();
                    return rs.getLong(1) + 1;
                }
            }));
            Random more = new Random(7);
            measureAfter("#tiendo after a new daily figure", db, router, inbox, "#tiendo", 10,
                    () -> newFigure(db, more, nextId.getAndIncrement()));
            measure("#bieudo CD1 (whole province)", db, router, inbox, "#bieudo CD1", 10);
            measure("#xuat (whole province, with CD1)", db, router, inbox, "#xuat", 5);
            long size = db.read(c -> {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT length(content) FROM summary_exports ORDER BY created_at DESC LIMIT 1")) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            });
            System.out.printf("Export file size: %d KB%n", size / 1024);
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir);
    }

    private static void measure(String label, Database db, ChatRouter router, AtomicLong inbox, String text, int runs) {
        measureAfter(label, db, router, inbox, text, runs, null);
    }

    /** A team sends today's figure (untimed), so the timed run has to read the campaign again. */
    private static void newFigure(Database db, Random rnd, long id) {
        String team = String.format("BP-%04d-%d", rnd.nextInt(COMMUNES), 1 + rnd.nextInt(HAMLETS));
        LocalDate today = NOW.atZone(ZONE).toLocalDate();
        db.inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA defer_foreign_keys = ON");   // the old row points at the new one before it exists
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE reports SET superseded_by = ?, superseded_at = 0 "
                    + "WHERE unit_code = ? AND day = ? AND superseded_by IS NULL")) {
                up.setLong(1, id);
                up.setString(2, team);
                up.setString(3, today.toString());
                up.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO reports (id, unit_code, week_start, submitted_by, submitted_at, day) VALUES (" + id
                        + ", '" + team + "', '" + Week.containing(today).key() + "', 'bench', 0, '" + today + "')");
                st.execute("INSERT INTO report_values (report_id, indicator, value) VALUES (" + id + ", 'vneid', 3)");
            }
            return null;
        });
    }

    private static void measureAfter(String label, Database db, ChatRouter router, AtomicLong inbox, String text, int runs,
                                     Runnable before) {
        long[] times = new long[runs];
        long first = 0;
        int messages = 0;
        String head = "";
        for (int i = 0; i < runs; i++) {
            if (before != null) before.run();   // not timed
            long start = System.nanoTime();
            List<Reply> replies = db.inTransaction(tx -> router.handle(new Incoming(inbox.incrementAndGet(), "sec", text, NOW), tx));
            times[i] = System.nanoTime() - start;
            if (i == 0) {
                first = times[i];
                head = replies.isEmpty() ? "" : replies.get(0) instanceof Reply.Text t ? t.text().lines().limit(1).findFirst().orElse("")
                        : "(image) " + ((Reply.Image) replies.get(0)).caption();
            }
            messages = replies.size();
        }
        long[] warm = Arrays.copyOfRange(times, 1, runs);
        Arrays.sort(warm);
        System.out.printf("%-36s first %7.1f ms | warm median %7.1f ms, max %7.1f ms (%d runs) | %d replies | %s%n", label,
                first / 1e6, warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6, warm.length, messages,
                head.length() > 90 ? head.substring(0, 90) + "…" : head);
    }

    private static long generate(Database db, Random rnd) {
        return db.inTransaction(c -> {
            List<String> teams = new ArrayList<>();
            Map<String, Map<String, Long>> targets = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO units (code, name, parent_code, kind, active, created_at) VALUES (?, ?, ?, ?, 1, 0)")) {
                add(ps, "BP", "Tỉnh Thử Nghiệm", null, "province");
                for (int k = 0; k < COMMUNES; k++) {
                    String commune = String.format("BP-%04d", k);
                    add(ps, commune, (k % 3 == 0 ? "Phường " : "Xã ") + "Số " + (k + 1), "BP", "commune");
                    teams.add(commune);
                    targets.put(commune, Map.of("vneid", 900L + rnd.nextInt(600)));
                    for (int h = 0; h < HAMLETS; h++) {
                        String hamlet = commune + "-" + (h + 1);
                        add(ps, hamlet, "Ấp " + (h + 1) + " " + (k + 1), commune, "hamlet");
                        teams.add(hamlet);
                    }
                }
                ps.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO members (user_id, unit_code, role, display_name, enrolled_at, active) "
                        + "VALUES ('sec', 'BP', 'secretariat', 'Văn phòng', 0, 1)");
            }
            Campaigns.create(c, "90 ngày, đêm VNeID", FIRST, FIRST.plusDays(DAYS - 1), List.of("vneid"), targets, "cli", 0);
            int daysSoFar = (int) java.time.temporal.ChronoUnit.DAYS.between(FIRST, NOW.atZone(ZONE).toLocalDate()) + 1;
            long rows = 0;
            long id = 1;
            try (PreparedStatement rep = c.prepareStatement("INSERT INTO reports (id, unit_code, week_start, submitted_by, "
                    + "submitted_at, day) VALUES (?, ?, ?, 'bench', ?, ?)");
                 PreparedStatement val = c.prepareStatement("INSERT INTO report_values (report_id, indicator, value) VALUES (?, 'vneid', ?)")) {
                for (int d = 0; d < daysSoFar; d++) {
                    LocalDate day = FIRST.plusDays(d);
                    String week = Week.containing(day).key();
                    long at = day.atTime(19, 0).atZone(ZONE).toInstant().toEpochMilli();
                    for (String team : teams) {
                        if (rnd.nextInt(100) >= 90) continue;   // 90 % of teams send a figure each day
                        rep.setLong(1, id);
                        rep.setString(2, team);
                        rep.setString(3, week);
                        rep.setLong(4, at);
                        rep.setString(5, day.toString());
                        rep.addBatch();
                        val.setLong(1, id);
                        val.setLong(2, rnd.nextInt(team.length() > 7 ? 3 : 8));
                        val.addBatch();
                        id++;
                        rows++;
                    }
                    rep.executeBatch();
                    val.executeBatch();
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            return rows;
        });
    }

    private static void add(PreparedStatement ps, String code, String name, String parent, String kind) throws Exception {
        ps.setString(1, code);
        ps.setString(2, name);
        ps.setString(3, parent);
        ps.setString(4, kind);
        ps.addBatch();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
