package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;

class KbCliTest {
    private static final BotConfig CONFIG = ConfigLoader.load(Path.of("bot-config.yaml"), true, Map.of()).config();

    @Test
    void askPrintsTheReplyTextThenOneLinePerButton() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KbCli.ask(CONFIG, "lam lai cccd bi mat o dau", java.time.Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("Cấp lại thẻ căn cước khi bị mất hoặc hư hỏng\n")
                .endsWith(")\n[Hữu ích] → #huuich cap-lai-the-can-cuoc\n[Chưa đúng] → #chuadung cap-lai-the-can-cuoc\n");
    }

    @Test
    void batchPrintsOneJsonObjectPerQuestion(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("q.txt"), "lam lai cccd bi mat o dau\n\ngiá vàng hôm nay\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KbCli.askBatch(CONFIG, file, java.time.Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.fieldNames()).toIterable().containsExactly("question", "decision", "service", "article", "score");
        assertThat(first.get("decision").asText()).isEqualTo("answer");
        assertThat(first.get("service").asText()).isEqualTo("dv02");
        assertThat(first.get("article").asText()).isEqualTo("cap-lai-the-can-cuoc");
        assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(new ObjectMapper().readTree(lines[1]).get("decision").asText()).isEqualTo("fallback");
    }

    @Test
    void batchLineHasNullServiceAndArticleWithoutAHit() {
        String line = KbCli.batchLine("???", new AnswerPolicy.Decision(AnswerPolicy.Kind.FALLBACK, 0, java.util.List.of()));
        assertThat(line).isEqualTo("{\"question\":\"???\",\"decision\":\"fallback\",\"service\":null,\"article\":null,\"score\":0.0}");
    }
}
