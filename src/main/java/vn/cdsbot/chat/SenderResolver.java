package vn.cdsbot.chat;

import java.sql.Connection;

/** Looks up who a Zalo user is. Implementations must be safe for concurrent use. */
@FunctionalInterface
public interface SenderResolver {
    Sender resolve(String userId, Connection tx);

    SenderResolver EVERYONE_CITIZEN = (userId, tx) -> Sender.citizen(userId);
}
