package vn.cdsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.cdsbot.App;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.testing.TestApp;

/**
 * Text from strangers cannot forge log lines: with the shipped logback.xml, CR, LF and other control characters in a
 * message or an exception's message come out escaped, and every log line starts with a timestamp or is part of a
 * stack trace.
 */
class LogInjectionTest {
    private static final String FORGED = "x\r\n2026-11-23T10:00:00.000+07:00 INFO  [main] v.c.ops.Backups - all data erased\u001b[2J";
    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\S* ");
    @TempDir Path dir;

    /** The encoder of the shipped configuration's console appender, in a context of its own. */
    private static Encoder<ILoggingEvent> shippedEncoder() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        joran.doConfigure(LogInjectionTest.class.getResource("/logback.xml"));
        assertThat(context.getStatusManager().getCopyOfStatusList()).noneMatch(s -> s.getLevel() >= 2);
        OutputStreamAppender<ILoggingEvent> out =
                (OutputStreamAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("OUT");
        return out.getEncoder();
    }

    private static List<String> render(Encoder<ILoggingEvent> encoder, List<ILoggingEvent> events) {
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : events) sb.append(new String(encoder.encode(e), StandardCharsets.UTF_8));
        return Arrays.asList(sb.toString().split("\n"));
    }

    @Test
    void controlCharactersInMessagesAndExceptionsAreEscaped() throws Exception {
        Encoder<ILoggingEvent> encoder = shippedEncoder();
        LoggerContext context = new LoggerContext();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.setContext(context);
        events.start();
        Logger log = context.getLogger("test");
        log.addAppender(events);
        log.info("Webhook event {} accepted", FORGED);
        log.error("Event failed", new IllegalStateException("bad input " + FORGED,
                new NumberFormatException("For input string: \"" + FORGED + "\"")));

        List<String> lines = render(encoder, events.list);

        assertThat(lines.get(0)).matches(ENTRY.pattern() + ".*")
                .contains("Webhook event x\\r\\n2026-11-23T10:00:00.000+07:00 INFO  [main] v.c.ops.Backups - all data erased\\u001b[2J accepted");
        assertThat(lines.get(1)).matches(ENTRY.pattern() + ".*").endsWith("Event failed");
        // Whatever the server's zone, times are the province's with the offset written out.
        assertThat(lines.get(0)).containsPattern("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+07:00 ");
        assertThat(lines.get(2)).startsWith("java.lang.IllegalStateException: bad input x\\r\\n2026-11-23T10:00");
        assertThat(lines).filteredOn(l -> ENTRY.matcher(l).find()).hasSize(2);
        assertThat(lines).anyMatch(l -> l.startsWith("Caused by: java.lang.NumberFormatException: For input string: \"x\\r\\n2026"));
        assertThat(lines).anyMatch(l -> l.startsWith("\tat vn.cdsbot.ops.LogInjectionTest."));
        assertThat(String.join("\n", lines)).doesNotContain("\r", "\u001b");
    }

    @Test
    void aForgedEventNameThroughTheWebhookStaysOnOneLine() throws Exception {
        Encoder<ILoggingEvent> encoder = shippedEncoder();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        // Before the OA secret key is set (bootstrap), the webhook logs the name of each event it cannot check.
        ZaloCredentials bootstrap = new ZaloCredentials(TestApp.APP_ID, "", "app-secret", "refresh-seed", "t");
        BotConfig config = TestApp.config(dir, Map.of("ZALO_API_BASE_URL", "http://127.0.0.1:9/",
                "ZALO_OAUTH_BASE_URL", "http://127.0.0.1:9/"));
        String escaped = FORGED.replace("\r", "\\r").replace("\n", "\\n").replace("\u001b", "\\u001b");
        try (App app = App.start(config, bootstrap, Clock.systemUTC())) {
            String body = "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"" + escaped
                    + "\",\"timestamp\":\"1\",\"sender\":{\"id\":\"u1\"}}";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/webhook/zalo"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        } finally {
            root.detachAppender(captured);
        }
        List<ILoggingEvent> events;
        synchronized (captured) {
            events = List.copyOf(captured.list);
        }
        assertThat(events).as("the event name reached the log").anyMatch(e -> e.getFormattedMessage().contains("all data erased"));
        List<String> lines = render(encoder, events);
        assertThat(lines).anyMatch(l -> l.contains("Webhook event x\\r\\n2026-11-23T10:00:00.000+07:00 INFO"));
        for (String line : lines) {
            assertThat(line).doesNotContain("\r", "\u001b");
            assertThat(line.startsWith("\t") || line.startsWith("Caused by") || ENTRY.matcher(line).find())
                    .as("a line that is neither a log entry nor part of a stack trace: %s", line).isTrue();
        }
    }
}
