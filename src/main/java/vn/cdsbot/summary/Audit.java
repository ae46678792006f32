package vn.cdsbot.summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Writes who asked for which summary or export, and for what scope, to the shared audit log. */
final class Audit {
    private Audit() {}

    static void record(Connection tx, Instant at, String actor, String action, String scope, String detail)
            throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, scope);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }
}
