package vn.cdsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.App;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;

/** Zalo's domain check: the meta tag on "/" and /zalo_verifier<CODE>.html, in production mode too. */
class SiteVerificationTest {
    private static final String CODE = "RjBd3fKQ8z_Gc-7x1Tq2";
    @TempDir Path dir;

    private static BotConfig config(Path dir, String value) {
        return TestApp.config(dir, Map.of("ZALO_SITE_VERIFICATION", value));
    }

    @Test
    void theCodeFromTheEnvironmentServesTheFileAndTheMetaTag() throws Exception {
        try (FakeZalo zalo = new FakeZalo()) {
            BotConfig config = TestApp.config(dir, Map.of("ZALO_SITE_VERIFICATION", CODE,
                    "ZALO_API_BASE_URL", zalo.baseUrl(), "ZALO_OAUTH_BASE_URL", zalo.baseUrl()));
            try (App app = App.start(config, TestApp.credentials(zalo.validToken()), Clock.systemUTC())) {
                String base = "http://127.0.0.1:" + app.port();
                HttpResponse<String> file = get(base + "/zalo_verifier" + CODE + ".html");
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
                assertThat(file.body()).contains("<meta name=\"zalo-platform-site-verification\" content=\"" + CODE + "\" />");
                HttpResponse<String> root = get(base + "/");
                assertThat(root.statusCode()).isEqualTo(200);
                assertThat(root.body()).contains("content=\"" + CODE + "\"");
                assertThat(get(base + "/zalo_verifierSOMETHINGELSE.html").statusCode()).isEqualTo(404);
            }
        }
    }

    @Test
    void theWholeFileZaloGaveIsServedVerbatim() throws Exception {
        String file = "<html>\n<head>\n    <meta property=\"og:title\" content=\"x\" />\n"
                + "    <meta name=\"zalo-platform-site-verification\" content=\"" + CODE + "\" />\n</head>\n"
                + "<body>\nThere Is No Limit To What You Can Accomplish Using Zalo!\n</body>\n</html>";
        BotConfig config = config(dir, file);
        assertThat(config.zalo().siteVerificationCode()).isEqualTo(CODE);
        try (App app = App.start(config, ZaloCredentials.LOCAL, Clock.systemUTC())) {
            HttpResponse<String> r = get("http://127.0.0.1:" + app.port() + "/zalo_verifier" + CODE + ".html");
            assertThat(r.body()).isEqualTo(file);
        }
    }

    @Test
    void theDownloadedFileNamedByItsPathIsServedVerbatimAtBothAddresses() throws Exception {
        String file = "<html><head><meta property=\"zalo-platform-site-verification\" content=\"" + CODE
                + "\" /></head><body>There Is No Limit To What You Can Accomplish Using Zalo!</body></html>\r\n";
        Path downloaded = dir.resolve("zalo_verifier" + CODE + ".html");
        java.nio.file.Files.writeString(downloaded, file);
        BotConfig config = config(dir, downloaded.toString());
        assertThat(config.zalo().siteVerificationCode()).isEqualTo(CODE);
        try (App app = App.start(config, ZaloCredentials.LOCAL, Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + app.port();
            assertThat(get(base + "/zalo_verifier" + CODE + ".html").body()).isEqualTo(file);
            assertThat(get(base + "/").body()).isEqualTo(file);
        }
        assertThatThrownBy(() -> config(dir, dir.resolve("missing.html").toString()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot read the verification file");
    }

    @Test
    void theMetaTagAloneIsAcceptedAndNothingIsServedWhenEmpty() throws Exception {
        BotConfig meta = config(dir, "<meta content=\"" + CODE + "\" name=\"zalo-platform-site-verification\">");
        assertThat(meta.zalo().siteVerificationCode()).isEqualTo(CODE);

        BotConfig none = TestApp.config(dir, Map.of());
        assertThat(none.zalo().siteVerification()).isEmpty();
        try (App app = App.start(none, ZaloCredentials.LOCAL, Clock.systemUTC())) {
            assertThat(get("http://127.0.0.1:" + app.port() + "/").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aValueThatIsNotACodeStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> config(dir, "abc\"><script>alert(1)</script>"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'zalo'").hasMessageContaining("site_verification");
        assertThatThrownBy(() -> config(dir, "../../etc/passwd"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> ConfigLoader.load(Path.of("bot-config.yaml"), true,
                Map.of("ZALO_SITE_VERIFICATION", "<html><body>no tag</body></html>")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("meta");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
