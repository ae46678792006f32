package vn.cdsbot.kb;

import java.util.function.UnaryOperator;

/**
 * Which parts of the retrieval are on, and their weights. {@link #DEFAULT} is what the bot uses; the evaluation's
 * ablations derive their variants from it by name: {@code DEFAULT.with(o -> o.bigrams(false))}. The canonical
 * constructor is positional, so only {@link Builder#build()} calls it.
 *
 * @param wVariant weight of the best single question variant; 0 switches that field off
 * @param wFocus weight of the asking sentence of a long question ({@link QuestionFocus}); 0 switches it off
 */
public record SearchOptions(boolean accented, boolean folded, boolean bigrams, boolean keywords, boolean body,
                            AbbreviationMode abbreviations, boolean typoCorrection, boolean vietnameseRules,
                            float wAccented, float wFolded, float wBigrams, float wKeywords, float wBody,
                            float k1, float b, float wVariant, boolean rerank, boolean dropFillers, float wFocus) {

    /** Where the abbreviation map is applied: nowhere, to questions only, or to questions and indexed text. */
    public enum AbbreviationMode { OFF, QUERY, BOTH }

    public static final SearchOptions DEFAULT = new Builder().build();

    /** These settings with some of them changed. */
    public SearchOptions with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(this)).build();
    }

    /** The same settings with the re-ranker switched on or off. */
    public SearchOptions withRerank(boolean on) {
        return with(o -> o.rerank(on));
    }

    /** Named settings, starting from the defaults the bot uses. */
    public static final class Builder {
        private boolean accented = true, folded = true, bigrams = true, keywords = true, body = true;
        private AbbreviationMode abbreviations = AbbreviationMode.BOTH;
        private boolean typoCorrection = true, vietnameseRules = true;
        private float wAccented = 1.0f, wFolded = 1.0f, wBigrams = 1.0f, wKeywords = 1.0f, wBody = 0.3f;
        /** BM25 of the question-like fields; the body keeps Lucene's defaults (see KbIndex#similarity). */
        private float k1 = 1.2f, b = 0.5f;
        private float wVariant = 0.5f;
        private boolean rerank = true, dropFillers = true;
        private float wFocus = 0.5f;

        private Builder() {}

        private Builder(SearchOptions o) {
            accented = o.accented;
            folded = o.folded;
            bigrams = o.bigrams;
            keywords = o.keywords;
            body = o.body;
            abbreviations = o.abbreviations;
            typoCorrection = o.typoCorrection;
            vietnameseRules = o.vietnameseRules;
            wAccented = o.wAccented;
            wFolded = o.wFolded;
            wBigrams = o.wBigrams;
            wKeywords = o.wKeywords;
            wBody = o.wBody;
            k1 = o.k1;
            b = o.b;
            wVariant = o.wVariant;
            rerank = o.rerank;
            dropFillers = o.dropFillers;
            wFocus = o.wFocus;
        }

        public Builder accented(boolean on) { accented = on; return this; }
        public Builder folded(boolean on) { folded = on; return this; }
        public Builder bigrams(boolean on) { bigrams = on; return this; }
        public Builder keywords(boolean on) { keywords = on; return this; }
        public Builder body(boolean on) { body = on; return this; }
        public Builder abbreviations(AbbreviationMode mode) { abbreviations = mode; return this; }
        public Builder typoCorrection(boolean on) { typoCorrection = on; return this; }
        public Builder vietnameseRules(boolean on) { vietnameseRules = on; return this; }
        public Builder bm25(float k1, float b) { this.k1 = k1; this.b = b; return this; }
        public Builder variantWeight(float w) { wVariant = w; return this; }
        public Builder rerank(boolean on) { rerank = on; return this; }
        public Builder dropFillers(boolean on) { dropFillers = on; return this; }
        public Builder focusWeight(float w) { wFocus = w; return this; }

        public SearchOptions build() {
            return new SearchOptions(accented, folded, bigrams, keywords, body, abbreviations, typoCorrection,
                    vietnameseRules, wAccented, wFolded, wBigrams, wKeywords, wBody, k1, b, wVariant, rerank,
                    dropFillers, wFocus);
        }
    }
}
