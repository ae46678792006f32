package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;

class SourceHygieneTest {
    private static final Clock DEC_2026 = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate CHECKED = LocalDate.of(2026, 12, 2);

    @TempDir
    Path dir;

    private static List<String> findings(String url) {
        return SourceHygiene.findings(new Article.Source(url, CHECKED), new SourceHygiene.Change(LocalDate.of(2025, 7, 1),
                "hai cấp"), "dv04");
    }

    @Test
    void kbCheckWarnsOnAMergedProvincesPortalAndAGermanPage() throws Exception {
        BotConfig config = FactsTest.copyOfTheKnowledgeBase(dir);
        Path article = dir.resolve("vneid-quen-mat-khau.md");
        String text = Files.readString(article).replace("sources:\n", "sources:\n"
                + "  - url: https://www.vietnam.vn/de/huong-dan-cach-lay-lai-mat-khau-vneid\n    checked: 2026-11-30\n"
                + "  - url: https://congan.yenbai.gov.vn/tin-tuc/vneid-quen-mat-khau.html\n    checked: 2026-11-30\n");
        Files.writeString(article, text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = KbCli.check(config, dir, false, DEC_2026, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("warnings do not fail the check").isZero();
        int germanLine = text.lines().takeWhile(l -> !l.contains("/de/")).toList().size() + 1;
        assertThat(printed)
                .contains(article + ":" + germanLine + ": warning: source page is in another language")
                .contains(article + ":" + (germanLine + 2) + ": warning: source on the portal of 'yenbai', a province merged on 1/7/2025");
        assertThat(KbCli.check(config, dir, true, DEC_2026, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))).as("--strict fails on them").isEqualTo(1);
    }

    @Test
    void recognisesAbolishedDistrictsListingsAndOldPages() {
        assertThat(findings("http://linhtay.tpthuduc.hochiminhcity.gov.vn/thu-tuc/khai-tu")).singleElement().asString()
                .contains("'tpthuduc', a district-level unit");
        assertThat(findings("https://vinhtu.vinhlinh.quangtri.gov.vn/chi-tiet-tin/1")).singleElement().asString()
                .contains("'vinhlinh'");
        assertThat(findings("https://congan.nghean.gov.vn/tin-tuc/cu-tru.html")).isEmpty();
        assertThat(findings("https://conganbacgiang.gov.vn/a.html")).singleElement().asString().contains("'bacgiang'");
        assertThat(findings("https://thuvienphapluat.vn/x/tags.html?tagName=BHXH")).singleElement().asString()
                .contains("listing, tag or search page");
        assertThat(findings("https://dantri.com.vn/noi-vu/tro-cap-mai-tang-20250111064236113.htm")).singleElement().asString()
                .contains("published 2025-01-11 predates the last legal change of dv04 (2025-07-01, hai cấp)");
        assertThat(findings("https://dantri.com.vn/noi-vu/tro-cap-mai-tang-20260111064236113.htm")).isEmpty();
    }

    @Test
    void readsPublicationDatesFromNewsAddressesOrTheEditorsField() {
        assertThat(SourceHygiene.publishedFromUrl("https://thanhnien.vn/dau-nam-2025-cmnd-185241228224737565.htm"))
                .contains(LocalDate.of(2024, 12, 28));
        assertThat(SourceHygiene.publishedFromUrl("http://congan.nghean.gov.vn/cai-cach/202204/huong-dan-949071/index.htm"))
                .contains(LocalDate.of(2022, 4, 1));
        assertThat(SourceHygiene.publishedFromUrl("https://dichvucong.gov.vn/p/home/x.html?ma_thu_tuc=1.010915")).isEmpty();
        assertThat(SourceHygiene.findings(new Article.Source("https://dichvucong.gov.vn/p/x", CHECKED, LocalDate.of(2024, 1, 1)),
                new SourceHygiene.Change(LocalDate.of(2025, 7, 1), "hai cấp"), "dv04")).hasSize(1);
    }
}
