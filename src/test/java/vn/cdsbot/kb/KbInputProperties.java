package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.storage.Database;

/**
 * Hostile questions to the knowledge base: the question analyzers never throw on arbitrary Unicode or 10,000
 * characters, fold away every Vietnamese diacritic, and give the same tokens for NFC and NFD; the real knowledge base always
 * answers, clarifies or says it does not know, in Vietnamese.
 */
class KbInputProperties {
    private static final Pattern VIETNAMESE = Pattern.compile(
            "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", Pattern.CASE_INSENSITIVE);
    private static final List<String> NASTY = List.of("căn cước", "CCCD", "vneid", "VNeID", "khai sinh", "?", "*", ":",
            "\"", "(", ")", "-", "+", "~", "AND", "OR", "NOT", "\\", "/", "[", "{", "^", "😀", "👨‍👩‍👧‍👦", "\u0000", "\u0007",
            "\u001B[2J", "\u202E", "\u200B", "\uFEFF", "e\u0301", "\uD800", "\uDC00", "\r\n", "\t", "\u00A0", "Đ", "ß", "İ",
            "ﬁ", "Å", "Ω", "99999999999999999999", "'; DROP TABLE inbox; --");

    /** The marks Vietnamese spelling uses: grave, acute, circumflex, tilde, breve, hook above, horn, dot below. */
    private static final String DIACRITICS = "[\\u0300\\u0301\\u0302\\u0303\\u0306\\u0309\\u031B\\u0323]";
    private static Path dir;
    private static Database db;
    private static KbFeature kb;
    private static final AtomicLong IDS = new AtomicLong();

    @BeforeContainer
    static void open() throws Exception {
        dir = Files.createTempDirectory("kb-props");
        BotConfig config = PeopleFixture.config(dir);
        db = PeopleFixture.database(config, Clock.systemUTC());
        kb = KbFeature.create(config, Clock.systemUTC());
    }

    @AfterContainer
    static void close() throws Exception {
        kb.close();
        db.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> question() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(NASTY),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u1EA0', '\u1EF9').withChars("aăâeêioôơuưy ").ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0300', '\u036F').ofMaxLength(6),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30));
        Arbitrary<String> mixed = piece.list().ofMaxSize(20).map(l -> String.join(" ", l));
        Arbitrary<String> huge = Combinators.combine(piece, Arbitraries.integers().between(9_000, 10_000))
                .as((p, n) -> (p.isBlank() ? "căn cước " : p + " ").repeat(n / (p.length() + 1) + 1).substring(0, n));
        return Arbitraries.frequencyOf(Tuple.of(8, mixed), Tuple.of(1, huge));
    }

    @Property(tries = 500)
    void theAnalyzersNeverThrowKeepNoMarkAndIgnoreTheNormalForm(@ForAll("question") String text) {
        List<String> folded = VietnameseAnalyzers.analyze(VietnameseAnalyzers.folded(), text);
        // Vietnamese tone and vowel marks are folded away wherever they stand; marks of other scripts (Lao vowel
        // signs, medieval superscript letters) are part of their letters and may stay.
        for (String t : folded) assertThat(t).isNotEmpty().doesNotContainPattern(DIACRITICS);
        for (String t : VietnameseAnalyzers.analyze(VietnameseAnalyzers.accented(), text)) {
            // Marks stay on this field, composed with their letter where Unicode can (İ folds to i + U+0307: it cannot).
            assertThat(t).isNotEmpty();
            assertThat(Normalizer.isNormalized(t, Normalizer.Form.NFC)).as("NFC: %s", t).isTrue();
        }
        VietnameseAnalyzers.analyze(VietnameseAnalyzers.foldedBigrams(), text);
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        assertThat(VietnameseAnalyzers.analyze(VietnameseAnalyzers.folded(), nfd)).isEqualTo(VietnameseAnalyzers.analyze(VietnameseAnalyzers.folded(), nfc));
        assertThat(VietnameseAnalyzers.analyze(VietnameseAnalyzers.accented(), nfd))
                .isEqualTo(VietnameseAnalyzers.analyze(VietnameseAnalyzers.accented(), nfc));
    }

    @Property(tries = 200)
    void everyQuestionGetsAnAnswerInVietnamese(@ForAll("question") String text) {
        String user = "asker-" + IDS.incrementAndGet();
        List<Reply> replies = db.inTransaction(tx -> kb.answerer().answer(
                new Incoming(IDS.incrementAndGet(), user, text, Instant.now()), new Sender(user, Role.CITIZEN, null, null), tx));
        assertThat(replies).isNotEmpty();
        for (Reply r : replies) {
            String t = ((Reply.Text) r).text();
            assertThat(t).isNotBlank().doesNotContain("Exception");
            assertThat(Normalizer.isNormalized(t, Normalizer.Form.NFC)).isTrue();
            assertThat(VIETNAMESE.matcher(t).find()).as("Vietnamese: %s", t).isTrue();
        }
    }
}
