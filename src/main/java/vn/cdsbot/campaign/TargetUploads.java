package vn.cdsbot.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cdsbot.storage.PersonalData;

/** Targets files read from chat and waiting for their sender to pick a campaign: one per user, until it expires. */
final class TargetUploads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, Long>>> TARGETS = new TypeReference<>() {};

    /** A pending upload; {@code targets} unit → indicator → target in file order. */
    record Pending(String userId, String fileName, Map<String, Map<String, Long>> targets, List<String> indicators,
                   long inboxId, long receivedAt, long expiresAt) {}

    static final PersonalData ERASER = (tx, userId) -> delete(tx, userId);

    private TargetUploads() {}

    /** Stores the upload, replacing the user's previous one. */
    static void put(Connection tx, Pending p) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO target_uploads (user_id, file_name, targets, indicators, "
                + "inbox_id, received_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                + "file_name = excluded.file_name, targets = excluded.targets, indicators = excluded.indicators, "
                + "inbox_id = excluded.inbox_id, received_at = excluded.received_at, expires_at = excluded.expires_at")) {
            ps.setString(1, p.userId());
            ps.setString(2, p.fileName());
            ps.setString(3, JSON.writeValueAsString(p.targets()));
            ps.setString(4, String.join(",", p.indicators()));
            ps.setLong(5, p.inboxId());
            ps.setLong(6, p.receivedAt());
            ps.setLong(7, p.expiresAt());
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The user's upload still waiting at {@code now}; an expired one is deleted. */
    static Optional<Pending> find(Connection tx, String userId, long now) throws SQLException {
        Pending p;
        try (PreparedStatement ps = tx.prepareStatement("SELECT file_name, targets, indicators, inbox_id, received_at, "
                + "expires_at FROM target_uploads WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Map<String, Map<String, Long>> targets = new LinkedHashMap<>(JSON.readValue(rs.getString(2), TARGETS));
                p = new Pending(userId, rs.getString(1), targets, Arrays.asList(rs.getString(3).split(",")), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("target_uploads row of " + userId + " is not valid JSON", e);
            }
        }
        if (p.expiresAt() <= now) {
            delete(tx, userId);
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** Whether a row was deleted. */
    static boolean delete(Connection tx, String userId) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM target_uploads WHERE user_id = ?")) {
            ps.setString(1, userId);
            return ps.executeUpdate() > 0;
        }
    }
}
