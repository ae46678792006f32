package vn.cdsbot.webhook;

import java.util.List;
import java.util.Objects;

/**
 * The fields of a Zalo event the bot relies on. Ids stay strings: they exceed 2^53.
 *
 * @param userId the user the event is about (sender for user_send_*, follower for follow/unfollow), or null
 * @param msgId message id, or null for events without one
 * @param timestamp the body's timestamp as its literal digits (it is part of the signature)
 * @param userIdByApp the app-scoped id Zalo adds to some events, or null; a withdrawal may carry only this one
 * @param attachments {@code message.attachments[]}, in order (a user_send_file carries one of type "file")
 */
public record WebhookEvent(String appId, String eventName, String userId, String msgId, String text, String timestamp,
                           String userIdByApp, List<Attachment> attachments) {
    public WebhookEvent {
        Objects.requireNonNull(eventName, "eventName == null");
        Objects.requireNonNull(timestamp, "timestamp == null");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * One entry of {@code message.attachments[]}: its type and the payload fields the bot uses (a file's payload is
     * {@code {size, name, checksum, type, url}}, see /work/shared/zalo-oa-api.md §1.4).
     *
     * @param size the declared size in bytes, or -1 when absent or not a number
     */
    public record Attachment(String type, String url, String name, long size) {}

    public WebhookEvent(String appId, String eventName, String userId, String msgId, String text, String timestamp,
                        String userIdByApp) {
        this(appId, eventName, userId, msgId, text, timestamp, userIdByApp, List.of());
    }

    public WebhookEvent(String appId, String eventName, String userId, String msgId, String text, String timestamp) {
        this(appId, eventName, userId, msgId, text, timestamp, null);
    }

    /** Zalo echoes every OA message back, our own sends included; never answer those. */
    public boolean isEcho() {
        return eventName.startsWith("oa_send_");
    }

    public boolean isFromUser() {
        return eventName.startsWith("user_send_");
    }

    /** Events the bot stores and handles; all others are acknowledged and ignored. */
    public boolean isHandled() {
        return isFromUser() || eventName.equals("follow") || eventName.equals("unfollow")
                || eventName.equals("user_withdraw") || eventName.equals("user_submit_info");
    }

    /** Same msg_id, or for events without one the event name, user and timestamp: Zalo retries repeat these. */
    public String dedupeKey() {
        if (msgId != null && !msgId.isEmpty()) return "msg:" + msgId;
        return "evt:" + eventName + ":" + userId + ":" + timestamp;
    }
}
