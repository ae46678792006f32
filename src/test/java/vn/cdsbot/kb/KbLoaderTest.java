package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.ConfigLoader;

class KbLoaderTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void abbreviations() throws Exception {
        KbFiles.write(dir, Abbreviations.FILE_NAME, "hc: hộ chiếu\n");
    }

    private KbLoader.Snapshot load() {
        return KbLoader.load(dir, TODAY, 180);
    }

    private List<String> messages() {
        return load().problems().stream().map(KbProblem::toString).toList();
    }

    @Test
    void theRealKnowledgeBasePassesTheCheck() {
        KbLoader.Snapshot kb = KbLoader.load(Path.of("knowledge-base"), TODAY, 180);
        assertThat(kb.errors()).isEmpty();
        assertThat(kb.articles()).hasSizeGreaterThanOrEqualTo(65);
        assertThat(kb.abbreviations().expand("lam lai cccd ko")).isEqualTo("lam lai căn cước công dân không");
    }

    @Test
    void readsAValidArticle() throws Exception {
        KbFiles.write(dir, "dv12.md", KbFiles.passportArticle());
        KbLoader.Snapshot s = load();
        assertThat(s.problems()).filteredOn(KbProblem::isError).isEmpty();
        Article a = s.articles().get(0);
        assertThat(a.id()).isEqualTo("cap-ho-chieu");
        assertThat(a.service()).isEqualTo("dv12");
        assertThat(a.questions()).hasSize(6);
        assertThat(a.primarySource().checked()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(a.body()).startsWith("1. Nộp trên Cổng");
    }

    @Test
    void yamlSyntaxErrorsPointAtTheLineInTheFile() throws Exception {
        String text = KbFiles.passportArticle().replace("title: Cấp hộ chiếu phổ thông lần đầu",
                "title: [Cấp hộ chiếu");
        Path f = KbFiles.write(dir, "broken.md", text);
        assertThat(messages()).hasSize(1);
        assertThat(messages().get(0)).startsWith(f + ":").contains("error: YAML error");
        int line = load().problems().get(0).line();
        assertThat(line).isBetween(4, 6); // the title is on line 4; the parser notices at the next line
    }

    @Test
    void reportsEachFieldProblemWithItsLine() throws Exception {
        String text = KbFiles.passportArticle()
                .replace("service: dv12", "service: dv26")
                .replace("id: cap-ho-chieu", "id: Cấp Hộ Chiếu")
                .replace("  - lệ phí làm hộ chiếu bao nhiêu\n", "")
                .replace("https://dichvucong.gov.vn/p/home", "dichvucong")
                + "\nGhi chú [cần kiểm] lệ phí.";
        Path f = KbFiles.write(dir, "x.md", text);
        assertThat(messages()).contains(
                f + ":2: error: id 'Cấp Hộ Chiếu' must be lowercase letters, digits and single dashes (e.g. cap-lai-the-can-cuoc)",
                f + ":3: error: service 'dv26' must be dv01…dv25, vneid or general",
                f + ":5: error: only 5 question variants; write at least 6 as people really ask");
        assertThat(messages()).anyMatch(m -> m.startsWith(f + ":13: error: source url 'dichvucong'"));
        assertThat(messages()).anyMatch(m -> m.contains("[cần kiểm]"));
        assertThat(load().articles()).isEmpty();
    }

    @Test
    void missingFieldsAndUnknownFieldsAreErrors() throws Exception {
        String text = KbFiles.passportArticle().replace("title: Cấp hộ chiếu phổ thông lần đầu\n", "titel: Hộ chiếu\n");
        Path f = KbFiles.write(dir, "x.md", text);
        assertThat(messages()).contains(f + ":2: error: missing field 'title'");
        assertThat(messages()).anyMatch(m -> m.startsWith(f + ":4: error: unknown field 'titel'"));
    }

    @Test
    void nonNfcTextIsReportedOnItsLine() throws Exception {
        String text = KbFiles.passportArticle().replace("Làm hộ chiếu lần đầu ở đâu?",
                Normalizer.normalize("Làm hộ chiếu lần đầu ở đâu?", Normalizer.Form.NFD));
        Path f = KbFiles.write(dir, "x.md", text);
        assertThat(messages()).anyMatch(m -> m.startsWith(f + ":6: error: text is not in Unicode NFC form"));
    }

    @Test
    void duplicateIdsAreReportedInTheSecondFile() throws Exception {
        KbFiles.write(dir, "a.md", KbFiles.passportArticle());
        Path b = KbFiles.write(dir, "b.md", KbFiles.passportArticle());
        assertThat(messages()).anyMatch(m -> m.startsWith(b + ":2: error: id 'cap-ho-chieu' is already used by"));
        assertThat(load().articles()).hasSize(1);
    }

    @Test
    void tooLongBodyIsAnError() throws Exception {
        String body = "1. Nộp hồ sơ. ".repeat(120);
        Path f = KbFiles.write(dir, "x.md", KbFiles.article("dai", "dv12", "Bài dài", List.of("a", "b", "c", "d", "e", "f"), body));
        assertThat(messages()).anyMatch(m -> m.startsWith(f + ":17: error: the body has ") && m.contains("at most 1500"));
    }

    @Test
    void staleSourcesAreWarningsAndFarFutureDatesErrors() throws Exception {
        Path f = KbFiles.write(dir, "x.md", KbFiles.passportArticle().replace("2026-11-20", "2026-01-02"));
        KbLoader.Snapshot s = load();
        assertThat(s.hasErrors()).isFalse();
        assertThat(s.articles()).hasSize(1);
        assertThat(messages()).containsExactly(f + ":15: warning: source last checked 2026-01-02, more than 180 days ago: "
                + "re-check https://dichvucong.gov.vn/p/home and update 'checked'");

        KbFiles.write(dir, "x.md", KbFiles.passportArticle().replace("2026-11-20", "2028-01-01"));
        assertThat(messages()).containsExactly(f + ":15: error: checked date 2028-01-01 is in the future");

        // Days ahead of the bot's clock (a rehearsal set back, or a slip): a warning, and the article is still served.
        KbFiles.write(dir, "x.md", KbFiles.passportArticle().replace("2026-11-20", "2027-01-01"));
        assertThat(messages()).singleElement().asString().startsWith(f + ":15: warning: checked date 2027-01-01 is after today");
        assertThat(load().articles()).hasSize(1);
    }

    @Test
    void abbreviationFileProblemsCarryLines() throws Exception {
        KbFiles.write(dir, "a.md", KbFiles.passportArticle());
        Path f = KbFiles.write(dir, Abbreviations.FILE_NAME, "# note\ncccd: căn cước công dân\nhc: hộ chiếu\ncccd: chứng minh\nhai tu: sai\n");
        assertThat(messages()).containsExactly(
                f + ":4: error: 'cccd' is already defined on line 2",
                f + ":5: error: 'hai tu' must be one word (letters and digits, no spaces)");
    }

    @Test
    void kbCheckPrintsFileLineMessagesAndExitsNonZeroOnErrors() throws Exception {
        var config = ConfigLoader.load(Path.of("bot-config.yaml"), true, Map.of()).config();
        KbFiles.write(dir, "a.md", KbFiles.passportArticle());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(KbCli.check(config, dir, false, java.time.Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();

        Path bad = KbFiles.write(dir, "b.md", KbFiles.birthArticle().replace("service: dv09", "service: x"));
        out.reset();
        assertThat(KbCli.check(config, dir, false, java.time.Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(bad + ":3: error: service 'x'")
                .contains("1 valid articles, 1 abbreviations, 1 error(s)");
    }
}
