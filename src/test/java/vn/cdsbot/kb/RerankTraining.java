package vn.cdsbot.kb;

import java.util.ArrayList;
import java.util.List;

/**
 * Training data and fitting for {@link Reranker}. The training set never uses evaluation questions: each
 * article's question variants are held out one at a time (variant j of every article at once), the index is built
 * without them, and each held-out variant becomes a query labelled with its own article.
 */
final class RerankTraining {
    /** The candidates of one query and which of them is right (-1: the right article is not among them). */
    record Example(List<double[]> features, int label, int words) {
        Example(List<double[]> features, int label) {
            this(features, label, 0);
        }
    }

    private RerankTraining() {}

    static List<Example> leaveOneVariantOut(List<Article> articles, Abbreviations abbreviations, SearchOptions options) {
        int most = articles.stream().mapToInt(a -> a.questions().size()).max().orElse(0);
        List<Example> out = new ArrayList<>();
        for (int j = 0; j < most; j++) {
            List<Article> reduced = new ArrayList<>();
            for (Article a : articles) reduced.add(a.questions().size() > j ? without(a, j) : a);
            try (KbIndex index = KbIndex.build(reduced, abbreviations, options)) {
                for (Article a : articles) {
                    if (a.questions().size() > j) out.add(example(index, a.questions().get(j), a.id()));
                }
            }
        }
        return out;
    }

    /** The examples of one variant position: variant j of every article left out and asked. */
    static List<Example> leaveOut(List<Article> articles, Abbreviations abbreviations, SearchOptions options, int j) {
        List<Article> reduced = new ArrayList<>();
        for (Article a : articles) reduced.add(a.questions().size() > j ? without(a, j) : a);
        List<Example> out = new ArrayList<>();
        try (KbIndex index = KbIndex.build(reduced, abbreviations, options)) {
            for (Article a : articles) {
                if (a.questions().size() > j) out.add(example(index, a.questions().get(j), a.id()));
            }
        }
        return out;
    }

    /** A left-out question variant, the article it belongs to, and what the index built without it returns. */
    record Labelled(String articleId, String question, KbIndex.Result result) {}

    /** Every question variant left out in turn (variant j of every article at once) and asked. */
    static List<Labelled> leftOutVariants(List<Article> articles, Abbreviations abbreviations, SearchOptions options) {
        int most = articles.stream().mapToInt(a -> a.questions().size()).max().orElse(0);
        List<Labelled> out = new ArrayList<>();
        for (int j = 0; j < most; j++) {
            List<Article> reduced = new ArrayList<>();
            for (Article a : articles) reduced.add(a.questions().size() > j ? without(a, j) : a);
            try (KbIndex index = KbIndex.build(reduced, abbreviations, options)) {
                for (Article a : articles) {
                    if (a.questions().size() > j) {
                        String q = a.questions().get(j);
                        out.add(new Labelled(a.id(), q, index.search(q, KnowledgeBase.HITS)));
                    }
                }
            }
        }
        return out;
    }

    static Example example(KbIndex index, String question, String articleId) {
        List<FeatureExtractor.Candidate> cs = index.candidates(question);
        int label = -1;
        List<double[]> xs = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            xs.add(cs.get(i).features());
            if (index.article(cs.get(i).doc()).id().equals(articleId)) label = i;
        }
        return new Example(xs, label, KbIndex.words(question));
    }

    static Article without(Article a, int j) {
        List<String> qs = new ArrayList<>(a.questions());
        qs.remove(j);
        return new Article(a.id(), a.service(), a.title(), qs, a.keywords(), a.sources(), a.body(), a.file());
    }

    /**
     * Conditional logit: maximises the softmax probability of the right candidate among the candidates of its
     * query, with L2 regularisation. Queries whose right article is not a candidate carry no information here.
     */
    static double[] fit(List<Example> examples, double l2, int iterations, double rate) {
        int d = RerankFeature.COUNT;
        double[] w = new double[d];
        List<Example> usable = examples.stream().filter(e -> e.label() >= 0 && e.features().size() > 1).toList();
        for (int it = 0; it < iterations; it++) {
            double[] g = new double[d];
            for (Example e : usable) {
                double[] p = softmax(e.features(), w);
                for (int c = 0; c < p.length; c++) {
                    double err = p[c] - (c == e.label() ? 1 : 0);
                    double[] x = e.features().get(c);
                    for (int k = 0; k < d; k++) g[k] += err * x[k];
                }
            }
            for (int k = 0; k < d; k++) w[k] -= rate * (g[k] / usable.size() + l2 * w[k]);
        }
        return w;
    }

    static double[] softmax(List<double[]> xs, double[] w) {
        double[] z = new double[xs.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < z.length; c++) {
            for (int k = 0; k < w.length; k++) z[c] += w[k] * xs.get(c)[k];
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) sum += z[c] = Math.exp(z[c] - max);
        for (int c = 0; c < z.length; c++) z[c] /= sum;
        return z;
    }

    /** Share of examples whose right article comes first under {@code w} (all-zero weights keep the BM25 order). */
    static double hit1(List<Example> examples, double[] w) {
        int hits = 0;
        for (Example e : examples) {
            if (e.label() < 0) continue;
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < e.features().size(); c++) {
                double s = 0;
                for (int k = 0; k < w.length; k++) s += w[k] * e.features().get(c)[k];
                if (s > bestScore + 1e-12) {
                    bestScore = s;
                    best = c;
                }
            }
            if (best == e.label()) hits++;
        }
        return (double) hits / examples.size();
    }
}
