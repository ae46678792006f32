package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseAnalyzersTest {
    private static final Analyzer ACCENTED = VietnameseAnalyzers.accented();
    private static final Analyzer FOLDED = VietnameseAnalyzers.folded();
    private static final Analyzer BIGRAMS = VietnameseAnalyzers.foldedBigrams();

    private static List<String> accented(String s) {
        return VietnameseAnalyzers.analyze(ACCENTED, s);
    }

    private static List<String> folded(String s) {
        return VietnameseAnalyzers.analyze(FOLDED, s);
    }

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @Test
    void nfdInputGivesTheSameTokensAsNfcForEveryTitleAndQuestionOfTheKnowledgeBase() {
        KbLoader.Snapshot kb = KbLoader.load(Path.of("knowledge-base"), LocalDate.of(2026, 11, 23), 100_000);
        assertThat(kb.articles()).isNotEmpty();
        for (Article a : kb.articles()) {
            for (String text : concat(a.title(), a.questions())) {
                assertThat(accented(nfd(text))).as(text).isEqualTo(accented(text));
                assertThat(folded(nfd(text))).as(text).isEqualTo(folded(text));
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    @ParameterizedTest
    @CsvSource({
            "hoà giải, hòa giải",
            "HOÀ GIẢI, hòa giải",
            "thuỷ lợi, thủy lợi",
            "Uỷ ban nhân dân, Ủy ban nhân dân",
            "khoẻ mạnh, khỏe mạnh",
            "Đăng ký, đăng ký",
    })
    void toneMarkPlacementAndCaseDoNotMatterOnEitherField(String a, String b) {
        assertThat(accented(a)).isEqualTo(accented(b));
        assertThat(folded(a)).isEqualTo(folded(b));
    }

    @Test
    void dWithStrokeFoldsToD() {
        assertThat(folded("Đăng ký ĐỊNH DANH")).containsExactly("dang", "ki", "dinh", "danh");
        assertThat(folded("đăng ký định danh")).isEqualTo(folded("dang ky dinh danh"));
        // The accented field keeps đ: "đi" and "di" are different words there.
        assertThat(accented("Đi")).containsExactly("đi");
    }

    @ParameterizedTest
    @CsvSource({"đăng kí, đăng ký", "lí lịch tư pháp, lý lịch tư pháp", "qui định, quy định", "kì thi, kỳ thi",
            "dang ki, đăng ký"})
    void iAndYSpellingsMeetOnTheFoldedField(String a, String b) {
        assertThat(folded(a)).isEqualTo(folded(b));
    }

    @Test
    void zeroWidthAndNonBreakingSpacesAreIgnored() {
        String plain = "đăng ký thường trú";
        assertThat(accented("đăng\u00A0ký thường\u00A0trú")).isEqualTo(accented(plain));
        assertThat(folded("đăng\u00A0ký thường\u00A0trú")).isEqualTo(folded(plain));
        assertThat(accented("\u200Bđăng ký\u200B thường trú\uFEFF")).isEqualTo(accented(plain));
        assertThat(folded("đăng\u200B ký thường\u200C trú")).isEqualTo(folded(plain));
    }

    @Test
    void keepsNumbersCodesAndBrandNamesAsSingleTokens() {
        assertThat(folded("Gọi 0912.345.678, mẫu CT01, bằng B2, app VNeID"))
                .contains("0912.345.678", "ct01", "b2", "vneid");
    }

    @Test
    void bigramsPairAdjacentFoldedSyllables() {
        assertThat(VietnameseAnalyzers.analyze(BIGRAMS, "Cấp lại căn cước")).containsExactly("cap lai", "lai can", "can cuoc");
    }

    @Property(tries = 300)
    void noTokenEverKeepsACombiningMark(@ForAll("vietnamese") String text) {
        for (String form : List.of(text, nfd(text), Normalizer.normalize(text, Normalizer.Form.NFKD))) {
            for (String t : folded(form)) {
                assertThat(t).isNotEmpty().doesNotContainPattern("\\p{M}").doesNotContain("đ");
            }
            for (String t : accented(form)) {
                assertThat(t).isNotEmpty().doesNotContainPattern("[\\u0300-\\u036F]");
                assertThat(Normalizer.isNormalized(t, Normalizer.Form.NFC)).isTrue();
            }
            assertThat(accented(form)).isEqualTo(accented(text));
        }
    }

    @Provide
    Arbitrary<String> vietnamese() {
        String letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
                + "AÀÁĂẮÂẦĐÊẾÔỐƠỚƯỨ0123456789      .,?\u00A0\u200B";
        return Arbitraries.strings().withChars(letters.toCharArray()).ofMinLength(1).ofMaxLength(40);
    }
}
