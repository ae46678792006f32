package vn.cdsbot.campaign;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.cdsbot.period.CampaignDays;

/**
 * A campaign: a named span of days, the indicators it tracks and (stored apart) a target per unit and indicator.
 * While it runs, teams report those indicators by day.
 */
public record Campaign(String code, String name, LocalDate first, LocalDate last, List<String> indicators,
                       String createdBy, long createdAt) {
    public Campaign {
        indicators = List.copyOf(indicators);
        if (indicators.isEmpty()) throw new IllegalArgumentException("a campaign tracks at least one indicator");
        if (last.isBefore(first)) throw new IllegalArgumentException("campaign ends before it starts");
    }

    public CampaignDays days() {
        return new CampaignDays(code, name, first, last);
    }

    public boolean runsOn(LocalDate day) {
        return days().contains(day);
    }

    public boolean ended(LocalDate today) {
        return today.isAfter(last);
    }

    public boolean started(LocalDate today) {
        return !today.isBefore(first);
    }

    /** Number of days in the campaign. */
    public int length() {
        return (int) days().length();
    }

    /** Days of the campaign up to and including {@code today} (0 before it starts, its length after it ends). */
    public int daysElapsed(LocalDate today) {
        if (today.isBefore(first)) return 0;
        if (today.isAfter(last)) return length();
        return (int) ChronoUnit.DAYS.between(first, today) + 1;
    }

    public boolean tracks(String indicator) {
        return indicators.contains(indicator);
    }
}
