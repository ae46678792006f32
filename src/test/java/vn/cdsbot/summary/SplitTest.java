package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.Week;

/** No message over 2,000 characters, and cuts only between units. */
class SplitTest {
    static final Week W = new Week(LocalDate.of(2026, 11, 16));

    @TempDir
    Path dir;

    @Test
    void packsBlocksWithoutCuttingThem() {
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < 40; i++) blocks.add("Khối " + i + "\n" + "x".repeat(150 + i * 7));
        List<String> messages = Pager.pack(blocks, "Tổng hợp tuần 47/2026 – Tỉnh");
        assertThat(messages).hasSizeGreaterThan(3);
        for (int i = 0; i < messages.size(); i++) {
            assertThat(Pager.length(messages.get(i))).isLessThanOrEqualTo(2000);
            if (i > 0) assertThat(messages.get(i)).startsWith("(tiếp) Tổng hợp tuần 47/2026 – Tỉnh\n\n");
        }
        // Every block appears whole in exactly one message.
        for (String b : blocks) assertThat(messages.stream().filter(m -> m.contains(b)).count()).isEqualTo(1);
        // A block longer than a message is cut at line ends, never lost.
        String huge = String.join("\n", java.util.Collections.nCopies(300, "dòng dài có dấu tiếng Việt"));
        List<String> cut = Pager.pack(List.of(huge), "x");
        assertThat(cut).allSatisfy(m -> assertThat(Pager.length(m)).isLessThanOrEqualTo(2000));
        assertThat(String.join("\n", cut).split("dòng dài", -1)).hasSize(301);
    }

    @Test
    void longSummaryAndMissingListSplitOnUnitBoundaries() throws Exception {
        try (TestData t = new TestData(dir)) {
            t.unit("P", "Tỉnh Bình Phước", null, "province");
            int groups = 28;
            for (int g = 0; g < groups; g++) {
                String code = "G" + g;
                t.unit(code, "Cụm liên xã số " + g + " gồm các phường xã phía bắc và phía nam của tỉnh", "P", "group");
                for (int c = 0; c < 5; c++) {
                    String cc = code + "-" + c;
                    t.unit(cc, "Xã Thuận Lợi Đồng Tâm Tân Lập số " + g + "." + c, code, "commune");
                    if (c < 2) t.report(cc, W, 1000L * g + c, 2, 3, 4, 5);
                }
            }
            t.member("sec", "P", "secretariat", "VP");
            for (int g = 0; g < groups; g++) t.member("lead" + g, "G" + g + "-4", "leader", "Nguyễn Thị Ngọc Ánh " + g);
            Settings settings = Settings.from(TestData.config(dir), vn.cdsbot.period.ReportingCalendar.from(TestData.config(dir)));
            Summarizer s = new Summarizer(settings);
            SummaryTexts texts = new SummaryTexts(settings);
            UnitTree tree = t.read(UnitTree::load);
            ScopeSummary sum = t.read(c -> s.summarize(c, tree, tree.root(), W, true, SummarizerTest.NOW));

            List<String> messages = texts.summary(sum, tree);
            assertThat(messages).hasSizeGreaterThan(2);
            assertThat(messages).allSatisfy(m -> assertThat(Pager.length(m)).isLessThanOrEqualTo(2000));
            for (int g = 0; g < groups; g++) {
                // The unit's heading line and its figures are in the same message.
                String heading = "Cụm liên xã số " + g + " gồm các phường xã phía bắc và phía nam của tỉnh: 2/5 đã báo cáo\n"
                        + "Hỗ trợ " + VnFormat.number(2000L * g + 1);
                assertThat(messages.stream().filter(m -> m.contains(heading)).count()).as("group %d", g).isEqualTo(1);
            }
            String all = String.join("\n", messages);
            assertThat(all).contains("Chưa báo cáo (84):").contains("… và 74 đơn vị khác.");
            assertThat(all.indexOf("số 27 gồm")).isLessThan(all.indexOf("số 0 gồm")); // strongest first

            List<String> missing = texts.missingList(sum, tree, t.read(vn.cdsbot.people.Members::leaderNames));
            assertThat(missing).hasSizeGreaterThan(2);
            assertThat(missing).allSatisfy(m -> assertThat(Pager.length(m)).isLessThanOrEqualTo(2000));
            for (int g = 0; g < groups; g++) {
                String line = "– Xã Thuận Lợi Đồng Tâm Tân Lập số " + g + ".4 (G" + g + "-4): tổ trưởng Nguyễn Thị Ngọc Ánh " + g;
                assertThat(missing.stream().filter(m -> m.contains(line)).count()).isEqualTo(1);
            }
        }
    }

    @Test
    void manyChildUnitsShowTheStrongestAndTheWeakest() throws Exception {
        try (TestData t = new TestData(dir)) {
            t.unit("P", "Tỉnh", null, "province");
            for (int i = 0; i < 45; i++) {
                t.unit(String.format("C%02d", i), "Xã " + i, "P", "commune");
                t.report(String.format("C%02d", i), W, i, 0, 0, 0, 0);
            }
            Settings settings = Settings.from(TestData.config(dir), vn.cdsbot.period.ReportingCalendar.from(TestData.config(dir)));
            UnitTree tree = t.read(UnitTree::load);
            ScopeSummary sum = t.read(c -> new Summarizer(settings).summarize(c, tree, tree.root(), W, true, SummarizerTest.NOW));
            String all = String.join("\n", new SummaryTexts(settings).summary(sum, tree));
            assertThat(all).contains("1. Xã 44:").contains("20. Xã 25:").doesNotContain("21. Xã 24:")
                    .contains("… 15 đơn vị ở giữa bảng xếp hạng").contains("36. Xã 9:").contains("45. Xã 0:");
        }
    }
}
