package vn.cdsbot.zalo;

import java.util.ArrayList;
import java.util.List;
import vn.cdsbot.chat.Texts;

/**
 * Splits a reply into Zalo messages of at most {@code limit} UTF-16 units after NFC normalisation (Zalo counts
 * like JavaScript: an emoji is two). Cuts at paragraph ends, then line ends; a single line too long for one
 * message is cut after a list separator (", " or "; ", so a unit name in a list stays whole), then after a
 * sentence, then between words; never inside a word unless one word alone is longer than a message, and never
 * inside a surrogate pair.
 */
public final class TextSplitter {
    /** Zalo's limit for a text message. */
    public static final int ZALO_MAX = 2000;
    /** What the bot fills a message to: Zalo's limit less a margin, for counting differences on Zalo's side. */
    public static final int ZALO_LIMIT = ZALO_MAX - 100;

    private TextSplitter() {}

    public static List<String> split(String text, int limit) {
        String s = Texts.nfc(text).strip();
        List<String> parts = new ArrayList<>();
        while (s.length() > limit) {
            int cut = lastBoundary(s, limit);
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
        for (String sep : new String[] {", ", "; "}) {
            int i = window.lastIndexOf(sep);
            if (i > floor) return i + sep.length();
        }
        for (int i = maxIndex - 1; i > floor; i--) {
            char c = s.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && i + 1 < s.length() && Character.isWhitespace(s.charAt(i + 1))) {
                return i + 1;
            }
        }
        int space = window.lastIndexOf(' ');
        if (space > 0) return space + 1;
        // One "word" longer than a message: cut it, but between the halves of a surrogate pair never.
        int cut = Character.isHighSurrogate(s.charAt(maxIndex - 1)) ? maxIndex - 1 : maxIndex;
        return cut > 0 ? cut : s.offsetByCodePoints(0, 1);   // limit 1 and an emoji: the emoji alone
    }
}
