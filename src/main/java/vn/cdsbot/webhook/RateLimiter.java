package vn.cdsbot.webhook;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-user sliding one-minute window. Over the limit the user gets one polite notice; what happens to the
 * message is the caller's choice (an unenrolled sender's flood is dropped, an enrolled member's waits until
 * {@link #freeAt}). Users idle for a whole window are forgotten now and then, so a province's worth
 * of one-time askers does not accumulate in memory.
 */
public final class RateLimiter {
    public enum Verdict { ALLOW, NOTIFY, DROP }

    private static final long WINDOW_MS = 60_000;
    private final int perMinute;
    private static final int PRUNE_EVERY = 4096;
    private final Map<String, State> users = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    private static final class State {
        final Deque<Long> times = new ArrayDeque<>();
        boolean notified;
    }

    public RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    public Verdict check(String user, long atMillis) {
        if (calls.incrementAndGet() % PRUNE_EVERY == 0) prune(atMillis);
        State s = users.computeIfAbsent(user, u -> new State());
        synchronized (s) {
            while (!s.times.isEmpty() && s.times.peekFirst() <= atMillis - WINDOW_MS) s.times.pollFirst();
            if (s.times.size() < perMinute) {
                s.times.addLast(atMillis);
                s.notified = false;
                return Verdict.ALLOW;
            }
            if (s.notified) return Verdict.DROP;
            s.notified = true;
            return Verdict.NOTIFY;
        }
    }

    /** When the user's window next has room (epoch ms); {@code atMillis} when it has room already. */
    public long freeAt(String user, long atMillis) {
        State s = users.get(user);
        if (s == null) return atMillis;
        synchronized (s) {
            if (s.times.size() < perMinute || s.times.isEmpty()) return atMillis;
            return Math.max(atMillis, s.times.peekFirst() + WINDOW_MS);
        }
    }

    /** Drops users with nothing in their window; such a user starts afresh anyway. */
    void prune(long nowMillis) {
        users.values().removeIf(s -> {
            synchronized (s) {
                return s.times.isEmpty() || s.times.peekLast() <= nowMillis - WINDOW_MS;
            }
        });
    }

    /** Users currently remembered. */
    int tracked() {
        return users.size();
    }
}
