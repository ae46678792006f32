package vn.cdsbot.config;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything in bot-config.yaml, bound strictly: every key is required, unknown keys and wrong types stop
 * start-up. Secrets are not here; they come from the environment ({@link ZaloCredentials}).
 */
public record BotConfig(
        String timezone,
        Server server,
        Storage storage,
        Zalo zalo,
        Inbox inbox,
        Outbox outbox,
        Kb kb,
        Units units,
        Reporting reporting,
        Summaries summaries,
        Backup backup,
        Handoff handoff,
        CampaignRhythm campaigns) {

    public BotConfig {
        try {
            ZoneId.of(timezone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a time zone: " + timezone);
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    /** The same configuration with another {@code server.public_url}. */
    public BotConfig withPublicUrl(String url) {
        Server s = server;
        return new BotConfig(timezone, new Server(s.port(), url, s.maxBodyBytes(), s.rateLimitPerMinute()), storage, zalo,
                inbox, outbox, kb, units, reporting, summaries, backup, handoff, campaigns);
    }

    public record Server(int port, String publicUrl, int maxBodyBytes, int rateLimitPerMinute) {
        public Server {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, was " + port);
            if (maxBodyBytes < 1024) throw new IllegalArgumentException("max_body_bytes must be at least 1024");
        }

        /** Whether the public URL names this machine only (the default when CDSBOT_PUBLIC_URL is not set). */
        public boolean localPublicUrl() {
            String host;
            try {
                host = java.net.URI.create(publicUrl.strip()).getHost();
            } catch (IllegalArgumentException e) {
                return false;
            }
            return "localhost".equals(host) || "127.0.0.1".equals(host);
        }
    }

    public record Storage(String database, String synchronous) {
        public Storage {
            if (!List.of("NORMAL", "FULL").contains(synchronous.toUpperCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("synchronous must be NORMAL or FULL, was " + synchronous);
            }
        }
    }

    /**
     * @param paidMessages whether reminders and digests may go to people silent for 48 h to 7 days (Zalo bills
     *                     those messages to the OA's Zalo Cloud Account); off = only within 48 h
     * @param siteVerification what Zalo's "Xác thực domain" page gives: the code, the meta tag or the whole
     *                         zalo_verifier….html file; empty = not served
     */
    public record Zalo(String apiBaseUrl, String oauthBaseUrl, int timeoutSeconds, int refreshHoursBeforeExpiry,
                       boolean paidMessages, String siteVerification) {
        private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,200}");
        private static final Pattern TAG = Pattern.compile(
                "<meta[^>]*zalo-platform-site-verification[^>]*>", Pattern.CASE_INSENSITIVE);
        private static final Pattern CONTENT = Pattern.compile(
                "content\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);

        public Zalo {
            // Kept as given, not stripped: a whole file is served byte for byte.
            if (siteVerification.isBlank()) siteVerification = "";
            siteVerificationCode(siteVerification);
        }

        /** The verification code alone ("" when not configured); the code also names the zalo_verifier file. */
        public String siteVerificationCode() {
            return siteVerificationCode(siteVerification);
        }

        private static String siteVerificationCode(String given) {
            String value = given.strip();
            if (value.isEmpty()) return "";
            String code = value;
            if (value.contains("<")) {
                Matcher tag = TAG.matcher(value);
                Matcher m = tag.find() ? CONTENT.matcher(tag.group()) : null;
                if (m == null || !m.find()) {
                    throw new IllegalArgumentException("site_verification: expected the code, the meta tag "
                            + "<meta name=\"zalo-platform-site-verification\" content=\"…\"> or the zalo_verifier file");
                }
                code = m.group(1).strip();
            }
            if (!CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("site_verification: the code may contain only letters, digits, '_' "
                        + "and '-', got '" + code + "'");
            }
            return code;
        }
    }

    public record Inbox(int workers, int dedupeDays) {
        public Inbox {
            if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
            if (dedupeDays < 7) throw new IllegalArgumentException("dedupe_days must be at least 7 (Zalo retries)");
        }
    }

    public record Outbox(int maxAttempts, int backoffBaseSeconds, int backoffMaxSeconds) {}

    /**
     * @param answerThreshold minimum confidence to answer outright
     * @param clarifyThreshold minimum confidence to offer the top articles as buttons
     */
    /** @param keepQuestionsDays unanswered questions and feedback (with the asker's Zalo id) are kept this long */
    public record Kb(String dir, double answerThreshold, double clarifyThreshold, int staleAfterDays,
                     int keepQuestionsDays) {}

    /**
     * @param reportingKinds the kinds of unit whose teams report, e.g. [commune, hamlet]; the first is the level
     *                       citizens choose as "their commune" ({@code #xa})
     */
    public record Units(String file, List<String> reportingKinds) {
        public Units {
            if (reportingKinds == null || reportingKinds.isEmpty()) {
                throw new IllegalArgumentException("reporting_kinds must list at least one kind of unit, e.g. [commune]");
            }
            for (String k : reportingKinds) {
                if (k == null || k.isBlank()) throw new IllegalArgumentException("reporting_kinds has an empty kind");
            }
            reportingKinds = reportingKinds.stream().map(String::strip).distinct().toList();
        }
    }

    public record Indicator(String code, String name, List<String> aliases) {}

    /**
     * @param deadline day and time after the week ends, e.g. "MONDAY 12:00"
     * @param reminders e.g. ["FRIDAY 15:00", "MONDAY 08:00"]
     * @param plausibilityFactor a value above this many times the unit's recent average asks for a second confirmation
     */
    public record Reporting(List<Indicator> indicators, String deadline, List<String> reminders,
                            double plausibilityFactor, int plausibilityMinimum, int draftTimeoutMinutes,
                            int inviteDays) {}

    /**
     * @param issuer the body that issues the committee's documents, printed atop spreadsheets and report drafts
     * @param issuerParent the body above it ("" = none), printed above the issuer as Nghị định 30/2020 lays out
     * @param issuerPlace the place name of a report draft's date line ("Bình Phước, ngày … tháng … năm …")
     */
    public record Summaries(String campaignStart, String digest, int exportLinkHours, String issuer, String issuerParent,
                            String issuerPlace) {}

    /**
     * @param dir where daily backups go; a relative path is inside the database's folder
     * @param dailyAt local time "HH:mm" of the daily backup, "" = no daily backup
     * @param keepDays daily backups older than this many days are deleted
     */
    public record Backup(String dir, String dailyAt, int keepDays) {
        public Backup {
            if (dir.isBlank()) throw new IllegalArgumentException("dir must name a folder");
            dailyAt = dailyAt.strip();
            if (!dailyAt.isEmpty()) {
                try {
                    LocalTime.parse(dailyAt);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("daily_at must be a time like \"02:30\" or \"\" (off), was '"
                            + dailyAt + "'");
                }
            }
            if (keepDays < 1) throw new IllegalArgumentException("keep_days must be at least 1, was " + keepDays);
        }

        public boolean daily() {
            return !dailyAt.isEmpty();
        }
    }

    /**
     * Hand-off of a citizen's question to a person of their commune's team.
     *
     * @param claimMinutes working minutes a ticket may stay unclaimed before it goes up a level
     * @param workingHours "07:30-17:00": the only hours the team is messaged about tickets
     * @param workingDays e.g. [MONDAY, …, FRIDAY]
     * @param directory the province's commune directory (CSV: the one-stop desk's address and hours, phone, the
     *                  team's hotline, a map link, former names of merged communes); "" = none
     */
    /**
     * The daily rhythm while a campaign runs: local times "HH:mm", each "" for off.
     *
     * @param eveningReminder to members of teams with no figure for today (within Zalo's messaging window)
     * @param morningNote to each leader on their units behind plan up to yesterday
     * @param dailyDigest to the secretariat: the campaign's progress in the whole province
     */
    public record CampaignRhythm(String eveningReminder, String morningNote, String dailyDigest) {
        public CampaignRhythm {
            check("evening_reminder", eveningReminder);
            check("morning_note", morningNote);
            check("daily_digest", dailyDigest);
        }

        private static void check(String key, String value) {
            if (value.isBlank()) return;
            try {
                java.time.LocalTime.parse(value.strip().length() == 4 ? "0" + value.strip() : value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(key + " must be a time like \"19:00\" or \"\" for off, was '" + value + "'");
            }
        }

        /** The time of day of a setting, empty when it is off. */
        public static java.util.Optional<java.time.LocalTime> at(String value) {
            if (value.isBlank()) return java.util.Optional.empty();
            String v = value.strip();
            return java.util.Optional.of(java.time.LocalTime.parse(v.length() == 4 ? "0" + v : v));
        }
    }

    public record Handoff(int claimMinutes, String workingHours, List<String> workingDays, String directory) {
        public Handoff {
            if (claimMinutes < 1) throw new IllegalArgumentException("claim_minutes must be at least 1, was " + claimMinutes);
            if (!workingHours.strip().matches("\\d{1,2}:\\d{2}\\s*-\\s*\\d{1,2}:\\d{2}")) {
                throw new IllegalArgumentException("working_hours must look like \"07:30-17:00\", was '" + workingHours + "'");
            }
            if (workingDays.isEmpty()) throw new IllegalArgumentException("working_days must name at least one day");
            for (String d : workingDays) {
                try {
                    java.time.DayOfWeek.valueOf(d.strip().toUpperCase(java.util.Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("working_days: not a day: '" + d + "' (MONDAY … SUNDAY)");
                }
            }
            workingDays = List.copyOf(workingDays);
        }
    }
}
