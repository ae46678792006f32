package vn.cdsbot.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
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
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An immutable in-memory Lucene index over one set of articles. Each article is one document whose
 * question-like text (title, question variants) is indexed three ways (accented syllables, folded syllables,
 * folded syllable pairs), plus its keywords and its body. A question is expanded with the abbreviation map,
 * obvious typos are corrected against the index vocabulary ({@link SpellCorrector}), and the per-field BM25 scores
 * are summed with field weights ({@link ScoreField}). The first {@link Reranker#DEPTH} articles of that ranking are
 * then re-ordered by {@link Reranker} over the features of {@link FeatureExtractor}.
 */
public final class KbIndex implements AutoCloseable {
    static final String ID = "id";
    static final String Q_VI = "q_vi";
    static final String Q_FOLD = "q_fold";
    static final String Q_BI = "q_bi";
    static final String KW = "kw_fold";
    static final String BODY = "a_fold";

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
     * @param variantRecall share of the top article's best-matching question variant (IDF-weighted) that the
     *                      question contains: near 1 when someone asks one of its questions in their own words
     */
    public record Result(List<Hit> hits, double coverage, double secondCoverage, double bigramCoverage,
                         double unknown, int queryTerms, double topShare, int words, double topicCoverage,
                         double variantRecall) {
        /** Nothing loaded: the honest fallback. */
        static final Result NONE = new Result(List.of(), 0, 0, 0, 1, 0, 0, 0, 0, 0);

        public boolean empty() {
            return hits.isEmpty();
        }
    }

    private final List<Article> articles;
    private final Abbreviations abbreviations;
    private final SearchOptions options;
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
    private final List<ArticleTerms> terms = new ArrayList<>();
    private final Vocabulary vocabulary;
    private final SpellCorrector speller;
    private final FeatureExtractor features;
    private final Reranker reranker;

    private KbIndex(List<Article> articles, Abbreviations abbreviations, SearchOptions options, Reranker reranker)
            throws IOException {
        this.articles = List.copyOf(articles);
        this.reranker = reranker;
        this.abbreviations = abbreviations;
        this.options = options;
        this.accented = VietnameseAnalyzers.accented(options.vietnameseRules());
        this.folded = VietnameseAnalyzers.folded(options.vietnameseRules());
        Analyzer bigrams = VietnameseAnalyzers.foldedBigrams(options.vietnameseRules());
        Map<String, Analyzer> perField = Map.of(Q_VI, accented, Q_FOLD, folded, Q_BI, bigrams, KW, folded, BODY, folded);
        Analyzer analyzer = new PerFieldAnalyzerWrapper(folded, perField);
        this.dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer).setSimilarity(similarity(options)))) {
            for (Article a : this.articles) {
                Document d = new Document();
                d.add(new StringField(ID, a.id(), Field.Store.YES));
                for (String q : ArticleTerms.questionLike(a)) addQuestionFields(d, indexText(q));
                for (String k : a.keywords()) d.add(new TextField(KW, indexText(k), Field.Store.NO));
                d.add(new TextField(BODY, indexText(a.body()), Field.Store.NO));
                w.addDocument(d);
                terms.add(ArticleTerms.of(a, this::indexText, folded));
            }
        }
        this.vocabulary = new Vocabulary(terms.stream().map(ArticleTerms::all).toList());
        this.speller = new SpellCorrector(vocabulary);
        this.features = new FeatureExtractor(terms, vocabulary);
        this.reader = DirectoryReader.open(dir);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity(options));
        try (IndexWriter w = new IndexWriter(variantDir, new IndexWriterConfig(analyzer).setSimilarity(similarity(options)))) {
            for (int i = 0; i < this.articles.size(); i++) {
                for (String q : ArticleTerms.questionLike(this.articles.get(i))) {
                    Document d = new Document();
                    addQuestionFields(d, indexText(q));
                    w.addDocument(d);
                    variantArticle.add(i);
                }
            }
        }
        this.variantReader = DirectoryReader.open(variantDir);
        this.variantSearcher = new IndexSearcher(variantReader);
        variantSearcher.setSimilarity(similarity(options));
    }

    private static void addQuestionFields(Document d, String text) {
        d.add(new TextField(Q_VI, text, Field.Store.NO));
        d.add(new TextField(Q_FOLD, text, Field.Store.NO));
        d.add(new TextField(Q_BI, text, Field.Store.NO));
    }

    public static KbIndex build(List<Article> articles, Abbreviations abbreviations, SearchOptions options) {
        return build(articles, abbreviations, options, Reranker.DEFAULT);
    }

    static KbIndex build(List<Article> articles, Abbreviations abbreviations, SearchOptions options, Reranker reranker) {
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
    private static final Pattern FILLER = Pattern.compile(
            "(?iu)\\b(?:(?:cho|xin cho) (?:em|tôi|toi|mình|minh|cháu|chau|tui|con|bác|bac|chị|chi|anh) (?:hỏi|hoi)(?: (?:chút|chut|xíu|xiu|với|voi|là|la))?|xin (?:hỏi|hoi)|ạ|ơi|nhé|nhá|ad|admin|vậy|vay|zậy|dzậy)\\b");

    private String dropFiller(String s) {
        return options.dropFillers() ? FILLER.matcher(s).replaceAll(" ") : s;
    }

    private String indexText(String s) {
        s = dropFiller(s);
        return options.abbreviations() == SearchOptions.AbbreviationMode.BOTH ? abbreviations.expand(s) : s;
    }

    private static Similarity similarity(SearchOptions o) {
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
        if (articles.isEmpty()) return Result.NONE;
        ScoredQuery s = score(question);
        List<Integer> docs = s.docs();
        double topShare = docs.isEmpty() ? 0 : 1;
        if (options.rerank() && docs.size() > 1) {
            List<FeatureExtractor.Candidate> top = features.candidates(s);
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
        double c1 = docs.isEmpty() ? 0 : vocabulary.coverage(unique, terms.get(docs.get(0)).questions());
        double c2 = docs.size() < 2 ? 0 : vocabulary.coverage(unique, terms.get(docs.get(1)).questions());
        Set<String> qBigrams = s.bigrams();
        double bc = docs.isEmpty() || qBigrams.isEmpty() ? 0
                : qBigrams.stream().filter(terms.get(docs.get(0)).questionBigrams()::contains).count() / (double) qBigrams.size();
        double topic = docs.isEmpty() ? 0 : vocabulary.coverage(unique, terms.get(docs.get(0)).topic());
        double recall = docs.isEmpty() ? 0 : features.variantRecall(s, docs.get(0));
        return new Result(List.copyOf(hits), c1, c2, bc, vocabulary.unknownShare(unique), unique.size(),
                topShare, words(question), topic, recall);
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    static int words(String question) {
        return (int) WORD.matcher(question).results().filter(m -> m.group().chars().anyMatch(Character::isLetter)).count();
    }

    /** Below this many words a question is one sentence in practice; no focus is needed. */
    static final int FOCUS_WORDS = 20;

    /** Scores the whole question and, for a long one, adds the scores of its asking sentence ({@link QuestionFocus}). */
    private ScoredQuery score(String question) {
        ScoredQuery s = scoreText(question);
        String focus = options.wFocus() > 0 && words(question) >= FOCUS_WORDS ? QuestionFocus.of(question) : null;
        if (focus == null) return s;
        ScoredQuery f = scoreText(focus);
        double[] base = s.base().clone();
        List<Integer> docs = new ArrayList<>();
        for (int i = 0; i < base.length; i++) {
            base[i] += options.wFocus() * f.base()[i];
            if (base[i] > 0) docs.add(i);
        }
        docs.sort((x, y) -> Double.compare(base[y], base[x]));
        return new ScoredQuery(s.foldedTerms(), s.unique(), s.bigrams(), s.fields(), base, docs, f.base());
    }

    private ScoredQuery scoreText(String question) {
        String q0 = dropFiller(question);
        String text = options.abbreviations() == SearchOptions.AbbreviationMode.OFF ? q0 : abbreviations.expand(q0);
        List<String> foldedTerms = VietnameseAnalyzers.analyze(folded, text);
        if (options.typoCorrection()) foldedTerms = speller.correct(foldedTerms);
        List<String> accentedTerms = VietnameseAnalyzers.analyze(accented, text);
        List<String> pairs = ArticleTerms.bigrams(foldedTerms);
        double[][] f = new double[ScoreField.COUNT][articles.size()];
        try {
            if (options.accented()) fieldScores(Q_VI, accentedTerms, f[ScoreField.ACCENTED.ordinal()]);
            if (options.folded()) fieldScores(Q_FOLD, foldedTerms, f[ScoreField.FOLDED.ordinal()]);
            if (options.bigrams()) fieldScores(Q_BI, pairs, f[ScoreField.BIGRAMS.ordinal()]);
            if (options.keywords()) fieldScores(KW, foldedTerms, f[ScoreField.KEYWORDS.ordinal()]);
            if (options.body()) fieldScores(BODY, foldedTerms, f[ScoreField.BODY.ordinal()]);
            if (options.wVariant() > 0) bestVariantScores(accentedTerms, foldedTerms, pairs, f[ScoreField.VARIANT.ordinal()]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] base = new double[articles.size()];
        List<Integer> docs = new ArrayList<>();
        for (int i = 0; i < base.length; i++) {
            for (ScoreField field : ScoreField.values()) base[i] += field.weight(options) * f[field.ordinal()][i];
            if (base[i] > 0) docs.add(i);
        }
        docs.sort((x, y) -> Double.compare(base[y], base[x]));
        return new ScoredQuery(foldedTerms, new LinkedHashSet<>(foldedTerms), new LinkedHashSet<>(pairs), f, base, docs, null);
    }

    private void fieldScores(String field, List<String> terms, double[] into) throws IOException {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        add(q, field, terms, 1f);
        for (ScoreDoc sd : searcher.search(q.build(), articles.size()).scoreDocs) into[sd.doc] = sd.score;
    }

    /** Per article, the score of its best single title or question variant. */
    private void bestVariantScores(List<String> accentedTerms, List<String> foldedTerms, List<String> pairs,
                                   double[] into) throws IOException {
        BooleanQuery.Builder vq = new BooleanQuery.Builder();
        if (options.accented()) add(vq, Q_VI, accentedTerms, options.wAccented());
        if (options.folded()) add(vq, Q_FOLD, foldedTerms, options.wFolded());
        if (options.bigrams()) add(vq, Q_BI, pairs, options.wBigrams());
        for (ScoreDoc sd : variantSearcher.search(vq.build(), 300).scoreDocs) {
            int a = variantArticle.get(sd.doc);
            into[a] = Math.max(into[a], sd.score);
        }
    }

    /** The first {@link Reranker#DEPTH} articles by BM25 score, with their re-ranking features. */
    List<FeatureExtractor.Candidate> candidates(String question) {
        return articles.isEmpty() ? List.of() : features.candidates(score(question));
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
