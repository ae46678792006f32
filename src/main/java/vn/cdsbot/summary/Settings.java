package vn.cdsbot.summary;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.people.ReportingLevels;
import vn.cdsbot.period.DayTime;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;

/** What the summaries need from bot-config.yaml, validated once at start-up; periods come from the shared calendar. */
record Settings(ReportingCalendar calendar, ReportingLevels levels, List<BotConfig.Indicator> indicators,
                Week campaignStart, DayTime digest, Duration exportLinkLifetime, MessagingWindow messagingWindow,
                String publicUrl, String issuer, String issuerParent, String issuerPlace) {

    static Settings from(BotConfig config, ReportingCalendar calendar) {
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
        return new Settings(calendar, ReportingLevels.of(config), List.copyOf(config.reporting().indicators()),
                Week.containing(start), DayTime.parse(s.digest(), "summaries.digest"), Duration.ofHours(s.exportLinkHours()),
                new MessagingWindow(config.zalo().paidMessages()), stripSlash(config.server().publicUrl()),
                s.issuer().strip(), s.issuerParent().strip(), s.issuerPlace().strip());
    }

    ZoneId zone() {
        return calendar.zone();
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
