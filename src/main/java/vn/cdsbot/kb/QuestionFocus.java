package vn.cdsbot.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sentence of a long message that asks the question. People tell their story first ("Mẹ tôi 70 tuổi, ở
 * quê…") and ask at the end; the story's words pull towards articles that merely share its setting.
 */
final class QuestionFocus {
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.?!;\\n])\\s*");
    /** Words that mark a question in Vietnamese, with and without diacritics. */
    private static final Pattern ASKS = Pattern.compile("(?iu)\\?|\\b(không|khong|ko|hông|hong|sao|thế nào|the nao|ntn|"
            + "gì|gi|j|ở đâu|o dau|bao nhiêu|bao nhieu|bao lâu|bao lau|được không|duoc khong|có phải|co phai|làm sao|"
            + "lam sao|cần|can|nào|nao|chưa|chua|mấy|may)\\b");
    private static final int MIN_WORDS = 6;

    private QuestionFocus() {}

    /** The asking sentence (with the one before it when it is short), or null when there is no clear one. */
    static String of(String text) {
        List<String> sentences = new ArrayList<>();
        for (String s : SENTENCE.split(text.strip())) if (!s.isBlank()) sentences.add(s.strip());
        if (sentences.size() < 2) return null;
        int pick = sentences.size() - 1;
        for (int i = sentences.size() - 1; i >= 0; i--) {
            if (ASKS.matcher(sentences.get(i)).find()) {
                pick = i;
                break;
            }
        }
        StringBuilder focus = new StringBuilder(sentences.get(pick));
        for (int i = pick - 1; i >= 0 && KbIndex.words(focus.toString()) < MIN_WORDS; i--) {
            focus.insert(0, sentences.get(i) + " ");
        }
        return focus.toString();
    }
}
