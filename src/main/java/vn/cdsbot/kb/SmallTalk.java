package vn.cdsbot.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Texts;

/**
 * Messages that are nothing but a greeting, thanks, an acknowledgement, a goodbye or "who are you". They get a
 * friendly reply of their own: searching them can only produce a fallback, or buttons for an article that
 * shares a folded syllable ("chào bạn" and "bán"). Only the whole message counts, so "chào bạn, làm căn cước ở
 * đâu" is still a question.
 */
final class SmallTalk {
    enum Kind { GREETING, THANKS, ACKNOWLEDGEMENT, GOODBYE, IDENTITY }

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Forms of address, and "dạ"/"à" in front: "dạ em chào anh ạ" is a greeting. */
    private static final Set<String> LEADING = Set.of("da", "a", "ad", "admin", "bot", "ban", "em", "anh", "chi", "bac",
            "minh", "toi", "tui", "oi", "hi");
    /** Forms of address and particles after the phrase: "cảm ơn bot nhiều nhé". */
    private static final Set<String> TRAILING = Set.of("a", "ah", "ak", "nhe", "nha", "nhieu", "nhiu", "lam", "oi",
            "vay", "z", "ne", "ad", "admin", "bot", "ban", "em", "anh", "chi", "bac", "ca", "moi", "nguoi", "minh",
            "luon", "qua");

    /** Folded phrases, as they read once forms of address and particles are taken off both ends. */
    private static final Map<Kind, Set<String>> PHRASES = Map.of(
            Kind.GREETING, Set.of("chao", "xin chao", "hello", "helo", "hi", "hey", "alo", "a lo", "alo alo",
                    "chao buoi sang", "chao buoi chieu", "chao buoi toi"),
            Kind.THANKS, Set.of("cam on", "cam onn", "thank", "thanks", "thank you", "thanks you", "tks", "thks",
                    "ok cam on", "oke cam on", "vang cam on", "xin cam on", "cam on da giup", "cam on da huong dan",
                    "cam on da giup do"),
            Kind.ACKNOWLEDGEMENT, Set.of("ok", "oke", "okie", "okay", "ok ok", "uh", "u", "um", "vang", "da", "da vang",
                    "duoc", "duoc roi", "hieu roi", "da hieu", "ro roi", "biet roi", "de toi thu", "de em thu"),
            Kind.GOODBYE, Set.of("tam biet", "bye", "bye bye", "bai", "bai bai", "hen gap lai"),
            Kind.IDENTITY, Set.of("la ai", "la gi", "la nguoi hay may", "la nguoi that khong", "la robot",
                    "lam duoc gi", "giup duoc gi", "giup gi duoc", "lam gi duoc", "co the lam gi", "co the giup gi",
                    "ho tro duoc gi", "ho tro gi", "biet lam gi", "huong dan su dung", "dung bot the nao",
                    "dung the nao", "hoi duoc gi", "hoi gi duoc", "tra loi duoc gi"));

    private static final Map<String, Kind> BY_PHRASE = PHRASES.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(p -> Map.entry(p, e.getKey())))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private SmallTalk() {}

    /** The friendly reply if the whole message is small talk. */
    static Optional<Reply> reply(String message) {
        return classify(message).map(KbReplies::smallTalk);
    }

    /** Takes forms of address and particles off the end, then off the front word by word, until a phrase matches. */
    static Optional<Kind> classify(String message) {
        if (message == null || message.length() > 80) return Optional.empty();
        List<String> words = new ArrayList<>(Arrays.asList(NON_WORD.split(Texts.fold(message))));
        words.removeIf(String::isEmpty);
        if (words.isEmpty()) return Optional.empty();
        while (words.size() > 1 && TRAILING.contains(words.get(words.size() - 1))) words.remove(words.size() - 1);
        while (true) {
            Kind kind = BY_PHRASE.get(String.join(" ", words));
            if (kind != null) return Optional.of(kind);
            if (words.size() == 1 || !LEADING.contains(words.get(0))) return Optional.empty();
            words.remove(0);
        }
    }
}
