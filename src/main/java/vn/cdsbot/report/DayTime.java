package vn.cdsbot.report;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import vn.cdsbot.config.ConfigException;

/** A weekly moment from the config, e.g. "MONDAY 12:00". */
record DayTime(DayOfWeek day, LocalTime time) {

    static DayTime parse(String text, String key) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length == 2) {
            try {
                return new DayTime(DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)), LocalTime.parse(parts[1]));
            } catch (RuntimeException e) {
                // fall through to the message below
            }
        }
        throw new ConfigException(key + ": expected a day and a time like \"MONDAY 12:00\", got '" + text + "'");
    }

    /** "12:00 thứ Hai". */
    String vietnamese() {
        return time + " " + VietnameseDates.weekday(day);
    }
}
