package vn.cdsbot.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;
import vn.cdsbot.zalo.TextSplitter;
import vn.cdsbot.zalo.ZaloFiles;

/** Replies committed before they are sent: one row per Zalo message, delivered in order per user. */
public final class Outbox implements PersonalData {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A message waiting to be delivered.
     *
     * @param scheduled the bot started it (a reminder, a digest) rather than replying to an event
     * @param lastInteraction the user's last interaction, null when unknown
     */
    public record Row(long id, String userId, String kind, ObjectNode payload, int attempts, boolean scheduled,
                      Long lastInteraction) {}

    /** Told, inside the transaction that makes the change, when a file's link is sent instead of the file. */
    @FunctionalInterface
    public interface LinkInstead {
        void recorded(Connection tx, String userId, String fileName, String reason, long now) throws SQLException;
    }

    private final Database db;
    private final LinkInstead linkInstead;

    public Outbox(Database db) {
        this(db, (tx, userId, fileName, reason, now) -> {});
    }

    /** With whoever keeps a record of files Zalo did not take (App: the audit log). */
    public Outbox(Database db, LinkInstead linkInstead) {
        this.db = db;
        this.linkInstead = linkInstead;
    }

    /** Adds replies inside the caller's transaction; long texts become several rows, buttons go on the last. */
    public static void enqueue(Connection tx, String userId, Long inboxId, List<Reply> replies, long nowMillis)
            throws SQLException {
        for (Reply reply : replies) {
            if (reply instanceof Reply.Text t) {
                insertText(tx, userId, inboxId, t, nowMillis);
            } else if (reply instanceof Reply.Image img) {
                long mediaId = insertMedia(tx, img.png(), null, nowMillis);
                ObjectNode p = JSON.createObjectNode().put("media_id", mediaId).put("caption", img.caption());
                insert(tx, userId, inboxId, "image", p, nowMillis);
            } else if (reply instanceof Reply.File f) {
                if (!ZaloFiles.accepts(f.fileName(), f.content().length)) {
                    // Zalo would refuse it anyway (a spreadsheet, over 5 MB): the link, without a doomed upload.
                    insertText(tx, userId, inboxId, f.fallback(), nowMillis);
                    continue;
                }
                if (TextSplitter.split(f.fallback().text(), TextSplitter.ZALO_LIMIT).size() > 1) {
                    throw new IllegalArgumentException("a file's fallback must fit one message: " + f.fileName());
                }
                long mediaId = insertMedia(tx, f.content(), f.fileName(), nowMillis);
                ObjectNode p = JSON.createObjectNode().put("media_id", mediaId).put("file_name", f.fileName());
                p.set("fallback", textPayload(f.fallback().text(), f.fallback().buttons()));
                insert(tx, userId, inboxId, "file", p, nowMillis);
            }
        }
    }

    private static void insertText(Connection tx, String userId, Long inboxId, Reply.Text t, long nowMillis)
            throws SQLException {
        List<String> parts = TextSplitter.split(t.text(), TextSplitter.ZALO_LIMIT);
        for (int i = 0; i < parts.size(); i++) {
            insert(tx, userId, inboxId, "text", textPayload(parts.get(i), i == parts.size() - 1 ? t.buttons() : List.of()),
                    nowMillis);
        }
    }

    private static ObjectNode textPayload(String text, List<Button> buttons) {
        ObjectNode p = JSON.createObjectNode().put("text", text);
        if (!buttons.isEmpty()) p.set("buttons", buttons(buttons));
        return p;
    }

    private static long insertMedia(Connection tx, byte[] content, String fileName, long nowMillis) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO media (content, file_name, created_at) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setBytes(1, content);
            ps.setString(2, fileName);
            ps.setLong(3, nowMillis);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static ArrayNode buttons(List<Button> buttons) {
        ArrayNode arr = JSON.createArrayNode();
        for (Button b : buttons) {
            arr.addObject().put("kind", b.kind().name()).put("title", b.title()).put("payload", b.payload());
        }
        return arr;
    }

    private static void insert(Connection tx, String userId, Long inboxId, String kind, ObjectNode payload, long now)
            throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO outbox (user_id, inbox_id, kind, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, userId);
            if (inboxId == null) ps.setNull(2, java.sql.Types.INTEGER); else ps.setLong(2, inboxId);
            ps.setString(3, kind);
            ps.setString(4, payload.toString());
            ps.setLong(5, now);
            ps.setLong(6, now);
            ps.executeUpdate();
        }
    }

    /** Convenience for features that message people outside a conversation (reminders, digests). */
    public void enqueue(String userId, List<Reply> replies, long nowMillis) {
        db.inTransaction(c -> {
            enqueue(c, userId, null, replies, nowMillis);
            return null;
        });
    }

    /** Each user's oldest pending row, when it is due: later rows wait so order per user is kept. */
    public List<Row> dueHeads(long nowMillis, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT o.id, o.user_id, o.kind, o.payload, o.attempts, o.inbox_id IS NULL, a.last_interaction "
                            + "FROM outbox o LEFT JOIN user_activity a ON a.user_id = o.user_id WHERE o.id IN (SELECT MIN(id) FROM outbox WHERE status = 'pending' GROUP BY user_id) "
                            + "AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?")) {
                ps.setLong(1, nowMillis);
                ps.setInt(2, limit);
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long last = rs.getLong(7);
                        Long lastInteraction = rs.wasNull() ? null : last;
                        out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                                (ObjectNode) JSON.readTree(rs.getString(4)), rs.getInt(5), rs.getBoolean(6), lastInteraction));
                    }
                }
                return out;
            }
        });
    }

    public void markSent(long id, String zaloMessageId, long now) {
        update("UPDATE outbox SET status = 'sent', sent_at = ?, zalo_message_id = ?, attempts = attempts + 1 WHERE id = ?",
                now, zaloMessageId, id);
    }

    public void markFailed(long id, String error, long now) {
        update("UPDATE outbox SET status = 'failed', last_error = ?, attempts = attempts + 1, sent_at = ? WHERE id = ?",
                error, now, id);
    }

    public void reschedule(long id, long at, String error, boolean countAttempt) {
        update("UPDATE outbox SET next_attempt_at = ?, last_error = ?, attempts = attempts + ? WHERE id = ?",
                at, error, countAttempt ? 1 : 0, id);
    }

    private void update(String sql, Object... args) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                return ps.executeUpdate();
            }
        });
    }

    public byte[] media(long mediaId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM media WHERE id = ?")) {
                ps.setLong(1, mediaId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
    }

    public String cachedAttachment(long mediaId, long notBefore) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT attachment_id FROM media WHERE id = ? AND uploaded_at >= ?")) {
                ps.setLong(1, mediaId);
                ps.setLong(2, notBefore);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    public void cacheAttachment(long mediaId, String attachmentId, long now) {
        update("UPDATE media SET attachment_id = ?, uploaded_at = ? WHERE id = ?", attachmentId, now, mediaId);
    }

    /**
     * Zalo would not take a file: the row becomes the text it carries for that case (the document's link), sent next
     * in the same place in the user's queue with fresh attempts. {@link LinkInstead} is told in the same transaction.
     */
    public void sendLinkInstead(Row row, String reason, long now) {
        if (!"file".equals(row.kind())) throw new IllegalArgumentException("not a file row: " + row.id());
        db.inTransaction(tx -> {
            try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET kind = 'text', payload = ?, attempts = 0, "
                    + "next_attempt_at = ?, last_error = ? WHERE id = ? AND kind = 'file'")) {
                ps.setString(1, row.payload().path("fallback").toString());
                ps.setLong(2, now);
                ps.setString(3, reason);
                ps.setLong(4, row.id());
                ps.executeUpdate();
            }
            linkInstead.recorded(tx, row.userId(), row.payload().path("file_name").asText(), reason, now);
            return null;
        });
    }

    public record Depth(long pending, long failed, long sent, Long oldestPendingAt) {}

    /** Counted through the (status, user_id, id) index rather than a scan of the whole table. */
    public Depth depth() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT (SELECT COUNT(*) FROM outbox WHERE status = 'pending'), "
                            + "(SELECT COUNT(*) FROM outbox WHERE status = 'failed'), "
                            + "(SELECT COUNT(*) FROM outbox WHERE status = 'sent'), "
                            + "(SELECT MIN(created_at) FROM outbox WHERE status = 'pending')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long oldest = rs.getLong(4);
                boolean none = rs.wasNull();
                return new Depth(rs.getLong(1), rs.getLong(2), rs.getLong(3), none ? null : oldest);
            }
        });
    }

    /**
     * The user wrote again: messages Zalo refused as billed (-320/-321, see {@link MessagingWindow#NOT_PAID}) in the
     * last 7 days are queued again, ahead of the reply to this message, inside the free window it opened. The
     * refused rows stay as they are (the window rule reads them) and are marked so they are released only once.
     * Returns how many.
     */
    public static int releaseRefusedBilled(Connection tx, String userId, long nowMillis) throws SQLException {
        String refused = "user_id = ? AND status = 'failed' AND last_error LIKE ? AND sent_at >= ? AND zalo_message_id IS NULL";
        int n;
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO outbox (user_id, kind, payload, next_attempt_at, "
                + "created_at) SELECT user_id, kind, payload, ?, ? FROM outbox WHERE " + refused + " ORDER BY id")) {
            ps.setLong(1, nowMillis);
            ps.setLong(2, nowMillis);
            bindRefused(ps, 3, userId, nowMillis);
            n = ps.executeUpdate();
        }
        if (n == 0) return 0;
        try (PreparedStatement ps = tx.prepareStatement("UPDATE outbox SET zalo_message_id = 'released' WHERE " + refused)) {
            bindRefused(ps, 1, userId, nowMillis);
            ps.executeUpdate();
        }
        return n;
    }

    private static void bindRefused(PreparedStatement ps, int first, String userId, long nowMillis) throws SQLException {
        ps.setString(first, userId);
        ps.setString(first + 1, MessagingWindow.NOT_PAID + "%");
        ps.setLong(first + 2, nowMillis - MessagingWindow.LIMIT.toMillis());
    }

    /** Drops the user's replies, sent or not: nothing more is to be delivered to someone who withdrew. */
    @Override
    public void erase(Connection tx, String userId) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM outbox WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
    }

    /**
     * Forgets delivered and abandoned messages older than {@code olderThanMillis}, and images no pending message
     * needs: replies are personal data too and are not kept longer than the inbox keeps events.
     */
    public int purge(long olderThanMillis) {
        return db.write(c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE status <> 'pending' AND created_at < ?")) {
                ps.setLong(1, olderThanMillis);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM media WHERE created_at < ? AND id NOT IN "
                            + "(SELECT json_extract(payload, '$.media_id') FROM outbox WHERE kind IN ('image', 'file') AND status = 'pending')")) {
                ps.setLong(1, olderThanMillis);
                ps.executeUpdate();
            }
            return n;
        });
    }
}
