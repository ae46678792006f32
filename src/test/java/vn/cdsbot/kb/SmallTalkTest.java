package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SmallTalkTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chào bạn | GREETING", "Xin chào! | GREETING", "dạ em chào anh ạ | GREETING", "chao ad | GREETING",
            "Hello bot | GREETING", "alo alo | GREETING", "Chào buổi sáng cả nhà | GREETING",
            "cảm ơn bot nhiều nhé | THANKS", "cam on ban | THANKS", "tks ad | THANKS", "Ok cảm ơn ạ | THANKS",
            "ok | ACKNOWLEDGEMENT", "dạ vâng ạ | ACKNOWLEDGEMENT", "hiểu rồi | ACKNOWLEDGEMENT",
            "tạm biệt nhé | GOODBYE", "bye bye | GOODBYE",
            "bạn là ai? | IDENTITY", "bot làm được gì vậy | IDENTITY", "ban giup duoc gi | IDENTITY"})
    void recognisesWholeMessagesOfSmallTalkHoweverTyped(String message, SmallTalk.Kind kind) {
        assertThat(SmallTalk.classify(message)).contains(kind);
        // NFD input from some keyboards folds the same way.
        assertThat(SmallTalk.classify(java.text.Normalizer.normalize(message, java.text.Normalizer.Form.NFD))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chào bạn, cho hỏi làm lại căn cước bị mất ở đâu", "cảm ơn, thế còn hộ chiếu thì sao",
            "vneid là gì", "căn cước là gì", "bạn ơi quên mật khẩu vneid", "ok giờ đăng ký tạm trú thế nào",
            "bạn", "ạ", "?", "", "giá vàng hôm nay", "chào giá"})
    void leavesQuestionsAndBareWordsToTheKnowledgeBase(String message) {
        assertThat(SmallTalk.classify(message)).isEmpty();
    }

    @Test
    void noQuestionVariantOfAnyArticleIsTakenForSmallTalk() {
        List<Article> articles = KbLoader.load(Path.of("knowledge-base"), LocalDate.of(2026, 11, 23), 100_000).articles();
        List<String> variants = articles.stream().flatMap(a -> a.questions().stream()).toList();
        assertThat(variants).hasSizeGreaterThan(600);
        assertThat(variants).filteredOn(q -> SmallTalk.classify(q).isPresent()).isEmpty();
    }
}
