package vn.cdsbot.kb;

/**
 * Re-orders the first {@link #DEPTH} articles of the BM25 ranking with a linear model over {@link RerankFeature}s.
 * BM25 already puts the right article in its top three for almost every question; what it gets wrong is the
 * order between overlapping articles, where evidence such as "one question variant matches nearly word for word"
 * or "the title covers the question" separates them better than summed field scores.
 *
 * <p>The weights are a conditional-logit fit (softmax over the candidates of one question) on a leave-one-out set
 * built from the articles' own question variants, not from the evaluation questions: see
 * docs/kb-evaluation.md and {@code RerankTraining} in the tests.
 */
record Reranker(double[] weights) {
    static final int DEPTH = 5;

    static final Reranker DEFAULT = new Reranker(new double[]{
            0.956, 0.801, 0.588, 2.15, 1.864, 2.24, -0.975, 0.177, 0.809, 0.455, 0.5, -0.164, 1.465, 1.606, 0.682, 0.159});

    Reranker {
        if (weights.length != RerankFeature.COUNT) throw new IllegalArgumentException("need " + RerankFeature.COUNT + " weights");
        weights = weights.clone();
    }

    double score(double[] features) {
        double z = 0;
        for (int i = 0; i < features.length; i++) z += weights[i] * features[i];
        return z;
    }
}
