package vn.cdsbot.summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The few facts about enrolled people the summaries need, read from the members table. */
final class Members {
    private Members() {}

    /** Active leaders' display names per unit, in enrolment order. */
    static Map<String, List<String>> leaders(Connection c) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT unit_code, display_name FROM members WHERE role = 'leader' AND active = 1 ORDER BY enrolled_at, user_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2);
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(name == null || name.isBlank() ? "(chưa có tên)" : name);
            }
        }
        return out;
    }

    static List<String> activeSecretariat(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT user_id FROM members WHERE role = 'secretariat' AND active = 1 ORDER BY user_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    static boolean isActiveSecretariat(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM members WHERE user_id = ? AND role = 'secretariat' AND active = 1")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
