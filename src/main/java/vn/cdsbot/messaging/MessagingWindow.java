package vn.cdsbot.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Zalo's windows for consultation messages, counted from the user's last interaction: free within 48 h, billed
 * from 48 h to 7 days (only with a funded Zalo Cloud Account), refused after 7 days. A reply to the user's own
 * message is always free; this rule decides whether the bot may start a message itself (reminders, digests).
 */
public final class MessagingWindow {
    public static final Duration FREE = Duration.ofHours(48);
    public static final Duration LIMIT = Duration.ofDays(7);
    /** Prefix of an outbox error recorded when Zalo refused a billed message (-320/-321). */
    public static final String NOT_PAID = "not paid: ";
    /** After such a refusal, billed sends are not tried again for this long; the free window still works. */
    static final Duration NOT_PAID_PAUSE = Duration.ofHours(24);

    public enum Standing { FREE, BILLED, CLOSED }

    private final boolean paidMessages;

    /** @param paidMessages {@code zalo.paid_messages}: whether the OA may send billed messages at all */
    public MessagingWindow(boolean paidMessages) {
        this.paidMessages = paidMessages;
    }

    public static Standing standing(long lastInteractionMillis, Instant now) {
        long age = now.toEpochMilli() - lastInteractionMillis;
        if (age <= FREE.toMillis()) return Standing.FREE;
        if (age <= LIMIT.toMillis()) return Standing.BILLED;
        return Standing.CLOSED;
    }

    /**
     * The earliest last interaction that lets the bot message a user on its own now: 48 h back, or 7 days back
     * when billed messages are allowed and Zalo has not refused one lately. Compare with {@link #reaches}.
     */
    public long since(Connection c, Instant now) throws SQLException {
        boolean billed = paidMessages && !refusedLately(c, now);
        return now.minus(billed ? LIMIT : FREE).toEpochMilli();
    }

    /** The one comparison: a followed user whose last interaction is at or after {@code since}. */
    public static boolean reaches(Optional<Long> lastInteraction, long since) {
        return lastInteraction.isPresent() && lastInteraction.get() >= since;
    }

    public boolean reaches(Connection c, String userId, Instant now) throws SQLException {
        return reaches(UserActivity.lastInteraction(c, userId), since(c, now));
    }

    /** How many days back scheduled messages reach, for the texts that tell leaders who cannot be messaged. */
    public int reachDays() {
        return (int) (paidMessages ? LIMIT : FREE).toDays();
    }

    private static boolean refusedLately(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM outbox WHERE status = 'failed' AND sent_at >= ? AND last_error LIKE ? LIMIT 1")) {
            ps.setLong(1, now.minus(NOT_PAID_PAUSE).toEpochMilli());
            ps.setString(2, NOT_PAID + "%");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
