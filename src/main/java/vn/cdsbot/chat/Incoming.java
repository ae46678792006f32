package vn.cdsbot.chat;

import java.time.Instant;
import java.util.Objects;

/** A user's text message taken from the inbox, ready for the router. */
public record Incoming(long inboxId, String userId, String text, Instant at) {
    public Incoming {
        Objects.requireNonNull(userId, "userId == null");
        text = Texts.nfc(text == null ? "" : text);
        Objects.requireNonNull(at, "at == null");
    }
}
