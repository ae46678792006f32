package vn.cdsbot.chat;

import java.sql.Connection;
import java.time.Instant;

/**
 * One invocation of a chat command.
 *
 * @param args the text after the command word, trimmed (may be empty)
 * @param tx the open transaction the whole message is handled in; it commits with the replies
 */
public record CommandCall(Incoming message, Sender sender, String command, String args, Connection tx, Instant now) {}
