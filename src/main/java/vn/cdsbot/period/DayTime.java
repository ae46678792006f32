package vn.cdsbot.period;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import vn.cdsbot.config.ConfigException;

/** A weekly moment from the config, "MONDAY 12:00": a deadline, a reminder slot, a digest slot. */
public record DayTime(DayOfWeek day, LocalTime time) {

    /** @param key the config key, named in the error */
    public static DayTime parse(String text, String key) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
        if (parts.length == 2) {
            try {
                return new DayTime(DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)), LocalTime.parse(parts[1]));
            } catch (RuntimeException e) {
                // fall through to the message below
            }
        }
        throw new ConfigException(key + ": expected a day and a time like \"MONDAY 12:00\", got '" + text + "'");
    }

    /** The first such moment after {@code week} has ended: "MONDAY 12:00" is the next Monday noon. */
    public Instant after(Week week, ZoneId zone) {
        return week.monday().plusWeeks(1).with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(zone).toInstant();
    }

    /** The latest such moment at or before {@code now}. */
    public Instant latestAtOrBefore(Instant now, ZoneId zone) {
        ZonedDateTime z = now.atZone(zone);
        ZonedDateTime candidate = z.toLocalDate().with(TemporalAdjusters.previousOrSame(day)).atTime(time).atZone(zone);
        if (candidate.toInstant().isAfter(now)) candidate = candidate.minusWeeks(1);
        return candidate.toInstant();
    }

    /** "12:00 thứ Hai". */
    public String vietnamese() {
        return time + " " + VnDates.weekday(day);
    }
}
