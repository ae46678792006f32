package vn.cdsbot.chat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user's message taken from the inbox, ready for the router: its text, and the files it carries (a
 * user_send_file), each already fetched or not before the message's transaction opened.
 */
public record Incoming(long inboxId, String userId, String text, Instant at, List<File> files) {
    public Incoming {
        Objects.requireNonNull(userId, "userId == null");
        text = Texts.nfc(text == null ? "" : text);
        Objects.requireNonNull(at, "at == null");
        files = files == null ? List.of() : List.copyOf(files);
    }

    public Incoming(long inboxId, String userId, String text, Instant at) {
        this(inboxId, userId, text, at, List.of());
    }

    /**
     * A file the user sent.
     *
     * @param size the size Zalo declared, -1 when unknown
     * @param fetched its content, or why there is none
     */
    public record File(String name, String url, long size, Fetched fetched) {
        public File {
            name = Texts.nfc(name == null || name.isBlank() ? "tệp không tên" : name.strip());
            Objects.requireNonNull(fetched, "fetched == null");
        }
    }

    /** What became of downloading a file. Downloads happen outside any database transaction. */
    public sealed interface Fetched {
        /** The file's bytes, within the size limit. */
        record Content(byte[] bytes) implements Fetched {}

        /** Not downloaded; {@code reason} is Vietnamese, ready to show ("tệp lớn hơn 2 MB"). */
        record Failed(String reason) implements Fetched {}

        /** Not downloaded because the sender may not send files to the bot. */
        record NotFetched() implements Fetched {}
    }

    /** Downloads a file a user sent; never called inside a database transaction. */
    @FunctionalInterface
    public interface Fetcher {
        Fetched fetch(String url, long declaredSize);
    }
}
