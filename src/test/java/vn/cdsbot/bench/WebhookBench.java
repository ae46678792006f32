package vn.cdsbot.bench;

import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.App;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.messaging.Inbox;
import vn.cdsbot.messaging.InboxWriter;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.TestApp;
import vn.cdsbot.webhook.WebhookRoutes;

/**
 * The webhook benchmark: {@code mvn -Pbench verify} (see docs/benchmarks.md). Not part of the normal build.
 *
 * <p>In one JVM, against the same Javalin/Jetty settings, in alternating rounds: a bare endpoint that only answers
 * 200 (the ceiling), the signed durable ack path alone, and the whole app with a fake Zalo; then the whole app at a
 * fixed 300 events/s. Then the packaged
 * jar as operators run it: time to ready, the same load, peak RSS.
 *
 * <p>Knobs (system properties): bench.connections (32), bench.seconds (20, per kind, split into bench.rounds = 5), bench.warmup (5), bench.rate (300),
 * bench.rateSeconds (20), bench.maxEvents (1000000), bench.members (600: enrolled members who send the reports),
 * bench.jar (true), bench.strict (false: print misses only),
 * bench.profile (bare, path or app: records that kind's flat-out rounds with JFR into target/bench-KIND-ROUND.jfr).
 */
@Tag("bench")
class WebhookBench {
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);
    private static final Duration SECONDS = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));
    private static final int RATE = Integer.getInteger("bench.rate", 300);
    private static final Duration RATE_SECONDS = Duration.ofSeconds(Integer.getInteger("bench.rateSeconds", 20));
    private static final long MAX_EVENTS = Long.getLong("bench.maxEvents", 1_000_000);
    private static final boolean JAR = Boolean.parseBoolean(System.getProperty("bench.jar", "true"));
    private static final boolean STRICT = Boolean.getBoolean("bench.strict");
    private static final String PROFILE = System.getProperty("bench.profile", "");
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int MEMBERS = Integer.getInteger("bench.members", 600);

    @TempDir Path dir;

    /**
     * Replies still expected, by user, oldest first. Replies to one user are sent in order and each event here gets
     * exactly one message, so a user's next message answers their oldest pending event.
     */
    private static final class Replies {
        record Pending(long startNanos, Latencies into) {}

        private final Map<String, java.util.Deque<Pending>> pending = new ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong unexpected = new java.util.concurrent.atomic.AtomicLong();

        void expect(String user, long startNanos, Latencies into) {
            pending.computeIfAbsent(user, u -> new java.util.concurrent.ConcurrentLinkedDeque<>())
                    .addLast(new Pending(startNanos, into));
        }

        void arrived(String user, long atNanos) {
            java.util.Deque<Pending> q = pending.get(user);
            Pending p = q == null ? null : q.pollFirst();
            if (p == null) {
                unexpected.incrementAndGet();
                return;
            }
            p.into().add(atNanos - p.startNanos());
        }

        private int outstanding() {
            return pending.values().stream().mapToInt(java.util.Deque::size).sum();
        }

        /** Waits until every expected reply arrived; returns how many are still missing. */
        int await(Duration max) throws InterruptedException {
            long end = System.nanoTime() + max.toNanos();
            while (outstanding() > 0 && System.nanoTime() < end) Thread.sleep(20);
            int missing = outstanding();
            pending.clear();
            return missing;
        }

        /** Messages that answered no pending event (a command answered by two messages would show here). */
        long unexpected() {
            return unexpected.get();
        }
    }

    private final List<String> lines = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();

    @Test
    void webhook() throws Exception {
        try (BenchZalo zalo = new BenchZalo()) {
            Replies replies = new Replies();
            zalo.onMessage(replies::arrived);
            line("Machine: %d cores (%s), %s MB memory, Java %s", Runtime.getRuntime().availableProcessors(), cpuModel(),
                    memTotalMb(), Runtime.version());
            line("Load: %d connections for %d s (warm-up %d s), then %d events/s for %d s; 80 %% questions from new users, "
                    + "20 %% #baocao then #xacnhan from %d members enrolled by #dangky",
                    CONNECTIONS, SECONDS.toSeconds(), WARMUP.toSeconds(), RATE, RATE_SECONDS.toSeconds(), MEMBERS);
            String loadBefore = loadAverage();
            inProcess(zalo, replies);
            if (JAR) packagedJar(zalo, replies);
            line("");
            line("Load average of the machine (1, 5, 15 min; shared with other jobs): %s at the start, %s at the end",
                    loadBefore, loadAverage());
        }
        System.out.println();
        System.out.println("==================== webhook benchmark ====================");
        lines.forEach(System.out::println);
        System.out.println("===========================================================");
        Files.writeString(Path.of("target", "benchmark.txt"), String.join("\n", lines) + "\n");
        if (STRICT && !misses.isEmpty()) throw new AssertionError("targets missed: " + misses);
    }

    private void inProcess(BenchZalo zalo, Replies replies) throws Exception {
        BotConfig config = TestApp.config(dir.resolve("inproc"),
                Map.of("ZALO_API_BASE_URL", zalo.baseUrl(), "ZALO_OAUTH_BASE_URL", zalo.baseUrl()));
        Javalin bare = App.webServer(config);
        bare.post("/bare", ctx -> ctx.status(200));
        bare.start("127.0.0.1", 0);
        String bareUrl = "http://127.0.0.1:" + bare.port() + "/bare";
        try (AckPath ackPath = new AckPath(config, dir.resolve("ackpath.db"));
             App app = App.start(config, TestApp.credentials("seed-access"), Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + app.port();
            Reporters reporters = enrol(base, Reporters.invite(config, app.database(), "member-", MEMBERS), replies);
            Traffic traffic = new Traffic(base, TestApp.APP_ID, TestApp.OA_SECRET, reporters);
            Traffic pathTraffic = new Traffic("http://127.0.0.1:" + ackPath.port(), TestApp.APP_ID, TestApp.OA_SECRET);
            HttpClient http = Load.client();

            Latencies ignored = new Latencies();
            Load.closedLoop("warm-up bare", http, CONNECTIONS, WARMUP, MAX_EVENTS, (n, t) -> Traffic.bare(bareUrl, n));
            Load.closedLoop("warm-up ack path", http, CONNECTIONS, WARMUP, MAX_EVENTS, (n, t) -> pathTraffic.event("p" + n, n));
            Load.closedLoop("warm-up webhook", http, CONNECTIONS, WARMUP, MAX_EVENTS, (n, t) -> expect(traffic.next("w", n),
                    replies, t, ignored));
            replies.await(Duration.ofSeconds(120));

            // Short alternating rounds, so a noisy neighbour on a shared machine hits all three alike.
            List<Load.Result> bareRuns = new ArrayList<>();
            List<Load.Result> pathRuns = new ArrayList<>();
            List<Load.Result> appRuns = new ArrayList<>();
            List<Double> pathRatios = new ArrayList<>();
            List<Double> appRatios = new ArrayList<>();
            Latencies flatOutReplies = new Latencies();
            Duration round = SECONDS.dividedBy(ROUNDS);
            int flatOutMissing = 0;
            double drainSeconds = 0;
            for (int r = 0; r < ROUNDS; r++) {
                String tag = "s" + r + "-";
                                Load.Result b = profiled("bare", r, () -> Load.closedLoop("bare", http, CONNECTIONS, round, MAX_EVENTS,
                        (n, t) -> Traffic.bare(bareUrl, n)));
                Load.Result p = profiled("path", r, () -> Load.closedLoop("ack path", http, CONNECTIONS, round, MAX_EVENTS,
                        (n, t) -> pathTraffic.event("p" + tag + n, n)));
                Load.Result a = profiled("app", r, () -> Load.closedLoop("whole app", http, CONNECTIONS, round, MAX_EVENTS,
                        (n, t) -> expect(traffic.next(tag, n), replies, t, flatOutReplies)));
                long drainStart = System.nanoTime();
                flatOutMissing += replies.await(Duration.ofSeconds(300));
                drainSeconds += (System.nanoTime() - drainStart) / 1e9;
                bareRuns.add(b);
                pathRuns.add(p);
                appRuns.add(a);
                pathRatios.add(p.perSecond() / b.perSecond());
                appRatios.add(a.perSecond() / b.perSecond());
            }
            Load.Result ceiling = Load.combine("bare", bareRuns);
            Load.Result path = Load.combine("ack path", pathRuns);
            Load.Result webhook = Load.combine("whole app", appRuns);

            Latencies rateReplies = new Latencies();
            Load.Result fixed = Load.fixedRate("whole app@" + RATE, http, RATE, RATE_SECONDS,
                    (n, t) -> expect(traffic.next("r", n), replies, t, rateReplies));
            int rateMissing = replies.await(Duration.ofSeconds(60));
            Load.Result bareFixed = Load.fixedRate("bare@" + RATE, http, RATE, Duration.ofSeconds(5),
                    (n, t) -> Traffic.bare(bareUrl, n));

            line("");
            line("In-process: load generator, fake Zalo and servers in one JVM, same Javalin/Jetty settings;");
            line("%d alternating rounds of %d s each: bare, ack path, whole app (then its replies drain)", ROUNDS,
                    round.toSeconds());
            result(ceiling);
            result(path);
            result(webhook);
            line("  ratio to bare per round: ack path %s, whole app %s", ratios(pathRatios), ratios(appRatios));
            line("  replies flat out:  p50 %.1f ms  p95 %.1f ms  (%d replies, %d missing; backlogs drained in %.1f s in all)",
                    flatOutReplies.percentileMillis(50), flatOutReplies.percentileMillis(95), flatOutReplies.count(),
                    flatOutMissing, drainSeconds);
            result(fixed);
            line("  replies @%d/s:    p50 %.1f ms  p95 %.1f ms  (%d replies, %d missing)", RATE,
                    rateReplies.percentileMillis(50), rateReplies.percentileMillis(95), rateReplies.count(), rateMissing);
            result(bareFixed);
            line("  reporting: %s", reportFigures(app.database()));
            line("");
            check("ack path throughput / bare endpoint (median round)", median(pathRatios), ">=", 0.50, "%.2f");
            line("  %-52s %.2f  (no target: replies compete for the same 2 cores)", "whole app throughput / bare (median round)",
                    median(appRatios));
            check("p99 time to 200 at " + RATE + " events/s, whole app (ms)", fixed.ack().percentileMillis(99), "<", 20, "%.1f");
            check("p95 webhook-to-reply at " + RATE + " events/s (ms)", rateReplies.percentileMillis(95), "<", 150, "%.1f");
            line("  messages that answered no pending event: %d", replies.unexpected());
            if (flatOutMissing + rateMissing > 0) misses.add("replies missing: " + (flatOutMissing + rateMissing));
            long notOk = path.failed() + webhook.failed() + fixed.failed();
            if (notOk > 0) misses.add("non-200 answers: " + notOk);
        } finally {
            bare.stop();
        }
    }

    /**
     * Only the signed, durable ack path: the production webhook route and group-committed inbox on the same
     * Javalin settings, with nothing consuming the inbox. The whole app adds the handling and sending of replies,
     * which compete with it for the CPU.
     */
    private static final class AckPath implements AutoCloseable {
        private final Database db;
        private final InboxWriter writer;
        private final Javalin web;

        AckPath(BotConfig config, Path file) {
            db = Database.open(file, config.storage().synchronous(), 4);
            writer = new InboxWriter(new Inbox(db), 10_000, () -> {});
            web = App.webServer(config);
            new WebhookRoutes(TestApp.credentials("unused"), writer, config.server().maxBodyBytes(), Clock.systemUTC(),
                    new SimpleMeterRegistry()).register(web);
            web.start("127.0.0.1", 0);
        }

        int port() {
            return web.port();
        }

        @Override
        public void close() {
            web.stop();
            writer.close();
            db.close();
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        java.util.Collections.sort(s);
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    private static String ratios(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).collect(java.util.stream.Collectors.joining(" "));
    }

    private void packagedJar(BenchZalo zalo, Replies replies) throws Exception {
        Path jar = Path.of("target", "cdsbot.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            line("Packaged jar: %s not built, skipped (run through mvn -Pbench verify)", jar);
            return;
        }
        int port = freePort();
        Path home = Files.createDirectories(dir.resolve("jar"));
        BotConfig config = TestApp.config(home, Map.of());
        List<String[]> invited;
        try (Database db = Database.open(home.resolve("bot.db"), config.storage().synchronous(), 2)) {
            invited = Reporters.invite(config, db, "jmember-", MEMBERS);
        }
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(deployedJvmFlags());
        cmd.addAll(List.of("-jar", jar.toString(), "serve"));
        line("  JVM flags from deploy/cdsbot.service: %s", String.join(" ", deployedJvmFlags()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("ZALO_APP_ID", TestApp.APP_ID);
        env.put("ZALO_OA_SECRET_KEY", TestApp.OA_SECRET);
        env.put("ZALO_APP_SECRET", "app-secret");
        env.put("ZALO_REFRESH_TOKEN", "refresh-seed");
        env.put("ZALO_API_BASE_URL", zalo.baseUrl());
        env.put("ZALO_OAUTH_BASE_URL", zalo.baseUrl());
        env.put("CDSBOT_DB", home.resolve("bot.db").toString());
        env.put("CDSBOT_PORT", String.valueOf(port));
        pb.redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile());
        long t0 = System.nanoTime();
        Process server = pb.start();
        try {
            double startupMs = waitReady(port, server, t0) / 1e6;
            String base = "http://127.0.0.1:" + port;
            Traffic traffic = new Traffic(base, TestApp.APP_ID, TestApp.OA_SECRET, enrol(base, invited, replies));
            HttpClient http = Load.client();
            Load.closedLoop("warm-up jar", http, CONNECTIONS, WARMUP, MAX_EVENTS,
                    (n, t) -> expect(traffic.next("jw", n), replies, t, new Latencies()));
            replies.await(Duration.ofSeconds(120));
            Latencies flatOutReplies = new Latencies();
            Load.Result flatOut = Load.closedLoop("jar webhook", http, CONNECTIONS, SECONDS, MAX_EVENTS,
                    (n, t) -> expect(traffic.next("js", n), replies, t, flatOutReplies));
            int missing = replies.await(Duration.ofSeconds(300));
            Latencies rateReplies = new Latencies();
            Load.Result fixed = Load.fixedRate("jar webhook@" + RATE, http, RATE, RATE_SECONDS,
                    (n, t) -> expect(traffic.next("jr", n), replies, t, rateReplies));
            missing += replies.await(Duration.ofSeconds(60));
            Map<String, Long> mem = procStatus(server.pid());
            line("");
            line("Packaged jar (java -jar target/cdsbot.jar serve, the systemd unit's JVM flags, separate process)");
            line("  start-up to first 200 on /health: %.0f ms (%s)", startupMs, kbLine(home.resolve("server.log")));
            result(flatOut);
            line("  replies flat out:  p50 %.1f ms  p95 %.1f ms", flatOutReplies.percentileMillis(50),
                    flatOutReplies.percentileMillis(95));
            result(fixed);
            line("  replies @%d/s:    p50 %.1f ms  p95 %.1f ms  (%d missing in total)", RATE,
                    rateReplies.percentileMillis(50), rateReplies.percentileMillis(95), missing);
            line("  memory: peak RSS (VmHWM) %d MB, RSS after the load %d MB", mem.getOrDefault("VmHWM", -1L) / 1024,
                    mem.getOrDefault("VmRSS", -1L) / 1024);
            line("  reporting: %s", reportFigures(home.resolve("bot.db")));
            line("");
            check("p99 time to 200 at " + RATE + " events/s, jar (ms)", fixed.ack().percentileMillis(99), "<", 20, "%.1f");
            check("p95 webhook-to-reply at " + RATE + " events/s, jar (ms)", rateReplies.percentileMillis(95), "<", 150, "%.1f");
            line("  %-52s %.0f  (no target)", "start-up to ready with the full knowledge base (ms)", startupMs);
            line("  %-52s %d  (no target)", "peak RSS (MB)", mem.getOrDefault("VmHWM", -1L) / 1024);
            if (missing > 0) misses.add("jar replies missing: " + missing);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static HttpRequest expect(Traffic.Event e, Replies replies, long startNanos, Latencies into) {
        replies.expect(e.user(), startNanos, into);
        return e.request();
    }

    /** Each invited member sends #dangky CODE and gets an answer; checks in the database that all are enrolled. */
    private Reporters enrol(String base, List<String[]> invited, Replies replies) throws Exception {
        Traffic traffic = new Traffic(base, TestApp.APP_ID, TestApp.OA_SECRET);
        HttpClient http = Load.client();
        Latencies ignored = new Latencies();
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (String[] member : invited) {
            replies.expect(member[0], System.nanoTime(), ignored);
            sent.add(http.sendAsync(traffic.text(member[0], member[0] + "-dangky", "#dangky " + member[1]),
                    HttpResponse.BodyHandlers.discarding()));
        }
        for (var f : sent) {
            if (f.get().statusCode() != 200) throw new AssertionError("#dangky answered " + f.get().statusCode());
        }
        int missing = replies.await(Duration.ofSeconds(60));
        if (missing > 0) throw new AssertionError(missing + " members got no answer to #dangky");
        return Reporters.of(invited);
    }

    /** Members, confirmed reports (current and superseded) and drafts left open, from the database. */
    private static String reportFigures(Database db) {
        return db.read(c -> reportFigures(c));
    }

    private static String reportFigures(Path file) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            return reportFigures(c);
        }
    }

    private static String reportFigures(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT "
                + "(SELECT COUNT(*) FROM members WHERE active = 1 AND role = 'member'), "
                + "(SELECT COUNT(*) FROM reports), (SELECT COUNT(*) FROM reports WHERE superseded_by IS NULL), "
                + "(SELECT COUNT(*) FROM report_drafts)")) {
            rs.next();
            return String.format(Locale.ROOT, "%d members enrolled by #dangky; %d reports confirmed by #xacnhan "
                    + "(%d current, the rest superseded); %d drafts open", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    /** The knowledge-base line the server logged at start-up. */
    private static String kbLine(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.contains("Knowledge base:"))
                .map(l -> l.substring(l.indexOf("Knowledge base:"))).findFirst().orElse("no knowledge-base line in the log");
    }

    private interface Run {
        Load.Result run() throws Exception;
    }

    /** Runs one load, under JFR when bench.profile names its kind. */
    private static Load.Result profiled(String kind, int round, Run run) throws Exception {
        if (!PROFILE.equals(kind)) return run.run();
        try (jdk.jfr.Recording jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            jfr.start();
            Load.Result r = run.run();
            jfr.dump(Path.of("target", "bench-" + kind + "-" + round + ".jfr"));
            return r;
        }
    }

    private void result(Load.Result r) {
        line("  %-18s %8.0f events/s  time to 200: p50 %.2f ms  p99 %.2f ms  max %.1f ms  (%d ok, %d not 200)",
                r.name(), r.perSecond(), r.ack().percentileMillis(50), r.ack().percentileMillis(99), r.ack().maxMillis(),
                r.ok(), r.failed());
    }

    private void check(String what, double value, String op, double target, String format) {
        boolean ok = op.equals(">=") ? value >= target : value < target;
        line("  %-52s %s  target %s %s  %s", what, String.format(Locale.ROOT, format, value), op,
                String.format(Locale.ROOT, format, target), ok ? "MET" : "MISSED");
        if (!ok) misses.add(what);
    }

    private void line(String format, Object... args) {
        lines.add(String.format(Locale.ROOT, format, args));
    }

    private static long waitReady(int port, Process server, long t0) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() - t0 < Duration.ofSeconds(60).toNanos()) {
            if (!server.isAlive()) throw new AssertionError("the jar exited with " + server.exitValue());
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return System.nanoTime() - t0;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the jar was not ready within 60 s");
    }

    /** The JVM options operators run with (heap limits above all), so memory is measured as deployed. */
    static List<String> deployedJvmFlags() throws IOException {
        for (String l : Files.readAllLines(Path.of("deploy", "cdsbot.service"))) {
            if (!l.startsWith("ExecStart=")) continue;
            List<String> words = List.of(l.substring("ExecStart=".length()).trim().split("\\s+"));
            return words.subList(1, words.indexOf("-jar"));
        }
        throw new IllegalStateException("deploy/cdsbot.service has no ExecStart line");
    }

    /** VmHWM / VmRSS etc. in kB from /proc/PID/status. */
    private static Map<String, Long> procStatus(long pid) throws IOException {
        Map<String, Long> out = new java.util.HashMap<>();
        for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            String[] kv = l.split(":\\s+");
            if (kv.length == 2 && kv[1].endsWith(" kB")) out.put(kv[0], Long.parseLong(kv[1].replace(" kB", "").strip()));
        }
        return out;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotalMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.valueOf(Long.parseLong(l.replaceAll("\\D", "")) / 1024)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
