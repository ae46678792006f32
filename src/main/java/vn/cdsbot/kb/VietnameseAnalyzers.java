package vn.cdsbot.kb;

import com.ibm.icu.text.Normalizer2;
import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains of the knowledge-base index (see vietnamese-search.md §7). All of them first normalize
 * with NFKC + case folding (composes NFD input, drops zero-width characters, maps NBSP to a space) and then
 * move tone marks to one placement convention, so "hoà" and "hòa", "Uỷ" and "Ủy" are the same text.
 */
public final class VietnameseAnalyzers {
    /** Old-style tone placement (òa, ùy) → the one we index (oà, uỳ); keys are lowercase after case folding. */
    private static final String[][] TONE = {
            {"òa", "oà"}, {"óa", "oá"}, {"ỏa", "oả"}, {"õa", "oã"}, {"ọa", "oạ"},
            {"òe", "oè"}, {"óe", "oé"}, {"ỏe", "oẻ"}, {"õe", "oẽ"}, {"ọe", "oẹ"},
            {"ùy", "uỳ"}, {"úy", "uý"}, {"ủy", "uỷ"}, {"ũy", "uỹ"}, {"ụy", "uỵ"},
    };
    private static final NormalizeCharMap TONE_MAP;
    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        for (String[] pair : TONE) b.add(pair[0], pair[1]);
        TONE_MAP = b.build();
    }
    private static final Normalizer2 NFKC_CF = Normalizer2.getNFKCCasefoldInstance();
    /** kí/ký, lí/lý, qui/quy …: after folding, a final y after these onsets is written i. */
    private static final Pattern I_Y = Pattern.compile("^(b|d|h|k|l|m|n|s|t|v|x|qu|th)y$");

    private VietnameseAnalyzers() {}

    static Reader prepare(Reader in, boolean rules) {
        Reader nfkc = new ICUNormalizer2CharFilter(in, NFKC_CF);
        return rules ? new MappingCharFilter(TONE_MAP, nfkc) : nfkc;
    }

    static TokenStream fold(TokenStream in, boolean rules) {
        // Folding erases a token made only of modifier letters (ʹ, ˆ): drop it rather than index an empty term.
        TokenStream f = new LengthFilter(new ICUFoldingFilter(in), 1, Integer.MAX_VALUE);
        return rules ? new PatternReplaceFilter(f, I_Y, "$1i", false) : f;
    }

    /** Syllables with their diacritics, lowercased and with one tone placement. */
    public static Analyzer accented() {
        return accented(true);
    }

    /** Without the tone-placement and i/y rules: only for measuring what they bring. */
    static Analyzer accented(boolean rules) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return prepare(reader, rules);
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                return new TokenStreamComponents(t, t);
            }
        };
    }

    /** Syllables without diacritics (đ→d) and with the i/y rule: how people type without a Vietnamese keyboard. */
    public static Analyzer folded() {
        return folded(true);
    }

    static Analyzer folded(boolean rules) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return prepare(reader, rules);
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                return new TokenStreamComponents(t, fold(t, rules));
            }
        };
    }

    /** Pairs of adjacent folded syllables ("can cuoc", "cuoc cong"): Vietnamese words are mostly two syllables. */
    public static Analyzer foldedBigrams() {
        return foldedBigrams(true);
    }

    static Analyzer foldedBigrams(boolean rules) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String field, Reader reader) {
                return prepare(reader, rules);
            }

            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                ShingleFilter s = new ShingleFilter(fold(t, rules), 2, 2);
                s.setOutputUnigrams(false);
                return new TokenStreamComponents(t, s);
            }
        };
    }
}
