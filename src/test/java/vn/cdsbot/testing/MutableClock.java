package vn.cdsbot.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The one clock tests move by hand (province time); reads are thread-safe so the app's workers see the same time. */
public final class MutableClock extends Clock {
    public static final ZoneId ICT = ZoneId.of("Asia/Ho_Chi_Minh");
    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A wall-clock time in Asia/Ho_Chi_Minh, e.g. at("2026-11-24T10:00"). */
    public static MutableClock at(String ictLocalDateTime) {
        return new MutableClock(ict(ictLocalDateTime));
    }

    public static Instant ict(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ICT).toInstant();
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void set(String ictLocalDateTime) {
        now = ict(ictLocalDateTime);
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return ICT;
    }

    /** A view in another zone that still follows this clock's hand-set time. */
    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock self = this;
        return new Clock() {
            @Override public ZoneId getZone() { return zone; }
            @Override public Clock withZone(ZoneId z) { return self.withZone(z); }
            @Override public Instant instant() { return self.instant(); }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
