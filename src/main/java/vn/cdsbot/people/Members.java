package vn.cdsbot.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Texts;

/** The members table. Every method runs on the caller's connection (normally the message's transaction). */
public final class Members {
    private static final String COLUMNS =
            "user_id, member_no, unit_code, role, display_name, enrolled_at, active FROM members";

    private Members() {}

    public static Optional<Member> find(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " WHERE user_id = ?")) {
            ps.setString(1, userId);
            return first(ps);
        }
    }

    public static Optional<Member> findActive(Connection c, String userId) throws SQLException {
        return find(c, userId).filter(Member::active);
    }

    /** Active members of the given units, by unit then number. */
    /** Zalo ids of the active members with this role (for messages addressed to a role, such as editors). */
    public static List<String> activeWithRole(Connection c, vn.cdsbot.chat.Role role) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM members WHERE active = 1 AND role = ? ORDER BY member_no")) {
            ps.setString(1, role.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    public static List<Member> activeIn(Connection c, Collection<String> unitCodes) throws SQLException {
        List<Member> out = new ArrayList<>();
        if (unitCodes.isEmpty()) return out;
        String marks = String.join(",", java.util.Collections.nCopies(unitCodes.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " WHERE active = 1 AND unit_code IN ("
                + marks + ") ORDER BY unit_code, member_no")) {
            int i = 1;
            for (String u : unitCodes) ps.setString(i++, u);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row(rs));
            }
        }
        return out;
    }

    /**
     * Binds a Zalo user to a unit and role. A former member keeps their number; a new one gets the next.
     */
    public static Member enrol(Connection tx, String userId, String unitCode, Role role, long now) throws SQLException {
        Optional<Member> old = find(tx, userId);
        if (old.isPresent()) {
            try (PreparedStatement ps = tx.prepareStatement("UPDATE members SET unit_code = ?, role = ?, active = 1, "
                    + "revoked_at = NULL, enrolled_at = ? WHERE user_id = ?")) {
                ps.setString(1, unitCode);
                ps.setString(2, role.code());
                ps.setLong(3, now);
                ps.setString(4, userId);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = tx.prepareStatement("INSERT INTO members (user_id, unit_code, role, enrolled_at, "
                    + "active, member_no) VALUES (?, ?, ?, ?, 1, (SELECT COALESCE(MAX(member_no), 0) + 1 FROM members))")) {
                ps.setString(1, userId);
                ps.setString(2, unitCode);
                ps.setString(3, role.code());
                ps.setLong(4, now);
                ps.executeUpdate();
            }
        }
        return find(tx, userId).orElseThrow();
    }

    public static void revoke(Connection tx, String userId, long now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE members SET active = 0, revoked_at = ? WHERE user_id = ? AND active = 1")) {
            ps.setLong(1, now);
            ps.setString(2, userId);
            ps.executeUpdate();
        }
    }

    public static void change(Connection tx, String userId, Role role, String unitCode) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("UPDATE members SET role = ?, unit_code = ? WHERE user_id = ?")) {
            ps.setString(1, role.code());
            ps.setString(2, unitCode);
            ps.setString(3, userId);
            ps.executeUpdate();
        }
    }

    /**
     * Active members matching what an admin typed: "TV12" or "12", a Zalo user id, or a display name (exact
     * match without regard to case and diacritics first, else every name containing it).
     */
    public static List<Member> search(Connection c, String who) throws SQLException {
        String w = who.strip();
        List<Member> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " WHERE active = 1 ORDER BY member_no");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) all.add(row(rs));
        }
        String number = w.toUpperCase(Locale.ROOT).startsWith("TV") ? w.substring(2).strip() : w;
        if (number.matches("\\d{1,9}")) { // member numbers are short; Zalo ids have 15 digits or more
            int n = Integer.parseInt(number);
            return all.stream().filter(m -> m.number() == n).toList();
        }
        List<Member> byId = all.stream().filter(m -> m.userId().equals(w)).toList();
        if (!byId.isEmpty()) return byId;
        String folded = Texts.fold(w);
        if (folded.isEmpty()) return List.of();
        List<Member> exact = all.stream()
                .filter(m -> m.displayName() != null && Texts.fold(m.displayName()).equals(folded)).toList();
        if (!exact.isEmpty()) return exact;
        return all.stream().filter(m -> m.displayName() != null && Texts.fold(m.displayName()).contains(folded)).toList();
    }

    private static Optional<Member> first(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    private static Member row(ResultSet rs) throws SQLException {
        return new Member(rs.getString(1), rs.getInt(2), rs.getString(3),
                Role.parse(rs.getString(4)).orElseThrow(), rs.getString(5), rs.getLong(6), rs.getInt(7) == 1);
    }
}
