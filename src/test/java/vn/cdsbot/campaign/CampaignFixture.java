package vn.cdsbot.campaign;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;

/**
 * A small province with both levels of teams (a commune with two hamlet teams, two communes without), and daily
 * figures stored as the reporting flow stores them: a current report with its day set, and its values.
 */
final class CampaignFixture {
    static final String UNITS = """
            code,name,parent_code,kind
            T,Tỉnh Thử Nghiệm,,province
            X1,Xã An Phú,T,commune
            X1-A,Ấp Một,X1,hamlet
            X1-B,Ấp Hai,X1,hamlet
            X2,Xã Bình Minh,T,commune
            X3,Xã Cát Tiên,T,commune
            """;

    private CampaignFixture() {}

    /** Writes the units file and returns the bot-config.yaml edit that points at it. */
    static java.util.function.UnaryOperator<String> units(Path dir) throws Exception {
        Files.writeString(dir.resolve("units.csv"), UNITS);
        return unitsIn(dir);
    }

    /** The bot-config.yaml edit that points at the units file written in {@code dir}. */
    static java.util.function.UnaryOperator<String> unitsIn(Path dir) {
        return y -> y.replace("file: data/units-binh-phuoc.csv", "file: " + dir.resolve("units.csv").toAbsolutePath())
                .replace("directory: data/commune-directory-binh-phuoc.csv", "directory: \"\"");   // the demo's directory
    }

    /** Through the chat: the admin (from the command line), the secretariat, Xã An Phú's leader and an Ấp Một member. */
    static void enrolStaff(vn.cdsbot.report.TestBot bot) throws Exception {
        bot.say("admin", "#dangky " + bot.cliInvite("T", "admin"));
        bot.say("sec", "#dangky " + vn.cdsbot.report.TestBot.code(bot.say("admin", "#moi T thuky")));
        bot.say("lead1", "#dangky " + vn.cdsbot.report.TestBot.code(bot.say("admin", "#moi X1 totruong")));
        bot.say("m1", "#dangky " + vn.cdsbot.report.TestBot.code(bot.say("admin", "#moi X1-A thanhvien")));
    }

    /** A campaign of 1–10/12/2026 created on the command line with {@code targetsCsv}; returns the code it printed. */
    static String createCampaign(vn.cdsbot.report.TestBot bot, java.time.Clock clock, String name, String indicators,
                                 String targetsCsv) throws Exception {
        Path targets = Files.createTempFile(Path.of(bot.config.storage().database()).getParent(), "targets", ".csv");
        Files.writeString(targets, targetsCsv);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int rc = CampaignCli.create(bot.config, name, "2026-12-01", "2026-12-10", indicators,
                new CampaignCli.TargetSource(targets, null, null), clock, new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        org.assertj.core.api.Assertions.assertThat(rc).as(err.toString()).isZero();
        return out.toString().strip();
    }

    /** A daily figure sent in chat and confirmed. */
    static void daily(vn.cdsbot.report.TestBot bot, String user, String report) throws Exception {
        org.assertj.core.api.Assertions.assertThat(bot.say(user, report)).contains("Bot hiểu số theo ngày của bạn");
        org.assertj.core.api.Assertions.assertThat(bot.say(user, "#xacnhan")).contains("Đã ghi nhận");
    }

    /** Stores a confirmed daily report of {@code unit} for {@code day}: indicator=value pairs. */
    static void daily(Database db, String unit, LocalDate day, Object... values) {
        db.inTransaction(tx -> {
            long id;
            try (PreparedStatement ps = tx.prepareStatement("INSERT INTO reports (unit_code, week_start, submitted_by, "
                    + "submitted_at, day) VALUES (?, ?, 'fixture', 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, unit);
                ps.setString(2, Week.containing(day).key());
                ps.setString(3, day.toString());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = tx.prepareStatement(
                    "INSERT INTO report_values (report_id, indicator, value) VALUES (?, ?, ?)")) {
                for (int i = 0; i < values.length; i += 2) {
                    ps.setLong(1, id);
                    ps.setString(2, (String) values[i]);
                    ps.setLong(3, ((Number) values[i + 1]).longValue());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}
