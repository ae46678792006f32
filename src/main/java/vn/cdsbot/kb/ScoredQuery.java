package vn.cdsbot.kb;

import java.util.List;
import java.util.Set;

/**
 * One analysed question and the BM25 score of every article, per {@link ScoreField} and summed with the field weights.
 *
 * @param foldedTerms the question's folded syllables in order, after typo correction
 * @param fields per field (indexed by {@link ScoreField#ordinal()}), per article
 * @param base the weighted sum, per article (with the asking sentence's scores added for a long question)
 * @param docs articles with a positive base score, best first
 * @param focus base score of every article for the asking sentence of a long question; null for a short question
 */
record ScoredQuery(List<String> foldedTerms, Set<String> unique, Set<String> bigrams, double[][] fields,
                   double[] base, List<Integer> docs, double[] focus) {

    double field(ScoreField f, int doc) {
        return fields[f.ordinal()][doc];
    }

    boolean hasFocus() {
        return focus != null;
    }
}
