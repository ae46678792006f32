package vn.cdsbot.webhook;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Parses Zalo events leniently about extra fields, strictly about the ones the bot needs. */
public final class EventParser {

    /** A body that is not JSON or lacks a required field: the webhook answers 400. */
    public static final class BadEvent extends Exception {
        BadEvent(String message) {
            super(message, null, false, false);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(64).build());
    }

    private EventParser() {}

    public static WebhookEvent parse(byte[] body) throws BadEvent {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new BadEvent("not JSON");
        }
        if (root == null || !root.isObject()) throw new BadEvent("not a JSON object");
        String eventName = text(root.get("event_name"));
        if (eventName == null || eventName.isEmpty()) throw new BadEvent("missing event_name");
        String timestamp = literal(root.get("timestamp"));
        if (timestamp == null) throw new BadEvent("missing or malformed timestamp");
        String appId = text(root.get("app_id"));
        if (appId == null) throw new BadEvent("missing app_id");

        String userId = firstId(root.path("sender").get("id"), root.path("follower").get("id"), root.get("user_id"));
        JsonNode message = root.get("message");
        String msgId = message != null ? text(message.get("msg_id")) : null;
        String textValue = message != null ? text(message.get("text")) : null;
        return new WebhookEvent(appId, eventName, userId, msgId, textValue == null ? "" : textValue, timestamp,
                firstId(root.get("user_id_by_app")), attachments(message));
    }

    /** Lenient: an entry that is not an object is skipped; missing fields are null (size -1). */
    private static List<WebhookEvent.Attachment> attachments(JsonNode message) {
        List<WebhookEvent.Attachment> out = new ArrayList<>();
        if (message == null || !message.path("attachments").isArray()) return out;
        for (JsonNode a : message.path("attachments")) {
            if (!a.isObject()) continue;
            JsonNode payload = a.path("payload");
            String size = text(payload.get("size"));
            long bytes = size != null && size.matches("\\d{1,18}") ? Long.parseLong(size) : -1;
            out.add(new WebhookEvent.Attachment(text(a.get("type")), text(payload.get("url")), text(payload.get("name")), bytes));
        }
        return out;
    }

    /** Strings as they are, integers as their exact digits; anything else is not an id. */
    private static String text(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isTextual()) return n.textValue();
        if (n.isIntegralNumber()) return n.bigIntegerValue().toString();
        return null;
    }

    private static String literal(JsonNode n) {
        String s = text(n);
        if (s == null || s.isEmpty() || s.length() > 20 || !s.chars().allMatch(Character::isDigit)) return null;
        return s;
    }

    private static String firstId(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            String s = text(c);
            if (s != null && !s.isBlank()) return s;
        }
        return null;
    }
}
