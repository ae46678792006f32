package vn.cdsbot.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit log: who changed enrolment, roles or units, and who sent reminders. Ids and codes only, no names. */
public final class Audit {
    private static final Logger log = LoggerFactory.getLogger(Audit.class);
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
        // Enrolments, revocations and role changes also reach the log, for operators without database access.
        if (action.startsWith("member.")) log.info("{} by {}: {} ({})", action, actor, subject, detail);
    }
}
