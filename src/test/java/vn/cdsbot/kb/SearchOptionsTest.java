package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchOptionsTest {
    @Test
    void withChangesOnlyTheNamedSettings() {
        SearchOptions d = SearchOptions.DEFAULT;
        SearchOptions o = d.with(b -> b.bigrams(false).bm25(1.2f, 0.75f));
        assertThat(o.bigrams()).isFalse();
        assertThat(o.k1()).isEqualTo(1.2f);
        assertThat(o.b()).isEqualTo(0.75f);
        assertThat(o.with(b -> b.bigrams(true).bm25(d.k1(), d.b()))).isEqualTo(d);
        assertThat(d.withRerank(false).withRerank(true)).isEqualTo(d);
    }

    @Test
    void everyScoreFieldHasItsOwnRerankFeatureAndEveryFeatureAWeight() {
        assertThat(java.util.Arrays.stream(ScoreField.values()).map(f -> f.feature).distinct()).hasSize(ScoreField.COUNT);
        assertThat(Reranker.DEFAULT.weights()).hasSize(RerankFeature.COUNT);
    }
}
