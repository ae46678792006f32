package vn.cdsbot.zalo;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.VnFormat;

/**
 * Downloads the files users send in chat, from the URL Zalo gives in the event: over https only (or from the
 * configured Zalo API's own host, which is the local simulator in local mode), never more than {@code maxBytes},
 * within {@code timeout}. Every failure becomes a reason the user can read; nothing is retried.
 */
public final class FileDownloads implements Incoming.Fetcher {
    private static final Logger log = LoggerFactory.getLogger(FileDownloads.class);
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final OkHttpClient http;
    private final HttpUrl zaloBase;
    private final long maxBytes;

    /** @param http the shared client; a download gets its own timeout and does not follow https → http redirects */
    public FileDownloads(OkHttpClient http, String zaloApiBase, long maxBytes, Duration timeout) {
        this.http = http.newBuilder().callTimeout(timeout).followSslRedirects(false).build();
        this.zaloBase = HttpUrl.parse(zaloApiBase);
        this.maxBytes = maxBytes;
    }

    @Override
    public Incoming.Fetched fetch(String url, long declaredSize) {
        HttpUrl u = url == null ? null : HttpUrl.parse(url.strip());
        if (u == null || !allowed(u)) {
            log.warn("File download refused: not an https address ({})", url == null ? "none" : u == null ? "malformed" : u.scheme());
            return new Incoming.Fetched.Failed("địa chỉ tải tệp không hợp lệ");
        }
        if (declaredSize > maxBytes) return tooLarge();
        try (Response r = http.newCall(new Request.Builder().url(u).get().build()).execute()) {
            if (!r.isSuccessful()) {
                log.warn("File download from {} answered HTTP {}", u.host(), r.code());
                return new Incoming.Fetched.Failed(r.code() == 404 || r.code() == 410
                        ? "tệp không còn trên Zalo (có thể đã hết hạn tải)" : "máy chủ Zalo trả lỗi " + r.code());
            }
            ResponseBody body = r.body();
            if (body == null || body.contentLength() > maxBytes) return tooLarge();
            byte[] bytes = readAtMost(body.byteStream(), maxBytes);
            return bytes == null ? tooLarge() : new Incoming.Fetched.Content(bytes);
        } catch (IOException | RuntimeException e) {   // OkHttp reports a broken connection either way
            log.warn("File download from {} failed: {}", u.host(), e.toString());
            return new Incoming.Fetched.Failed("không kết nối được tới máy chủ tệp của Zalo hoặc quá thời gian chờ");
        }
    }

    private boolean allowed(HttpUrl u) {
        if (u.isHttps()) return true;
        return zaloBase != null && u.scheme().equals(zaloBase.scheme())
                && u.host().toLowerCase(Locale.ROOT).equals(zaloBase.host().toLowerCase(Locale.ROOT)) && u.port() == zaloBase.port();
    }

    private Incoming.Fetched tooLarge() {
        return new Incoming.Fetched.Failed("tệp lớn hơn " + VnFormat.number(maxBytes / (1024 * 1024)) + " MB");
    }

    /** The whole stream, or null when it holds more than {@code max} bytes (reading stops there). */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) max + 1);
        return bytes.length > max ? null : bytes;
    }
}
