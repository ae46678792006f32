package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;

class KbFeatureTest {

    @Test
    void theWatcherReloadsAnEditedFolderWithoutARestart(@TempDir Path dir) throws Exception {
        BotConfig c = ConfigLoader.load(Path.of("bot-config.yaml"), true, Map.of()).config();
        BotConfig config = new BotConfig(c.timezone(), c.server(), c.storage(), c.zalo(), c.inbox(), c.outbox(),
                new BotConfig.Kb(dir.toString(), c.kb().answerThreshold(), c.kb().clarifyThreshold(), c.kb().staleAfterDays(),
                        c.kb().keepQuestionsDays()),
                c.units(), c.reporting(), c.summaries(), c.backup(), c.handoff(), c.campaigns());
        KbFiles.write(dir, Abbreviations.FILE_NAME, "hc: hộ chiếu\n");
        KbFiles.write(dir, "ho-chieu.md", KbFiles.passportArticle());
        try (KbFeature feature = KbFeature.create(config, KnowledgeBaseTest.CLOCK)) {
            KnowledgeBase kb = feature.knowledgeBase();
            assertThat(kb.article("khai-sinh")).isEmpty();
            KbFiles.write(dir, "khai-sinh.md", KbFiles.birthArticle());
            await().atMost(java.time.Duration.ofMillis(4 * KbFeature.POLL_MILLIS))
                    .until(() -> kb.article("khai-sinh").isPresent());
            assertThat(kb.article("khai-sinh")).isPresent();
        }
    }
}
