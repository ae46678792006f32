package vn.cdsbot.zalo;

import java.util.ArrayList;
import java.util.List;
import vn.cdsbot.chat.Texts;

/**
 * Splits a reply into Zalo messages of at most {@code limit} code points after NFC normalisation, preferring
 * paragraph, then line, then sentence, then word boundaries, and never cutting a surrogate pair.
 */
public final class TextSplitter {
    public static final int ZALO_LIMIT = 2000;

    private TextSplitter() {}

    public static List<String> split(String text, int limit) {
        String s = Texts.nfc(text).strip();
        List<String> parts = new ArrayList<>();
        while (s.codePointCount(0, s.length()) > limit) {
            int maxIndex = s.offsetByCodePoints(0, limit);
            int cut = lastBoundary(s, maxIndex);
            parts.add(s.substring(0, cut).strip());
            s = s.substring(cut).strip();
        }
        if (!s.isEmpty() || parts.isEmpty()) parts.add(s);
        return parts;
    }

    /** The best cut at or before maxIndex: never in the first third, so parts stay reasonably full. */
    private static int lastBoundary(String s, int maxIndex) {
        int floor = maxIndex / 3;
        String window = s.substring(0, maxIndex);
        for (String sep : new String[] {"\n\n", "\n"}) {
            int i = window.lastIndexOf(sep);
            if (i > floor) return i + sep.length();
        }
        for (int i = maxIndex - 1; i > floor; i--) {
            char c = s.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == ';') && i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1))) {
                return i + 1;
            }
        }
        int space = window.lastIndexOf(' ');
        if (space > floor) return space + 1;
        // maxIndex is a code point boundary, so this never cuts a surrogate pair. (Stepping back when the next
        // char was a low surrogate only ever met a lone one, and with a limit of 1 it cut at 0: an endless loop.)
        return maxIndex;
    }
}
