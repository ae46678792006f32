package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.storage.Database;

class QuestionRetentionTest {
    static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

    static BotConfig withKeepDays(int days) {
        BotConfig c = ConfigLoader.load(Path.of("bot-config.yaml"), true, Map.of()).config();
        BotConfig.Kb k = c.kb();
        return new BotConfig(c.timezone(), c.server(), c.storage(), c.zalo(), c.inbox(), c.outbox(),
                new BotConfig.Kb(k.dir(), k.answerThreshold(), k.clarifyThreshold(), k.staleAfterDays(), days),
                c.units(), c.reporting(), c.summaries(), c.backup(), c.handoff(), c.campaigns());
    }

    @Test
    void questionsAndFeedbackOlderThanTheRetentionAreDeletedRecentOnesKept(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("bot.db"), "NORMAL", 2)) {
            long old = NOW.minus(Duration.ofDays(181)).toEpochMilli();
            long recent = NOW.minus(Duration.ofDays(179)).toEpochMilli();
            db.inTransaction(tx -> {
                for (long at : new long[] {old, recent}) {
                    tx.createStatement().executeUpdate("INSERT INTO kb_unanswered (user_id, question, decision, confidence, asked_at) "
                            + "VALUES ('u" + at + "', 'giá vàng', 'fallback', 0.1, " + at + ")");
                    tx.createStatement().executeUpdate("INSERT INTO kb_feedback (user_id, article_id, helpful, question, created_at) "
                            + "VALUES ('u" + at + "', 'ho-chieu', 0, 'hộ chiếu', " + at + ")");
                    tx.createStatement().executeUpdate("INSERT INTO kb_last_question (user_id, question, asked_at) "
                            + "VALUES ('u" + at + "', 'hộ chiếu', " + at + ")");
                }
                return null;
            });
            KbFeature.retention(withKeepDays(180), db, Clock.fixed(NOW, ZoneOffset.UTC)).run();
            for (String sql : new String[] {"SELECT user_id FROM kb_unanswered", "SELECT user_id FROM kb_feedback",
                    "SELECT user_id FROM kb_last_question"}) {
                assertThat(PeopleFixture.rows(db, sql)).as(sql).containsExactly("u" + recent);
            }
        }
    }

    @Test
    void aRetentionBelowOneDayIsRefusedWithTheKeyNamed(@TempDir Path dir) {
        try (Database db = Database.open(dir.resolve("bot.db"), "NORMAL", 2)) {
            assertThatThrownBy(() -> KbFeature.retention(withKeepDays(0), db, Clock.systemUTC()))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("kb.keep_questions_days");
        }
    }
}
