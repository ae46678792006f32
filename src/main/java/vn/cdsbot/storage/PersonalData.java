package vn.cdsbot.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** A feature's way to delete what it stores about one Zalo user (the user_withdraw event). */
@FunctionalInterface
public interface PersonalData {
    void erase(Connection tx, String userId) throws SQLException;
}
