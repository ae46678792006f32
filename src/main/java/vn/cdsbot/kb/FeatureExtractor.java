package vn.cdsbot.kb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@link RerankFeature}s of the first {@link Reranker#DEPTH} articles of a BM25 ranking. */
final class FeatureExtractor {
    /** One of the first {@link Reranker#DEPTH} articles of the BM25 ranking, with its re-ranking features. */
    record Candidate(int doc, double base, double[] features) {}

    private final List<ArticleTerms> terms;
    private final Vocabulary vocabulary;

    FeatureExtractor(List<ArticleTerms> terms, Vocabulary vocabulary) {
        this.terms = terms;
        this.vocabulary = vocabulary;
    }

    List<Candidate> candidates(ScoredQuery s) {
        List<Integer> top = s.docs().subList(0, Math.min(Reranker.DEPTH, s.docs().size()));
        double[] max = new double[ScoreField.COUNT];
        for (ScoreField f : ScoreField.values()) for (double v : s.fields()[f.ordinal()]) max[f.ordinal()] = Math.max(max[f.ordinal()], v);
        double total = vocabulary.weight(s.unique());
        double topBase = top.isEmpty() ? 1 : s.base()[top.get(0)];
        double focusMax = 0;
        if (s.hasFocus()) for (double v : s.focus()) focusMax = Math.max(focusMax, v);
        List<Candidate> out = new ArrayList<>(top.size());
        for (int rank = 0; rank < top.size(); rank++) {
            int d = top.get(rank);
            ArticleTerms a = terms.get(d);
            RerankFeature.Vector x = new RerankFeature.Vector();
            x.set(RerankFeature.BASE_RATIO, s.base()[d] / topBase);
            for (ScoreField f : ScoreField.values()) {
                x.set(f.feature, max[f.ordinal()] > 0 ? s.field(f, d) / max[f.ordinal()] : 0);
            }
            x.set(RerankFeature.COVERAGE, vocabulary.coverage(s.unique(), a.questions()));
            x.set(RerankFeature.BIGRAM_COVERAGE, s.bigrams().isEmpty() ? 0
                    : s.bigrams().stream().filter(a.questionBigrams()::contains).count() / (double) s.bigrams().size());
            x.set(RerankFeature.TITLE_COVERAGE, vocabulary.coverage(s.unique(), a.title()));
            x.set(RerankFeature.KEYWORD_COVERAGE, vocabulary.coverage(s.unique(), a.keywords()));
            BestVariant best = bestVariant(s.unique(), total, a);
            x.set(RerankFeature.VARIANT_JACCARD, best.jaccard());
            x.set(RerankFeature.VARIANT_RECALL, best.recall());
            x.set(RerankFeature.KEYWORD_PHRASE, total == 0 ? 0 : phraseCoverage(s.foldedTerms(), a.keywordPhrases()) / total);
            x.set(RerankFeature.INVERSE_RANK, 1.0 / (rank + 1));
            if (s.hasFocus()) x.set(RerankFeature.FOCUS, focusMax > 0 ? s.focus()[d] / focusMax : 0);
            out.add(new Candidate(d, s.base()[d], x.toArray()));
        }
        return out;
    }

    /**
     * How closely the article's best-matching question variant matches: IDF-weighted Jaccard overlap with the
     * question, and the share of the variant that the question contains.
     */
    private record BestVariant(double jaccard, double recall) {}

    private BestVariant bestVariant(Set<String> unique, double total, ArticleTerms a) {
        double jaccard = 0, recall = 0;
        for (Set<String> v : a.variants()) {
            double inter = 0, vTotal = 0;
            for (String t : v) {
                vTotal += vocabulary.idf(t);
                if (unique.contains(t)) inter += vocabulary.idf(t);
            }
            double union = total + vTotal - inter;
            if (union > 0) jaccard = Math.max(jaccard, inter / union);
            if (vTotal > 0) recall = Math.max(recall, inter / vTotal);
        }
        return new BestVariant(jaccard, recall);
    }

    /** The share of the article's best-matching question variant that the question contains. */
    double variantRecall(ScoredQuery s, int doc) {
        return bestVariant(s.unique(), vocabulary.weight(s.unique()), terms.get(doc)).recall();
    }

    /** IDF weight of the question syllables that belong to a keyword occurring in the question as a whole phrase. */
    private double phraseCoverage(List<String> query, List<List<String>> phrases) {
        boolean[] covered = new boolean[query.size()];
        for (List<String> p : phrases) {
            for (int i = 0; i + p.size() <= query.size(); i++) {
                if (query.subList(i, i + p.size()).equals(p)) for (int j = i; j < i + p.size(); j++) covered[j] = true;
            }
        }
        Set<String> seen = new HashSet<>();
        double w = 0;
        for (int i = 0; i < covered.length; i++) if (covered[i] && seen.add(query.get(i))) w += vocabulary.idf(query.get(i));
        return w;
    }
}
