package vn.cdsbot.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cdsbot.campaign.Campaign;
import vn.cdsbot.campaign.Campaigns;
import vn.cdsbot.campaign.FigureRule;
import vn.cdsbot.period.Day;
import vn.cdsbot.period.Period;
import vn.cdsbot.period.Week;

/**
 * Which indicators a report for a period takes, so a member never types a number twice ({@link FigureRule}): a
 * campaign day takes the indicators of the campaigns running that day; a week takes the others, and those its days
 * have not carried yet.
 */
final class PeriodIndicators {
    /** The sum of a unit's daily figures of one indicator in a week, and on how many days it was given. */
    record DaySum(long sum, int days) {}

    private final Indicators indicators;

    PeriodIndicators(Indicators indicators) {
        this.indicators = indicators;
    }

    List<Campaign> campaigns(Connection c, LocalDate day) throws SQLException {
        return Campaigns.runningOn(c, day);
    }

    /** The indicators reported by day on {@code day}, in the configured order; empty when no campaign runs then. */
    List<Indicators.Indicator> daily(Connection c, LocalDate day) throws SQLException {
        Set<String> codes = new LinkedHashSet<>();
        for (Campaign campaign : campaigns(c, day)) codes.addAll(campaign.indicators());
        return indicators.all().stream().filter(i -> codes.contains(i.code())).toList();
    }

    /** Indicator code → what the unit's daily figures of the week add up to, for the indicators they gave. */
    Map<String, DaySum> coveredByDays(Connection c, String unit, Week week) throws SQLException {
        Map<String, long[]> acc = new LinkedHashMap<>();
        for (Reports.Report r : Reports.daysOf(c, unit, week)) {
            r.values().forEach((code, v) -> {
                long[] a = acc.computeIfAbsent(code, k -> new long[2]);
                a[0] += v;
                a[1]++;
            });
        }
        Map<String, DaySum> out = new LinkedHashMap<>();
        for (Indicators.Indicator i : indicators.all()) {
            long[] a = acc.get(i.code());
            if (a != null) out.put(i.code(), new DaySum(a[0], (int) a[1]));
        }
        return out;
    }

    /** The indicators a report of {@code unit} for {@code period} asks for and takes, in the configured order. */
    List<Indicators.Indicator> asked(Connection c, String unit, Period period) throws SQLException {
        if (period instanceof Day d) return daily(c, d.date());
        Set<String> covered = coveredByDays(c, unit, (Week) period).keySet();
        return indicators.all().stream().filter(i -> !covered.contains(i.code())).toList();
    }
}
