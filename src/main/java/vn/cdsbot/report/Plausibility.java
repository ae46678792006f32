package vn.cdsbot.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.cdsbot.period.Period;

/**
 * Values worth a second look before they count: far above the unit's recent average (the last four current
 * reports), or more VNeID accounts guided than residents helped. These ask for an explicit second
 * confirmation; they are never refused, since a big week can be real.
 */
final class Plausibility {
    static final int RECENT_REPORTS = 4;

    private final Indicators indicators;
    private final double factor;
    private final long minimum;

    Plausibility(Indicators indicators, double factor, long minimum) {
        if (factor <= 1) throw new vn.cdsbot.config.ConfigException("reporting.plausibility_factor must be above 1");
        this.indicators = indicators;
        this.factor = factor;
        this.minimum = minimum;
    }

    List<String> warnings(Connection c, String unitCode, Period period, Map<String, Long> values) throws SQLException {
        List<String> out = new ArrayList<>();
        List<Reports.Report> recent = Reports.recentBefore(c, unitCode, period, RECENT_REPORTS);
        for (Indicators.Indicator ind : indicators.all()) {
            Long v = values.get(ind.code());
            if (v == null || v < minimum) continue;
            List<Long> past = recent.stream().map(r -> r.values().get(ind.code())).filter(x -> x != null).toList();
            if (past.isEmpty()) continue;
            double avg = past.stream().mapToLong(Long::longValue).average().orElse(0);
            if (v > factor * avg) out.add(ReportTexts.farAboveAverage(ind, v, avg, past.size(), period instanceof vn.cdsbot.period.Day));
        }
        Long vneid = values.get("vneid");
        Long hotro = values.get("hotro");
        if (vneid != null && hotro != null && vneid > hotro
                && indicators.byCode("vneid").isPresent() && indicators.byCode("hotro").isPresent()) {
            out.add(ReportTexts.vneidAboveHelped(indicators.byCode("vneid").get(), vneid,
                    indicators.byCode("hotro").get(), hotro));
        }
        return out;
    }
}
