package vn.cdsbot.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Dates, times and numbers as Vietnamese readers write them. */
final class VietnameseDates {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VietnameseDates() {}

    static String weekday(DayOfWeek d) {
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

    /** "14:30 24/11/2026". */
    static String dateTime(Instant at, ZoneId zone) {
        return DATE_TIME.format(at.atZone(zone));
    }

    static String dateTime(long millis, ZoneId zone) {
        return dateTime(Instant.ofEpochMilli(millis), zone);
    }

    /** "12:00 thứ Hai 24/11/2026". */
    static String deadline(Instant at, ZoneId zone) {
        ZonedDateTime z = at.atZone(zone);
        return String.format("%02d:%02d", z.getHour(), z.getMinute()) + " " + weekday(z.getDayOfWeek()) + " " + DATE.format(z);
    }

    /** 1234567 → "1.234.567": the Vietnamese thousands separator. */
    static String number(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) sb.append('.');
            sb.append(digits.charAt(i));
        }
        return (n < 0 ? "-" : "") + sb;
    }
}
