package vn.cdsbot.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.zalo.Delivery;

/** Sends one due outbox row and records the outcome: sent, retry later with backoff, or given up. */
public final class OutboxSender {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final Delivery delivery;
    private final BotConfig.Outbox policy;
    private final Clock clock;
    private final MeterRegistry metrics;

    public OutboxSender(Outbox outbox, Delivery delivery, BotConfig.Outbox policy, Clock clock, MeterRegistry metrics) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.policy = policy;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void send(Outbox.Row row) {
        Delivery.Outcome outcome = delivery.deliver(row);
        long now = clock.millis();
        if (outcome instanceof Delivery.Outcome.Sent s) {
            outbox.markSent(row.id(), s.zaloMessageId(), now);
            metrics.counter("cdsbot_sends", "result", "ok").increment();
            if (row.scheduled() && row.lastInteraction() != null
                    && MessagingWindow.standing(row.lastInteraction(), Instant.ofEpochMilli(now)) == MessagingWindow.Standing.BILLED) {
                metrics.counter("cdsbot_billed_sends").increment();
            }
        } else if (outcome instanceof Delivery.Outcome.GiveUp g) {
            outbox.markFailed(row.id(), g.reason(), now);
            metrics.counter("cdsbot_sends", "result", "failed").increment();
            log.info("Outbox {} not deliverable: {}", row.id(), g.reason());
        } else if (outcome instanceof Delivery.Outcome.NotPaid n) {
            // Recorded with a marker the messaging window reads: scheduled sends keep to the free 48 h for a while.
            outbox.markFailed(row.id(), MessagingWindow.NOT_PAID + n.reason(), now);
            metrics.counter("cdsbot_sends", "result", "not_paid").increment();
            log.warn("Outbox {}: Zalo refused a billed message ({}); the OA has no funded Zalo Cloud Account. "
                    + "Reminders and digests now go only to people active within 48 h; set zalo.paid_messages: false "
                    + "or fund the account.", row.id(), n.reason());
        } else if (outcome instanceof Delivery.Outcome.FileRefused f) {
            outbox.sendLinkInstead(row, f.reason(), now);
            metrics.counter("cdsbot_sends", "result", "link_instead").increment();
            log.info("Outbox {}: Zalo did not take the file ({}); its link goes instead", row.id(), f.reason());
        } else if (outcome instanceof Delivery.Outcome.RetryAt r) {
            outbox.reschedule(row.id(), r.atMillis(), r.reason(), false);
            metrics.counter("cdsbot_sends", "result", "deferred").increment();
        } else if (outcome instanceof Delivery.Outcome.Retry r) {
            int attempt = row.attempts() + 1;
            if (attempt >= policy.maxAttempts() && "file".equals(row.kind())) {
                // Never nothing: after the last attempt at the file, its link gets attempts of its own.
                outbox.sendLinkInstead(row, "gave up the file after " + attempt + " attempts: " + r.reason(), now);
                metrics.counter("cdsbot_sends", "result", "link_instead").increment();
            } else if (attempt >= policy.maxAttempts()) {
                outbox.markFailed(row.id(), "gave up after " + attempt + " attempts: " + r.reason(), now);
                metrics.counter("cdsbot_sends", "result", "failed").increment();
                log.warn("Outbox {} failed after {} attempts: {}", row.id(), attempt, r.reason());
            } else {
                outbox.reschedule(row.id(), now + backoffMillis(attempt), r.reason(), true);
                metrics.counter("cdsbot_sends", "result", "retried").increment();
            }
        }
    }

    /** Exponential with full jitter between half and all of the step, capped. */
    long backoffMillis(int attempt) {
        long step = Math.min((long) policy.backoffMaxSeconds() * 1000,
                (long) policy.backoffBaseSeconds() * 1000 * (1L << Math.min(attempt - 1, 20)));
        return step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
    }
}
