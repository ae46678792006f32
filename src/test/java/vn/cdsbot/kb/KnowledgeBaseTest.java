package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cdsbot.chat.Texts;

class KnowledgeBaseTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneId.of("UTC"));
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The thresholds the bot runs with. */
    static final AnswerPolicy POLICY = policyFromConfig();
    /** Below this confidence the bot falls back (bot-config.yaml). */
    static final double CLARIFY_THRESHOLD = kbConfig().clarifyThreshold();
    private static KnowledgeBase real;

    private static vn.cdsbot.config.BotConfig.Kb kbConfig() {
        return vn.cdsbot.config.ConfigLoader.load(Path.of("bot-config.yaml"), true, java.util.Map.of()).config().kb();
    }

    private static AnswerPolicy policyFromConfig() {
        var kb = kbConfig();
        return new AnswerPolicy(kb.answerThreshold(), kb.clarifyThreshold());
    }

    @BeforeAll
    static void openRealKnowledgeBase() {
        real = KnowledgeBase.open(Path.of("knowledge-base"), CLOCK, ZONE, 180, POLICY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lam lai cccd bi mat o dau | cap-lai-the-can-cuoc",
            "Mất thẻ căn cước thì xin cấp lại thế nào? | cap-lai-the-can-cuoc",
            "đăng ký tạm trú online trên vneid | dang-ky-tam-tru",
            "quên passcode vneid phải làm sao | quen-passcode-vneid",
            "gplx het han doi o dau | doi-giay-phep-lai-xe",
            "đk khai sinh cho con mới sinh cần j | dang-ky-khai-sinh",
    })
    void answersTypicalQuestionsWithTheRightArticle(String question, String article) {
        AnswerPolicy.Decision d = real.ask(question);
        assertThat(d.kind()).isEqualTo(AnswerPolicy.Kind.ANSWER);
        assertThat(d.hits().get(0).article().id()).isEqualTo(article);
        assertThat(d.confidence()).isGreaterThanOrEqualTo(0.80);
    }

    @ParameterizedTest
    @ValueSource(strings = {"giá vàng hôm nay", "thời tiết hà nội ngày mai thế nào", "cách nấu phở bò ngon", "1 + 1 bằng mấy", "", "ở đâu", "bạn tên gì"})
    void fallsBackHonestlyOutsideItsScope(String question) {
        AnswerPolicy.Decision d = real.ask(question);
        assertThat(d.kind()).isEqualTo(AnswerPolicy.Kind.FALLBACK);
        assertThat(d.confidence()).isLessThan(CLARIFY_THRESHOLD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bằng lái", "khai sinh", "tạm trú", "vneid", "hộ chiếu"})
    void offersChoicesWhenTheQuestionIsVague(String question) {
        AnswerPolicy.Decision d = real.ask(question);
        assertThat(d.kind()).isEqualTo(AnswerPolicy.Kind.CLARIFY);
        assertThat(d.hits()).hasSizeGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cccd", "gplx", "VNeID"})
    void neverAnswersASingleWordOutright(String question) {
        assertThat(real.ask(question).kind()).isEqualTo(AnswerPolicy.Kind.CLARIFY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "2025", "0912 345 678"})
    void fallsBackOnABareNumber(String question) {
        assertThat(real.ask(question).kind()).isEqualTo(AnswerPolicy.Kind.FALLBACK);
    }

    @Test
    void aVeryLongMessageIsHandledLikeAnyOther() {
        StringBuilder words = new StringBuilder("mất thẻ căn cước làm lại ở đâu ");
        for (int i = 0; i < 3000; i++) words.append("tu").append(i).append(' ');
        AnswerPolicy.Decision d = real.ask(words.toString());
        assertThat(d.hits()).isNotEmpty();
        assertThat(d.kind()).isNotEqualTo(AnswerPolicy.Kind.ANSWER);
    }

    @Test
    void rankingIgnoresHowTheQuestionWasTyped() {
        String q = "Tôi muốn đăng ký thường trú cho con ở nhà ông bà";
        var expected = real.search(q).hits().stream().map(h -> h.article().id()).toList();
        for (String variant : new String[]{Normalizer.normalize(q, Normalizer.Form.NFD), q.toUpperCase(),
                q.replace(" ", "\u00A0"), q.replace(" ", " \u200B")}) {
            assertThat(real.search(variant).hits().stream().map(h -> h.article().id()).toList()).isEqualTo(expected);
        }
        // The accented field keeps "kí" and "ký" apart, so only the best article is sure to stay the same.
        assertThat(real.search(q.replace("ký", "kí")).hits().get(0).article().id()).isEqualTo(expected.get(0));
        assertThat(real.search(Texts.stripDiacritics(q)).hits().get(0).article().id()).isEqualTo(expected.get(0));
    }

    @Test
    void reloadPicksUpEditsKeepsTheOldIndexOnABrokenFileAndRecovers(@TempDir Path dir) throws Exception {
        KbFiles.write(dir, Abbreviations.FILE_NAME, "hc: hộ chiếu\n");
        KbFiles.write(dir, "ho-chieu.md", KbFiles.passportArticle());
        KnowledgeBase kb = KnowledgeBase.open(dir, CLOCK, ZONE, 180, POLICY);
        assertThat(kb.reloadIfChanged()).isFalse();
        assertThat(kb.ask("làm hc ở đâu").hits().get(0).article().id()).isEqualTo("cap-ho-chieu");
        assertThat(kb.article("khai-sinh")).isEmpty();

        KbFiles.write(dir, "khai-sinh.md", KbFiles.birthArticle());
        assertThat(kb.reloadIfChanged()).isTrue();
        assertThat(kb.ask("dang ky khai sinh cho be").hits().get(0).article().id()).isEqualTo("khai-sinh");

        KbFiles.write(dir, "ho-chieu.md", KbFiles.passportArticle().replace("title: ", "title: [") + "\n");
        assertThat(kb.reloadIfChanged()).isFalse();
        assertThat(kb.article("cap-ho-chieu")).isPresent();
        assertThat(kb.ask("làm hộ chiếu lần đầu ở đâu").hits().get(0).article().id()).isEqualTo("cap-ho-chieu");
        assertThat(kb.reloadIfChanged()).as("a broken file is reported once, not on every poll").isFalse();

        KbFiles.write(dir, "ho-chieu.md", KbFiles.passportArticle().replace("Lệ phí: 200.000đ.", "Lệ phí: 250.000đ."));
        assertThat(kb.reloadIfChanged()).isTrue();
        assertThat(kb.article("cap-ho-chieu").orElseThrow().body()).contains("250.000đ");
        assertThat(kb.articles()).hasSize(2);
    }

    @Test
    void startsWithTheValidArticlesWhenSomeFilesAreBroken(@TempDir Path dir) throws Exception {
        KbFiles.write(dir, Abbreviations.FILE_NAME, "hc: hộ chiếu\n");
        KbFiles.write(dir, "ho-chieu.md", KbFiles.passportArticle());
        KbFiles.write(dir, "khai-sinh.md", KbFiles.birthArticle().replace("service: dv09", "service: dv99"));
        KnowledgeBase kb = KnowledgeBase.open(dir, CLOCK, ZONE, 180, POLICY);
        assertThat(kb.articles()).extracting(Article::id).containsExactly("cap-ho-chieu");
    }
}
