package vn.cdsbot.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cdsbot.chat.Incoming;

/** Downloads of files users send, against a real HTTP server standing in for Zalo's file host. */
class FileDownloadsTest {
    MockWebServer zalo = new MockWebServer();
    MockWebServer elsewhere = new MockWebServer();
    FileDownloads downloads;

    @BeforeEach
    void setUp() throws Exception {
        zalo.start();
        elsewhere.start();
        downloads = new FileDownloads(new OkHttpClient(), zalo.url("/api").toString(), 1000, Duration.ofMillis(800));
    }

    @AfterEach
    void tearDown() throws Exception {
        zalo.shutdown();
        elsewhere.shutdown();
    }

    static String reason(Incoming.Fetched f) {
        assertThat(f).isInstanceOf(Incoming.Fetched.Failed.class);
        return ((Incoming.Fetched.Failed) f).reason();
    }

    @Test
    void aFileOnTheZaloHostIsDownloaded() {
        zalo.enqueue(new MockResponse().setBody("unit_code,vneid\nX1,5\n"));
        Incoming.Fetched f = downloads.fetch(zalo.url("/files/a.csv").toString(), 21);
        assertThat(f).isInstanceOf(Incoming.Fetched.Content.class);
        assertThat(new String(((Incoming.Fetched.Content) f).bytes())).isEqualTo("unit_code,vneid\nX1,5\n");
    }

    @Test
    void plainHttpElsewhereAndMalformedAddressesAreNotFetched() {
        elsewhere.enqueue(new MockResponse().setBody("x"));
        assertThat(reason(downloads.fetch(elsewhere.url("/a.csv").toString(), 1))).isEqualTo("địa chỉ tải tệp không hợp lệ");
        assertThat(reason(downloads.fetch("ftp://example.com/a.csv", 1))).isEqualTo("địa chỉ tải tệp không hợp lệ");
        assertThat(reason(downloads.fetch(null, 1))).isEqualTo("địa chỉ tải tệp không hợp lệ");
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void theSizeLimitHoldsWhateverTheEventOrTheServerSays() {
        assertThat(reason(downloads.fetch(zalo.url("/big").toString(), 5000))).contains("lớn hơn");
        assertThat(zalo.getRequestCount()).as("a declared size over the limit is not downloaded").isZero();

        zalo.enqueue(new MockResponse().setBody(new Buffer().write(new byte[1500])));
        assertThat(reason(downloads.fetch(zalo.url("/big").toString(), 10))).contains("lớn hơn");
        zalo.enqueue(new MockResponse().setChunkedBody(new Buffer().write(new byte[1500]), 100));   // no Content-Length
        assertThat(reason(downloads.fetch(zalo.url("/big").toString(), -1))).contains("lớn hơn");
        zalo.enqueue(new MockResponse().setBody(new Buffer().write(new byte[1000])));
        assertThat(downloads.fetch(zalo.url("/exact").toString(), -1)).isInstanceOf(Incoming.Fetched.Content.class);
    }

    @Test
    void missingSlowAndFailingFilesGiveAReason() {
        zalo.enqueue(new MockResponse().setResponseCode(404));
        assertThat(reason(downloads.fetch(zalo.url("/gone").toString(), 1))).contains("tệp không còn trên Zalo");
        zalo.enqueue(new MockResponse().setResponseCode(503));
        assertThat(reason(downloads.fetch(zalo.url("/busy").toString(), 1))).contains("503");
        zalo.enqueue(new MockResponse().setBody("slow").setHeadersDelay(3, TimeUnit.SECONDS));
        assertThat(reason(downloads.fetch(zalo.url("/slow").toString(), 1))).contains("quá thời gian chờ");
    }
}
