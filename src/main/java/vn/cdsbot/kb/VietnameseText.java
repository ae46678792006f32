package vn.cdsbot.kb;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Plain-string helpers for Vietnamese text outside Lucene (abbreviation keys, evaluation). */
final class VietnameseText {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private VietnameseText() {}

    /** Removes every diacritic, including đ→d, keeping case: "Đăng ký" → "Dang ky". */
    static String strip(String s) {
        String d = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return Normalizer.normalize(d.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFC);
    }

    /** Lowercase without diacritics. */
    static String fold(String s) {
        return strip(s).toLowerCase(Locale.ROOT);
    }
}
