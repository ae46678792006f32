package vn.cdsbot.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The audit log: who changed enrolment, roles or units, and who sent reminders. Ids and codes only, no names. */
public final class Audit {
    public static final String CLI = "cli";
    public static final String CSV = "csv";

    private Audit() {}

    public static void record(Connection tx, long atMillis, String actor, String action, String subject, String detail)
            throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, atMillis);
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }
}
