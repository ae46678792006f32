package vn.cdsbot.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.QuestionAnswerer;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.webhook.EventParser;
import vn.cdsbot.webhook.WebhookEvent;
import vn.cdsbot.zalo.TextSplitter;

/**
 * Properties of everything that touches text typed by strangers: arbitrary Unicode (lone surrogates included),
 * emoji, control characters, huge numbers and 10,000-character messages never make an exception escape, and
 * what comes out is well-formed.
 */
class HostileInputProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NASTY = List.of("#", "/", "#báo cáo", "# trogiup", "/BAO  CAO", "#xuất", "hotro=",
            "vneid=-5", "99999999999999999999999999", "1e400", "😀", "👨‍👩‍👧‍👦", "🇻🇳", "\u0000", "\u0007", "\u001B[2J",
            "\u202E", "\u200B", "\u200D", "\uFEFF", "e\u0301", "Đ", "đ", "İ", "ß", "ǅ", "\uD800", "\uDC00", "\uDBFF\uDFFF",
            " ", "\t", "\r\n", "\u00A0", "\u2028", "\u3000", "%s", "'; DROP TABLE inbox; --", "Ꮖ", "ﬁ", "Å", "Ω");

    // ---------- generators

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of(NASTY),
                Arbitraries.strings().withCharRange('\u1EA0', '\u1EF9').withChars("aăâeêioôơuưy ").ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u0300', '\u036F').ofMaxLength(8),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(60));
        Arbitrary<String> mixed = piece.list().ofMaxSize(30).map(l -> String.join("", l));
        Arbitrary<String> huge = Combinators.combine(piece, Arbitraries.integers().between(9_000, 10_000))
                .as((p, n) -> (p.isEmpty() ? "x" : p).repeat(n / Math.max(1, p.length()) + 1).substring(0, n));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, mixed), net.jqwik.api.Tuple.of(1, huge));
    }

    /** Text without lone surrogates, as a well-behaved client would send it. */
    @Provide
    Arbitrary<String> wellFormedText() {
        return hostileText().map(s -> s.codePoints()
                .filter(cp -> !(cp >= 0xD800 && cp <= 0xDFFF))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    @Provide
    Arbitrary<byte[]> webhookBodies() {
        Arbitrary<String> value = Arbitraries.oneOf(hostileText().map(JsonText::quote),
                Arbitraries.of("null", "true", "[]", "{}", "0", "-1", "1.5", "1e400", "9".repeat(70), "[[[[[[1]]]]]]"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30));
        Arbitrary<String> field = Arbitraries.of("app_id", "event_name", "timestamp", "sender", "message", "user_id",
                "follower", "x", "app_id", "event_name");
        Arbitrary<String> object = Combinators.combine(field, value).as((f, v) -> "\"" + f + "\":" + v)
                .list().ofMaxSize(8).map(kv -> "{" + String.join(",", kv) + "}");
        Arbitrary<String> nested = object.map(o -> o.replace("\"message\":", "\"message\":{\"text\":").replaceAll("}$", "}}"));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(500);
        return Arbitraries.oneOf(object.map(s -> s.getBytes(StandardCharsets.UTF_8)),
                nested.map(s -> s.getBytes(StandardCharsets.UTF_8)), raw,
                hostileText().map(t -> validEvent(t).getBytes(StandardCharsets.UTF_8)));
    }

    private static String validEvent(String text) {
        ObjectNode e = JSON.createObjectNode();
        e.put("app_id", "app").put("event_name", "user_send_text").put("timestamp", "1700000000000");
        e.putObject("sender").put("id", "u1");
        e.putObject("message").put("text", text).put("msg_id", "m1");
        return e.toString();
    }

    /** JSON string literal for any Java string, lone surrogates written as escapes. */
    private static final class JsonText {
        static String quote(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) sb.append(String.format("\\u%04x", (int) c));
                else sb.append(c);
            }
            return sb.append('"').toString();
        }
    }

    // ---------- EventParser

    @Property(tries = 1000)
    void theParserAcceptsOrRejectsButNeverThrowsAnythingElse(@ForAll("webhookBodies") byte[] body) {
        WebhookEvent event;
        try {
            event = EventParser.parse(body);
        } catch (EventParser.BadEvent e) {
            return;
        }
        assertThat(event.eventName()).isNotEmpty();
        assertThat(event.timestamp()).matches("\\d{1,20}");
        assertThat(event.appId()).isNotNull();
        assertThat(event.text()).isNotNull();
        assertThat(event.dedupeKey()).isNotEmpty();
    }

    // ---------- ChatRouter

    @Property(tries = 800)
    void theRouterAlwaysAnswersInWellFormedTextAndOnlyRunsAllowedCommands(
            @ForAll("hostileText") String text, @ForAll Role role) throws Exception {
        List<String> ran = new ArrayList<>();
        Command member = new Command("baocao", List.of("bao cao"), Command.atLeast(Role.MEMBER), "#baocao — báo cáo",
                call -> {
                    ran.add("baocao");
                    return List.of(Reply.text("Đã nhận: " + call.args()));
                });
        Command secretariat = new Command("xuat", List.of(), EnumSet.of(Role.SECRETARIAT, Role.ADMIN), "#xuat — xuất",
                call -> {
                    ran.add("xuat");
                    return List.of(Reply.text("Xuất"));
                });
        QuestionAnswerer kb = (m, s, tx) -> {
            ran.add("kb");
            return List.of(Reply.text("Câu hỏi của bạn: " + m.text()));
        };
        ChatRouter router = new ChatRouter(List.of(member, secretariat), (u, tx) -> new Sender(u, role, null, null), kb,
                Clock.systemUTC());

        List<Reply> replies = router.handle(new Incoming(1, "u1", text, Instant.EPOCH), null);

        assertThat(replies).isNotEmpty();
        for (Reply r : replies) {
            String t = ((Reply.Text) r).text();
            assertThat(t).isNotBlank();
            assertThat(Normalizer.isNormalized(t, Normalizer.Form.NFC)).isTrue();
        }
        if (ran.contains("baocao")) assertThat(Command.atLeast(Role.MEMBER)).contains(role);
        if (ran.contains("xuat")) assertThat(role).isIn(Role.SECRETARIAT, Role.ADMIN);
        assertThat(ran).hasSizeLessThanOrEqualTo(1);
        if (!ChatRouter.isCommand(Texts.nfc(text).strip())) assertThat(ran).containsExactly("kb");
    }

    // ---------- TextSplitter

    @Property(tries = 400)
    void splitPartsFitTheLimitAndLoseNothingButWhitespace(@ForAll("wellFormedText") String text,
                                                          @ForAll @IntRange(min = 1, max = 2000) int limit) {
        List<String> parts = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TextSplitter.split(text, limit));
        assertThat(parts).isNotEmpty();
        for (String p : parts) {
            assertThat(p.codePointCount(0, p.length())).isLessThanOrEqualTo(limit);
            assertThat(hasLoneSurrogate(p)).as("a surrogate pair was cut").isFalse();
            if (parts.size() > 1) assertThat(p).isNotBlank();
        }
        assertThat(withoutWhitespace(String.join("", parts))).isEqualTo(withoutWhitespace(Texts.nfc(text)));
    }

    @Property(tries = 300)
    void splittingArbitraryCharsNeverHangsOrThrows(@ForAll("hostileText") String text,
                                                   @ForAll @IntRange(min = 1, max = 2000) int limit) {
        List<String> parts = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TextSplitter.split(text, limit));
        for (String p : parts) assertThat(p.codePointCount(0, p.length())).isLessThanOrEqualTo(limit);
    }

    // ---------- Texts.fold

    @Property(tries = 800)
    void foldingGivesLowercaseWordsWithoutMarksAndIsStable(@ForAll("hostileText") String text) {
        String f = Texts.fold(text);
        assertThat(f).doesNotContain("  ");
        assertThat(f).isEqualTo(f.strip().isEmpty() ? f : f.trim());
        assertThat(f.codePoints().noneMatch(cp -> Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.ENCLOSING_MARK || Character.getType(cp) == Character.COMBINING_SPACING_MARK))
                .as("no combining marks in %s", f).isTrue();
        assertThat(f).isEqualTo(f.toLowerCase(java.util.Locale.ROOT));
        assertThat(Texts.fold(f)).as("fold is idempotent").isEqualTo(f);
        assertThat(Texts.fold(Texts.nfc(text))).as("NFC or not, the same").isEqualTo(f);
    }

    private static String withoutWhitespace(String s) {
        return s.codePoints().filter(cp -> !Character.isWhitespace(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return true;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
