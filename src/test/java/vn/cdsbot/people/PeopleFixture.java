package vn.cdsbot.people;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import vn.cdsbot.chat.Role;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.messaging.UserActivity;
import vn.cdsbot.storage.Database;

/** Real config, a real SQLite file in a temp folder, the demo units: what the people and report tests share. */
public final class PeopleFixture {
    private PeopleFixture() {}

    /** The committed bot-config.yaml, with the database in {@code dir} and optional text edits (e.g. reminder slots). */
    public static BotConfig config(Path dir, UnaryOperator<String> edit) throws Exception {
        String yaml = edit.apply(Files.readString(Path.of("bot-config.yaml")));
        Path file = dir.resolve("bot-config.yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, true, Map.of("CDSBOT_DB", dir.resolve("bot.db").toString(), "CDSBOT_PORT", "0"))
                .config();
    }

    public static BotConfig config(Path dir) throws Exception {
        return config(dir, s -> s);
    }

    /** Opens the database and loads the units CSV, as start-up does. */
    public static Database database(BotConfig config, java.time.Clock clock) {
        Database db = Database.open(Path.of(config.storage().database()), "NORMAL", 4);
        People.syncUnits(config, db, clock);
        return db;
    }

    public static Member enrol(Database db, String userId, String unit, Role role, long at) {
        return db.inTransaction(tx -> Members.enrol(tx, userId, unit, role, at));
    }

    /** Records that the user messaged the OA at {@code at} (Zalo's messaging window). */
    public static void touch(Database db, String userId, long at) {
        db.inTransaction(tx -> {
            UserActivity.touch(tx, userId, at);
            return null;
        });
    }

    public static List<String> rows(Database db, String sql, Object... args) {
        return db.read(c -> query(c, sql, args));
    }

    /** Each row's columns joined by '|'. */
    public static List<String> query(Connection c, String sql, Object... args) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        if (i > 1) sb.append('|');
                        sb.append(rs.getString(i));
                    }
                    out.add(sb.toString());
                }
            }
        }
        return out;
    }
}
