package vn.cdsbot.summary;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.messaging.MessagingWindow;

/** What the summaries need from bot-config.yaml, validated once at start-up. */
record Settings(ZoneId zone, String reportingKind, List<BotConfig.Indicator> indicators, Week campaignStart,
                DayTime deadline, DayTime digest, Duration exportLinkLifetime, MessagingWindow messagingWindow,
                String publicUrl) {

    /** A day of the week and a time, as written in the config: "MONDAY 14:00". */
    record DayTime(DayOfWeek day, LocalTime time) {
        static DayTime parse(String key, String text) {
            String[] parts = text.strip().split("\\s+");
            try {
                if (parts.length != 2) throw new IllegalArgumentException();
                return new DayTime(DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)), LocalTime.parse(parts[1]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(key + ": expected a day and a time like 'MONDAY 14:00', got '" + text + "'");
            }
        }

        /** The first such moment after the week has ended (the week's deadline, or its digest). */
        Instant after(Week week, ZoneId zone) {
            LocalDate end = week.monday().plusWeeks(1);
            return end.with(TemporalAdjusters.nextOrSame(day)).atTime(time).atZone(zone).toInstant();
        }
    }

    static Settings from(BotConfig config) {
        BotConfig.Summaries s = config.summaries();
        LocalDate start;
        try {
            start = LocalDate.parse(s.campaignStart());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("summaries.campaign_start: expected a date like 2026-01-05, got '"
                    + s.campaignStart() + "'");
        }
        if (s.exportLinkHours() < 1) throw new IllegalArgumentException("summaries.export_link_hours must be at least 1");
        if (config.reporting().indicators().isEmpty()) throw new IllegalArgumentException("reporting.indicators is empty");
        return new Settings(config.zone(), config.units().reportingKind(), List.copyOf(config.reporting().indicators()),
                Week.containing(start), DayTime.parse("reporting.deadline", config.reporting().deadline()),
                DayTime.parse("summaries.digest", s.digest()), Duration.ofHours(s.exportLinkHours()),
                new MessagingWindow(config.zalo().paidMessages()), stripSlash(config.server().publicUrl()));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    List<String> indicatorCodes() {
        return indicators.stream().map(BotConfig.Indicator::code).toList();
    }

    /** Indicator name for a heading: "Lượt người dân được hỗ trợ". */
    String title(int i) {
        return VnFormat.capitalize(indicators.get(i).name());
    }

    private static final Map<String, String> SHORT = Map.of(
            "hotro", "Hỗ trợ", "vneid", "VNeID", "dvc", "DVC", "thanhtoan", "Thanh toán", "tuyentruyen", "Tuyên truyền");

    /** A short label for unit lines on a phone screen; the full name for indicators we do not know. */
    String shortLabel(int i) {
        return SHORT.getOrDefault(indicators.get(i).code(), title(i));
    }
}
