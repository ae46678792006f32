package vn.cdsbot.kb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;

/**
 * The folded syllables of one article, by where they occur: what coverage and the re-ranking features compare a
 * question with.
 *
 * @param questions syllables of the title, question variants and keywords
 * @param questionBigrams syllable pairs of the same text
 * @param title syllables of the title
 * @param keywords syllables of the keywords
 * @param topic title and keyword syllables: the article's topic words
 * @param keywordPhrases each keyword as a list of syllables
 * @param variants syllables of the title and of each question variant
 * @param all every syllable of the article, body included (its document frequency contribution)
 */
record ArticleTerms(Set<String> questions, Set<String> questionBigrams, Set<String> title, Set<String> keywords,
                    Set<String> topic, List<List<String>> keywordPhrases, List<Set<String>> variants, Set<String> all) {

    /** {@code indexText} prepares a text as it is indexed (courtesy phrases dropped, abbreviations expanded). */
    static ArticleTerms of(Article a, UnaryOperator<String> indexText, Analyzer folded) {
        Set<String> terms = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        List<Set<String>> variants = new ArrayList<>();
        for (String q : questionLike(a)) {
            List<String> t = VietnameseAnalyzers.analyze(folded, indexText.apply(q));
            terms.addAll(t);
            pairs.addAll(bigrams(t));
            variants.add(Set.copyOf(t));
        }
        Set<String> kwTerms = new HashSet<>();
        List<List<String>> phrases = new ArrayList<>();
        for (String k : a.keywords()) {
            List<String> t = VietnameseAnalyzers.analyze(folded, indexText.apply(k));
            terms.addAll(t);
            kwTerms.addAll(t);
            pairs.addAll(bigrams(t));
            if (!t.isEmpty()) phrases.add(List.copyOf(t));
        }
        Set<String> topic = new HashSet<>(variants.get(0));
        topic.addAll(kwTerms);
        Set<String> all = new HashSet<>(terms);
        all.addAll(VietnameseAnalyzers.analyze(folded, indexText.apply(a.body())));
        return new ArticleTerms(Set.copyOf(terms), Set.copyOf(pairs), variants.get(0), Set.copyOf(kwTerms),
                Set.copyOf(topic), List.copyOf(phrases), List.copyOf(variants), Set.copyOf(all));
    }

    /** The title, then the question variants. */
    static List<String> questionLike(Article a) {
        List<String> qs = new ArrayList<>();
        qs.add(a.title());
        qs.addAll(a.questions());
        return qs;
    }

    /** Adjacent pairs, joined by a space as the bigram field indexes them. */
    static List<String> bigrams(List<String> terms) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < terms.size(); i++) out.add(terms.get(i) + " " + terms.get(i + 1));
        return out;
    }
}
