package vn.cdsbot.config;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * The one clock every command and the server run on. {@code CDSBOT_CLOCK} starts it at a given instant and lets it
 * run on from there, so an operator can rehearse a deadline or a year change without touching the machine's time.
 */
public final class BotClock {
    public static final String VARIABLE = "CDSBOT_CLOCK";

    private BotClock() {}

    /** The system clock, or one shifted so that now is the instant in {@code CDSBOT_CLOCK}. */
    public static Clock fromEnv(Map<String, String> env) {
        return rehearsalStart(env)
                .map(start -> Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), start.toInstant())))
                .orElse(Clock.systemUTC());
    }

    /** The configured start, if any; a value that is not an ISO date-time with offset is a configuration error. */
    public static Optional<OffsetDateTime> rehearsalStart(Map<String, String> env) {
        String raw = env.get(VARIABLE);
        if (raw == null || raw.isBlank()) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(raw.strip()));
        } catch (DateTimeParseException e) {
            throw new ConfigException(VARIABLE + " must be a date-time with offset such as 2027-01-06T09:00:00+07:00, not '"
                    + raw.strip() + "'");
        }
    }
}
