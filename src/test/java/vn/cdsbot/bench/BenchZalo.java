package vn.cdsbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/**
 * A lean fake Zalo OA API for the benchmark: accepts every send and token refresh, keeps nothing, and reports
 * each delivered message (recipient, arrival time) to a listener. MockWebServer records every request, which
 * would distort memory and speed over a long run.
 */
final class BenchZalo implements AutoCloseable {
    static final String ACCESS_TOKEN = "bench-access";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "bench-zalo");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private volatile ObjLongConsumer<String> listener = (user, at) -> {};

    BenchZalo() throws IOException {
        // Without TCP_NODELAY the JDK server's split header/body writes meet delayed ACKs: 40 ms per call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void onMessage(ObjLongConsumer<String> listener) {
        this.listener = listener;
    }

    long received() {
        return received.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            String answer;
            if (path.endsWith("/v4/oa/access_token")) {
                answer = "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"refresh_token\":\"bench-refresh-"
                        + messageIds.incrementAndGet() + "\",\"expires_in\":\"90000\"}";
            } else if (path.endsWith("/v3.0/oa/message/cs")) {
                long at = System.nanoTime();
                JsonNode json = JSON.readTree(body);
                String user = json.path("recipient").path("user_id").asText();
                received.incrementAndGet();
                listener.accept(user, at);
                answer = "{\"error\":0,\"message\":\"Success\",\"data\":{\"message_id\":\"bm" + messageIds.incrementAndGet()
                        + "\",\"user_id\":\"" + user + "\"}}";
            } else {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
