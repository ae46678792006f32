package vn.cdsbot.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import vn.cdsbot.storage.PersonalData;

/** When each user last interacted with the OA: Zalo only accepts consultation messages within 7 days. */
public final class UserActivity {
    private UserActivity() {}

    public static void touch(Connection tx, String userId, long atMillis) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO user_activity (user_id, last_interaction, followed) VALUES (?, ?, 1) "
                        + "ON CONFLICT (user_id) DO UPDATE SET last_interaction = MAX(last_interaction, excluded.last_interaction), "
                        + "followed = 1")) {
            ps.setString(1, userId);
            ps.setLong(2, atMillis);
            ps.executeUpdate();
        }
    }

    public static void unfollowed(Connection tx, String userId) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE user_activity SET followed = 0 WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
    }

    public static Optional<Long> lastInteraction(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_interaction FROM user_activity WHERE user_id = ? AND followed = 1")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public static final PersonalData ERASER = (tx, userId) -> {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM user_activity WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
    };
}
