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

    @Test
    void countsUtf16UnitsSoEmojiCountTwiceAndKeepsUnderZalosLimitWithAMargin() {
        String line = "👍 Đã nhận báo cáo của tổ. ";
        List<String> parts = TextSplitter.split(line.repeat(150), TextSplitter.ZALO_LIMIT);
        assertThat(parts).hasSizeGreaterThan(1);
        for (String part : parts) assertThat(part.length()).isLessThanOrEqualTo(TextSplitter.ZALO_MAX - 100);
    }

    @Test
    void aLongListLineIsCutBetweenItemsNeverInsideAUnitName() {
        StringBuilder sb = new StringBuilder("Bot không nhắn được 108 tổ: ");
        for (int i = 0; i < 120; i++) sb.append(i == 0 ? "" : ", ").append("Xã Tân Hưng ").append(i).append(" (chưa ai đăng ký)");
        List<String> parts = TextSplitter.split(sb.toString(), TextSplitter.ZALO_LIMIT);
        assertThat(parts).hasSizeGreaterThan(1);
        for (String part : parts) {
            assertThat(part).matches("(?s)(Bot không nhắn được 108 tổ: )?Xã Tân Hưng \\d+ \\(chưa ai đăng ký\\)(, Xã Tân Hưng \\d+ \\(chưa ai đăng ký\\))*,?");
        }
    }

    @Test
    void cutsAtLineEndsBeforeAnythingElse() {
        String line = "Phường Tân Bình (BP-DXO-01): đã nhắc 1 người, còn 2 người chưa nhắn OA.\n";
        List<String> parts = TextSplitter.split(line.repeat(60), TextSplitter.ZALO_LIMIT);
        for (String part : parts) assertThat(part + "\n").isEqualTo(line.repeat((part.length() + 1) / line.length()));
    }
}
