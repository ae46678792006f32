package vn.cdsbot.period;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The reporting calendar, one for every feature: periods in the province's zone, the weekly deadline, which week
 * a command is about when nobody says (the default-period rule), and what a typed period means on a given day.
 * The rules are written once, in docs/summaries.md ("Kỳ báo cáo").
 */
public final class ReportingCalendar {
    /** Reports and corrections are taken for about a year back; older figures go through the secretariat. */
    public static final int REPORTABLE_WEEKS = 53;

    private final ZoneId zone;
    private final DayTime deadline;

    public ReportingCalendar(ZoneId zone, DayTime deadline) {
        this.zone = zone;
        this.deadline = deadline;
    }

    /** The calendar of bot-config.yaml: the province's zone and {@code reporting.deadline}. */
    public static ReportingCalendar from(vn.cdsbot.config.BotConfig config) {
        return new ReportingCalendar(config.zone(), DayTime.parse(config.reporting().deadline(), "reporting.deadline"));
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    public Week weekOf(Instant at) {
        return Week.containing(today(at));
    }

    /** When a week's reports are due: the configured day and time after the week has ended. */
    public Instant deadline(Week week) {
        return deadline.after(week, zone);
    }

    public boolean isLate(Week week, Instant submitted) {
        return submitted.isAfter(deadline(week));
    }

    /**
     * The default period of every command, reminder and summary: the week just ended until the end of its
     * deadline's day (on Monday people still report, and leaders still read, last week), then the current week.
     */
    public Week defaultWeek(Instant now) {
        Week current = weekOf(now);
        Week previous = current.previous();
        LocalDate lastDay = today(deadline(previous));
        return today(now).isAfter(lastDay) ? current : previous;
    }

    /** The outcome of reading a typed period on a given day. */
    public sealed interface Resolved {
        record Ok(Period period) implements Resolved {}

        record Problem(String message) implements Resolved {}
    }

    /**
     * What {@code spec} means at {@code now}: a period without a year is the one of that name nearest to today
     * (on 6/1/2027 "tuần 52" is 21–27/12/2026 and "02/12" is 2/12/2026). A period that has not begun is refused.
     */
    public Resolved resolve(PeriodSpec spec, Instant now) {
        LocalDate today = today(now);
        Period p;
        try {
            if (spec instanceof PeriodSpec.Relative r) p = relative(r, today);
            else if (spec instanceof PeriodSpec.WeekNumber w) p = week(w, today);
            else if (spec instanceof PeriodSpec.Date d) p = date(d, today);
            else if (spec instanceof PeriodSpec.MonthNumber m) p = month(m, today);
            else if (spec instanceof PeriodSpec.QuarterNumber q) p = quarter(q, today);
            else p = checkedYear(((PeriodSpec.YearNumber) spec).year());
        } catch (Refused e) {
            return new Resolved.Problem(e.getMessage());
        }
        if (p.first().isAfter(today)) {
            return new Resolved.Problem(capitalize(p.label()) + " chưa bắt đầu; hôm nay là " + VnDates.date(today) + ".");
        }
        return new Resolved.Ok(p);
    }

    /** A week still open to reports and corrections at {@code now}: begun, and not more than about a year old. */
    public boolean reportable(Week week, Instant now) {
        Week current = weekOf(now);
        return week.compareTo(current) <= 0 && !week.monday().isBefore(current.monday().minusWeeks(REPORTABLE_WEEKS));
    }

    private static Period relative(PeriodSpec.Relative r, LocalDate today) {
        return switch (r.unit()) {
            case DAY -> new Day(today.plusDays(r.offset()));
            case WEEK -> Week.containing(today).plusWeeks(r.offset());
            case MONTH -> new Month(YearMonth.from(today).plusMonths(r.offset()));
            case QUARTER -> {
                Quarter q = Quarter.containing(today);
                for (int i = 0; i > r.offset(); i--) q = q.previous();
                yield q;
            }
            case YEAR -> new Year(today.getYear() + r.offset());
        };
    }

    private static Week week(PeriodSpec.WeekNumber w, LocalDate today) {
        if (w.year() != null) {
            checkedYear(w.year());
            return Week.of(w.year(), w.number()).orElseThrow(() -> new Refused("Năm " + w.year() + " không có tuần "
                    + w.number() + " (chỉ có tuần 1 đến tuần " + Week.weeksIn(w.year()) + ")."));
        }
        int year = Week.containing(today).year();
        return nearest(today, java.util.stream.Stream.of(year - 1, year, year + 1)
                .flatMap(y -> Week.of(y, w.number()).stream()).toList())
                .orElseThrow(() -> new Refused("Không có tuần " + w.number() + ". Số tuần đi từ 1 đến 52 (có năm đến 53), "
                        + "ví dụ: tuần " + Week.containing(today).number() + "."));
    }

    private static Day date(PeriodSpec.Date d, LocalDate today) {
        try {
            if (d.year() != null) {
                checkedYear(d.year());
                return new Day(LocalDate.of(d.year(), d.month(), d.day()));
            }
            LocalDate.of(2024, d.month(), d.day());   // a leap year: throws only for a date that exists in no year
        } catch (DateTimeException e) {
            throw new Refused("Ngày \"" + d.day() + "/" + d.month() + (d.year() == null ? "" : "/" + d.year())
                    + "\" không có thật. Ghi ngày như 02/12 hoặc 2/12/2026.");
        }
        List<Day> candidates = new ArrayList<>();
        for (int y = today.getYear() - 1; y <= today.getYear() + 1; y++) {
            try {
                candidates.add(new Day(LocalDate.of(y, d.month(), d.day())));
            } catch (DateTimeException e) {
                // 29/02 in a year without it
            }
        }
        return nearest(today, candidates).orElseThrow();
    }

    private static Month month(PeriodSpec.MonthNumber m, LocalDate today) {
        if (m.month() < 1 || m.month() > 12) throw new Refused("Tháng " + m.month() + " không hợp lệ; tháng đi từ 1 đến 12.");
        if (m.year() != null) return new Month(YearMonth.of(checkedYear(m.year()).year(), m.month()));
        return nearest(today, List.of(-1, 0, 1).stream()
                .map(k -> new Month(YearMonth.of(today.getYear() + k, m.month()))).toList()).orElseThrow();
    }

    private static Quarter quarter(PeriodSpec.QuarterNumber q, LocalDate today) {
        if (q.year() != null) return new Quarter(checkedYear(q.year()).year(), q.quarter());
        return nearest(today, List.of(-1, 0, 1).stream()
                .map(k -> new Quarter(today.getYear() + k, q.quarter())).toList()).orElseThrow();
    }

    /**
     * A period typed without its year means the one of that name nearest to today, earlier on a tie: on 6/1/2027
     * "tuần 52" is the week just gone, while on 24/11/2026 "tuần 50" is the coming one (and so not reportable yet,
     * rather than quietly last year's).
     */
    private static <P extends Period> Optional<P> nearest(LocalDate today, List<P> candidates) {
        return candidates.stream().min(Comparator.comparingLong((P p) -> distance(p, today)).thenComparing(Period::first));
    }

    private static long distance(Period p, LocalDate today) {
        if (today.isBefore(p.first())) return ChronoUnit.DAYS.between(today, p.first());
        if (today.isAfter(p.last())) return ChronoUnit.DAYS.between(p.last(), today);
        return 0;
    }

    private static Year checkedYear(int year) {
        if (year < 2000 || year > 2100) throw new Refused("Năm " + year + " không hợp lệ.");
        return new Year(year);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A typed period that names no real period; its message is for the user. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
