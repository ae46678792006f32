package vn.cdsbot.people;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.cdsbot.chat.Role;

/**
 * One-time enrolment codes. Eight characters from an alphabet without look-alikes (no I, L, O, 0, 1): easy
 * to read out on the phone and about 8.5 × 10^11 possibilities, so guessing one is hopeless at the webhook's
 * per-user rate limit.
 */
public final class Invites {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    public static final int MAX_COUNT = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored invite. */
    public record Invite(String code, String unitCode, Role role, long expiresAt, String usedBy) {}

    /** What happened to a code someone typed. */
    public sealed interface Redemption {
        record Accepted(Invite invite) implements Redemption {}
        record Unknown() implements Redemption {}
        record AlreadyUsed() implements Redemption {}
        record Expired(long expiredAt) implements Redemption {}
        record UnitClosed(String unitCode) implements Redemption {}
    }

    private Invites() {}

    public static List<String> create(Connection tx, String unitCode, Role role, int count, int days, String createdBy,
                                      long now) throws SQLException {
        if (role == Role.CITIZEN) throw new IllegalArgumentException("citizens need no invite");
        if (count < 1 || count > MAX_COUNT) throw new IllegalArgumentException("count must be 1.." + MAX_COUNT);
        if (days < 1 || days > 365) throw new IllegalArgumentException("days must be 1..365");
        List<String> codes = new ArrayList<>();
        long expires = now + days * 86_400_000L;
        while (codes.size() < count) {
            String code = newCode();
            try (PreparedStatement ps = tx.prepareStatement("INSERT INTO invites (code, unit_code, role, created_by, "
                    + "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING")) {
                ps.setString(1, code);
                ps.setString(2, unitCode);
                ps.setString(3, role.code());
                ps.setString(4, createdBy);
                ps.setLong(5, now);
                ps.setLong(6, expires);
                if (ps.executeUpdate() == 1) codes.add(code);
            }
        }
        return codes;
    }

    static String newCode() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }

    /** Upper case, without the spaces or dashes people add when copying a code. */
    public static String normalize(String typed) {
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-_.]", "");
    }

    /**
     * Marks the code used by {@code userId} if it is valid and its unit still active; the caller enrols the user
     * in the same transaction. A refused code stays usable.
     */
    public static Redemption redeem(Connection tx, String typed, String userId, long now,
                                    java.util.function.Predicate<String> unitActive) throws SQLException {
        String code = normalize(typed);
        Invite invite;
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT code, unit_code, role, expires_at, used_by FROM invites WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return new Redemption.Unknown();
                invite = new Invite(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)).orElseThrow(),
                        rs.getLong(4), rs.getString(5));
            }
        }
        if (invite.usedBy() != null) return new Redemption.AlreadyUsed();
        if (invite.expiresAt() <= now) return new Redemption.Expired(invite.expiresAt());
        if (!unitActive.test(invite.unitCode())) return new Redemption.UnitClosed(invite.unitCode());
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL")) {
            ps.setString(1, userId);
            ps.setLong(2, now);
            ps.setString(3, code);
            if (ps.executeUpdate() != 1) return new Redemption.AlreadyUsed();
        }
        return new Redemption.Accepted(invite);
    }
}
