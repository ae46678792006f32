package vn.cdsbot.zalo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.messaging.Outbox;

/** Delivers one outbox row to Zalo and says what should happen to it next. */
public final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    /** Zalo keeps uploaded images 7 days; re-upload well before that. */
    private static final Duration ATTACHMENT_REUSE = Duration.ofDays(6);
    /** How long a message waits when no usable token can be had. */
    static final Duration TOKEN_WAIT = Duration.ofSeconds(30);

    /** What the send came to. */
    public sealed interface Outcome {
        record Sent(String zaloMessageId) implements Outcome {}
        record Retry(String reason) implements Outcome {}
        record RetryAt(long atMillis, String reason) implements Outcome {}
        record GiveUp(String reason) implements Outcome {}
        /** Refused as a billed message the OA cannot pay for: handled like a closed window. */
        record NotPaid(String reason) implements Outcome {}
        /** Zalo will not take the file (upload refused, or the file message): send the row's link text instead. */
        record FileRefused(String reason) implements Outcome {}
    }

    private final ZaloClient client;
    private final TokenSource tokens;
    private final Outbox outbox;
    private final Clock clock;
    private final ZoneId zone;

    public Delivery(ZaloClient client, TokenSource tokens, Outbox outbox, Clock clock, ZoneId zone) {
        this.client = client;
        this.tokens = tokens;
        this.outbox = outbox;
        this.clock = clock;
        this.zone = zone;
    }

    public Outcome deliver(Outbox.Row row) {
        try {
            String token = tokens.current();
            Attempt a = attempt(row, token);
            if (ZaloErrors.classify(a.response()) == ZaloErrors.Action.TOKEN) {
                token = tokens.replace(token);
                a = attempt(row, token); // once, with the fresh token
            }
            ZaloResponse r = a.response();
            if (r.httpStatus() / 100 == 2 && r.error() != ZaloResponse.UNREADABLE
                    && ZaloErrors.classify(r) != ZaloErrors.Action.TOKEN) {
                tokens.accepted(token);
            }
            Outcome outcome = judge(r);
            // A refused upload, or a file message refused for anything but the user being out of reach: the link.
            if (outcome instanceof Outcome.GiveUp g && "file".equals(row.kind())
                    && (a.upload() || !ZaloErrors.unreachable(r))) {
                return new Outcome.FileRefused((a.upload() ? "upload: " : "file message: ") + g.reason());
            }
            return outcome;
        } catch (TokenSource.TokenUnavailableException e) {
            // No token to send with: the message waits without using up its attempts (nothing is lost meanwhile).
            return new Outcome.RetryAt(clock.millis() + TOKEN_WAIT.toMillis(), "token: " + e.getMessage());
        } catch (IOException e) {
            return new Outcome.Retry("network: " + e.getClass().getSimpleName());
        }
    }

    /** Zalo's answer to the last call of a send, and whether that call was the upload. */
    private record Attempt(ZaloResponse response, boolean upload) {}

    private Attempt attempt(Outbox.Row row, String token) throws IOException {
        if ("image".equals(row.kind()) || "file".equals(row.kind())) {
            long mediaId = row.payload().path("media_id").asLong();
            String cached = outbox.cachedAttachment(mediaId, clock.millis() - ATTACHMENT_REUSE.toMillis());
            Attempt a = sendMedia(row, token, mediaId, cached);
            if (a.response().error() == -100 && cached != null) {
                // Zalo dropped the upload before its 7 days: forget it, upload again and send once more.
                outbox.cacheAttachment(mediaId, null, 0);
                a = sendMedia(row, token, mediaId, null);
            }
            return a;
        }
        return new Attempt(client.sendMessage(token, MessageBodies.text(row.userId(), row.payload().path("text").asText(),
                row.payload().get("buttons"))), false);
    }

    /**
     * Sends the image or file, uploading it first when there is no usable attachment id (image) or token (file):
     * an upload is cached, so a send retried after a rate limit does not upload again.
     */
    private Attempt sendMedia(Outbox.Row row, String token, long mediaId, String attachment) throws IOException {
        boolean file = "file".equals(row.kind());
        if (attachment == null) {
            byte[] content = outbox.media(mediaId);
            if (content == null) return new Attempt(new ZaloResponse(200, -201, "media missing", null), true);
            ZaloResponse up = file
                    ? client.uploadFile(token, content, row.payload().path("file_name").asText("tep.docx"))
                    : client.uploadImage(token, content, "chart-" + mediaId + ".png");
            if (!up.ok()) return new Attempt(up, true);
            attachment = up.data().path(file ? "token" : "attachment_id").asText();
            outbox.cacheAttachment(mediaId, attachment, clock.millis());
        }
        ObjectNode body = file ? MessageBodies.file(row.userId(), attachment)
                : MessageBodies.image(row.userId(), attachment, row.payload().path("caption").asText(""));
        return new Attempt(client.sendMessage(token, body), false);
    }

    private Outcome judge(ZaloResponse r) {
        if (r.ok()) return new Outcome.Sent(r.data() == null ? null : r.data().path("message_id").asText(null));
        String reason = "HTTP " + r.httpStatus() + " error " + r.error() + " " + r.message();
        return switch (ZaloErrors.classify(r)) {
            case RETRY, TOKEN -> new Outcome.Retry(reason);
            case NIGHT -> new Outcome.RetryAt(nextSixAm(), reason);
            case NOT_PAID -> new Outcome.NotPaid(reason);
            case GIVE_UP -> new Outcome.GiveUp(reason);
            case UNEXPECTED -> {
                log.error("Zalo refused a message with an unexpected error: {}", reason);
                yield new Outcome.GiveUp(reason);
            }
        };
    }

    /** Zalo blocks some sends between 22:00 and 06:00 (-234): try again at the next 06:00 local time. */
    long nextSixAm() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        ZonedDateTime six = now.with(LocalTime.of(6, 0));
        if (!six.isAfter(now)) six = six.plusDays(1);
        return six.toInstant().toEpochMilli();
    }
}
