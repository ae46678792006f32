package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Role;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.messaging.UserActivity;
import vn.cdsbot.people.Members;
import vn.cdsbot.people.People;
import vn.cdsbot.storage.Database;
import vn.cdsbot.summary.ExportStore;

/** The editors' command line (kb unanswered, kb accept, invite --role editor) and the weekly digest. */
class EditorToolsTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Monday 30/11/2026 08:05 in Vietnam: the digest slot has just passed. */
    private static final Clock MONDAY = Clock.fixed(Instant.parse("2026-11-30T01:05:00Z"), ZONE);

    @TempDir
    Path tmp;

    private BotConfig config() throws Exception {
        Path kbDir = Files.createDirectories(tmp.resolve("kb"));
        try (Stream<Path> files = Files.list(Path.of("knowledge-base"))) {
            for (Path f : files.toList()) Files.copy(f, kbDir.resolve(f.getFileName()));
        }
        BotConfig c = ConfigLoader.load(Path.of("bot-config.yaml"), true,
                Map.of("CDSBOT_DB", tmp.resolve("bot.db").toString(), "CDSBOT_PORT", "0")).config();
        return new BotConfig(c.timezone(), c.server(), c.storage(), c.zalo(), c.inbox(), c.outbox(),
                new BotConfig.Kb(kbDir.toString(), c.kb().answerThreshold(), c.kb().clarifyThreshold(), c.kb().staleAfterDays(),
                        c.kb().keepQuestionsDays()),
                c.units(), c.reporting(), c.summaries(), c.backup(), c.handoff(), c.campaigns());
    }

    private static void unanswered(Database db, long inbox, String user, String question, String top, long at) {
        db.inTransaction(tx -> {
            KbStore.logUnanswered(tx, inbox, new KbStore.Unanswered(user, question, "fallback", top, 0.1, at));
            return null;
        });
    }

    private static String run(java.util.function.BiFunction<PrintStream, PrintStream, Integer> command, int[] exit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exit[0] = command.apply(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void kbUnansweredListsByArticleAndKbAcceptAddsTheQuestionToTheFile() throws Exception {
        BotConfig config = config();
        Clock now = Clock.systemUTC();
        try (Database db = Database.open(Path.of(config.storage().database()), "NORMAL", 2)) {
            unanswered(db, 1, "zalo-user-123", "mất cccd ở xa quê thì làm lại chỗ nào", "cap-lai-the-can-cuoc", now.millis());
            unanswered(db, 2, "zalo-user-456", "mất cccd ở xa quê thì làm lại chỗ nào", "cap-lai-the-can-cuoc", now.millis());
        }
        int[] exit = new int[1];
        String list = run((o, e) -> KbCli.unanswered(config, 7, now, o, e), exit);
        assertThat(exit[0]).isZero();
        assertThat(list).contains("[cap-lai-the-can-cuoc]: 2 chưa trả lời", "C1 \"mất cccd ở xa quê thì làm lại chỗ nào\" ×2")
                .doesNotContain("zalo-user");

        Path file = Path.of(config.kb().dir(), "dv02-cap-lai-the-can-cuoc.md");
        String out = run((o, e) -> KbCli.accept(config, "C1", "cap-lai-the-can-cuoc", now, o, e), exit);
        assertThat(exit[0]).as(out).isZero();
        assertThat(Files.readString(file)).contains("\n  - mất cccd ở xa quê thì làm lại chỗ nào\n");
        KbLoader.Snapshot s = KbLoader.load(Path.of(config.kb().dir()), LocalDate.now(now), 180);
        assertThat(s.errors()).isEmpty();
        assertThat(s.articles()).filteredOn(a -> a.id().equals("cap-lai-the-can-cuoc")).singleElement()
                .satisfies(a -> assertThat(a.questions()).last().isEqualTo("mất cccd ở xa quê thì làm lại chỗ nào"));

        assertThat(run((o, e) -> KbCli.accept(config, "C2", "cap-lai-the-can-cuoc", now, o, e), exit))
                .contains("is already a question of cap-lai-the-can-cuoc");
        assertThat(exit[0]).isEqualTo(1);
        assertThat(run((o, e) -> KbCli.accept(config, "C99", "cap-lai-the-can-cuoc", now, o, e), exit))
                .contains("no kept question with reference 'C99'");
    }

    @Test
    void questionsThatYamlWouldMisreadAreQuoted() {
        assertThat(QuestionList.yaml("hỏi: làm sao")).isEqualTo("\"hỏi: làm sao\"");
        assertThat(QuestionList.yaml("\"cccd\" là gì")).isEqualTo("\"\\\"cccd\\\" là gì\"");
        assertThat(QuestionList.yaml("làm lại cccd")).isEqualTo("làm lại cccd");
    }

    @Test
    void theCommandLineInvitesAnEditor() throws Exception {
        BotConfig config = config();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String unit;
        try (Database db = Database.open(Path.of(config.storage().database()), "NORMAL", 2)) {
            People.syncUnits(config, db, Clock.systemUTC());
            unit = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT code FROM units WHERE active = 1 LIMIT 1");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        }
        int exit = People.cliInvite(config, unit, "editor", 1, 7, Clock.systemUTC(), new PrintWriter(out), new PrintWriter(err));
        assertThat(exit).as(err.toString()).isZero();
        try (Database db = Database.open(Path.of(config.storage().database()), "NORMAL", 2)) {
            String role = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT role FROM invites");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(role).isEqualTo("editor");
        }
    }

    @Test
    void theMondayDigestReachesActiveEditorsOnce() throws Exception {
        BotConfig config = config();
        try (Database db = Database.open(Path.of(config.storage().database()), "NORMAL", 2)) {
            long lastWeek = Instant.parse("2026-11-26T03:00:00Z").toEpochMilli();
            unanswered(db, 1, "zalo-user-9", "làm thẻ căn cước cho người nằm liệt giường", null, lastWeek);
            db.inTransaction(tx -> {
                try (PreparedStatement ps = tx.prepareStatement("INSERT INTO units (code, name, parent_code, kind, active, "
                        + "created_at) VALUES ('X1', 'Xã Một', NULL, 'commune', 1, 0)")) {
                    ps.executeUpdate();
                }
                Members.enrol(tx, "editor-active", "X1", Role.EDITOR, 0);
                Members.enrol(tx, "editor-away", "X1", Role.EDITOR, 0);
                Members.enrol(tx, "leader-1", "X1", Role.LEADER, 0);
                UserActivity.touch(tx, "editor-active", MONDAY.millis() - 3_600_000);
                UserActivity.touch(tx, "leader-1", MONDAY.millis() - 3_600_000);
                UserActivity.touch(tx, "editor-away", MONDAY.millis() - 30L * 86_400_000);
                return null;
            });
            KnowledgeBase kb = KbFeature.open(config, MONDAY);
            KbEditors editors = new KbEditors(kb, new ExportStore("http://bot.example", java.time.Duration.ofDays(7)),
                    vn.cdsbot.period.ReportingCalendar.from(config), MONDAY);
            Runnable digest = editors.digest(db, new vn.cdsbot.messaging.MessagingWindow(false), () -> {});
            digest.run();
            digest.run();
            var queued = db.read(c -> {
                java.util.List<String> rows = new java.util.ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT user_id, payload FROM outbox ORDER BY id");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(rs.getString(1) + " " + rs.getString(2));
                }
                return rows;
            });
            assertThat(queued).singleElement().asString().startsWith("editor-active ")
                    .contains("BẢN TIN TUẦN CHO NGƯỜI BIÊN TẬP", "làm thẻ căn cước cho người nằm liệt giường",
                            "tuần trước (23/11–29/11)", "http://bot.example/exports/")
                    .doesNotContain("zalo-user-9");
        }
    }
}
