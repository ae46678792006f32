package vn.cdsbot.kb;

/**
 * The scores summed into an article's BM25 score, each with its weight in {@link SearchOptions}: five fields of the
 * article index and the best single question variant (a separate index with one document per variant).
 */
enum ScoreField {
    ACCENTED(RerankFeature.ACCENTED_FIELD),
    FOLDED(RerankFeature.FOLDED_FIELD),
    BIGRAMS(RerankFeature.BIGRAMS_FIELD),
    KEYWORDS(RerankFeature.KEYWORDS_FIELD),
    BODY(RerankFeature.BODY_FIELD),
    VARIANT(RerankFeature.VARIANT_FIELD);

    static final int COUNT = values().length;

    /** The re-ranking feature that carries this score relative to its maximum. */
    final RerankFeature feature;

    ScoreField(RerankFeature feature) {
        this.feature = feature;
    }

    float weight(SearchOptions o) {
        return switch (this) {
            case ACCENTED -> o.wAccented();
            case FOLDED -> o.wFolded();
            case BIGRAMS -> o.wBigrams();
            case KEYWORDS -> o.wKeywords();
            case BODY -> o.wBody();
            case VARIANT -> o.wVariant();
        };
    }
}
