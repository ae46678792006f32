package vn.cdsbot.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import vn.cdsbot.config.ZaloCredentials;

/**
 * Local mode only: a stand-in for the Zalo OA API that the real client talks to over HTTP, plus the chat
 * simulator page that posts signed events to the real webhook. Never registered when credentials are set.
 */
public final class LocalZalo {
    public static final String API_PREFIX = "/dev/zalo";
    public static final String OA_ID = "local-oa";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message the bot sent, as the simulator shows it; fileUrl and fileName only for a file message. */
    public record Sent(long id, String userId, String text, JsonNode buttons, String imageUrl, String fileUrl,
                       String fileName) {}

    /** A document uploaded through /v2.0/oa/upload/file. */
    private record Upload(String name, byte[] content) {}

    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, byte[]> media = new ConcurrentHashMap<>();
    private final Map<String, Upload> files = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    public void register(Javalin app) {
        app.post(API_PREFIX + "/v3.0/oa/message/cs", this::send);
        app.post(API_PREFIX + "/v2.0/oa/upload/image", this::upload);
        app.post(API_PREFIX + "/v2.0/oa/upload/file", this::uploadFile);
        app.get(API_PREFIX + "/v3.0/oa/user/detail", this::userDetail);
        app.get(API_PREFIX + "/files/{token}", ctx -> {
            Upload f = files.get(ctx.pathParam("token"));
            if (f == null) {
                ctx.status(404);
            } else {
                ctx.contentType("application/octet-stream").header("Content-Disposition", "attachment; filename=\""
                        + f.name().replaceAll("[^A-Za-z0-9._-]", "_") + "\"").result(f.content());
            }
        });
        app.get(API_PREFIX + "/media/{id}", ctx -> {
            byte[] png = media.get(ctx.pathParam("id"));
            if (png == null) ctx.status(404); else ctx.contentType("image/png").result(png);
        });
        app.get("/dev/chat", ctx -> ctx.contentType("text/html; charset=utf-8").result(page()));
        app.get("/dev/chat/config", ctx -> ctx.json(Map.of("app_id", ZaloCredentials.LOCAL.appId(),
                "oa_secret_key", ZaloCredentials.LOCAL.oaSecretKey(), "oa_id", OA_ID)));
        app.get("/dev/chat/messages", this::messages);
        app.post("/dev/chat/profile", ctx -> {
            JsonNode b = JSON.readTree(ctx.body());
            names.put(b.path("user_id").asText(), b.path("name").asText("Người dùng thử"));
            ctx.json(Map.of("ok", true));
        });
    }

    private void send(Context ctx) throws IOException {
        if (!ZaloCredentials.LOCAL.accessToken().equals(ctx.header("access_token"))) {
            ctx.json(Map.of("error", -216, "message", "Access token is invalid"));
            return;
        }
        JsonNode body = JSON.readTree(ctx.body());
        String user = body.path("recipient").path("user_id").asText();
        JsonNode message = body.path("message");
        JsonNode payload = message.path("attachment").path("payload");
        String image = null;
        if ("media".equals(payload.path("template_type").asText())) {
            image = "/dev/zalo/media/" + payload.path("elements").path(0).path("attachment_id").asText();
        }
        String fileUrl = null;
        String fileName = null;
        if ("file".equals(message.path("attachment").path("type").asText())) {
            Upload f = files.get(payload.path("token").asText());
            if (f == null) {
                ctx.json(Map.of("error", -201, "message", "token is invalid"));
                return;
            }
            fileUrl = API_PREFIX + "/files/" + payload.path("token").asText();
            fileName = f.name();
        }
        long id = ids.incrementAndGet();
        synchronized (sent) {
            sent.add(new Sent(id, user, message.path("text").asText(""), payload.path("buttons"), image, fileUrl, fileName));
        }
        ctx.json(Map.of("error", 0, "message", "Success", "data", Map.of("message_id", "local-" + id, "user_id", user)));
    }

    private void upload(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            ctx.json(Map.of("error", -201, "message", "file is invalid"));
            return;
        }
        try (InputStream in = file.content()) {
            String id = "local-att-" + ids.incrementAndGet();
            media.put(id, in.readAllBytes());
            ctx.json(Map.of("error", 0, "message", "Success", "data", Map.of("attachment_id", id)));
        }
    }

    private void uploadFile(Context ctx) throws IOException {
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            ctx.json(Map.of("error", -201, "message", "file is invalid"));
            return;
        }
        try (InputStream in = file.content()) {
            String token = "local-file-" + ids.incrementAndGet();
            files.put(token, new Upload(file.filename(), in.readAllBytes()));
            ctx.json(Map.of("error", 0, "message", "Success", "data", Map.of("token", token)));
        }
    }

    private void userDetail(Context ctx) throws IOException {
        String user = JSON.readTree(ctx.queryParam("data")).path("user_id").asText();
        ctx.json(Map.of("error", 0, "message", "Success",
                "data", Map.of("user_id", user, "display_name", names.getOrDefault(user, "Người dùng thử"))));
    }

    private void messages(Context ctx) {
        String user = ctx.queryParam("user");
        long after = parseLong(ctx.queryParam("after"));
        List<Sent> out = new ArrayList<>();
        synchronized (sent) {
            for (Sent s : sent) if (s.id() > after && s.userId().equals(user)) out.add(s);
        }
        ctx.json(out);
    }

    private static long parseLong(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String page() throws IOException {
        try (InputStream in = LocalZalo.class.getResourceAsStream("/dev/chat.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
