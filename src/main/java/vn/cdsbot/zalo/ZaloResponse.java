package vn.cdsbot.zalo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Zalo's answer. Zalo reports failures in the body's {@code error} (normally with HTTP 200), so success is
 * decided by that field, never by the status alone.
 */
public record ZaloResponse(int httpStatus, int error, String message, JsonNode data) {
    /** No JSON body (a proxy's error page, a cut connection): the outcome is unknown, so it is retried. */
    public static final int UNREADABLE = Integer.MIN_VALUE;

    public boolean ok() {
        return httpStatus / 100 == 2 && error == 0;
    }

    static ZaloResponse of(int httpStatus, JsonNode body) {
        if (body == null || !body.isObject()) {
            return new ZaloResponse(httpStatus, UNREADABLE, "unreadable body", MissingNode.getInstance());
        }
        int error = body.path("error").asInt(body.has("error") ? -1 : 0);
        String message = body.path("message").asText(body.path("error_name").asText(""));
        return new ZaloResponse(httpStatus, error, message, body.path("data"));
    }
}
