package vn.cdsbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotClockTest {

    @Test
    void startsAtTheRehearsalInstantAndRunsOn() throws InterruptedException {
        Clock clock = BotClock.fromEnv(Map.of("CDSBOT_CLOCK", "2027-01-06T09:00:00+07:00"));
        Instant start = OffsetDateTime.parse("2027-01-06T09:00:00+07:00").toInstant();
        Instant first = clock.instant();
        assertThat(Duration.between(start, first).abs()).isLessThan(Duration.ofSeconds(5));
        Thread.sleep(20);   // the clock must move on its own, not stand still
        assertThat(clock.instant()).isAfter(first);
    }

    @Test
    void withoutTheVariableItIsTheSystemClock() {
        Instant now = BotClock.fromEnv(Map.of()).instant();
        assertThat(Duration.between(Instant.now(), now).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aValueWithoutOffsetIsAClearConfigurationError() {
        assertThatThrownBy(() -> BotClock.fromEnv(Map.of("CDSBOT_CLOCK", "6/1/2027")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CDSBOT_CLOCK").hasMessageContaining("2027-01-06T09:00:00+07:00");
    }
}
