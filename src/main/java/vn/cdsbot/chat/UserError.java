package vn.cdsbot.chat;

/**
 * A request the bot cannot serve as typed; the message is the Vietnamese reply that says why and what to type. A
 * command handler throws it from anywhere and the router answers with the message.
 */
public final class UserError extends Exception {
    public UserError(String message) {
        super(message, null, false, false);
    }
}
