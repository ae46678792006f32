package vn.cdsbot.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A citizen's latest question to the knowledge base and the bot's answer, kept so that "Gặp người hỗ trợ" can hand
 * exactly that to a person, and whether the citizen is on the way to a ticket (asked for a person, the bot asked
 * for their commune).
 */
final class Requests {
    record Request(String question, String botAnswer, boolean wantsPerson, boolean awaitingCommune, long at) {}

    private Requests() {}

    static Optional<Request> find(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT question, bot_answer, wants_person, awaiting_commune, at "
                + "FROM handoff_requests WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Request(rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
                        rs.getInt(4) == 1, rs.getLong(5))) : Optional.empty();
            }
        }
    }

    static void save(Connection tx, String userId, Request r) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO handoff_requests (user_id, question, bot_answer, "
                + "wants_person, awaiting_commune, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET "
                + "question = excluded.question, bot_answer = excluded.bot_answer, wants_person = excluded.wants_person, "
                + "awaiting_commune = excluded.awaiting_commune, at = excluded.at")) {
            ps.setString(1, userId);
            ps.setString(2, r.question());
            ps.setString(3, r.botAnswer());
            ps.setInt(4, r.wantsPerson() ? 1 : 0);
            ps.setInt(5, r.awaitingCommune() ? 1 : 0);
            ps.setLong(6, r.at());
            ps.executeUpdate();
        }
    }

    static void delete(Connection tx, String userId) throws SQLException {
        Tickets.update(tx, "DELETE FROM handoff_requests WHERE user_id = ?", userId);
    }

    static int purge(Connection tx, long before) throws SQLException {
        return Tickets.update(tx, "DELETE FROM handoff_requests WHERE at < ?", before);
    }
}
