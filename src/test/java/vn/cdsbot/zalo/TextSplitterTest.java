package vn.cdsbot.zalo;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {
    private static final String SENTENCE = "Người dân mang thẻ căn cước đến Công an cấp xã để làm thủ tục đăng ký thường trú. ";

    @Test
    void shortTextIsOnePart() {
        assertThat(TextSplitter.split("Xin chào", 2000)).containsExactly("Xin chào");
    }

    @Test
    void splitsLongVietnameseOnParagraphsWithinTheLimit() {
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < 8; p++) {
            sb.append(p + 1).append(". ").append(SENTENCE.repeat(4)).append("\n\n");
        }
        List<String> parts = TextSplitter.split(sb.toString(), 2000);
        assertThat(parts).hasSizeGreaterThan(1);
        for (String part : parts) {
            assertThat(part.codePointCount(0, part.length())).isLessThanOrEqualTo(2000);
            assertThat(part).matches("(?s)\\d+\\. .*\\.");  // whole paragraphs
        }
        assertThat(String.join("", parts).replaceAll("\\s", "")).isEqualTo(sb.toString().replaceAll("\\s", ""));
    }

    @Test
    void countsAfterNfcSoDecomposedTextIsNotSplitEarly() {
        String nfc = SENTENCE.repeat(20).strip();               // about 1,700 code points in NFC
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd.length()).isGreaterThan(2000);
        assertThat(TextSplitter.split(nfd, 2000)).containsExactly(nfc);
    }

    @Test
    void splitsOnSentencesWhenThereAreNoParagraphs() {
        List<String> parts = TextSplitter.split(SENTENCE.repeat(60), 2000);
        for (String part : parts) {
            assertThat(part).endsWith(".");
            assertThat(part.codePointCount(0, part.length())).isLessThanOrEqualTo(2000);
        }
    }

    @Test
    void neverCutsASurrogatePair() {
        String emoji = "😀".repeat(1500);   // 3,000 UTF-16 units, 1,500 code points per run
        List<String> parts = TextSplitter.split(emoji + emoji, 2000);
        for (String part : parts) {
            assertThat(Character.isLowSurrogate(part.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
            assertThat(part.codePointCount(0, part.length())).isLessThanOrEqualTo(2000);
        }
        assertThat(String.join("", parts)).isEqualTo(emoji + emoji);
    }
}
