package vn.cdsbot.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilterFactory;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilterFactory;
import org.apache.lucene.analysis.miscellaneous.LengthFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceFilterFactory;
import org.apache.lucene.analysis.shingle.ShingleFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ClasspathResourceLoader;

/**
 * The analysis chains of the knowledge-base index (see vietnamese-search.md §7), declared with Lucene's
 * {@link CustomAnalyzer}. All of them first normalize with NFKC + case folding (composes NFD input, drops zero-width
 * characters, maps NBSP to a space) and then move tone marks to one placement convention (tone-placement.txt), so
 * "hoà" and "hòa", "Uỷ" and "Ủy" are the same text. Every step is a stock Lucene factory: ICU folding already maps
 * đ→d, and the i/y rule is a pattern replacement, so no hand-written filter is needed.
 */
public final class VietnameseAnalyzers {
    /** kí/ký, lí/lý, qui/quy …: after folding, a final y after these onsets is written i. */
    private static final String I_Y = "^(b|d|h|k|l|m|n|s|t|v|x|qu|th)y$";

    private VietnameseAnalyzers() {}

    /** Syllables with their diacritics, lowercased and with one tone placement. */
    public static Analyzer accented() {
        return accented(true);
    }

    /** Without the tone-placement and i/y rules: only for measuring what they bring. */
    static Analyzer accented(boolean rules) {
        return build(rules, Chain.ACCENTED);
    }

    /** Syllables without diacritics (đ→d) and with the i/y rule: how people type without a Vietnamese keyboard. */
    public static Analyzer folded() {
        return folded(true);
    }

    static Analyzer folded(boolean rules) {
        return build(rules, Chain.FOLDED);
    }

    /** Pairs of adjacent folded syllables ("can cuoc", "cuoc cong"): Vietnamese words are mostly two syllables. */
    public static Analyzer foldedBigrams() {
        return foldedBigrams(true);
    }

    static Analyzer foldedBigrams(boolean rules) {
        return build(rules, Chain.BIGRAMS);
    }

    private enum Chain { ACCENTED, FOLDED, BIGRAMS }

    private static Analyzer build(boolean rules, Chain chain) {
        try {
            // NFD first: case folding turns the Greek mark U+0345 into a letter, so nfkc_cf alone gives different
            // text for two canonically equivalent inputs; in canonical order first, they can no longer differ.
            CustomAnalyzer.Builder b = CustomAnalyzer.builder(new ClasspathResourceLoader(VietnameseAnalyzers.class))
                    .addCharFilter(ICUNormalizer2CharFilterFactory.class, "name", "nfc", "mode", "decompose")
                    .addCharFilter(ICUNormalizer2CharFilterFactory.class, "name", "nfkc_cf", "mode", "compose");
            if (rules) b.addCharFilter(MappingCharFilterFactory.class, "mapping", "tone-placement.txt");
            b.withTokenizer(StandardTokenizerFactory.class);
            if (chain == Chain.ACCENTED) return b.build();
            // Folding erases a token made only of modifier letters (ʹ, ˆ): drop it rather than index an empty term.
            b.addTokenFilter(ICUFoldingFilterFactory.class)
                    .addTokenFilter(LengthFilterFactory.class, "min", "1", "max", String.valueOf(Integer.MAX_VALUE));
            if (rules) {
                b.addTokenFilter(PatternReplaceFilterFactory.class, "pattern", I_Y, "replacement", "$1i",
                        "replace", "first");
            }
            if (chain == Chain.BIGRAMS) {
                b.addTokenFilter(ShingleFilterFactory.class, "minShingleSize", "2", "maxShingleSize", "2",
                        "outputUnigrams", "false");
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the Vietnamese analyzers (tone-placement.txt missing?)", e);
        }
    }

    /** The terms an analyzer makes of a text, in order. */
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
}
