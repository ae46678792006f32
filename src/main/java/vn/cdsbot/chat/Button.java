package vn.cdsbot.chat;

import java.util.Objects;

/** A button under a message. A query button's payload is a plain command text a user could also type. */
public record Button(Kind kind, String title, String payload) {
    public enum Kind { QUERY, URL }

    public Button {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(payload, "payload == null");
        title = Texts.nfc(title);
        payload = Texts.nfc(payload);
    }

    public static Button query(String title, String payload) {
        return new Button(Kind.QUERY, title, payload);
    }

    public static Button url(String title, String url) {
        return new Button(Kind.URL, title, url);
    }
}
