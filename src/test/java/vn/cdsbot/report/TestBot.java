package vn.cdsbot.report;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.people.People;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;
import vn.cdsbot.testing.TestApp;

/**
 * A conversation with the real app in local mode ({@link TestApp}): signed events POSTed to /webhook/zalo, each
 * answered once the bot is done with it, replies read back from the local Zalo stand-in at /dev/chat/messages.
 */
public final class TestBot implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("^[A-Z2-9]{8}$", Pattern.MULTILINE);
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime());

    /** One message the bot sent, with its buttons as "title→payload"; {@code image} when it was a picture. */
    /** @param file the name of a document sent as a Zalo file, else null */
    public record Sent(String text, List<String> buttons, boolean image, String file) {
        Sent(String text, List<String> buttons) {
            this(text, buttons, false, null);
        }

        public List<String> payloads() {
            return buttons.stream().map(b -> b.substring(b.indexOf('→') + 1)).toList();
        }
    }

    public final MutableClock clock;
    public final BotConfig config;
    public final TestApp app;
    private final Map<String, Long> seen = new HashMap<>();

    /**
     * Scheduled reminder slots are moved to Saturday 03:00 and a campaign's daily rhythm is off, so they never fire
     * during these tests.
     */
    public TestBot(Path dir, MutableClock clock) throws Exception {
        this(dir, clock, y -> y);
    }

    /** With a further edit of bot-config.yaml's text. */
    public TestBot(Path dir, MutableClock clock, java.util.function.UnaryOperator<String> edit) throws Exception {
        this.clock = clock;
        this.config = PeopleFixture.config(dir, y -> edit.apply(y.replace("reminders: [FRIDAY 15:00, MONDAY 08:00]",
                "reminders: [SATURDAY 03:00]").replace("evening_reminder: \"19:00\"", "evening_reminder: \"\"")
                .replace("morning_note: \"07:30\"", "morning_note: \"\"").replace("daily_digest: \"17:00\"", "daily_digest: \"\"")));
        this.app = TestApp.local(config, clock, TestApp.PATIENT);   // a document comes with the reply it answers
    }

    public Database db() {
        return app.app().database();
    }

    /** A code from the operator's command line, as the very first admin gets one. */
    public String cliInvite(String unit, String role) {
        StringWriter out = new StringWriter();
        int rc = People.cliInvite(config, unit, role, 1, null, clock, new PrintWriter(out), new PrintWriter(new StringWriter()));
        if (rc != 0) throw new IllegalStateException("invite failed");
        return out.toString().strip();
    }

    public static String code(String reply) {
        Matcher m = CODE.matcher(reply);
        if (!m.find()) throw new AssertionError("no invite code in: " + reply);
        return m.group();
    }

    /** Sends a text as the user and returns what the bot replied to it. */
    public List<Sent> send(String user, String text) throws Exception {
        return post(textEvent(user, text, "t" + IDS.incrementAndGet()), user);
    }

    public String say(String user, String text) throws Exception {
        return String.join("\n", send(user, text).stream().map(Sent::text).toList());
    }

    String textEvent(String user, String text, String msgId) {
        ObjectNode e = JSON.createObjectNode();
        e.put("app_id", ZaloCredentials.LOCAL.appId()).put("event_name", "user_send_text")
                .put("timestamp", String.valueOf(clock.millis()));
        e.putObject("sender").put("id", user);
        e.putObject("recipient").put("id", "local-oa");
        e.putObject("message").put("text", text).put("msg_id", msgId);
        return e.toString();
    }

    /**
     * Sends a file as the user (a user_send_file with one attachment of type file, as Zalo sends it) and returns what
     * the bot replied.
     *
     * @param size the size the event declares
     */
    public List<Sent> sendFile(String user, String name, String url, long size) throws Exception {
        ObjectNode e = JSON.createObjectNode();
        e.put("app_id", ZaloCredentials.LOCAL.appId()).put("event_name", "user_send_file")
                .put("timestamp", String.valueOf(clock.millis()));
        e.putObject("sender").put("id", user);
        e.putObject("recipient").put("id", "local-oa");
        ObjectNode message = e.putObject("message").put("msg_id", "f" + IDS.incrementAndGet());
        ObjectNode payload = message.putArray("attachments").addObject().put("type", "file").putObject("payload");
        payload.put("url", url).put("name", name).put("size", String.valueOf(size)).put("checksum", "0").put("type",
                name.substring(name.lastIndexOf('.') + 1));
        return post(e.toString(), user);
    }

    /** Puts bytes on the local Zalo's file host (as Zalo hosts a file a user sends) and returns their address. */
    public String hostFile(String name, byte[] content) throws Exception {
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        okhttp3.RequestBody body = new okhttp3.MultipartBody.Builder().setType(okhttp3.MultipartBody.FORM)
                .addFormDataPart("file", name, okhttp3.RequestBody.create(content, okhttp3.MediaType.get("application/octet-stream")))
                .build();
        try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder()
                .url(app.url(vn.cdsbot.dev.LocalZalo.API_PREFIX + "/v2.0/oa/upload/file")).post(body).build()).execute()) {
            String token = JSON.readTree(r.body().string()).path("data").path("token").asText();
            if (token.isEmpty()) throw new AssertionError("the local Zalo did not take the file");
            return app.url(vn.cdsbot.dev.LocalZalo.API_PREFIX + "/files/" + token);
        }
    }

    /** Sends a user_withdraw for the user and waits until it is handled. */
    public void withdraw(String user) throws Exception {
        post(withdrawEvent(user), user);
    }

    String withdrawEvent(String user) {
        ObjectNode e = JSON.createObjectNode();
        e.put("app_id", ZaloCredentials.LOCAL.appId()).put("event_name", "user_withdraw")
                .put("timestamp", String.valueOf(clock.millis()));
        e.putObject("sender").put("id", user);
        return e.toString();
    }

    /** POSTs a signed body (again, for a retry), waits until it is handled and its replies sent. */
    List<Sent> post(String body, String user) throws Exception {
        int status = app.post(body, JSON.readTree(body).path("timestamp").asText());
        if (status != 200) throw new AssertionError("webhook answered " + status);
        awaitQuiet(user);
        return replies(user);
    }

    /** Waits until no event is pending and no reply to the user is waiting to be sent. */
    void awaitQuiet(String user) throws InterruptedException {
        await().alias("the bot finishing with " + user).atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(10))
                .until(() -> PeopleFixture.rows(db(), "SELECT (SELECT COUNT(*) FROM inbox WHERE status = 'pending') "
                        + "+ (SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND user_id = ?)", user).get(0).equals("0"));
    }

    /** Messages to the user not seen yet, once nothing for them is still queued (reminders are sent to others). */
    List<Sent> replies(String user) throws Exception {
        awaitQuiet(user);
        long after = seen.getOrDefault(user, 0L);
        JsonNode arr = app.getJson("/dev/chat/messages?user=" + user + "&after=" + after);
        List<Sent> out = new ArrayList<>();
        for (JsonNode m : arr) {
            seen.put(user, Math.max(seen.getOrDefault(user, 0L), m.path("id").asLong()));
            List<String> buttons = new ArrayList<>();
            for (JsonNode b : m.path("buttons")) {
                String payload = b.path("payload").isObject() ? b.path("payload").path("content").asText()
                        : b.path("payload").asText();
                buttons.add(b.path("title").asText() + "→" + payload);
            }
            out.add(new Sent(m.path("text").asText(), buttons, !m.path("imageUrl").asText("").isEmpty(),
                    m.path("fileName").isTextual() ? m.path("fileName").asText() : null));
        }
        return out;
    }

    public List<String> rows(String sql, Object... args) {
        return PeopleFixture.rows(db(), sql, args);
    }

    @Override
    public void close() {
        app.close();
    }
}
