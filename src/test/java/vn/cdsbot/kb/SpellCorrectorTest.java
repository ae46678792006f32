package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpellCorrectorTest {
    private static final Vocabulary VOCABULARY = new Vocabulary(List.of(
            Set.of("dang", "ky", "khai", "sinh"), Set.of("dang", "nhap", "vneid"), Set.of("khai", "tu", "giay")));
    private final SpellCorrector speller = new SpellCorrector(VOCABULARY);

    @Test
    void replacesAnUnknownSyllableByTheCommonestOneOneEditAway() {
        assertThat(speller.correct(List.of("dnag", "nahp", "vneiid", "khia"))).containsExactly("dang", "nhap", "vneid", "khai");
    }

    @Test
    void leavesKnownShortAndNonLetterTokensAlone() {
        assertThat(speller.correct(List.of("sinh", "tuu", "giy", "b2x1", "xyzw"))).containsExactly("sinh", "tuu", "giy", "b2x1", "xyzw");
    }

    @Test
    void oneEditCoversInsertDeleteSubstituteAndSwap() {
        assertThat(SpellCorrector.oneEditApart("dang", "dangg")).isTrue();
        assertThat(SpellCorrector.oneEditApart("dang", "dag")).isTrue();
        assertThat(SpellCorrector.oneEditApart("dang", "dong")).isTrue();
        assertThat(SpellCorrector.oneEditApart("dang", "dnag")).isTrue();
        assertThat(SpellCorrector.oneEditApart("dang", "dang")).isFalse();
        assertThat(SpellCorrector.oneEditApart("dang", "ndga")).isFalse();
    }

    @Test
    void rarerSyllablesWeighMoreAndUnknownOnesTheMost() {
        assertThat(VOCABULARY.idf("vneid")).isGreaterThan(VOCABULARY.idf("dang"));
        assertThat(VOCABULARY.idf("khong")).isGreaterThan(VOCABULARY.idf("vneid"));
        assertThat(VOCABULARY.unknownShare(Set.of("khong"))).isEqualTo(1.0);
        assertThat(VOCABULARY.coverage(Set.of("dang", "ky"), Set.of("dang", "ky", "khai"))).isEqualTo(1.0);
    }
}
