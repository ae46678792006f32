package vn.cdsbot.summary;

/** A request the bot cannot serve as typed; the message is the Vietnamese reply that says why and what to type. */
final class UserError extends Exception {
    UserError(String message) {
        super(message, null, false, false);
    }
}
