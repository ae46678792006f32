package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigLoader;

class FactsTest {
    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The project's knowledge base copied to a temp folder, and a config pointing at it. */
    static BotConfig copyOfTheKnowledgeBase(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("knowledge-base"))) {
            for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
        }
        BotConfig c = ConfigLoader.load(Path.of("bot-config.yaml"), true, Map.of()).config();
        return new BotConfig(c.timezone(), c.server(), c.storage(), c.zalo(), c.inbox(), c.outbox(),
                new BotConfig.Kb(dir.toString(), c.kb().answerThreshold(), c.kb().clarifyThreshold(), c.kb().staleAfterDays(),
                        c.kb().keepQuestionsDays()),
                c.units(), c.reporting(), c.summaries(), c.backup(), c.handoff(), c.campaigns());
    }

    private static String run(java.util.function.Function<PrintStream, Integer> command, int[] exit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exit[0] = command.apply(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownKeyFailsTheCheckNamingFileLineAndKey() throws Exception {
        BotConfig config = copyOfTheKnowledgeBase(dir);
        Path article = dir.resolve("dv12-cap-ho-chieu-lan-dau.md");
        String text = Files.readString(article).replace("Lệ phí: {{le_phi_ho_chieu}}", "Lệ phí: {{khong_co}}");
        Files.writeString(article, text);
        int line = text.lines().takeWhile(l -> !l.contains("{{khong_co}}")).toList().size() + 1;
        int[] exit = new int[1];
        String out = run(o -> KbCli.check(config, dir, false, DEC_2026, o), exit);
        assertThat(exit[0]).isEqualTo(1);
        assertThat(out).contains(article + ":" + line + ": error: unknown fact '{{khong_co}}'");
        assertThat(KbLoader.load(dir, LocalDate.of(2026, 12, 2), 180).articles()).as("not served with a raw {{key}}")
                .noneMatch(x -> x.id().equals("cap-ho-chieu-lan-dau"));
    }

    @Test
    void aNewBaseSalaryChangesTheFuneralAllowanceThatAskPrints() throws Exception {
        BotConfig config = copyOfTheKnowledgeBase(dir);
        int[] exit = new int[1];
        String before = run(o -> KbCli.ask(config, "mai táng phí được bao nhiêu tiền", DEC_2026, o), exit);
        assertThat(before).contains("lương cơ sở hiện hành 2.340.000 đ là 23.400.000 đ").doesNotContain("{{");

        Path facts = dir.resolve(Facts.FILE_NAME);
        Files.writeString(facts, Files.readString(facts).replace("value: 2340000", "value: 2530000"));
        String after = run(o -> KbCli.ask(config, "mai táng phí được bao nhiêu tiền", DEC_2026, o), exit);
        assertThat(after).contains("2.530.000 đ là 25.300.000 đ");
    }

    @Test
    void aReplyShowsTheValueInForceOnTheDayItIsAsked() {
        String yaml = """
                luong_co_so:
                  unit: đ
                  review_by: 2027-12-31
                  values:
                    - value: 2530000
                      from: 2026-07-01
                      basis: NĐ mới
                      source: https://example.gov.vn/b
                    - value: 2340000
                      from: 2024-07-01
                      to: 2026-06-30
                      basis: NĐ 73/2024/NĐ-CP
                      source: https://example.gov.vn/a
                mai_tang:
                  unit: đ
                  derived: {of: luong_co_so, times: 10}
                  basis: Luật BHXH 2024
                  source: https://example.gov.vn/c
                  review_by: 2027-12-31
                """;
        Facts.Loaded loaded = Facts.parse(dir.resolve(Facts.FILE_NAME), yaml, LocalDate.of(2026, 12, 2));
        assertThat(loaded.problems()).isEmpty();
        Facts facts = loaded.facts();
        assertThat(facts.render("Mức: {{mai_tang}}.", LocalDate.of(2026, 6, 30))).isEqualTo("Mức: 23.400.000 đ.");
        assertThat(facts.render("Mức: {{mai_tang}}.", LocalDate.of(2026, 7, 1))).isEqualTo("Mức: 25.300.000 đ.");
    }

    @Test
    void aFactPastItsReviewDateIsAWarningAndOverlappingValuesAnError() {
        String yaml = """
                le_phi:
                  unit: đ
                  review_by: 2026-01-31
                  values:
                    - value: 1000
                      from: 2024-01-01
                      basis: TT 1
                      source: https://example.gov.vn/a
                    - value: 2000
                      from: 2025-01-01
                      basis: TT 2
                      source: https://example.gov.vn/b
                """;
        Path file = dir.resolve(Facts.FILE_NAME);
        var problems = Facts.parse(file, yaml, LocalDate.of(2026, 12, 2)).problems().stream().map(KbProblem::toString).toList();
        assertThat(problems).containsExactlyInAnyOrder(
                file + ":1: warning: fact 'le_phi' was due for review on 2026-01-31: check its source and legal basis, then move 'review_by' on",
                file + ":1: error: fact 'le_phi': the value from 2024-01-01 needs 'to:' before the next one starts on 2025-01-01");
    }

    @Test
    void theRealFactsTableIsValidAndEveryArticleAmountComesFromIt() throws Exception {
        KbLoader.Snapshot s = KbLoader.load(Path.of("knowledge-base"), LocalDate.of(2026, 12, 2), 180);
        assertThat(s.errors()).isEmpty();
        assertThat(s.facts().size()).isGreaterThanOrEqualTo(15);
        for (Article a : s.articles()) {
            // Money written into an article would not follow a change of the table.
            assertThat(a.body()).as(a.id()).doesNotContainPattern("\\d{1,3}(\\.\\d{3})+ ?(đ|đồng)");
        }
    }
}
