package vn.cdsbot.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.Map;

/**
 * The HELP text of every cdsbot series on /metrics, in one place: a meter filter fills in the description of each
 * meter when it is registered, so the code that counts does not have to repeat it.
 */
public final class MetricHelp implements MeterFilter {
    static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("cdsbot_webhook_events", "Webhook requests by outcome (accepted, duplicate, ignored, rejected…)"),
            Map.entry("cdsbot_events_processed", "Stored events handled, by result (ok, failed)"),
            Map.entry("cdsbot_event_handling", "Time to handle one stored event"),
            Map.entry("cdsbot_rate_limited", "Messages over the per-user rate limit: dropped (unenrolled) or deferred (members)"),
            Map.entry("cdsbot_files_received", "Files users sent in chat, by result (content, failed, notfetched: the sender may not send files)"),
            Map.entry("cdsbot_sends", "Outbox send attempts by result (ok, retried, deferred, failed, not_paid, link_instead)"),
            Map.entry("cdsbot_billed_sends", "Messages the bot started that Zalo bills (48 h to 7 days after the user's last message)"),
            Map.entry("cdsbot_inbox_pending", "Stored events not handled yet"),
            Map.entry("cdsbot_outbox_pending", "Replies not sent yet"),
            Map.entry("cdsbot_inbox_lag_seconds", "Age of the oldest event not handled yet"),
            Map.entry("cdsbot_outbox_lag_seconds", "Age of the oldest reply not sent yet"));

    @Override
    public Meter.Id map(Meter.Id id) {
        String help = HELP.get(id.getName());
        if (help == null || id.getDescription() != null) return id;
        return new Meter.Id(id.getName(), Tags.of(id.getTags()), id.getBaseUnit(), help, id.getType());
    }
}
