package vn.cdsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;

class MetricHelpTest {
    @TempDir
    Path dir;

    @Test
    void everySeriesOnMetricsHasAHelpText() throws Exception {
        try (FakeZalo zalo = new FakeZalo(); TestApp app = TestApp.production(dir, zalo)) {
            assertThat(app.say("u1", "#trogiup")).isEqualTo(200);
            zalo.takeSent();
            await().atMost(Duration.ofSeconds(5)).until(() -> app.get("/metrics").body().contains("cdsbot_sends_total"));
            List<String> lines = app.get("/metrics").body().lines().toList();
            List<String> families = lines.stream().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2]).toList();
            assertThat(families).contains("cdsbot_webhook_events_total", "cdsbot_sends_total", "cdsbot_inbox_pending");
            for (String family : families) {
                assertThat(lines).as("HELP of %s", family)
                        .anyMatch(l -> l.startsWith("# HELP " + family + " ") && l.length() > ("# HELP " + family + " ").length() + 5);
            }
        }
    }
}
