package vn.cdsbot.handoff;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.period.VnDates;

/**
 * The hours in which a commune's team is messaged about citizens' questions, and in which the time a ticket has
 * waited is counted: nobody is woken at night, and a question asked on Saturday is not "late" on Monday morning.
 */
record WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days, ZoneId zone) {

    WorkingHours {
        if (!end.isAfter(start)) throw new IllegalArgumentException("working hours end before they start");
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    static WorkingHours from(BotConfig config) {
        BotConfig.Handoff h = config.handoff();
        String[] parts = h.workingHours().split("-");
        Set<DayOfWeek> days = h.workingDays().stream()
                .map(d -> DayOfWeek.valueOf(d.strip().toUpperCase(Locale.ROOT)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        return new WorkingHours(time(parts[0]), time(parts[1]), days, config.zone());
    }

    private static LocalTime time(String s) {
        String t = s.strip();
        return LocalTime.parse(t.length() == 4 ? "0" + t : t);
    }

    boolean isOpen(Instant at) {
        ZonedDateTime z = at.atZone(zone);
        LocalTime t = z.toLocalTime();
        return days.contains(z.getDayOfWeek()) && !t.isBefore(start) && t.isBefore(end);
    }

    /** {@code at} itself when within working hours, else the start of the next working period. */
    Instant nextOpen(Instant at) {
        if (isOpen(at)) return at;
        ZonedDateTime z = at.atZone(zone);
        LocalDate day = z.toLocalDate();
        if (days.contains(day.getDayOfWeek()) && z.toLocalTime().isBefore(start)) return day.atTime(start).atZone(zone).toInstant();
        for (int i = 1; i <= 7; i++) {
            LocalDate d = day.plusDays(i);
            if (days.contains(d.getDayOfWeek())) return d.atTime(start).atZone(zone).toInstant();
        }
        throw new IllegalStateException("no working day");
    }

    /** The instant {@code amount} of working time after {@code from}. */
    Instant plus(Instant from, Duration amount) {
        Instant t = nextOpen(from);
        Duration left = amount;
        while (true) {
            ZonedDateTime z = t.atZone(zone);
            Instant closes = z.toLocalDate().atTime(end).atZone(zone).toInstant();
            Duration today = Duration.between(t, closes);
            if (left.compareTo(today) <= 0) return t.plus(left);
            left = left.minus(today);
            t = nextOpen(closes);
        }
    }

    /** "07:30–17:00, thứ Hai đến thứ Sáu" (or the days listed) for the citizen. */
    String describe() {
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        boolean run = sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        String dayText = sorted.size() == 1 ? dayName(sorted.get(0))
                : run ? dayName(sorted.get(0)) + " đến " + dayName(sorted.get(sorted.size() - 1))
                : sorted.stream().map(WorkingHours::dayName).collect(Collectors.joining(", "));
        return start + "–" + end + ", " + dayText;
    }

    static String dayName(DayOfWeek d) {
        return VnDates.weekday(d);
    }
}
