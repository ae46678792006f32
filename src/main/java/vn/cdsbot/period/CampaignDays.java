package vn.cdsbot.period;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The days of a campaign, first to last inclusive: a period like a week, named by the campaign's code. */
public record CampaignDays(String code, String name, LocalDate first, LocalDate last) implements Period {
    public CampaignDays {
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(name, "name == null");
        if (last.isBefore(first)) throw new IllegalArgumentException("campaign ends before it starts: " + first + ".." + last);
    }

    public long length() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The span of the same length just before: what "so với kỳ trước" compares a campaign with. */
    @Override
    public CampaignDays previous() {
        return new CampaignDays(code, name, first.minusDays(length()), first.minusDays(1));
    }

    @Override
    public CampaignDays next() {
        return new CampaignDays(code, name, last.plusDays(1), last.plusDays(length()));
    }

    /** "chiến dịch CD1 “90 ngày, đêm VNeID” (01/12/2026–28/02/2027)". */
    @Override
    public String label() {
        return "chiến dịch " + code + " “" + name + "” (" + VnDates.range(first, last) + ")";
    }

    /** "chiến dịch CD1". */
    @Override
    public String typed() {
        return "chiến dịch " + code;
    }

    @Override
    public String toString() {
        return code;
    }
}
