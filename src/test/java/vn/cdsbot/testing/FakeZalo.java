package vn.cdsbot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A scriptable Zalo OA API on MockWebServer: records sent messages, uploads and token refreshes. By default every
 * call succeeds; {@link #script} decides per send what to answer.
 */
public final class FakeZalo implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message Zalo accepted. */
    public record Sent(String userId, JsonNode message, String accessToken) {
        public String text() {
            return message.path("text").asText("");
        }

        /** The upload token of a file message, or null for any other message. */
        public String fileToken() {
            JsonNode attachment = message.path("attachment");
            return "file".equals(attachment.path("type").asText()) ? attachment.path("payload").path("token").asText() : null;
        }
    }

    /** A file Zalo took through /v2.0/oa/upload/file, as the bot sent it (the multipart part "file"). */
    public record Upload(String token, String fileName, String contentType, byte[] content) {}

    private final MockWebServer server = new MockWebServer();
    private final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
    private final List<String> refreshTokensUsed = new ArrayList<>();
    private final ConcurrentLinkedQueue<String> sendAttempts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger tokenGeneration = new AtomicInteger();
    private volatile String validAccessToken = "access-0";
    private volatile Function<RecordedRequest, MockResponse> script = r -> null;
    private volatile MockResponse refreshAnswer;
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger uploadAttempts = new AtomicInteger();
    private volatile Function<RecordedRequest, MockResponse> uploadScript = r -> null;

    public FakeZalo() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return route(request);
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(500);
                }
            }
        });
        server.start();
    }

    public String baseUrl() {
        String u = server.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** Any access token other than this one gets -216. */
    public FakeZalo validToken(String token) {
        this.validAccessToken = token;
        return this;
    }

    public String validToken() {
        return validAccessToken;
    }

    /** Decides the answer to each send: return null to accept it normally. */
    public FakeZalo script(Function<RecordedRequest, MockResponse> script) {
        this.script = script;
        return this;
    }

    /** Decides the answer to each file upload: return null to accept it normally. */
    public FakeZalo uploadScript(Function<RecordedRequest, MockResponse> script) {
        this.uploadScript = script;
        return this;
    }

    /** The file uploaded under a token Zalo gave, or null. */
    public Upload uploaded(String token) {
        return uploads.get(token);
    }

    /** File uploads received, accepted or not. */
    public int uploadAttempts() {
        return uploadAttempts.get();
    }

    /** A fixed answer for every token refresh (null = issue a fresh pair). */
    public FakeZalo refreshAnswer(MockResponse answer) {
        this.refreshAnswer = answer;
        return this;
    }

    private MockResponse route(RecordedRequest request) throws IOException {
        String path = Objects.requireNonNull(request.getRequestUrl()).encodedPath();
        if (path.endsWith("/v4/oa/access_token")) return refresh(request);
        String token = request.getHeader("access_token");
        if (path.endsWith("/v3.0/oa/message/cs")) {
            sendAttempts.add(request.getBody().clone().readUtf8());
            MockResponse scripted = script.apply(request);
            if (scripted != null) return scripted;
            if (!validAccessToken.equals(token)) return json("{\"error\":-216,\"message\":\"Access token is invalid\"}");
            JsonNode body = JSON.readTree(request.getBody().readUtf8());
            String user = body.path("recipient").path("user_id").asText();
            sent.add(new Sent(user, body.path("message"), token));
            return json("{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"m" + System.nanoTime()
                    + "\",\"user_id\":" + new com.fasterxml.jackson.databind.node.TextNode(user) + "}}");   // JSON-quoted: ids may hold any character
        }
        if (path.endsWith("/v2.0/oa/upload/image")) {
            if (!validAccessToken.equals(token)) return json("{\"error\":-216,\"message\":\"Access token is invalid\"}");
            return json("{\"error\":0,\"message\":\"Success\",\"data\":{\"attachment_id\":\"att-" + System.nanoTime() + "\"}}");
        }
        if (path.endsWith("/v2.0/oa/upload/file")) {
            uploadAttempts.incrementAndGet();
            MockResponse scripted = uploadScript.apply(request);
            if (scripted != null) return scripted;
            if (!validAccessToken.equals(token)) return json("{\"error\":-216,\"message\":\"Access token is invalid\"}");
            Upload upload = readFilePart(request, "file-" + System.nanoTime());
            if (upload == null) return json("{\"error\":-201,\"message\":\"file is invalid\"}");
            uploads.put(upload.token(), upload);
            return json("{\"error\":0,\"message\":\"Success\",\"data\":{\"token\":\"" + upload.token() + "\"}}");
        }
        if (path.endsWith("/v3.0/oa/user/detail")) {
            return json("{\"error\":0,\"message\":\"Success\",\"data\":{\"display_name\":\"Nguyễn Văn Tư\"}}");
        }
        return new MockResponse().setResponseCode(404);
    }

    /** The multipart part named "file", read with OkHttp's own multipart reader. */
    private static Upload readFilePart(RecordedRequest request, String token) throws IOException {
        MediaType type = MediaType.parse(Objects.requireNonNullElse(request.getHeader("Content-Type"), ""));
        if (type == null || type.parameter("boundary") == null) return null;
        try (MultipartReader reader = new MultipartReader(request.getBody(), type.parameter("boundary"))) {
            MultipartReader.Part part;
            while ((part = reader.nextPart()) != null) {
                String disposition = Objects.requireNonNullElse(part.headers().get("Content-Disposition"), "");
                if (!disposition.contains("name=\"file\"")) continue;
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(disposition);
                return new Upload(token, m.find() ? m.group(1) : "", part.headers().get("Content-Type"),
                        part.body().readByteArray());
            }
        }
        return null;
    }

    private synchronized MockResponse refresh(RecordedRequest request) {
        refreshes.incrementAndGet();
        String form = request.getBody().readUtf8();
        refreshTokensUsed.add(form);
        if (refreshAnswer != null) return refreshAnswer;
        int g = tokenGeneration.incrementAndGet();
        validAccessToken = "access-" + g;
        return json("{\"access_token\":\"access-" + g + "\",\"refresh_token\":\"refresh-" + g + "\",\"expires_in\":\"90000\"}");
    }

    public static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    /** The next accepted message, waiting up to 10 s. */
    public Sent takeSent() throws InterruptedException {
        Sent s = sent.poll(10, TimeUnit.SECONDS);
        if (s == null) throw new AssertionError("Zalo received no message within 10 s");
        return s;
    }

    /** The next accepted message to {@code userId}, passing over messages to others (reminders, escalations). */
    public Sent takeSentTo(String userId) throws InterruptedException {
        while (true) {
            Sent s = takeSent();
            if (s.userId().equals(userId)) return s;
        }
    }

    /** Waits a little and returns whatever else arrived. */
    public List<Sent> drainSent(long waitMillis) throws InterruptedException {
        Thread.sleep(waitMillis);
        List<Sent> out = new ArrayList<>();
        sent.drainTo(out);
        return out;
    }

    public int refreshCount() {
        return refreshes.get();
    }

    public synchronized List<String> refreshForms() {
        return List.copyOf(refreshTokensUsed);
    }

    public int sendAttempts() {
        return sendAttempts.size();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
