package vn.cdsbot.chat;

import java.util.List;
import java.util.Objects;

/** One reply the bot wants delivered to a user, in order. */
public sealed interface Reply permits Reply.Text, Reply.Image {

    /** Plain text, split into Zalo-sized messages when sent; buttons go under the last part. */
    record Text(String text, List<Button> buttons) implements Reply {
        public Text {
            Objects.requireNonNull(text, "text == null");
            text = Texts.nfc(text);
            buttons = List.copyOf(buttons);
        }
    }

    /** A PNG image (e.g. a chart), uploaded to Zalo and sent as a media template with an optional caption. */
    record Image(byte[] png, String caption) implements Reply {
        public Image {
            Objects.requireNonNull(png, "png == null");
            caption = caption == null ? "" : Texts.nfc(caption);
        }
    }

    static Reply text(String text) {
        return new Text(text, List.of());
    }

    static Reply text(String text, List<Button> buttons) {
        return new Text(text, buttons);
    }
}
