package vn.cdsbot.chat;

import java.util.List;
import java.util.Objects;

/** One reply the bot wants delivered to a user, in order. */
public sealed interface Reply permits Reply.Text, Reply.Image, Reply.File {

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

    /**
     * A document sent as a Zalo file message. When Zalo will not take it (a type it refuses, over its size limit, a
     * final upload error) the user gets {@code fallback} instead, a text that must carry the document's link.
     */
    record File(byte[] content, String fileName, Text fallback) implements Reply {
        public File {
            Objects.requireNonNull(content, "content == null");
            Objects.requireNonNull(fileName, "fileName == null");
            Objects.requireNonNull(fallback, "fallback == null");
        }
    }

    static Reply text(String text) {
        return new Text(text, List.of());
    }

    static Reply text(String text, List<Button> buttons) {
        return new Text(text, buttons);
    }
}
