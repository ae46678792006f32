package vn.cdsbot.kb;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Document frequency of every folded syllable anywhere in the index, for IDF weights and typo correction. */
final class Vocabulary {
    private final Map<String, Integer> df = new HashMap<>();
    private final int articles;

    Vocabulary(Iterable<Set<String>> termsPerArticle) {
        int n = 0;
        for (Set<String> terms : termsPerArticle) {
            terms.forEach(t -> df.merge(t, 1, Integer::sum));
            n++;
        }
        this.articles = n;
    }

    boolean contains(String term) {
        return df.containsKey(term);
    }

    int df(String term) {
        return df.getOrDefault(term, 0);
    }

    Set<String> terms() {
        return df.keySet();
    }

    double idf(String term) {
        int d = df(term);
        return Math.log(1 + (articles - d + 0.5) / (d + 0.5));
    }

    /** IDF-weighted share of the question's syllables found in the article; unknown syllables weigh the most. */
    double coverage(Set<String> query, Set<String> article) {
        double total = 0, found = 0;
        for (String t : query) {
            double w = idf(t);
            total += w;
            if (article.contains(t)) found += w;
        }
        return total == 0 ? 0 : found / total;
    }

    /** Share of the question's IDF weight made of syllables found nowhere in the knowledge base. */
    double unknownShare(Set<String> query) {
        double total = 0, unknown = 0;
        for (String t : query) {
            total += idf(t);
            if (!contains(t)) unknown += idf(t);
        }
        return total == 0 ? 1 : unknown / total;
    }

    /** The question's whole IDF weight. */
    double weight(Set<String> query) {
        double total = 0;
        for (String t : query) total += idf(t);
        return total;
    }
}
