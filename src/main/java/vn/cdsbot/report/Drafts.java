package vn.cdsbot.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.cdsbot.period.Day;
import vn.cdsbot.period.Period;
import vn.cdsbot.period.Week;

/** report_drafts: each user's unconfirmed report or guided flow in progress. */
final class Drafts {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param step guided flow: index of the indicator being asked; null when waiting for #xacnhan
     * @param warned plausibility warnings were shown, so "#xacnhan chắc chắn" may now confirm
     * @param single the guided step asks this one indicator (#sua hotro), then the draft waits for #xacnhan
     */
    record Draft(String userId, String unitCode, Period period, Map<String, Long> values, Integer step, boolean warned,
                 long expiresAt, boolean single) {
        Draft {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        Draft(String userId, String unitCode, Period period, Map<String, Long> values, Integer step, boolean warned,
              long expiresAt) {
            this(userId, unitCode, period, values, step, warned, expiresAt, false);
        }

        /** The week of the report: its own, or its day's. */
        Week week() {
            return Week.containing(period.first());
        }

        boolean daily() {
            return period instanceof Day;
        }

        boolean guided() {
            return step != null;
        }

        boolean expired(long now) {
            return expiresAt <= now;
        }
    }

    private Drafts() {}

    static Optional<Draft> find(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, unit_code, week_start, draft_values, step, "
                + "warned, expires_at, single, day FROM report_drafts WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                int step = rs.getInt(5);
                Integer stepOrNull = rs.wasNull() ? null : step;
                String day = rs.getString(9);
                Period period = day == null ? Week.parse(rs.getString(3)) : new Day(java.time.LocalDate.parse(day));
                return Optional.of(new Draft(rs.getString(1), rs.getString(2), period,
                        readValues(rs.getString(4)), stepOrNull, rs.getInt(6) == 1, rs.getLong(7), rs.getInt(8) == 1));
            }
        }
    }

    static void save(Connection tx, Draft d, long now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO report_drafts (user_id, unit_code, week_start, "
                + "draft_values, step, warned, created_at, expires_at, single, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (user_id) DO UPDATE SET unit_code = excluded.unit_code, week_start = excluded.week_start, "
                + "draft_values = excluded.draft_values, step = excluded.step, warned = excluded.warned, "
                + "expires_at = excluded.expires_at, single = excluded.single, day = excluded.day")) {
            ps.setString(1, d.userId());
            ps.setString(2, d.unitCode());
            ps.setString(3, d.week().toString());
            ps.setString(4, writeValues(d.values()));
            if (d.step() == null) ps.setNull(5, Types.INTEGER); else ps.setInt(5, d.step());
            ps.setInt(6, d.warned() ? 1 : 0);
            ps.setLong(7, now);
            ps.setLong(8, d.expiresAt());
            ps.setInt(9, d.single() ? 1 : 0);
            ps.setString(10, d.daily() ? d.period().key() : null);
            ps.executeUpdate();
        }
    }

    static boolean delete(Connection tx, String userId) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM report_drafts WHERE user_id = ?")) {
            ps.setString(1, userId);
            return ps.executeUpdate() > 0;
        }
    }

    static Map<String, Long> readValues(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Long>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt report values: " + e.getOriginalMessage(), e);
        }
    }

    static String writeValues(Map<String, Long> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
