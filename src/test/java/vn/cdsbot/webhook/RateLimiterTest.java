package vn.cdsbot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void overTheLimitOneNoticeThenSilenceUntilTheWindowHasRoom() {
        RateLimiter limiter = new RateLimiter(20);
        List<RateLimiter.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 25; i++) verdicts.add(limiter.check("u", 1_000 + i * 1_000L));
        assertThat(verdicts.subList(0, 20)).containsOnly(RateLimiter.Verdict.ALLOW);
        assertThat(verdicts.get(20)).isEqualTo(RateLimiter.Verdict.NOTIFY);
        assertThat(verdicts.subList(21, 25)).containsOnly(RateLimiter.Verdict.DROP);
        assertThat(limiter.check("other", 25_000)).isEqualTo(RateLimiter.Verdict.ALLOW);
        // The first message leaves the window 60 s after it was sent.
        assertThat(limiter.check("u", 61_000)).isEqualTo(RateLimiter.Verdict.ALLOW);
        assertThat(limiter.check("u", 61_500)).isEqualTo(RateLimiter.Verdict.NOTIFY);
    }

    @Test
    void oneTimeAskersAreForgottenOnceTheirWindowPassed() {
        RateLimiter limiter = new RateLimiter(20);
        long t = 0;
        for (int i = 0; i < 200_000; i++, t += 5) limiter.check("asker-" + i, t);
        // 200,000 users over 1,000 s: only about the last minute's 12,000 (plus up to one prune interval) remain.
        assertThat(limiter.tracked()).isLessThan(12_000 + 4_096 + 1);
        assertThat(limiter.check("asker-199999", t)).isEqualTo(RateLimiter.Verdict.ALLOW);
    }
}
