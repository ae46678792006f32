package vn.cdsbot.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.chat.SenderResolver;
import vn.cdsbot.storage.StorageException;

/** Role and unit from the members table; anyone not enrolled, or revoked, is a citizen. */
final class MemberResolver implements SenderResolver {

    @Override
    public Sender resolve(String userId, Connection tx) {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT unit_code, role, display_name FROM members WHERE user_id = ? AND active = 1")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Sender.citizen(userId);
                return new Sender(userId, Role.parse(rs.getString(2)).orElse(Role.CITIZEN), rs.getString(1), rs.getString(3));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot look up member: " + e.getMessage(), e);
        }
    }
}
