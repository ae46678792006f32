package vn.cdsbot.kb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import vn.cdsbot.storage.PersonalData;

/** What the knowledge base keeps in SQLite for editors. Every method runs on the caller's transaction. */
final class KbStore {
    private KbStore() {}

    /** A question kept for editors. */
    record Unanswered(String userId, String question, String decision, String topArticle, double confidence, long askedAt) {}

    /** A feedback press. */
    record Feedback(String userId, String articleId, boolean helpful, String question, long createdAt) {}

    static void rememberQuestion(Connection tx, String userId, String question, String articleId, long now)
            throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO kb_last_question (user_id, question, article_id, asked_at) "
                + "VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET question = excluded.question, "
                + "article_id = excluded.article_id, asked_at = excluded.asked_at")) {
            ps.setString(1, userId);
            ps.setString(2, question);
            if (articleId == null) ps.setNull(3, Types.VARCHAR); else ps.setString(3, articleId);
            ps.setLong(4, now);
            ps.executeUpdate();
        }
    }

    /** Marks the article the user chose from a clarification as the answer to their last question. */
    static void choseArticle(Connection tx, String userId, String articleId) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE kb_last_question SET article_id = ? WHERE user_id = ?")) {
            ps.setString(1, articleId);
            ps.setString(2, userId);
            ps.executeUpdate();
        }
    }

    /** The user's last question if it led to this article, else null. */
    static String questionFor(Connection tx, String userId, String articleId) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT question FROM kb_last_question WHERE user_id = ? AND article_id = ?")) {
            ps.setString(1, userId);
            ps.setString(2, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void logUnanswered(Connection tx, long inboxId, Unanswered u) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT OR IGNORE INTO kb_unanswered "
                + "(inbox_id, user_id, question, decision, top_article, confidence, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, inboxId);
            ps.setString(2, u.userId());
            ps.setString(3, u.question());
            ps.setString(4, u.decision());
            if (u.topArticle() == null) ps.setNull(5, Types.VARCHAR); else ps.setString(5, u.topArticle());
            ps.setDouble(6, u.confidence());
            ps.setLong(7, u.askedAt());
            ps.executeUpdate();
        }
    }

    /** Stores a press once per message and returns its id (the same id when the message is replayed). */
    static long logFeedback(Connection tx, long inboxId, Feedback f) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT OR IGNORE INTO kb_feedback "
                + "(inbox_id, user_id, article_id, helpful, question, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, inboxId);
            ps.setString(2, f.userId());
            ps.setString(3, f.articleId());
            ps.setInt(4, f.helpful() ? 1 : 0);
            if (f.question() == null) ps.setNull(5, Types.VARCHAR); else ps.setString(5, f.question());
            ps.setLong(6, f.createdAt());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.prepareStatement("SELECT id FROM kb_feedback WHERE inbox_id = ?")) {
            ps.setLong(1, inboxId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("feedback for inbox " + inboxId + " not stored");
                return rs.getLong(1);
            }
        }
    }

    /** After a "Chưa đúng": the user's next plain message explains it. */
    static void awaitComment(Connection tx, String userId, long feedbackId, long now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO kb_pending_comment (user_id, feedback_id, asked_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET feedback_id = excluded.feedback_id, "
                + "asked_at = excluded.asked_at")) {
            ps.setString(1, userId);
            ps.setLong(2, feedbackId);
            ps.setLong(3, now);
            ps.executeUpdate();
        }
    }

    /** Removes the user's pending request and returns its feedback id if it was asked after {@code since}. */
    static java.util.Optional<Long> takePendingComment(Connection tx, String userId, long since) throws SQLException {
        java.util.Optional<Long> found = java.util.Optional.empty();
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT feedback_id, asked_at FROM kb_pending_comment WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(2) >= since) found = java.util.Optional.of(rs.getLong(1));
            }
        }
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM kb_pending_comment WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
        return found;
    }

    static void saveComment(Connection tx, long feedbackId, String comment) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE kb_feedback SET comment = ? WHERE id = ?")) {
            ps.setString(1, comment);
            ps.setLong(2, feedbackId);
            ps.executeUpdate();
        }
    }

    static List<Unanswered> unanswered(Connection c) throws SQLException {
        List<Unanswered> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, question, decision, top_article, confidence, asked_at "
                + "FROM kb_unanswered ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Unanswered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDouble(5), rs.getLong(6)));
            }
        }
        return out;
    }

    static List<Feedback> feedback(Connection c) throws SQLException {
        List<Feedback> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id, article_id, helpful, question, created_at "
                + "FROM kb_feedback ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Feedback(rs.getString(1), rs.getString(2), rs.getInt(3) == 1, rs.getString(4), rs.getLong(5)));
            }
        }
        return out;
    }

    /**
     * One thing for editors to look at: a question the bot could not answer ({@code wrong} false) or a "Chưa đúng"
     * press with the question that led there and the citizen's explanation. No Zalo id: editors never see one.
     *
     * @param article the nearest article (top hit, or the article judged wrong); null when nothing was near
     */
    record EditorItem(long id, boolean wrong, String article, String question, String comment, long at) {
        /** The reference editors type: C12 for a question, P5 for a "Chưa đúng" press. */
        String ref() {
            return (wrong ? "P" : "C") + id;
        }
    }

    /** Unanswered questions and "Chưa đúng" presses with {@code from <= time < to}, oldest first. */
    static List<EditorItem> editorItems(Connection c, long from, long to) throws SQLException {
        List<EditorItem> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, 0, top_article, question, NULL, asked_at FROM kb_unanswered "
                + "WHERE asked_at >= ? AND asked_at < ? UNION ALL SELECT id, 1, article_id, question, comment, created_at "
                + "FROM kb_feedback WHERE helpful = 0 AND created_at >= ? AND created_at < ? ORDER BY 6, 1")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            ps.setLong(3, from);
            ps.setLong(4, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EditorItem(rs.getLong(1), rs.getInt(2) == 1, rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getLong(6)));
                }
            }
        }
        return out;
    }

    /** The question behind a reference (C12, P5), if it is still kept. */
    static java.util.Optional<String> questionOf(Connection c, String ref) throws SQLException {
        if (!ref.matches("[CcPp]\\d{1,12}")) return java.util.Optional.empty();
        boolean wrong = Character.toUpperCase(ref.charAt(0)) == 'P';
        String sql = wrong ? "SELECT question FROM kb_feedback WHERE id = ? AND helpful = 0"
                : "SELECT question FROM kb_unanswered WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, Long.parseLong(ref.substring(1)));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    /** Questions and feedback older than the cutoff: editors work from recent weeks, and they are personal data. */
    static int purge(Connection tx, long before) throws SQLException {
        int n = 0;
        for (String sql : List.of("DELETE FROM kb_unanswered WHERE asked_at < ?", "DELETE FROM kb_feedback WHERE created_at < ?",
                "DELETE FROM kb_last_question WHERE asked_at < ?", "DELETE FROM kb_pending_comment WHERE asked_at < ?")) {
            try (PreparedStatement ps = tx.prepareStatement(sql)) {
                ps.setLong(1, before);
                n += ps.executeUpdate();
            }
        }
        return n;
    }

    /** Deletes everything kept about one user (user_withdraw). */
    static final PersonalData ERASER = (tx, userId) -> {
        for (String table : List.of("kb_unanswered", "kb_feedback", "kb_last_question", "kb_pending_comment")) {
            try (PreparedStatement ps = tx.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
                ps.setString(1, userId);
                ps.executeUpdate();
            }
        }
    };
}
