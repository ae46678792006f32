package vn.cdsbot.zalo;

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
            ZaloResponse r = attempt(row, token);
            if (ZaloErrors.classify(r) == ZaloErrors.Action.TOKEN) {
                token = tokens.replace(token);
                r = attempt(row, token); // once, with the fresh token
            }
            if (r.httpStatus() / 100 == 2 && r.error() != ZaloResponse.UNREADABLE
                    && ZaloErrors.classify(r) != ZaloErrors.Action.TOKEN) {
                tokens.accepted(token);
            }
            return judge(r);
        } catch (TokenSource.TokenUnavailableException e) {
            // No token to send with: the message waits without using up its attempts (nothing is lost meanwhile).
            return new Outcome.RetryAt(clock.millis() + TOKEN_WAIT.toMillis(), "token: " + e.getMessage());
        } catch (IOException e) {
            return new Outcome.Retry("network: " + e.getClass().getSimpleName());
        }
    }

    private ZaloResponse attempt(Outbox.Row row, String token) throws IOException {
        if ("image".equals(row.kind())) {
            long mediaId = row.payload().path("media_id").asLong();
            String cached = outbox.cachedAttachment(mediaId, clock.millis() - ATTACHMENT_REUSE.toMillis());
            ZaloResponse r = sendImage(row, token, mediaId, cached);
            if (r.error() == -100 && cached != null) {
                // Zalo dropped the upload before its 7 days: forget it, upload again and send once more.
                outbox.cacheAttachment(mediaId, null, 0);
                r = sendImage(row, token, mediaId, null);
            }
            return r;
        }
        return client.sendMessage(token, MessageBodies.text(row.userId(), row.payload().path("text").asText(),
                row.payload().get("buttons")));
    }

    /** Sends the image, uploading it first when there is no usable attachment id. */
    private ZaloResponse sendImage(Outbox.Row row, String token, long mediaId, String attachment) throws IOException {
        if (attachment == null) {
            byte[] png = outbox.media(mediaId);
            if (png == null) return new ZaloResponse(200, -201, "image missing", null);
            ZaloResponse up = client.uploadImage(token, png, "chart-" + mediaId + ".png");
            if (!up.ok()) return up;
            attachment = up.data().path("attachment_id").asText();
            outbox.cacheAttachment(mediaId, attachment, clock.millis());
        }
        return client.sendMessage(token, MessageBodies.image(row.userId(), attachment, row.payload().path("caption").asText("")));
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
