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
                    // A command tap must not appear as if the user had typed "#huuich lien-thong-…"; answers such
                    // as "0" or "bỏ qua" stay visible, they read as the user's reply.
                    String payload = b.path("payload").asText();
                    o.put("type", isCommand(payload) ? "oa.query.hide" : "oa.query.show");
                    o.put("payload", payload);
                }
            }
        }
        return body;
    }

    private static boolean isCommand(String payload) {
        return payload.startsWith("#") || payload.startsWith("/");
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

    /**
     * A file message: the token from /v2.0/oa/upload/file as an attachment of type "file" (official SDK sample
     * zaloplatform/zalo-java-sdk src/test/java/v3/SendFileCSMessage.java). Zalo takes no text with it.
     */
    static ObjectNode file(String userId, String fileToken) {
        ObjectNode body = ZaloClient.JSON.createObjectNode();
        body.putObject("recipient").put("user_id", userId);
        body.putObject("message").putObject("attachment").put("type", "file")
                .putObject("payload").put("token", fileToken);
        return body;
    }
}
