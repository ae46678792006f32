package vn.cdsbot.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An immutable in-memory Lucene index over one set of articles. Each article is one document whose
 * question-like text (title, question variants) is indexed three ways (accented syllables, folded syllables,
 * folded syllable pairs), plus its keywords and its body. A question is expanded with the abbreviation map,
 * obvious typos are corrected against the index vocabulary, and the per-field BM25 scores are summed with
 * field weights.
 */
public final class KbIndex implements AutoCloseable {
    static final String ID = "id";
    static final String Q_VI = "q_vi";
    static final String Q_FOLD = "q_fold";
    static final String Q_BI = "q_bi";
    static final String KW = "kw_fold";
    static final String BODY = "a_fold";

    /** Where the abbreviation map is applied: nowhere, to questions only, or to questions and indexed text. */
    public enum AbbreviationMode { OFF, QUERY, BOTH }

    /** Which parts of the retrieval are on, and their weights; {@link #DEFAULT} is what the bot uses. */
    public record Options(boolean accented, boolean folded, boolean bigrams, boolean keywords, boolean body,
                          AbbreviationMode abbreviations, boolean typoCorrection, boolean vietnameseRules,
                          float wAccented, float wFolded, float wBigrams, float wKeywords, float wBody,
                          float k1, float b, float wVariant) {
        public static final Options DEFAULT = new Options(true, true, true, true, true, AbbreviationMode.BOTH, true,
                true, 1.0f, 1.0f, 1.0f, 1.0f, 0.3f, 1.2f, 0.5f, 0.5f);
    }

    /** One ranked article. */
    public record Hit(Article article, float score) {}

    /**
     * The ranking for one question plus what the answer policy needs to judge it.
     *
     * @param coverage share of the question's informative weight (IDF of its folded syllables) that the top
     *                 article's title, questions and keywords contain; 0 when there is no hit
     * @param secondCoverage the same for the second article
     * @param bigramCoverage share of the question's syllable pairs found in the top article's questions and keywords
     * @param unknown share of the question's weight made of syllables found nowhere in the knowledge base
     * @param queryTerms distinct folded syllables in the question
     */
    public record Result(List<Hit> hits, double coverage, double secondCoverage, double bigramCoverage,
                         double unknown, int queryTerms) {
        public boolean empty() {
            return hits.isEmpty();
        }
    }

    private final List<Article> articles;
    private final Abbreviations abbreviations;
    private final Options options;
    private final ByteBuffersDirectory dir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    /** One document per title or question variant: the best single variant is strong evidence on its own. */
    private final ByteBuffersDirectory variantDir = new ByteBuffersDirectory();
    private final DirectoryReader variantReader;
    private final IndexSearcher variantSearcher;
    private final List<Integer> variantArticle = new ArrayList<>();
    private final Analyzer accented;
    private final Analyzer folded;
    /** Folded syllables of each article's question-like text, for coverage. */
    private final List<Set<String>> questionTerms = new ArrayList<>();
    private final List<Set<String>> questionBigrams = new ArrayList<>();
    /** Document frequency of every folded syllable anywhere in the index, for typo correction and weights. */
    private final Map<String, Integer> vocabulary = new HashMap<>();
    /** Every vocabulary syllable under itself and each of its one-letter deletions (typo candidates). */
    private final Map<String, List<String>> deletions = new HashMap<>();

    private KbIndex(List<Article> articles, Abbreviations abbreviations, Options options) throws IOException {
        this.articles = List.copyOf(articles);
        this.abbreviations = abbreviations;
        this.options = options;
        this.accented = VietnameseAnalyzers.accented(options.vietnameseRules());
        this.folded = VietnameseAnalyzers.folded(options.vietnameseRules());
        Analyzer bigrams = VietnameseAnalyzers.foldedBigrams(options.vietnameseRules());
        Map<String, Analyzer> perField = Map.of(Q_VI, accented, Q_FOLD, folded, Q_BI, bigrams, KW, folded, BODY, folded);
        Analyzer analyzer = new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(folded, perField);
        this.dir = new ByteBuffersDirectory();
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setSimilarity(similarity(options));
        try (IndexWriter w = new IndexWriter(dir, cfg)) {
            for (Article a : this.articles) {
                Document d = new Document();
                d.add(new StringField(ID, a.id(), Field.Store.YES));
                List<String> qs = new ArrayList<>();
                qs.add(a.title());
                qs.addAll(a.questions());
                Set<String> terms = new HashSet<>();
                Set<String> pairs = new HashSet<>();
                for (String q : qs) {
                    String text = indexText(q);
                    d.add(new TextField(Q_VI, text, Field.Store.NO));
                    d.add(new TextField(Q_FOLD, text, Field.Store.NO));
                    d.add(new TextField(Q_BI, text, Field.Store.NO));
                    List<String> t = analyze(folded, text);
                    terms.addAll(t);
                    pairs.addAll(bigrams(t));
                }
                for (String k : a.keywords()) {
                    String text = indexText(k);
                    d.add(new TextField(KW, text, Field.Store.NO));
                    terms.addAll(analyze(folded, text));
                }
                String body = indexText(a.body());
                d.add(new TextField(BODY, body, Field.Store.NO));
                Set<String> all = new HashSet<>(terms);
                all.addAll(analyze(folded, body));
                all.forEach(t -> vocabulary.merge(t, 1, Integer::sum));
                for (String k : a.keywords()) pairs.addAll(bigrams(analyze(folded, indexText(k))));
                questionTerms.add(Set.copyOf(terms));
                questionBigrams.add(Set.copyOf(pairs));
                w.addDocument(d);
            }
        }
        for (String t : vocabulary.keySet()) {
            for (String k : deletionKeys(t)) deletions.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
        }
        this.reader = DirectoryReader.open(dir);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity(options));
        try (IndexWriter w = new IndexWriter(variantDir, new IndexWriterConfig(analyzer).setSimilarity(similarity(options)))) {
            for (int i = 0; i < this.articles.size(); i++) {
                Article a = this.articles.get(i);
                List<String> qs = new ArrayList<>();
                qs.add(a.title());
                qs.addAll(a.questions());
                for (String q : qs) {
                    String text = indexText(q);
                    Document d = new Document();
                    d.add(new TextField(Q_VI, text, Field.Store.NO));
                    d.add(new TextField(Q_FOLD, text, Field.Store.NO));
                    d.add(new TextField(Q_BI, text, Field.Store.NO));
                    w.addDocument(d);
                    variantArticle.add(i);
                }
            }
        }
        this.variantReader = DirectoryReader.open(variantDir);
        this.variantSearcher = new IndexSearcher(variantReader);
        variantSearcher.setSimilarity(similarity(options));
    }

    public static KbIndex build(List<Article> articles, Abbreviations abbreviations, Options options) {
        try {
            return new KbIndex(articles, abbreviations, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory index", e);
        }
    }

    public List<Article> articles() {
        return articles;
    }

    private String indexText(String s) {
        return options.abbreviations() == AbbreviationMode.BOTH ? abbreviations.expand(s) : s;
    }

    private static Similarity similarity(Options o) {
        BM25Similarity questions = new BM25Similarity(o.k1(), o.b());
        BM25Similarity body = new BM25Similarity(1.2f, 0.75f);
        return new PerFieldSimilarityWrapper() {
            @Override
            public Similarity get(String field) {
                return BODY.equals(field) ? body : questions;
            }
        };
    }

    /** Ranks the articles for a question; at most {@code n} hits, best first. */
    public Result search(String question, int n) {
        if (articles.isEmpty()) return new Result(List.of(), 0, 0, 0, 1, 0);   // nothing loaded: honest fallback
        String text = options.abbreviations() == AbbreviationMode.OFF ? question : abbreviations.expand(question);
        List<String> foldedTerms = analyze(folded, text);
        if (options.typoCorrection()) foldedTerms = correct(foldedTerms);
        List<String> accentedTerms = analyze(accented, text);
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        if (options.accented()) add(q, Q_VI, accentedTerms, options.wAccented());
        if (options.folded()) add(q, Q_FOLD, foldedTerms, options.wFolded());
        if (options.bigrams()) add(q, Q_BI, bigrams(foldedTerms), options.wBigrams());
        if (options.keywords()) add(q, KW, foldedTerms, options.wKeywords());
        if (options.body()) add(q, BODY, foldedTerms, options.wBody());
        try {
            BooleanQuery query = q.build();
            double[] scores = new double[articles.size()];
            for (ScoreDoc sd : searcher.search(query, articles.size()).scoreDocs) scores[sd.doc] = sd.score;
            if (options.wVariant() > 0) {
                BooleanQuery.Builder vq = new BooleanQuery.Builder();
                if (options.accented()) add(vq, Q_VI, accentedTerms, options.wAccented());
                if (options.folded()) add(vq, Q_FOLD, foldedTerms, options.wFolded());
                if (options.bigrams()) add(vq, Q_BI, bigrams(foldedTerms), options.wBigrams());
                double[] best = new double[articles.size()];
                for (ScoreDoc sd : variantSearcher.search(vq.build(), 300).scoreDocs) {
                    int a = variantArticle.get(sd.doc);
                    best[a] = Math.max(best[a], sd.score);
                }
                for (int i = 0; i < scores.length; i++) scores[i] += options.wVariant() * best[i];
            }
            List<Integer> docs = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) if (scores[i] > 0) docs.add(i);
            docs.sort((x, y) -> Double.compare(scores[y], scores[x]));
            List<Hit> hits = new ArrayList<>();
            for (int d : docs) hits.add(new Hit(articles.get(d), (float) scores[d]));
            Set<String> unique = new LinkedHashSet<>(foldedTerms);
            double c1 = docs.isEmpty() ? 0 : coverage(unique, questionTerms.get(docs.get(0)));
            double c2 = docs.size() < 2 ? 0 : coverage(unique, questionTerms.get(docs.get(1)));
            Set<String> qBigrams = new LinkedHashSet<>(bigrams(foldedTerms));
            double bc = docs.isEmpty() || qBigrams.isEmpty() ? 0
                    : qBigrams.stream().filter(questionBigrams.get(docs.get(0))::contains).count() / (double) qBigrams.size();
            double total = 0, unknownWeight = 0;
            for (String t : unique) {
                total += idf(t);
                if (!vocabulary.containsKey(t)) unknownWeight += idf(t);
            }
            return new Result(List.copyOf(hits.subList(0, Math.min(n, hits.size()))), c1, c2, bc,
                    total == 0 ? 1 : unknownWeight / total, unique.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enough for a long story; keeps a pasted page far below Lucene's limit of 1024 clauses per query. */
    static final int MAX_TERMS_PER_FIELD = 80;

    private static void add(BooleanQuery.Builder q, String field, List<String> terms, float weight) {
        if (terms.isEmpty() || weight <= 0) return;
        BooleanQuery.Builder f = new BooleanQuery.Builder();
        new LinkedHashSet<>(terms).stream().limit(MAX_TERMS_PER_FIELD)
                .forEach(t -> f.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD));
        q.add(new BoostQuery(f.build(), weight), BooleanClause.Occur.SHOULD);
    }

    private static List<String> bigrams(List<String> terms) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < terms.size(); i++) out.add(terms.get(i) + " " + terms.get(i + 1));
        return out;
    }

    /** IDF-weighted share of the question's syllables found in the article; unknown syllables weigh the most. */
    private double coverage(Set<String> query, Set<String> article) {
        double total = 0, found = 0;
        for (String t : query) {
            double w = idf(t);
            total += w;
            if (article.contains(t)) found += w;
        }
        return total == 0 ? 0 : found / total;
    }

    double idf(String term) {
        int df = vocabulary.getOrDefault(term, 0);
        return Math.log(1 + (articles.size() - df + 0.5) / (df + 0.5));
    }

    /**
     * Replaces a syllable that occurs nowhere in the index by the most common indexed syllable one edit away
     * (insert, delete, substitute or swap). Short syllables are left alone: too many real words are one edit apart.
     */
    private List<String> correct(List<String> terms) {
        List<String> out = new ArrayList<>(terms.size());
        for (String t : terms) {
            if (t.length() < 4 || vocabulary.containsKey(t) || !t.chars().allMatch(Character::isLetter)) {
                out.add(t);
                continue;
            }
            String best = null;
            int bestDf = 0;
            for (String k : deletionKeys(t)) {
                for (String candidate : deletions.getOrDefault(k, List.of())) {
                    int df = vocabulary.get(candidate);
                    boolean better = df > bestDf || (df == bestDf && best != null && candidate.compareTo(best) < 0);
                    if (better && oneEditApart(t, candidate)) {
                        best = candidate;
                        bestDf = df;
                    }
                }
            }
            out.add(best != null ? best : t);
        }
        return out;
    }

    /** The word and each of its one-letter deletions: two words one edit apart always share one of these. */
    private static Set<String> deletionKeys(String t) {
        Set<String> keys = new HashSet<>();
        keys.add(t);
        for (int i = 0; i < t.length(); i++) keys.add(t.substring(0, i) + t.substring(i + 1));
        return keys;
    }

    static boolean oneEditApart(String a, String b) {
        int la = a.length(), lb = b.length();
        if (Math.abs(la - lb) > 1 || a.equals(b)) return false;
        if (la == lb) {
            int first = -1, diffs = 0;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (diffs++ == 0) first = i;
                }
            }
            if (diffs == 1) return true;
            return diffs == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String s = la < lb ? a : b, l = la < lb ? b : a;
        int i = 0;
        while (i < s.length() && s.charAt(i) == l.charAt(i)) i++;
        return s.substring(i).equals(l.substring(i + 1));
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            reader.close();
            dir.close();
            variantReader.close();
            variantDir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
