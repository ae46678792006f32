package vn.cdsbot.chat;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

/**
 * Where files sent in chat go. Only the roles it names have their files downloaded; the router answers everyone
 * else's files itself.
 */
public interface FileIntake {
    /** Who may send files; a file from anyone else is neither downloaded nor read. */
    Set<Role> roles();

    /** Handles a message carrying files (already fetched) from a sender in {@link #roles()}. */
    List<Reply> handle(Incoming message, Sender sender, Connection tx) throws Exception;
}
