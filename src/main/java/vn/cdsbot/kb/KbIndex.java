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
 * field weights. The first {@link Reranker#DEPTH} articles of that ranking are then re-ordered by {@link Reranker}.
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
                          float k1, float b, float wVariant, boolean rerank, boolean dropFillers, float wFocus) {
        public static final Options DEFAULT = new Options(true, true, true, true, true, AbbreviationMode.BOTH, true,
                true, 1.0f, 1.0f, 1.0f, 1.0f, 0.3f, 1.2f, 0.5f, 0.5f, true, true, 0.5f);

        /** The same settings with the re-ranker switched on or off. */
        public Options withRerank(boolean on) {
            return new Options(accented, folded, bigrams, keywords, body, abbreviations, typoCorrection, vietnameseRules,
                    wAccented, wFolded, wBigrams, wKeywords, wBody, k1, b, wVariant, on, dropFillers, wFocus);
        }
    }

    /** One of the first {@link Reranker#DEPTH} articles of the BM25 ranking, with its re-ranking features. */
    record Candidate(int doc, double base, double[] features) {}

    /** One ranked article with its BM25 score (the re-ranker may put a lower score first). */
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
     * @param topShare the re-ranker's probability for the top article among its candidates (1 when it is alone)
     * @param words words with at least one letter in the question as typed, before abbreviations are expanded
     * @param topicCoverage share of the question's weight found in the top article's title and keywords: its topic
     *                      words, as opposed to the everyday words its question variants also contain
     */
    public record Result(List<Hit> hits, double coverage, double secondCoverage, double bigramCoverage,
                         double unknown, int queryTerms, double topShare, int words, double topicCoverage) {
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
    private final List<Set<String>> titleTerms = new ArrayList<>();
    private final List<Set<String>> keywordTerms = new ArrayList<>();
    /** Title and keyword syllables of each article: its topic words. */
    private final List<Set<String>> topicTerms = new ArrayList<>();
    private final List<List<List<String>>> keywordPhrases = new ArrayList<>();
    /** Folded syllables of every title or question variant, per article. */
    private final List<List<Set<String>>> variantTerms = new ArrayList<>();
    private final Reranker reranker;
    /** Document frequency of every folded syllable anywhere in the index, for typo correction and weights. */
    private final Map<String, Integer> vocabulary = new HashMap<>();
    /** Every vocabulary syllable under itself and each of its one-letter deletions (typo candidates). */
    private final Map<String, List<String>> deletions = new HashMap<>();

    private KbIndex(List<Article> articles, Abbreviations abbreviations, Options options, Reranker reranker)
            throws IOException {
        this.articles = List.copyOf(articles);
        this.reranker = reranker;
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
                List<Set<String>> variants = new ArrayList<>();
                for (String q : qs) {
                    String text = indexText(q);
                    d.add(new TextField(Q_VI, text, Field.Store.NO));
                    d.add(new TextField(Q_FOLD, text, Field.Store.NO));
                    d.add(new TextField(Q_BI, text, Field.Store.NO));
                    List<String> t = analyze(folded, text);
                    terms.addAll(t);
                    pairs.addAll(bigrams(t));
                    variants.add(Set.copyOf(t));
                }
                titleTerms.add(variants.get(0));
                variantTerms.add(List.copyOf(variants));
                Set<String> kwTerms = new HashSet<>();
                List<List<String>> phrases = new ArrayList<>();
                for (String k : a.keywords()) {
                    String text = indexText(k);
                    d.add(new TextField(KW, text, Field.Store.NO));
                    List<String> t = analyze(folded, text);
                    terms.addAll(t);
                    kwTerms.addAll(t);
                    if (!t.isEmpty()) phrases.add(List.copyOf(t));
                }
                keywordTerms.add(Set.copyOf(kwTerms));
                Set<String> topic = new HashSet<>(variants.get(0));
                topic.addAll(kwTerms);
                topicTerms.add(Set.copyOf(topic));
                keywordPhrases.add(List.copyOf(phrases));
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
        return build(articles, abbreviations, options, Reranker.DEFAULT);
    }

    static KbIndex build(List<Article> articles, Abbreviations abbreviations, Options options, Reranker reranker) {
        try {
            return new KbIndex(articles, abbreviations, options, reranker);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory index", e);
        }
    }

    public List<Article> articles() {
        return articles;
    }

    /**
     * Courtesy phrases that carry no topic ("cho em hỏi", "ạ", "nhé"). Most variants of some articles start with
     * them, so a question phrased politely drifted towards those articles.
     */
    private static final java.util.regex.Pattern FILLER = java.util.regex.Pattern.compile(
            "(?iu)\\b(?:(?:cho|xin cho) (?:em|tôi|toi|mình|minh|cháu|chau|tui|con|bác|bac|chị|chi|anh) (?:hỏi|hoi)(?: (?:chút|chut|xíu|xiu|với|voi|là|la))?|xin (?:hỏi|hoi)|ạ|ơi|nhé|nhá|ad|admin|vậy|vay|zậy|dzậy)\\b");

    private String dropFiller(String s) {
        return options.dropFillers() ? FILLER.matcher(s).replaceAll(" ") : s;
    }

    private String indexText(String s) {
        s = dropFiller(s);
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
        if (articles.isEmpty()) return new Result(List.of(), 0, 0, 0, 1, 0, 0, 0, 0);   // nothing loaded: honest fallback
        Scored s = score(question);
        List<Integer> docs = s.docs();
        double topShare = docs.isEmpty() ? 0 : 1;
        if (options.rerank() && docs.size() > 1) {
            List<Candidate> top = candidates(s);
            double[] z = top.stream().mapToDouble(c -> reranker.score(c.features())).toArray();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < z.length; i++) order.add(i);
            order.sort((x, y) -> Double.compare(z[y], z[x]));
            double sum = 0;
            for (double v : z) sum += Math.exp(v - z[order.get(0)]);
            topShare = 1 / sum;
            List<Integer> reordered = new ArrayList<>(docs.size());
            order.forEach(i -> reordered.add(top.get(i).doc()));
            reordered.addAll(docs.subList(top.size(), docs.size()));
            docs = reordered;
        }
        List<Hit> hits = new ArrayList<>();
        for (int d : docs.subList(0, Math.min(n, docs.size()))) hits.add(new Hit(articles.get(d), (float) s.base()[d]));
        Set<String> unique = s.unique();
        double c1 = docs.isEmpty() ? 0 : coverage(unique, questionTerms.get(docs.get(0)));
        double c2 = docs.size() < 2 ? 0 : coverage(unique, questionTerms.get(docs.get(1)));
        Set<String> qBigrams = s.bigrams();
        double bc = docs.isEmpty() || qBigrams.isEmpty() ? 0
                : qBigrams.stream().filter(questionBigrams.get(docs.get(0))::contains).count() / (double) qBigrams.size();
        double total = 0, unknownWeight = 0;
        for (String t : unique) {
            total += idf(t);
            if (!vocabulary.containsKey(t)) unknownWeight += idf(t);
        }
        double topic = docs.isEmpty() ? 0 : coverage(unique, topicTerms.get(docs.get(0)));
        return new Result(List.copyOf(hits), c1, c2, bc, total == 0 ? 1 : unknownWeight / total, unique.size(),
                topShare, words(question), topic);
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    static int words(String question) {
        return (int) WORD.matcher(question).results().filter(m -> m.group().chars().anyMatch(Character::isLetter)).count();
    }

    /** The analysed question and the BM25 score of every article, per field and summed with the field weights. */
    private record Scored(List<String> foldedTerms, Set<String> unique, Set<String> bigrams, double[][] fields,
                          double[] base, List<Integer> docs, double[] focus) {}

    /** Below this many words a question is one sentence in practice; no focus is needed. */
    static final int FOCUS_WORDS = 20;

    /** Scores the whole question and, for a long one, adds the scores of its asking sentence ({@link QuestionFocus}). */
    private Scored score(String question) {
        Scored s = scoreText(question);
        String focus = options.wFocus() > 0 && words(question) >= FOCUS_WORDS ? QuestionFocus.of(question) : null;
        if (focus == null) return s;
        Scored f = scoreText(focus);
        double[] base = s.base().clone();
        List<Integer> docs = new ArrayList<>();
        for (int i = 0; i < base.length; i++) {
            base[i] += options.wFocus() * f.base()[i];
            if (base[i] > 0) docs.add(i);
        }
        docs.sort((x, y) -> Double.compare(base[y], base[x]));
        return new Scored(s.foldedTerms(), s.unique(), s.bigrams(), s.fields(), base, docs, f.base());
    }

    private static final int FIELDS = 6;

    private Scored scoreText(String question) {
        String q0 = dropFiller(question);
        String text = options.abbreviations() == AbbreviationMode.OFF ? q0 : abbreviations.expand(q0);
        List<String> foldedTerms = analyze(folded, text);
        if (options.typoCorrection()) foldedTerms = correct(foldedTerms);
        List<String> accentedTerms = analyze(accented, text);
        List<String> pairs = bigrams(foldedTerms);
        double[][] f = new double[FIELDS][articles.size()];
        try {
            if (options.accented()) fieldScores(searcher, Q_VI, accentedTerms, f[0]);
            if (options.folded()) fieldScores(searcher, Q_FOLD, foldedTerms, f[1]);
            if (options.bigrams()) fieldScores(searcher, Q_BI, pairs, f[2]);
            if (options.keywords()) fieldScores(searcher, KW, foldedTerms, f[3]);
            if (options.body()) fieldScores(searcher, BODY, foldedTerms, f[4]);
            if (options.wVariant() > 0) {
                BooleanQuery.Builder vq = new BooleanQuery.Builder();
                if (options.accented()) add(vq, Q_VI, accentedTerms, options.wAccented());
                if (options.folded()) add(vq, Q_FOLD, foldedTerms, options.wFolded());
                if (options.bigrams()) add(vq, Q_BI, pairs, options.wBigrams());
                for (ScoreDoc sd : variantSearcher.search(vq.build(), 300).scoreDocs) {
                    int a = variantArticle.get(sd.doc);
                    f[5][a] = Math.max(f[5][a], sd.score);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float[] w = {options.wAccented(), options.wFolded(), options.wBigrams(), options.wKeywords(), options.wBody(),
                options.wVariant()};
        double[] base = new double[articles.size()];
        List<Integer> docs = new ArrayList<>();
        for (int i = 0; i < base.length; i++) {
            for (int k = 0; k < FIELDS; k++) base[i] += w[k] * f[k][i];
            if (base[i] > 0) docs.add(i);
        }
        docs.sort((x, y) -> Double.compare(base[y], base[x]));
        return new Scored(foldedTerms, new LinkedHashSet<>(foldedTerms), new LinkedHashSet<>(pairs), f, base, docs, null);
    }

    private void fieldScores(IndexSearcher s, String field, List<String> terms, double[] into) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        add(q, field, terms, 1f);
        for (ScoreDoc sd : s.search(q.build(), articles.size()).scoreDocs) into[sd.doc] = sd.score;
    }

    /** The first {@link Reranker#DEPTH} articles by BM25 score, with their re-ranking features. */
    List<Candidate> candidates(String question) {
        return articles.isEmpty() ? List.of() : candidates(score(question));
    }

    private List<Candidate> candidates(Scored s) {
        List<Integer> top = s.docs().subList(0, Math.min(Reranker.DEPTH, s.docs().size()));
        double[] max = new double[FIELDS];
        for (int k = 0; k < FIELDS; k++) for (double v : s.fields()[k]) max[k] = Math.max(max[k], v);
        double total = 0;
        for (String t : s.unique()) total += idf(t);
        double topBase = top.isEmpty() ? 1 : s.base()[top.get(0)];
        double focusMax = 0;
        if (s.focus() != null) for (double v : s.focus()) focusMax = Math.max(focusMax, v);
        List<Candidate> out = new ArrayList<>(top.size());
        for (int rank = 0; rank < top.size(); rank++) {
            int d = top.get(rank);
            double[] x = new double[Reranker.Features.SIZE];
            x[0] = s.base()[d] / topBase;
            for (int k = 0; k < FIELDS; k++) x[1 + k] = max[k] > 0 ? s.fields()[k][d] / max[k] : 0;
            x[7] = coverage(s.unique(), questionTerms.get(d));
            x[8] = s.bigrams().isEmpty() ? 0
                    : s.bigrams().stream().filter(questionBigrams.get(d)::contains).count() / (double) s.bigrams().size();
            x[9] = coverage(s.unique(), titleTerms.get(d));
            x[10] = coverage(s.unique(), keywordTerms.get(d));
            double jaccard = 0, recall = 0;
            for (Set<String> v : variantTerms.get(d)) {
                double inter = 0, vTotal = 0;
                for (String t : v) {
                    vTotal += idf(t);
                    if (s.unique().contains(t)) inter += idf(t);
                }
                double union = total + vTotal - inter;
                if (union > 0) jaccard = Math.max(jaccard, inter / union);
                if (vTotal > 0) recall = Math.max(recall, inter / vTotal);
            }
            x[11] = jaccard;
            x[12] = recall;
            x[13] = total == 0 ? 0 : phraseCoverage(s.foldedTerms(), keywordPhrases.get(d)) / total;
            x[14] = 1.0 / (rank + 1);
            if (s.focus() != null) x[15] = focusMax > 0 ? s.focus()[d] / focusMax : 0;
            out.add(new Candidate(d, s.base()[d], x));
        }
        return out;
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
        for (int i = 0; i < covered.length; i++) if (covered[i] && seen.add(query.get(i))) w += idf(query.get(i));
        return w;
    }

    Article article(int doc) {
        return articles.get(doc);
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
