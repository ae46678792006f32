package vn.cdsbot.kb;

/**
 * The per-candidate features of {@link Reranker}, in the order of its weights. Computed by {@link FeatureExtractor};
 * the "…/max" ones are a field's score divided by that field's best score over all articles.
 */
enum RerankFeature {
    BASE_RATIO("base/top"),
    ACCENTED_FIELD("accented/max"),
    FOLDED_FIELD("folded/max"),
    BIGRAMS_FIELD("bigrams/max"),
    KEYWORDS_FIELD("keywords/max"),
    BODY_FIELD("body/max"),
    VARIANT_FIELD("variant/max"),
    COVERAGE("coverage"),
    BIGRAM_COVERAGE("bigram coverage"),
    TITLE_COVERAGE("title coverage"),
    KEYWORD_COVERAGE("keyword coverage"),
    VARIANT_JACCARD("best variant jaccard"),
    VARIANT_RECALL("best variant recall"),
    KEYWORD_PHRASE("keyword phrase"),
    INVERSE_RANK("1/(rank+1)"),
    FOCUS("question sentence/max");

    static final int COUNT = values().length;

    final String label;

    RerankFeature(String label) {
        this.label = label;
    }

    /** A feature vector being filled by name. */
    static final class Vector {
        private final double[] values = new double[COUNT];

        Vector set(RerankFeature f, double v) {
            values[f.ordinal()] = v;
            return this;
        }

        double[] toArray() {
            return values.clone();
        }
    }
}
