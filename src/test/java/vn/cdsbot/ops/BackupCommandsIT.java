package vn.cdsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.testing.PackagedJar;
import vn.cdsbot.testing.TestApp;
import vn.cdsbot.webhook.SignatureVerifier;

/**
 * The packaged jar, as an operator uses it: backup from a second process while `serve` runs, restore refused
 * by the running server's OS lock (another process: the real fcntl lock, not the in-JVM bookkeeping), restore
 * accepted once the server has stopped.
 */
class BackupCommandsIT {
    @TempDir Path dir;

    record Run(int exit, String out, String err) {}

    @Test
    void backupWhileServingRestoreOnlyWhenStopped() throws Exception {
        Process server = java(List.of("serve"), 0).redirectErrorStream(true)   // 0: the server picks a free port
                .redirectOutput(dir.resolve("server.log").toFile()).start();
        int port = PackagedJar.announcedPort(dir.resolve("server.log"), 0, server);
        try {
            for (int i = 0; i < 5; i++) assertThat(post(port, "u-it", "it-" + i, "xin chào " + i)).isEqualTo(200);

            Run backup = run(List.of("backup", dir.resolve("copy.db").toString()), port);
            assertThat(backup.exit()).as(backup.err()).isZero();
            assertThat(backup.out()).contains("Đã sao lưu").contains("kiểm tra toàn vẹn: ok").containsPattern("inbox [5-9]");

            Run refused = run(List.of("restore", dir.resolve("copy.db").toString()), port);
            assertThat(refused.exit()).isEqualTo(1);
            assertThat(refused.err()).contains("đang chạy").contains("bot.db.lock");

            assertThat(post(port, "u-it", "it-after", "vẫn chạy")).isEqualTo(200);
        } finally {
            server.destroy();                   // SIGTERM: the shutdown hook closes the app and frees the lock
            server.waitFor(30, TimeUnit.SECONDS);
        }

        Run restore = run(List.of("restore", dir.resolve("copy.db").toString()), port);
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Đã khôi phục").contains("bot.db.before-restore");
        assertThat(dir.resolve("bot.db.before-restore")).exists();
    }

    private ProcessBuilder java(List<String> args, int port) {
        ProcessBuilder pb = PackagedJar.command(args).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LC_"));
        env.remove("LANG");                     // a bare server locale: Vietnamese must still come out as UTF-8
        env.put("CDSBOT_DB", dir.resolve("bot.db").toString());
        env.put("CDSBOT_PORT", String.valueOf(port));
        return pb;
    }

    private Run run(List<String> args, int port) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = java(args, port).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static int post(int port, String user, String msgId, String text) throws Exception {
        String ts = String.valueOf(System.currentTimeMillis());
        String body = TestApp.textEvent(ZaloCredentials.LOCAL.appId(), user, msgId, text, ts);
        String sig = SignatureVerifier.sign(ZaloCredentials.LOCAL.appId(), body.getBytes(StandardCharsets.UTF_8), ts,
                ZaloCredentials.LOCAL.oaSecretKey());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/zalo"))
                .header("X-ZEvent-Signature", sig).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

}
