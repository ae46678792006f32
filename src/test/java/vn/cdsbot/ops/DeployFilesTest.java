package vn.cdsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of deploy/ on a machine without Docker: the systemd unit (by systemd itself when
 * systemd-analyze is installed, and by its keys always), the env example, the Dockerfile's stages and the files
 * it copies, and the nginx example's essentials.
 */
class DeployFilesTest {
    private static final Path DEPLOY = Path.of("deploy");

    /** key -> values of one section of an INI-style unit file (keys may repeat). */
    private static Map<String, List<String>> section(String unit, String name) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = null;
        for (String raw : unit.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) continue;
            if (line.startsWith("[")) {
                current = line;
                continue;
            }
            if (!("[" + name + "]").equals(current)) continue;
            int eq = line.indexOf('=');
            keys.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(line.substring(eq + 1).strip());
        }
        return keys;
    }

    private static String one(Map<String, List<String>> keys, String key) {
        assertThat(keys).as("key %s", key).containsKey(key);
        return keys.get(key).get(keys.get(key).size() - 1);
    }

    @Test
    void systemdUnitRunsServeAsAnUnprivilegedHardenedService() throws Exception {
        String unit = Files.readString(DEPLOY.resolve("cdsbot.service"), StandardCharsets.UTF_8);
        Map<String, List<String>> service = section(unit, "Service");
        assertThat(one(service, "User")).isNotBlank().isNotIn("root", "0");
        assertThat(one(service, "EnvironmentFile")).isEqualTo("/etc/cdsbot/cdsbot.env");
        String workDir = one(service, "WorkingDirectory");
        assertThat(one(service, "ExecStart")).startsWith("/").contains("-jar " + workDir + "/cdsbot.jar").endsWith(" serve")
                .contains("-Dfile.encoding=UTF-8");
        assertThat(one(service, "Restart")).isEqualTo("on-failure");
        assertThat(one(service, "SuccessExitStatus")).contains("143");
        assertThat(one(service, "NoNewPrivileges")).isEqualTo("yes");
        assertThat(one(service, "ProtectSystem")).isEqualTo("strict");
        assertThat(one(service, "UMask")).as("the database holds tokens and personal data: not world-readable")
                .isEqualTo("0027");
        assertThat(one(service, "ReadWritePaths")).contains(workDir + "/data");   // the database lives there
        assertThat(one(service, "PrivateTmp")).isEqualTo("yes");
        assertThat(one(service, "CapabilityBoundingSet")).isEmpty();
        assertThat(service).doesNotContainKey("MemoryDenyWriteExecute");       // would kill the JIT
        assertThat(one(section(unit, "Install"), "WantedBy")).isEqualTo("multi-user.target");
        assertThat(one(section(unit, "Unit"), "After")).contains("network-online.target");

        Path analyze = Path.of("/usr/bin/systemd-analyze");
        if (Files.isExecutable(analyze) && Files.isExecutable(Path.of(one(service, "ExecStart").split(" ")[0]))) {
            Result verify = run(analyze.toString(), "verify", DEPLOY.resolve("cdsbot.service").toAbsolutePath().toString());
            assertThat(verify.exit()).as(verify.output()).isZero();
            assertThat(verify.output()).doesNotContain("Unknown").doesNotContain("Invalid").doesNotContain("Failed");
            Result security = run(analyze.toString(), "security", "--offline=true", "--no-pager",
                    DEPLOY.resolve("cdsbot.service").toAbsolutePath().toString());
            Matcher m = Pattern.compile("Overall exposure level for cdsbot.service: ([0-9.]+)").matcher(security.output());
            if (m.find()) {   // older systemd has no --offline: then only verify counts
                System.out.println("systemd-analyze security exposure: " + m.group(1));
                assertThat(Double.parseDouble(m.group(1))).as("systemd exposure score (0 safest, 10 worst)").isLessThan(4.0);
            }
        }
    }

    @Test
    void envExampleListsEverySecretWithEmptyValues() throws Exception {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("cdsbot.env.example"), StandardCharsets.UTF_8);
        Map<String, String> set = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) continue;
            assertThat(line).as("systemd/docker env line").matches("[A-Z_]+=.*");
            set.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        assertThat(set).containsKeys("ZALO_APP_ID", "ZALO_OA_SECRET_KEY", "ZALO_APP_SECRET", "ZALO_REFRESH_TOKEN",
                "ZALO_ACCESS_TOKEN", "ZALO_SITE_VERIFICATION");
        assertThat(set.values()).as("an example never carries a value").allMatch(String::isEmpty);
        // an empty CDSBOT_DB in docker --env-file would move the database off the volume
        assertThat(set).doesNotContainKey("CDSBOT_DB");
    }

    @Test
    void dockerfileIsMultiStageNonRootWithAVolumeAndAHealthCheck() throws Exception {
        String file = Files.readString(DEPLOY.resolve("Dockerfile"), StandardCharsets.UTF_8)
                .replaceAll("\\\\\\n\\s*", " ");   // join continuation lines
        List<String> instructions = file.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        List<String> froms = instructions.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(froms).hasSize(2);
        assertThat(froms.get(0)).matches("FROM maven:\\S*(temurin|openjdk)-17\\S* AS build");
        assertThat(froms.get(1)).matches("FROM eclipse-temurin:17-jre\\S*");
        int runtime = instructions.indexOf(froms.get(1));
        List<String> build = instructions.subList(0, runtime);
        List<String> last = instructions.subList(runtime, instructions.size());
        assertThat(build).anyMatch(l -> l.startsWith("RUN mvn") && l.contains("package"));
        assertThat(last).anyMatch(l -> l.startsWith("COPY --from=build ") && l.contains("target/cdsbot.jar"));
        String user = last.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertThat(user.substring(5).strip()).isNotIn("root", "0");
        assertThat(last).anyMatch(l -> l.startsWith("VOLUME") && l.contains("/data"));
        assertThat(last).anyMatch(l -> l.startsWith("ENV") && l.contains("CDSBOT_DB=/data/"));
        assertThat(last).anyMatch(l -> l.startsWith("HEALTHCHECK") && l.contains("/health"));
        assertThat(last).contains("EXPOSE 8080");
        assertThat(last).anyMatch(l -> l.startsWith("ENTRYPOINT") && l.contains("cdsbot.jar"));
        assertThat(last).anyMatch(l -> l.startsWith("CMD") && l.contains("serve"));

        // every file copied from the build context exists in the repository (context = repository root)
        for (String l : instructions) {
            if (!l.startsWith("COPY ") || l.startsWith("COPY --from")) continue;
            String[] parts = l.split("\\s+");
            for (int i = 1; i < parts.length - 1; i++) {
                assertThat(Path.of(parts[i].replaceAll("^\\./", ""))).as(l).exists();
            }
        }
        String ignore = Files.readString(DEPLOY.resolve("Dockerfile.dockerignore"), StandardCharsets.UTF_8);
        assertThat(ignore.lines()).contains("target", ".git").doesNotContain("knowledge-base", "src", "data");
    }

    @Test
    void nginxExampleTerminatesHttpsAndProxiesToTheBot() throws Exception {
        String conf = Files.readString(DEPLOY.resolve("nginx.conf"), StandardCharsets.UTF_8);
        assertThat(conf).contains("listen 443 ssl;").contains("ssl_certificate ").contains("ssl_certificate_key ")
                .contains("proxy_pass http://127.0.0.1:8080;").contains("X-Forwarded-Proto")
                .containsPattern("client_max_body_size \\d+[km]?;").contains("return 301 https://");
        assertThat(conf).containsPattern("location /dev/ \\{\\s*return 404;");
        long open = conf.chars().filter(c -> c == '{').count();
        long close = conf.chars().filter(c -> c == '}').count();
        assertThat(open).isEqualTo(close);
    }

    record Result(int exit, String output) {}

    private static Result run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
