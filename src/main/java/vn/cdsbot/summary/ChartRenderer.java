package vn.cdsbot.summary;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.period.Month;
import vn.cdsbot.period.Period;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.period.Week;

/**
 * Draws the trend chart: the indicator over the last weeks for the scope, and below it the child units for the
 * latest week, in one PNG; and a campaign's chart, done so far against the plan line. Text is drawn with
 * Liberation Sans (SIL OFL, shipped in the jar) so Vietnamese diacritics render the same on any server, headless or
 * not.
 */
final class ChartRenderer {
    static final int WIDTH = 1000;
    static final int MAX_BARS = 15;
    private static final Color BLUE = new Color(0x1f, 0x6f, 0xb5);
    private static final Color ORANGE = new Color(0xe0, 0x7b, 0x22);

    private final Font regular;
    private final Font bold;

    ChartRenderer() {
        this.regular = font("/liberation/LiberationSans-Regular.ttf");
        this.bold = font("/liberation/LiberationSans-Bold.ttf");
    }

    private static Font font(String resource) {
        try (InputStream in = ChartRenderer.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("font missing from the classpath: " + resource);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bad font " + resource, e);
        }
    }

    /**
     * One point of the trend: a week (or a month, on a year's chart), the total of the units that reported (null
     * when none did: a gap, never 0), how many reported, and whether it is still running (its total is so far).
     */
    record Point(Period period, Long value, int reported, boolean running) {}

    /** One bar: a child unit and its value in the latest week, null when none of its units reported. */
    record Bar(String label, Long value) {}

    /**
     * @param bars strongest first; only the first {@link #MAX_BARS} are drawn; empty draws the trend alone
     */
    byte[] render(String indicatorTitle, String scopeName, List<Point> trend, List<Bar> bars, int barsTotal) {
        Point latest = trend.get(trend.size() - 1);
        return render(indicatorTitle, scopeName, trend, bars, barsTotal, latest.period(), latest.running());
    }

    /** @param barsPeriod what the bars add up: the latest week, or the whole month, quarter or year charted */
    byte[] render(String indicatorTitle, String scopeName, List<Point> trend, List<Bar> bars, int barsTotal,
                  Period barsPeriod, boolean barsRunning) {
        JFreeChart top = trendChart(indicatorTitle, scopeName, trend);
        List<Bar> shown = bars.subList(0, Math.min(MAX_BARS, bars.size()));
        JFreeChart bottom = shown.isEmpty() ? null : barChart(barsPeriod, barsRunning, shown, barsTotal);
        int topHeight = 520;
        int bottomHeight = bottom == null ? 0 : 130 + 34 * shown.size();
        BufferedImage img = new BufferedImage(WIDTH, topHeight + bottomHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            top.draw(g, new Rectangle2D.Double(0, 0, WIDTH, topHeight));
            if (bottom != null) {
                g.setColor(new Color(0xdd, 0xdd, 0xdd));
                g.setStroke(new BasicStroke(2f));
                g.drawLine(20, topHeight, WIDTH - 20, topHeight);
                bottom.draw(g, new Rectangle2D.Double(0, topHeight, WIDTH, bottomHeight));
            }
        } finally {
            g.dispose();
        }
        return png(img);
    }

    /**
     * A campaign's chart: what was done, summed day after day up to today, against the plan — a straight line from 0
     * on the day before the first to the target on the last day — with today marked.
     *
     * @param cumulative per campaign day (index 0 = the first day) the sum so far; only days up to today are drawn
     * @param target the scope's target, null when none was given (no plan line)
     * @param today days of the campaign up to and including today (0 before it starts)
     */
    byte[] renderCampaign(String title, String subtitle, long[] cumulative, Long target, int today) {
        int length = cumulative.length;
        org.jfree.data.xy.XYSeries done = new org.jfree.data.xy.XYSeries("Đã làm (cộng dồn)");
        if (today > 0) done.add(0, 0);   // from the same origin as the plan
        for (int k = 0; k < Math.min(today, length); k++) done.add(k + 1, cumulative[k]);
        org.jfree.data.xy.XYSeriesCollection data = new org.jfree.data.xy.XYSeriesCollection(done);
        if (target != null) {
            org.jfree.data.xy.XYSeries plan = new org.jfree.data.xy.XYSeries("Kế hoạch (chỉ tiêu chia đều theo ngày)");
            plan.add(0, 0);
            plan.add(length, target);
            data.addSeries(plan);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "Ngày của chiến dịch", null, data,
                PlotOrientation.VERTICAL, true, false, false);
        theme().apply(chart);
        chart.addSubtitle(new TextTitle(subtitle, regular.deriveFont(16f)));
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setNumberFormatOverride(vietnameseNumbers());
        range.setUpperMargin(0.1);
        NumberAxis domain = (NumberAxis) plot.getDomainAxis();
        domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        domain.setRange(0, length + 0.5);
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
        r.setSeriesShapesVisible(0, length <= 31);   // a dot per day while days can be told apart
        r.setSeriesPaint(0, BLUE);
        r.setSeriesStroke(0, new BasicStroke(3f));
        r.setSeriesPaint(1, ORANGE);
        r.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        plot.setRenderer(r);
        if (today > 0 && today <= length) {
            org.jfree.chart.plot.ValueMarker mark = new org.jfree.chart.plot.ValueMarker(today, Color.GRAY, new BasicStroke(1.5f));
            mark.setLabel("Hôm nay (ngày " + today + ")");
            mark.setLabelFont(regular.deriveFont(14f));
            // Beside the line on the side with room: early in a campaign the left side is the axis.
            boolean early = today * 2 < length;
            mark.setLabelAnchor(early ? org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT : org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            mark.setLabelTextAnchor(early ? TextAnchor.TOP_LEFT : TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(mark);
        }
        BufferedImage img = new BufferedImage(WIDTH, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, 600));
        } finally {
            g.dispose();
        }
        return png(img);
    }

    private static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private JFreeChart trendChart(String indicatorTitle, String scopeName, List<Point> trend) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        // Under each week, how many units its point stands for; a week nobody reported stays a gap in the line,
        // and the running week, whose total is so far, is a separate orange point not joined to the line.
        String soFar = "Tuần đang diễn ra (tính đến hôm nay)";
        boolean anyRunning = trend.stream().anyMatch(p -> p.running() && p.value() != null);
        for (Point p : trend) {
            data.addValue(p.running() ? null : p.value(), indicatorTitle, category(p));
            if (anyRunning) data.addValue(p.running() ? p.value() : null, soFar, category(p));
        }
        Period first = trend.get(0).period();
        Period last = trend.get(trend.size() - 1).period();
        boolean months = first instanceof Month;
        String unit = months ? "tháng" : "tuần";
        JFreeChart chart = ChartFactory.createLineChart(indicatorTitle, null, null, data,
                PlotOrientation.VERTICAL, false, false, false);
        theme().apply(chart);
        chart.addSubtitle(new TextTitle(scopeName + " · " + trend.size() + " " + unit + ", từ "
                + VnDates.date(first.weeks().get(0).monday()) + " đến "
                + VnDates.date(last.weeks().get(last.weeks().size() - 1).sunday()), regular.deriveFont(16f)));
        String legend = months ? "Th = tháng (các tuần có thứ Năm trong tháng)" : "T = tuần";
        if (trend.get(trend.size() - 1).running()) {
            chart.addSubtitle(new TextTitle(legend + ", ĐV = số đơn vị đã báo cáo; * " + unit + " đang diễn ra (điểm cam): "
                    + "số liệu tính đến hôm nay", regular.deriveFont(14f)));
        } else {
            chart.addSubtitle(new TextTitle(legend + ", ĐV = số đơn vị đã báo cáo; " + unit + " chưa có báo cáo để trống",
                    regular.deriveFont(14f)));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        style(plot);
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        r.setSeriesPaint(0, BLUE);
        r.setSeriesStroke(0, new BasicStroke(3f));
        r.setSeriesPaint(1, ORANGE);
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        r.setDefaultShapesVisible(true);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", vietnameseNumbers()));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(regular.deriveFont(13f));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        ((NumberAxis) plot.getRangeAxis()).setUpperMargin(0.15);
        return chart;
    }

    private static String category(Point p) {
        String units = p.value() == null ? "chưa có" : p.reported() + " ĐV";
        String name = p.period() instanceof Month m ? "Th" + m.month().getMonthValue() : "T" + ((Week) p.period()).number();
        return name + (p.running() ? "*" : "") + "\n" + units;
    }

    private JFreeChart barChart(Period period, boolean running, List<Bar> bars, int barsTotal) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Bar b : bars) data.addValue(b.value(), "", b.value() == null ? b.label() + " (chưa báo cáo)" : b.label());
        String title = "Theo đơn vị trực thuộc – " + (period instanceof Week w ? "tuần " + w.number() + "/" + w.year() : period.typed())
                + (running ? " (đang diễn ra)" : "");
        JFreeChart chart = ChartFactory.createBarChart(title, null, null, data, PlotOrientation.HORIZONTAL,
                false, false, false);
        theme().apply(chart);
        if (barsTotal > bars.size()) {
            chart.addSubtitle(new TextTitle(bars.size() + " đơn vị cao nhất trong " + barsTotal, regular.deriveFont(15f)));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        style(plot);
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, ORANGE);
        r.setMaximumBarWidth(0.5);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", vietnameseNumbers()));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(regular.deriveFont(13f));
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        ((NumberAxis) plot.getRangeAxis()).setUpperMargin(0.12);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setMaximumCategoryLabelWidthRatio(0.35f);
        return chart;
    }

    private void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xcc, 0xcc, 0xcc));
        plot.setOutlineVisible(false);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setNumberFormatOverride(vietnameseNumbers());
    }

    private StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("cdsbot");
        t.setExtraLargeFont(bold.deriveFont(22f));
        t.setLargeFont(bold.deriveFont(16f));
        t.setRegularFont(regular.deriveFont(14f));
        t.setSmallFont(regular.deriveFont(12f));
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        return t;
    }

    /** 1.234 with a dot, as Vietnamese readers expect. */
    static NumberFormat vietnameseNumbers() {
        return VnFormat.integers();
    }
}
