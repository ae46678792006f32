package vn.cdsbot.kb;

import java.util.List;

/**
 * Turns a ranking into a decision. The confidence is the estimated probability that the top article is the
 * right one: a logistic model over retrieval signals, fitted on the articles' own question variants (each left out
 * of its article in turn) and on separately written calibration questions, many of them near misses (see
 * docs/kb-evaluation.md; the evaluation prints refitted weights). The two thresholds come from bot-config.yaml.
 */
public final class AnswerPolicy {
    public enum Kind { ANSWER, CLARIFY, FALLBACK }

    /** What to do with a question, with the ranking it was based on (best first). */
    public record Decision(Kind kind, double confidence, List<KbIndex.Hit> hits) {
        public Decision {
            hits = List.copyOf(hits);
        }
    }

    /** Weights of {@link #features}, then the bias. */
    static final double[] WEIGHTS = {0.771, 0.852, -0.559, 0.559, 0.965, 0.888, 0.228, 1.448, 0.943, -6.387};

    private final double answerThreshold;
    private final double clarifyThreshold;

    public AnswerPolicy(double answerThreshold, double clarifyThreshold) {
        if (!(clarifyThreshold >= 0 && clarifyThreshold <= answerThreshold && answerThreshold <= 1)) {
            throw new IllegalArgumentException("need 0 <= clarify_threshold <= answer_threshold <= 1, got "
                    + clarifyThreshold + " and " + answerThreshold);
        }
        this.answerThreshold = answerThreshold;
        this.clarifyThreshold = clarifyThreshold;
    }

    public Decision decide(KbIndex.Result result) {
        return decide(result, confidence(result, WEIGHTS));
    }

    /** The decision for a confidence computed elsewhere (the evaluation tries other weights with the same rules). */
    Decision decide(KbIndex.Result result, double confidence) {
        Kind kind = confidence >= answerThreshold ? Kind.ANSWER
                : confidence >= clarifyThreshold && !result.empty() ? Kind.CLARIFY : Kind.FALLBACK;
        if (kind == Kind.FALLBACK && vagueButOnTopic(result)) kind = Kind.CLARIFY;
        // A single word ("cccd") or a bare number names a topic at most, never which of its articles is meant.
        if (kind == Kind.ANSWER && result.words() <= 1) kind = result.words() == 1 ? Kind.CLARIFY : Kind.FALLBACK;
        // Two syllables are one Vietnamese word ("hộ chiếu"): if another article covers it as fully, it is a topic too.
        if (kind == Kind.ANSWER && result.words() == 2 && result.secondCoverage() >= FULL) kind = Kind.CLARIFY;
        if (kind == Kind.CLARIFY && result.words() == 0) kind = Kind.FALLBACK;
        return new Decision(kind, confidence, result.hits());
    }

    private static final double FULL = 0.999;

    /**
     * Up to three words that are all topic words of the top article, in its title or keywords ("vneid", "tạm trú"):
     * the person is asking about something the knowledge base covers, just not precisely enough to pick one
     * article. Everyday words that merely occur in its question variants ("chào bạn", "ở đâu") do not count.
     */
    private static boolean vagueButOnTopic(KbIndex.Result r) {
        return r.hits().size() >= 3 && r.words() >= 1 && r.words() <= 3 && r.unknown() == 0 && r.topicCoverage() >= FULL;
    }

    /**
     * The signals: how much of the question's weight the top article's questions contain (syllables, then
     * syllable pairs), how much of it is unknown to the whole knowledge base, how far the top article is ahead
     * of the second, the size of the top score (per question syllable and absolute), and how much more of the
     * question the top article covers than the second (a short question that two articles cover equally is ambiguous),
     * the re-ranker's own probability for the top article, and how much of its best-matching question variant the
     * question contains (someone asking one of its questions in their own words).
     */
    static double[] features(KbIndex.Result r) {
        if (r.empty()) return null;
        double s1 = r.hits().get(0).score();
        // The re-ranker may put a lower BM25 score first, so the margin is taken over the best other article.
        double s2 = r.hits().stream().skip(1).mapToDouble(KbIndex.Hit::score).max().orElse(0);
        return new double[]{r.coverage(), r.bigramCoverage(), r.unknown(), s1 > 0 ? (s1 - s2) / Math.max(s1, s2) : 0,
                Math.log1p(s1 / Math.max(1, r.queryTerms())), Math.log1p(s1), r.coverage() - r.secondCoverage(),
                r.topShare(), r.variantRecall()};
    }

    static double confidence(KbIndex.Result r, double[] weights) {
        double[] x = features(r);
        if (x == null) return 0;
        double z = weights[weights.length - 1];
        for (int i = 0; i < x.length; i++) z += weights[i] * x[i];
        return 1 / (1 + Math.exp(-z));
    }
}
