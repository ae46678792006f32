package vn.cdsbot.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;
import vn.cdsbot.webhook.WebhookEvent;

/** The durable record of accepted Zalo events. */
public final class Inbox implements PersonalData {

    /** A stored event waiting to be handled. */
    public record Entry(long id, String eventName, String userId, String body, long receivedAt) {}

    private final Database db;

    public Inbox(Database db) {
        this.db = db;
    }

    /** An event to store, as the webhook received it. */
    public record Arrival(WebhookEvent event, String body, long receivedAt) {}

    /** Commits the event; false when the same dedupe key is already stored (a Zalo retry). */
    public boolean accept(WebhookEvent event, String body, long nowMillis) {
        return acceptAll(List.of(new Arrival(event, body, nowMillis)))[0];
    }

    /**
     * Commits several events in one transaction (all or none); for each, false when its dedupe key was already
     * stored, also by an earlier one of the same batch.
     */
    public boolean[] acceptAll(List<Arrival> arrivals) {
        return db.inTransaction(c -> {
            boolean[] fresh = new boolean[arrivals.size()];
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO inbox (event_key, event_name, user_id, body, received_at) VALUES (?, ?, ?, ?, ?) "
                            + "ON CONFLICT (event_key) DO NOTHING")) {
                for (int i = 0; i < fresh.length; i++) {
                    Arrival a = arrivals.get(i);
                    ps.setString(1, a.event().dedupeKey());
                    ps.setString(2, a.event().eventName());
                    ps.setString(3, a.event().userId() == null ? "" : a.event().userId());
                    ps.setString(4, a.body());
                    ps.setLong(5, a.receivedAt());
                    fresh[i] = ps.executeUpdate() == 1;
                }
            }
            return fresh;
        });
    }

    /** A pending event as the dispatcher sees it: which event, whose; the body is read when it is handled. */
    public record Pending(long id, String userId) {}

    /**
     * Oldest pending events first; the worker keeps per-user order by taking each user's head only. Ids and users
     * only: the dispatcher reads this list often, and decoding hundreds of bodies each time cost more than
     * handling the events.
     */
    public List<Pending> pending(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, user_id FROM inbox WHERE status = 'pending' ORDER BY id LIMIT ?")) {
                ps.setInt(1, limit);
                List<Pending> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Pending(rs.getLong(1), rs.getString(2)));
                }
                return out;
            }
        });
    }

    /** The stored event, if it is still pending (a restart or another dispatcher may have handled it). */
    public Optional<Entry> loadPending(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, event_name, user_id, body, received_at FROM inbox WHERE id = ? AND status = 'pending'")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
                }
            }
        });
    }

    public static void markDone(Connection tx, long id, long nowMillis) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE inbox SET status = 'done', processed_at = ? WHERE id = ?")) {
            ps.setLong(1, nowMillis);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    public static void markFailed(Connection tx, long id, long nowMillis, String error) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE inbox SET status = 'failed', processed_at = ?, error = ? WHERE id = ?")) {
            ps.setLong(1, nowMillis);
            ps.setString(2, error);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Keeps each event's row (its key still dedupes Zalo retries) but blanks the body that held the message. */
    @Override
    public void erase(Connection tx, String userId) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE inbox SET body = '{}' WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
    }

    /** Forgets handled events older than the dedupe window; their keys are no longer needed. */
    public int purge(long olderThanMillis) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM inbox WHERE status <> 'pending' AND received_at < ?")) {
                ps.setLong(1, olderThanMillis);
                return ps.executeUpdate();
            }
        });
    }

    public record Depth(long pending, long failed, Optional<Long> oldestPendingAt) {}

    /** Counted through the (status, id) index: the table holds a week of events, pending ones are few. */
    public Depth depth() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT (SELECT COUNT(*) FROM inbox WHERE status = 'pending'), "
                            + "(SELECT COUNT(*) FROM inbox WHERE status = 'failed'), "
                            + "(SELECT MIN(received_at) FROM inbox WHERE status = 'pending')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long oldest = rs.getLong(3);
                boolean none = rs.wasNull();
                return new Depth(rs.getLong(1), rs.getLong(2), none ? Optional.empty() : Optional.of(oldest));
            }
        });
    }
}
