package vn.cdsbot.chat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text helpers shared by every feature: NFC and the diacritic-free forms used for matching. */
public final class Texts {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Texts() {}

    public static String nfc(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Removes every diacritic, including đ→d, keeping case: "Đăng ký" → "Dang ky". */
    public static String stripDiacritics(String s) {
        String d = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return Normalizer.normalize(d.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFC);
    }

    /**
     * Lowercase without diacritics, character by character, so that every position in the result is the same
     * character in {@code s}: for finding words in the folded text and cutting them out of the original.
     */
    public static String foldEachChar(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                sb.append(Character.toLowerCase(c));
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                sb.append(' ');   // a combining mark left over from NFD input: a gap, never a letter
            } else {
                String d = stripDiacritics(String.valueOf(c));
                sb.append(Character.toLowerCase(d.length() == 1 ? d.charAt(0) : c));
            }
        }
        return sb.toString();
    }

    /** Lowercase, strip diacritics (đ→d), collapse spaces: for matching command words however they are typed. */
    public static String fold(String s) {
        return stripDiacritics(s).toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }
}
