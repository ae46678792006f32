package vn.cdsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    private static String shipped() throws Exception {
        return Files.readString(Path.of("bot-config.yaml"));
    }

    private static BotConfig parse(String yaml, Map<String, String> env) {
        return ConfigLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bot-config.yaml", env);
    }

    @Test
    void theShippedFileLoadsAndEnvironmentOverridesApply() throws Exception {
        BotConfig c = parse(shipped(), Map.of("CDSBOT_PORT", "9090", "CDSBOT_DB", "/tmp/x.db",
                "ZALO_API_BASE_URL", "http://127.0.0.1:1", "CDSBOT_PUBLIC_URL", "https://bot.example.vn"));
        assertThat(c.server().port()).isEqualTo(9090);
        assertThat(c.storage().database()).isEqualTo("/tmp/x.db");
        assertThat(c.zalo().apiBaseUrl()).isEqualTo("http://127.0.0.1:1");
        assertThat(c.server().publicUrl()).isEqualTo("https://bot.example.vn");
        assertThat(c.zone().getId()).isEqualTo("Asia/Ho_Chi_Minh");
    }

    @Test
    void unknownKeyIsNamed() throws Exception {
        String yaml = shipped().replace("  port: 8080", "  port: 8080\n  prot: 1");
        assertThatThrownBy(() -> parse(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'server.prot'").hasMessageContaining("port");
    }

    @Test
    void theRetiredWindowKeySaysWhatReplacedIt() throws Exception {
        String yaml = shipped().replace("  timeout_seconds: 10", "  timeout_seconds: 10\n  messaging_window_days: 7");
        assertThatThrownBy(() -> parse(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("zalo.messaging_window_days' is no longer used").hasMessageContaining("zalo.paid_messages");
    }

    @Test
    void theRetiredReportingKindSaysWhatToWriteInstead() throws Exception {
        String yaml = shipped().replaceAll("(?m)^  reporting_kinds: .*$", "  reporting_kind: commune");
        assertThatThrownBy(() -> parse(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("units.reporting_kind' is no longer used")
                .hasMessageContaining("reporting_kinds: [commune, hamlet]");
    }

    @Test
    void reportingKindsMustListAKind() throws Exception {
        assertThat(parse(shipped(), Map.of()).units().reportingKinds()).containsExactly("commune", "hamlet");
        String yaml = shipped().replaceAll("(?m)^  reporting_kinds: .*$", "  reporting_kinds: []");
        assertThatThrownBy(() -> parse(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("units").hasMessageContaining("reporting_kinds must list at least one kind");
    }

    @Test
    void wrongTypeIsNamed() throws Exception {
        String yaml = shipped().replace("  port: 8080", "  port: tám nghìn");
        assertThatThrownBy(() -> parse(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.port").hasMessageContaining("whole number");
    }

    @Test
    void missingRequiredValueIsNamed() throws Exception {
        String yaml = shipped().replaceAll("(?m)^  workers: 4.*\\n", "");
        assertThatThrownBy(() -> parse(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing required key 'inbox.workers'");
    }

    @Test
    void invalidValueIsNamed() throws Exception {
        String yaml = shipped().replace("synchronous: NORMAL", "synchronous: SOMETIMES");
        assertThatThrownBy(() -> parse(yaml, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("storage").hasMessageContaining("NORMAL or FULL");
    }

    @Test
    void badEnvironmentValueIsNamed() throws Exception {
        String yaml = shipped();
        assertThatThrownBy(() -> parse(yaml, Map.of("CDSBOT_PORT", "abc"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("CDSBOT_PORT");
    }

    @Test
    void explicitMissingFileFailsButDefaultFallsBackToTheEmbeddedCopy() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), true, Map.of()))
                .hasMessageContaining("not found");
        ConfigLoader.Loaded loaded = ConfigLoader.load(dir.resolve("bot-config.yaml"), false, Map.of());
        assertThat(loaded.source()).startsWith("embedded default");
        assertThat(loaded.config().server().port()).isEqualTo(8080);
    }

    @Test
    void credentialsComeOnlyFromTheEnvironmentAndAreNeverPrinted() {
        assertThat(ZaloCredentials.fromEnv(Map.of()).mode()).isEqualTo(ZaloCredentials.Mode.LOCAL);
        ZaloCredentials boot = ZaloCredentials.fromEnv(Map.of("ZALO_APP_ID", "1"));
        assertThat(boot.mode()).isEqualTo(ZaloCredentials.Mode.BOOTSTRAP);
        ZaloCredentials prod = ZaloCredentials.fromEnv(Map.of("ZALO_APP_ID", "1", "ZALO_OA_SECRET_KEY", "s3cret",
                "ZALO_REFRESH_TOKEN", "r3fresh"));
        assertThat(prod.mode()).isEqualTo(ZaloCredentials.Mode.PRODUCTION);
        assertThat(prod.toString()).doesNotContain("s3cret").doesNotContain("r3fresh");
    }
}
