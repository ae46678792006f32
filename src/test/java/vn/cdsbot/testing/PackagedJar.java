package vn.cdsbot.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar run as an operator runs it, for the integration tests: {@code java -jar target/cdsbot.jar ARGS}
 * with a clean environment (no Zalo or cdsbot variables inherited), Zalo's variables pointing at a fake Zalo, and a
 * wait until the server answers /health.
 */
public final class PackagedJar {
    private PackagedJar() {}

    /** The command with an environment cleared of ZALO_* and CDSBOT_*; the caller adds what the test needs. */
    public static ProcessBuilder command(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", Path.of("target", "cdsbot.jar").toAbsolutePath().toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("ZALO_") || k.startsWith("CDSBOT_"));
        return pb;
    }

    /** Production mode against {@code zalo}, with the test app's id and secrets. */
    public static void zaloEnvironment(Map<String, String> env, FakeZalo zalo) {
        env.put("ZALO_APP_ID", TestApp.APP_ID);
        env.put("ZALO_OA_SECRET_KEY", TestApp.OA_SECRET);
        env.put("ZALO_APP_SECRET", "app-secret");
        env.put("ZALO_REFRESH_TOKEN", "refresh-seed");
        env.put("ZALO_ACCESS_TOKEN", zalo.validToken());
        env.put("ZALO_API_BASE_URL", zalo.baseUrl());
        env.put("ZALO_OAUTH_BASE_URL", zalo.baseUrl());
    }

    /** Waits until /health answers at all (200, or 503 while a token is being refreshed). */
    public static void waitHealthy(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        await("the server's /health on port " + port).atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode(), s -> s == 200 || s == 503);
    }

    private static final java.util.regex.Pattern ANNOUNCED_PORT =
            java.util.regex.Pattern.compile("(?:on port |localhost:)(\\d+)");

    /**
     * The port a server started with {@code CDSBOT_PORT=0} is listening on, read from the start-up line it writes to
     * {@code log} after {@code from} bytes (where this start's output begins). Unlike a port picked beforehand, no
     * other process can take it in between; fails at once with the log when the server exits first.
     */
    public static int announcedPort(Path log, long from, Process server) {
        int[] port = {0};
        await("the server's start-up line in " + log).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    String text = readFrom(log, from);
                    java.util.regex.Matcher m = ANNOUNCED_PORT.matcher(text);
                    if (m.find()) {
                        port[0] = Integer.parseInt(m.group(1));
                        return true;
                    }
                    if (!server.isAlive()) throw new AssertionError("the server exited before it listened:\n" + text);
                    return false;
                });
        waitHealthy(port[0]);
        return port[0];
    }

    private static String readFrom(Path log, long from) throws IOException {
        if (!java.nio.file.Files.exists(log)) return "";
        byte[] all = java.nio.file.Files.readAllBytes(log);
        int start = (int) Math.min(from, all.length);
        return new String(all, start, all.length - start, java.nio.charset.StandardCharsets.UTF_8);
    }
}
