package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.cdsbot.period.Week;

class ChartTest {
    @Test
    void validPngUnderOneMegabyteEvenWithManyUnits() throws Exception {
        Random rnd = new Random(7);
        Week last = new Week(LocalDate.of(2026, 11, 16));
        List<ChartRenderer.Point> trend = new ArrayList<>();
        for (int i = 11; i >= 0; i--) trend.add(new ChartRenderer.Point(last.plusWeeks(-i), 10_000L + rnd.nextInt(90_000), 111, false));
        List<ChartRenderer.Bar> bars = new ArrayList<>();
        for (int i = 0; i < 120; i++) bars.add(new ChartRenderer.Bar("Xã Đồng Xoài Tân Thành Phước Long số " + i, (long) rnd.nextInt(5000)));
        bars.sort((a, b) -> Long.compare(b.value(), a.value()));
        byte[] png = new ChartRenderer().render("Lượt người dân được hỗ trợ", "Tỉnh Bình Phước", trend, bars, bars.size());
        assertThat(png.length).isLessThan(1_000_000);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(ChartRenderer.WIDTH);
        assertThat(img.getHeight()).isEqualTo(520 + 130 + 34 * ChartRenderer.MAX_BARS);
        // Not blank: the line and the bars are drawn in colour.
        int coloured = 0;
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) coloured++;
            }
        }
        assertThat(coloured).isGreaterThan(500);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "chart-many-units.png"), png);
    }

    @Test
    void theBundledFontHasVietnameseGlyphs() {
        java.awt.Font f = loadFont();
        for (String s : List.of("Tuần", "Lượt hỗ trợ", "Đồng Xoài", "Phường Tân Bình", "ợ ữ ỹ ậ ể")) {
            assertThat(f.canDisplayUpTo(s)).as(s).isEqualTo(-1);
        }
    }

    private static java.awt.Font loadFont() {
        try (var in = ChartRenderer.class.getResourceAsStream("/liberation/LiberationSans-Regular.ttf")) {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
