package vn.cdsbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.PackagedJar;
import vn.cdsbot.testing.TestApp;
import vn.cdsbot.webhook.SignatureVerifier;

/**
 * The packaged jar on the rehearsal clock ({@code CDSBOT_CLOCK}), driven from outside as an operator would: the
 * invite command and the server both run on Wednesday 2/12/2026, then the server is restarted on 6/1/2027. A
 * member's plain report and the secretariat's plain summary are about the same week; "tuần trước" works in
 * summaries; after the new year "tuần 52" means the week just gone, for reports and summaries alike.
 */
class RehearsalClockIT {
    @TempDir Path dir;
    private final AtomicInteger messageIds = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aReportAndTheSummaryAfterItAgreeAndWeekNumbersCrossTheNewYear() throws Exception {
        String wednesday = "2026-12-02T09:00:00+07:00";
        String memberCode = invite(wednesday, "BP-DXO-01", "member");
        String secretariatCode = invite(wednesday, "BP", "secretariat");
        try (FakeZalo zalo = new FakeZalo()) {
            Process server = start(zalo, wednesday);
            int port = started(server);
            try {
                assertThat(say(zalo, port, "member-1", "#dangky " + memberCode)).contains("Phường Tân Bình");
                assertThat(say(zalo, port, "member-1", "#baocao hotro=100"))
                        .contains("Tuần 49: 30/11–06/12/2026").contains("tuần 49 đang diễn ra");
                assertThat(say(zalo, port, "member-1", "#xacnhan")).contains("Đã ghi nhận báo cáo tuần 49");
                say(zalo, port, "sec-1", "#dangky " + secretariatCode);

                String summary = say(zalo, port, "sec-1", "#tonghop");
                assertThat(summary).contains("TỔNG HỢP TUẦN 49/2026 (ĐANG DIỄN RA)").contains("Tổ xã: 1/111").contains("Tổ thôn, ấp: 0/5")
                        .contains("Lượt người dân được hỗ trợ: 100").doesNotContain("Giảm");
                String lastWeek = say(zalo, port, "sec-1", "#tonghop tuần trước");
                assertThat(lastWeek).contains("TỔNG HỢP TUẦN 48/2026").contains("Tổ xã: 0/111")
                        .contains("chưa có số liệu").contains("Tuần 49 đang diễn ra: 1 đơn vị đã báo cáo");
            } finally {
                stop(server);
            }

            Process restarted = start(zalo, "2027-01-06T09:00:00+07:00");
            port = started(restarted);
            try {
                assertThat(say(zalo, port, "member-1", "#baocao tuần 52 hotro=77")).contains("21/12–27/12/2026");
                assertThat(say(zalo, port, "member-1", "#xacnhan")).contains("Đã ghi nhận báo cáo tuần 52");
                assertThat(say(zalo, port, "sec-1", "#tonghop tuần 52")).contains("TỔNG HỢP TUẦN 52/2026")
                        .contains("Lượt người dân được hỗ trợ: 77");
            } finally {
                stop(restarted);
            }
        }
        assertThat(Files.readString(dir.resolve("server.log"))).contains("CDSBOT_CLOCK is set");
    }

    /** Runs the invite command on the rehearsal clock and returns the code it prints. */
    private String invite(String clock, String unit, String role) throws Exception {
        ProcessBuilder pb = java(List.of("invite", "--unit", unit, "--role", role), clock);
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().filter(l -> l.matches("[A-Z0-9]{6,}")).findFirst().orElseThrow(() -> new AssertionError(out));
    }

    /** Sends one signed text event and returns the text of every reply to it. */
    private String say(FakeZalo zalo, int port, String user, String text) throws Exception {
        String id = "rehearsal-" + messageIds.incrementAndGet();
        String ts = String.valueOf(System.currentTimeMillis());
        String body = TestApp.textEvent(TestApp.APP_ID, user, id, text, ts);
        String sig = SignatureVerifier.sign(TestApp.APP_ID, body.getBytes(StandardCharsets.UTF_8), ts, TestApp.OA_SECRET);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/zalo"))
                .header("X-ZEvent-Signature", sig).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> replies = new ArrayList<>();
        FakeZalo.Sent first = zalo.takeSent();
        replies.add(first.text());
        for (FakeZalo.Sent s : zalo.drainSent(700)) replies.add(s.text());
        return String.join("\n", replies);
    }

    private ProcessBuilder java(List<String> args, String clock) {
        ProcessBuilder pb = PackagedJar.command(args).directory(new File("."));
        pb.environment().put("CDSBOT_DB", dir.resolve("bot.db").toString());
        pb.environment().put("CDSBOT_CLOCK", clock);
        return pb;
    }

    /** Where this start's output begins in server.log (the log is appended to across restarts). */
    private long logStart;

    private Process start(FakeZalo zalo, String clock) throws Exception {
        ProcessBuilder pb = java(List.of("serve"), clock);
        PackagedJar.zaloEnvironment(pb.environment(), zalo);
        pb.environment().put("CDSBOT_PORT", "0");   // the server picks a free port and says which
        Path log = dir.resolve("server.log");
        logStart = Files.exists(log) ? Files.size(log) : 0;
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
        return pb.start();
    }

    private int started(Process server) {
        return PackagedJar.announcedPort(dir.resolve("server.log"), logStart, server);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
    }

}
