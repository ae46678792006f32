package vn.cdsbot.period;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Dates and times as Vietnamese readers write them: 02/12/2026, 14:30 02/12/2026, thứ Tư. */
public final class VnDates {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter DAY_MONTH_TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm");
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private VnDates() {}

    public static String weekday(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> "thứ Hai";
            case TUESDAY -> "thứ Ba";
            case WEDNESDAY -> "thứ Tư";
            case THURSDAY -> "thứ Năm";
            case FRIDAY -> "thứ Sáu";
            case SATURDAY -> "thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }

    /** "02/12/2026". */
    public static String date(LocalDate d) {
        return DATE.format(d);
    }

    /**
     * The date line of an administrative document: "ngày 05 tháng 02 năm 2026", "ngày 23 tháng 11 năm 2026". Nghị
     * định 30/2020 writes a 0 before days 1–9 and months 1 and 2 (so "tháng 02" but "tháng 3").
     */
    public static String documentDate(LocalDate d) {
        String day = String.format("%02d", d.getDayOfMonth());
        String month = d.getMonthValue() <= 2 ? String.format("%02d", d.getMonthValue()) : String.valueOf(d.getMonthValue());
        return "ngày " + day + " tháng " + month + " năm " + d.getYear();
    }

    /** "02/12". */
    public static String dayMonth(LocalDate d) {
        return DAY_MONTH.format(d);
    }

    /** "17/11–23/11/2026", or "29/12/2025–04/01/2026" across a new year. */
    public static String range(LocalDate from, LocalDate to) {
        String start = from.getYear() == to.getYear() ? DAY_MONTH.format(from) : DATE.format(from);
        return start + "–" + DATE.format(to);
    }

    /** "14:30 24/11/2026". */
    public static String dateTime(Instant at, ZoneId zone) {
        return DATE_TIME.format(at.atZone(zone));
    }

    public static String dateTime(long millis, ZoneId zone) {
        return dateTime(Instant.ofEpochMilli(millis), zone);
    }

    /** "14:30 ngày 24/11/2026": when something expires or is due. */
    public static String until(Instant at, ZoneId zone) {
        return UNTIL.format(at.atZone(zone));
    }

    /** "24/11 14:30": a short moment inside a known week. */
    public static String dayMonthTime(Instant at, ZoneId zone) {
        return DAY_MONTH_TIME.format(at.atZone(zone));
    }

    /** "12:00 thứ Hai 24/11/2026". */
    public static String deadline(Instant at, ZoneId zone) {
        ZonedDateTime z = at.atZone(zone);
        return String.format("%02d:%02d", z.getHour(), z.getMinute()) + " " + weekday(z.getDayOfWeek()) + " " + DATE.format(z);
    }
}
