package vn.cdsbot.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.storage.Database;

/**
 * The periodic job of the hand-off: delivers held messages to citizens who wrote again, and, in working hours only,
 * messages teams about tickets opened outside them and moves unclaimed tickets up (team → leaders → secretariat).
 * Also drops old ticket texts with the knowledge base's retention of stored questions.
 */
final class Escalation implements Runnable {
    private final Database db;
    private final Dispatch dispatch;
    private final Clock clock;
    private final Duration keep;
    private final Runnable wakeOutbox;

    Escalation(Database db, Dispatch dispatch, Clock clock, Duration keep, Runnable wakeOutbox) {
        this.db = db;
        this.dispatch = dispatch;
        this.clock = clock;
        this.keep = keep;
        this.wakeOutbox = wakeOutbox;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        int queued = db.inTransaction(tx -> {
            int n = dispatch.releaseHeld(tx, now);
            long cutoff = now.minus(keep).toEpochMilli();
            Tickets.purgeTexts(tx, cutoff);
            Requests.purge(tx, cutoff);
            if (!dispatch.hours().isOpen(now)) return n;   // nobody is messaged at night or on days off
            UnitTree tree = UnitTree.load(tx);
            for (Ticket t : Tickets.open(tx)) {
                if (tree.get(t.unitCode()).isEmpty()) continue;
                if (t.notified()) {
                    if (now.toEpochMilli() < t.dueAt() || t.level() >= Ticket.SECRETARIAT || !Tickets.raise(tx, t)) continue;
                    Audit.record(tx, now.toEpochMilli(), "bot", "handoff.escalate", t.code(), "level=" + (t.level() + 1));
                    t = Tickets.find(tx, t.code()).orElseThrow();
                    dispatch.toCitizenIfReachable(tx, t, HandoffTexts.escalatedToCitizen(t.code(), t.level()), now);
                    n++;
                }
                if (dispatch.notifyTeam(tx, tree, t, now)) {
                    n++;
                } else if (!t.unreachedTold()) {
                    Tickets.unreached(tx, t.code(), true);
                    Audit.record(tx, now.toEpochMilli(), "bot", "handoff.unreached", t.code(), null);
                    if (t.citizenId() != null) dispatch.toCitizen(tx, t, Dispatch.ANSWER, HandoffTexts.unreachable(t.code()), now);
                    n++;
                }
            }
            return n;
        });
        if (queued > 0) wakeOutbox.run();
    }
}
