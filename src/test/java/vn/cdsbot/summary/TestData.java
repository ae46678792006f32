package vn.cdsbot.summary;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.chat.SenderResolver;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;

/**
 * Builds units, members and reports directly in a real SQLite file, as the reporting feature would store them,
 * so summary tests depend only on the schema.
 */
final class TestData implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final List<String> INDICATORS = List.of("hotro", "vneid", "dvc", "thanhtoan", "tuyentruyen");

    final Database db;
    private long nextInbox = 1_000_000;

    TestData(Path dir) {
        this.db = Database.open(dir.resolve("test.db"), "NORMAL", 4);
    }

    static BotConfig config(Path dir) {
        return ConfigLoader.load(Path.of("bot-config.yaml"), true,
                Map.of("CDSBOT_DB", dir.resolve("test.db").toString(), "CDSBOT_PORT", "0",
                        "CDSBOT_PUBLIC_URL", "https://bot.example.vn/")).config();
    }

    TestData unit(String code, String name, String parent, String kind) {
        return unit(code, name, parent, kind, true, null);
    }

    TestData unit(String code, String name, String parent, String kind, boolean active, Long deactivatedAt) {
        exec("INSERT INTO units (code, name, parent_code, kind, active, created_at, deactivated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                code, name, parent, kind, active ? 1 : 0, 0L, deactivatedAt);
        return this;
    }

    TestData member(String userId, String unit, String role, String displayName) {
        exec("INSERT INTO members (user_id, unit_code, role, display_name, enrolled_at, active) VALUES (?, ?, ?, ?, ?, 1)",
                userId, unit, role, displayName, 0L);
        return this;
    }

    /** A confirmed report; the unit's current report for that week, if any, becomes history. */
    long report(String unit, Week week, long[] values, String by, Instant at, boolean late, boolean override) {
        return db.inTransaction(c -> {
            Long old = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM reports WHERE unit_code = ? AND week_start = ? AND superseded_by IS NULL")) {
                ps.setString(1, unit);
                ps.setString(2, week.key());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) old = rs.getLong(1);
                }
            }
            if (old != null) {
                // The unique index allows one current report: mark the old one first, then point it at the new one.
                try (PreparedStatement ps = c.prepareStatement("UPDATE reports SET superseded_by = id, superseded_at = ? WHERE id = ?")) {
                    ps.setLong(1, at.toEpochMilli());
                    ps.setLong(2, old);
                    ps.executeUpdate();
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO reports (unit_code, week_start, submitted_by, submitted_at, late, plausibility_override, source_inbox_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, unit);
                ps.setString(2, week.key());
                ps.setString(3, by);
                ps.setLong(4, at.toEpochMilli());
                ps.setInt(5, late ? 1 : 0);
                ps.setInt(6, override ? 1 : 0);
                ps.setLong(7, nextInbox++);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            if (old != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE reports SET superseded_by = ? WHERE id = ?")) {
                    ps.setLong(1, id);
                    ps.setLong(2, old);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO report_values (report_id, indicator, value) VALUES (?, ?, ?)")) {
                for (int i = 0; i < values.length; i++) {
                    ps.setLong(1, id);
                    ps.setString(2, INDICATORS.get(i));
                    ps.setLong(3, values[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    /** An on-time report submitted on the Saturday of its week. */
    long report(String unit, Week week, long... values) {
        return report(unit, week, values, "u-" + unit, saturday(week), false, false);
    }

    static Instant saturday(Week w) {
        return w.monday().plusDays(5).atTime(10, 0).atZone(ZONE).toInstant();
    }

    void activity(String userId, Instant at) {
        exec("INSERT INTO user_activity (user_id, last_interaction, followed) VALUES (?, ?, 1) "
                + "ON CONFLICT (user_id) DO UPDATE SET last_interaction = excluded.last_interaction", userId, at.toEpochMilli());
    }

    void exec(String sql, Object... args) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                return ps.executeUpdate();
            }
        });
    }

    long count(String sql, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    <T> T read(Database.Work<T> work) {
        return db.read(work);
    }

    /** Who a user is, read from the members table (what the reporting feature's resolver does). */
    static SenderResolver membersResolver() {
        return (userId, tx) -> {
            try (PreparedStatement ps = tx.prepareStatement(
                    "SELECT role, unit_code, display_name FROM members WHERE user_id = ? AND active = 1")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Sender.citizen(userId);
                    return new Sender(userId, Role.parse(rs.getString(1)).orElseThrow(), rs.getString(2), rs.getString(3));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }


    @Override
    public void close() {
        db.close();
    }
}
