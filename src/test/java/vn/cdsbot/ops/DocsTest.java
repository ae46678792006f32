package vn.cdsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operator guides keep up with the code: every config key, environment variable and chat command is covered. */
class DocsTest {
    private static final Path DOCS = Path.of("docs");
    private static final List<String> GUIDES = List.of("cai-dat-va-van-hanh.md", "ket-noi-zalo-oa.md",
            "soan-knowledge-base.md", "huong-dan-thu-ky-to-truong.md");

    private static String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void readmeKeepsItsTwoCommandsAndLinksEveryGuide() throws Exception {
        String readme = read(Path.of("README.md"));
        List<String> commands = readme.lines().filter(l -> l.startsWith("    ")).map(String::strip).toList();
        assertThat(commands).containsExactly("mvn -q -DskipTests package && java -jar target/cdsbot.jar serve", "mvn -B verify");
        for (String g : GUIDES) assertThat(readme).contains("](docs/" + g + ")");
        assertThat(read(Path.of(".ci", "run"))).contains("\nmvn -B verify\n");
    }

    @Test
    void guidesAreVietnameseNfcAndTheirLocalLinksResolve() throws Exception {
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
        for (String g : GUIDES) {
            String text = read(DOCS.resolve(g));
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("%s is NFC", g).isTrue();
            assertThat(text).as(g).contains("ư").contains("đ").doesNotContain("\uFFFD");
            Matcher m = link.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http")) continue;
                assertThat(DOCS.resolve(target)).as("link in %s", g).exists();
            }
        }
    }

    /**
     * Every local link in every Markdown file of the project (README, docs, data, eval, deploy, the knowledge base's
     * README) points to a file that exists, and a link to a heading (#…) to a heading that exists; web links are
     * absolute https (or http) addresses.
     */
    @Test
    void everyLinkInEveryDocResolves() throws Exception {
        Pattern link = Pattern.compile("\\]\\(([^)\\s]*)\\)");
        List<Path> docs;
        try (var files = Files.walk(Path.of("."))) {
            docs = files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> !f.startsWith("./target") && !f.startsWith("./.git") && !f.startsWith("./node_modules"))
                    .filter(f -> !f.getParent().endsWith("knowledge-base") || f.getFileName().toString().equals("README.md"))
                    .toList();
        }
        assertThat(docs).hasSizeGreaterThan(10);
        int checked = 0;
        for (Path doc : docs) {
            Matcher m = link.matcher(read(doc));
            while (m.find()) {
                String target = m.group(1);
                checked++;
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    assertThat(java.net.URI.create(target).getHost()).as("web link %s in %s", target, doc).isNotBlank();
                    continue;
                }
                assertThat(target).as("link in %s", doc).doesNotStartWith("/").isNotBlank();
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                assertThat(resolved).as("link %s in %s", target, doc).exists();
                if (target.contains("#") && resolved.toString().endsWith(".md")) {
                    String anchor = target.substring(target.indexOf('#') + 1);
                    assertThat(anchors(read(resolved))).as("heading #%s of %s, linked from %s", anchor, resolved, doc)
                            .contains(anchor);
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens (Vietnamese letters kept). */
    static List<String> anchors(String markdown) {
        return markdown.lines().filter(l -> l.matches("#{1,6} .*"))
                .map(l -> l.replaceFirst("#{1,6} ", "").strip().toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .toList();
    }

    @Test
    void theOperationsGuideExplainsEveryConfigKeyAndEnvironmentVariable() throws Exception {
        String guide = read(DOCS.resolve("cai-dat-va-van-hanh.md"));
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(Path.of("bot-config.yaml").toFile());
        List<String> keys = new ArrayList<>();
        collect(config, "", keys);
        assertThat(keys).hasSizeGreaterThan(30);
        for (String key : keys) assertThat(guide).as("bot-config key %s", key).contains("`" + key + "`");

        // the environment table of design.md, plus the variable this branch adds
        for (String env : List.of("ZALO_APP_ID", "ZALO_OA_SECRET_KEY", "ZALO_APP_SECRET", "ZALO_REFRESH_TOKEN",
                "ZALO_ACCESS_TOKEN", "ZALO_API_BASE_URL", "ZALO_OAUTH_BASE_URL", "CDSBOT_PORT", "CDSBOT_DB",
                "CDSBOT_PUBLIC_URL", "CDSBOT_CLOCK", "ZALO_SITE_VERIFICATION")) {
            assertThat(guide).as("environment variable %s", env).contains("`" + env + "`");
        }
        // the log line and health state an operator has to recognise
        assertThat(guide).contains("ZALO TOKEN REFRESH FAILED").contains("degraded").contains("before-restore");
    }

    @Test
    void theCommandsGuideShowsEveryChatCommandWithAnExample() throws Exception {
        String guide = read(DOCS.resolve("huong-dan-thu-ky-to-truong.md"));
        for (String cmd : List.of("trogiup", "dangky", "toi", "baocao", "xacnhan", "sua", "huy", "tonghop",
                "chuabaocao", "xuat", "vanban", "bieudo", "moi", "nhac", "chiendich", "tiendo")) {
            assertThat(guide).as("#%s in the summary table", cmd).containsPattern("\\| `#" + cmd + "[ `]");
            assertThat(guide).as("an example of #%s", cmd).containsPattern("(?m)^ {4}#" + cmd + "\\b|`#" + cmd + "[^`]*` \\|$");
        }
    }

    @Test
    void securityDocNamesOnlyTestsThatExist() throws Exception {
        String doc = read(DOCS.resolve("security.md"));
        Map<String, Path> tests = new HashMap<>();
        try (var files = Files.walk(Path.of("src", "test", "java"))) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> tests.put(f.getFileName().toString().replace(".java", ""), f));
        }
        Matcher m = Pattern.compile("`(\\w+(?:Test|IT|Properties))(?:\\.(\\w+))?`").matcher(doc);
        int named = 0;
        while (m.find()) {
            named++;
            Path file = tests.get(m.group(1));
            assertThat(file).as("test class %s named in security.md", m.group(1)).isNotNull();
            if (m.group(2) != null) {
                assertThat(read(file)).as("%s.%s named in security.md", m.group(1), m.group(2))
                        .containsPattern("void " + m.group(2) + "\\(");
            }
        }
        assertThat(named).isGreaterThan(20);
    }

    private static void collect(JsonNode node, String prefix, List<String> out) {
        if (!node.isObject()) return;
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) collect(e.getValue(), key, out);
            else out.add(key);
        }
    }
}
