package vn.cdsbot.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON bodies for /v3.0/oa/message/cs. */
final class MessageBodies {
    private MessageBodies() {}

    static ObjectNode text(String userId, String text, JsonNode buttons) {
        ObjectNode body = ZaloClient.JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        ObjectNode message = body.putObject("message").put("text", text);
        if (buttons != null && buttons.isArray() && !buttons.isEmpty()) {
            ArrayNode arr = message.putObject("attachment").put("type", "template")
                    .putObject("payload").putArray("buttons");
            for (JsonNode b : buttons) {
                ObjectNode o = arr.addObject().put("title", b.path("title").asText());
                if ("URL".equals(b.path("kind").asText())) {
                    o.put("type", "oa.open.url");
                    o.putObject("payload").put("url", b.path("payload").asText());
                } else {
                    o.put("type", "oa.query.show");
                    o.put("payload", b.path("payload").asText());
                }
            }
        }
        return body;
    }

    static ObjectNode image(String userId, String attachmentId, String caption) {
        ObjectNode body = ZaloClient.JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        ObjectNode message = body.putObject("message");
        if (caption != null && !caption.isEmpty()) message.put("text", caption);
        message.putObject("attachment").put("type", "template")
                .putObject("payload").put("template_type", "media")
                .putArray("elements").addObject().put("media_type", "image").put("attachment_id", attachmentId);
        return body;
    }
}
