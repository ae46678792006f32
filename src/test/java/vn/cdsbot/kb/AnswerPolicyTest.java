package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The confidence signals on the real knowledge base. */
class AnswerPolicyTest {
    private static KbIndex index;

    @BeforeAll
    static void build() {
        KbLoader.Snapshot kb = KbLoader.load(Path.of("knowledge-base"), LocalDate.now(KnowledgeBaseTest.CLOCK.withZone(
                KnowledgeBaseTest.ZONE)), 180);
        index = KbIndex.build(kb.articles(), kb.abbreviations(), SearchOptions.DEFAULT);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void everySignalHasAWeightAndTheBiasComesLast() {
        KbIndex.Result r = index.search("làm lại căn cước bị mất ở đâu", KnowledgeBase.HITS);
        assertThat(AnswerPolicy.WEIGHTS).hasSize(AnswerPolicy.features(r).length + 1);
        assertThat(AnswerPolicy.features(KbIndex.Result.NONE)).isNull();
        assertThat(AnswerPolicy.confidence(KbIndex.Result.NONE, AnswerPolicy.WEIGHTS)).isZero();
    }

    @Test
    void bestVariantRecallIsWholeWhenTheQuestionContainsOneOfTheArticlesQuestions() {
        KbIndex.Result asked = index.search("Mất thẻ căn cước thì làm lại ở đâu? Tôi ở Biên Hòa", KnowledgeBase.HITS);
        assertThat(asked.hits().get(0).article().id()).isEqualTo("cap-lai-the-can-cuoc");
        assertThat(asked.variantRecall()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        KbIndex.Result part = index.search("thẻ căn cước", KnowledgeBase.HITS);
        assertThat(part.variantRecall()).isLessThan(0.8);
    }
}
