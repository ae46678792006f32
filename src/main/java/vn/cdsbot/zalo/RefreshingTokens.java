package vn.cdsbot.zalo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.storage.Database;

/**
 * OA access tokens with single-use refresh tokens. One refresh at a time (the lock is held across the HTTP
 * call, so two threads can never spend the same refresh token); the new pair is committed before anyone
 * uses it; the previous pair is kept in history.
 *
 * <p>Refused tokens do not eat the refresh chain: when Zalo keeps refusing (-216) the access tokens refreshes have
 * just issued, before any of them worked, refreshing again would only spend the single-use refresh tokens one by
 * one (one lost refresh answer ends the chain). After {@link #MAX_UNPROVEN} such refreshes in a row sending pauses
 * instead, {@code /health} says why, the admins are told, and one send a minute probes the token until Zalo accepts
 * it again. (Two, not one: a token revoked again just after its refresh, before its first success was recorded, is
 * not yet a lasting refusal.)
 */
public final class RefreshingTokens implements TokenSource {
    private static final Logger log = LoggerFactory.getLogger(RefreshingTokens.class);
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(25);

    private final Database db;
    private final ZaloClient client;
    private final ZaloCredentials credentials;
    private final Clock clock;
    private final Duration refreshBefore;
    private static final Duration PROBE_EVERY = Duration.ofMinutes(1);
    static final int MAX_UNPROVEN = 2;

    private final ReentrantLock lock = new ReentrantLock();
    private final Consumer<String> alert;
    private volatile String failure;
    /** The access token the last refresh issued, and the last one Zalo accepted. */
    private volatile String issued;
    private volatile String proven;
    private volatile boolean paused;
    /** Refreshes made because Zalo refused a token, since a token last worked (guarded by the lock). */
    private int unproven;
    private final AtomicLong nextProbeAt = new AtomicLong();

    private record Pair(String access, String refresh, long expiresAt) {}

    public RefreshingTokens(Database db, ZaloClient client, ZaloCredentials credentials, Clock clock, Duration refreshBefore) {
        this(db, client, credentials, clock, refreshBefore, reason -> { });
    }

    /** @param alert told once (a short English reason) when sending pauses because Zalo refuses a fresh token */
    public RefreshingTokens(Database db, ZaloClient client, ZaloCredentials credentials, Clock clock, Duration refreshBefore,
                            Consumer<String> alert) {
        this.alert = alert;
        this.db = db;
        this.client = client;
        this.credentials = credentials;
        this.clock = clock;
        this.refreshBefore = refreshBefore;
        seedFromEnvironment();
    }

    /** The environment's refresh token starts a chain once; a different one later means the admin re-consented. */
    private void seedFromEnvironment() {
        if (credentials.refreshToken().isEmpty()) {
            if (load() == null) {
                failure = "no token: set ZALO_REFRESH_TOKEN (and optionally ZALO_ACCESS_TOKEN)";
                log.error("No Zalo token is stored and ZALO_REFRESH_TOKEN is not set: replies cannot be sent.");
            }
            return;
        }
        String seedHash = sha256(credentials.refreshToken());
        db.inTransaction(c -> {
            String existing = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT seed_hash FROM zalo_token WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) existing = rs.getString(1) == null ? "" : rs.getString(1);
            }
            if (seedHash.equals(existing)) return null;
            long expires = credentials.accessToken().isEmpty() ? 0 : clock.millis() + Duration.ofHours(1).toMillis();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO zalo_token (id, access_token, refresh_token, expires_at, updated_at, seed_hash) "
                            + "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET access_token = excluded.access_token, "
                            + "refresh_token = excluded.refresh_token, expires_at = excluded.expires_at, "
                            + "updated_at = excluded.updated_at, seed_hash = excluded.seed_hash")) {
                ps.setString(1, credentials.accessToken().isEmpty() ? null : credentials.accessToken());
                ps.setString(2, credentials.refreshToken());
                ps.setLong(3, expires);
                ps.setLong(4, clock.millis());
                ps.setString(5, seedHash);
                ps.executeUpdate();
            }
            log.info(existing == null ? "Zalo tokens seeded from the environment"
                    : "ZALO_REFRESH_TOKEN changed: the stored token chain was replaced by the new one");
            return null;
        });
    }

    @Override
    public String current() throws TokenUnavailableException {
        if (paused) {
            long now = clock.millis();
            long at = nextProbeAt.get();
            // One caller a minute gets the token to probe with; the others wait.
            if (now < at || !nextProbeAt.compareAndSet(at, now + PROBE_EVERY.toMillis())) {
                throw new TokenUnavailableException(failure);
            }
        }
        Pair p = load();
        if (p != null && p.access() != null && !due(p)) return p.access();
        return refresh(p == null ? null : p.access());
    }

    @Override
    public String replace(String rejected) throws TokenUnavailableException {
        lock.lock();
        try {
            Pair p = load();
            boolean replacedMeanwhile = p != null && p.access() != null && !p.access().equals(rejected) && !due(p);
            if (replacedMeanwhile) return p.access();
            if (rejected != null && rejected.equals(issued) && !rejected.equals(proven) && unproven >= MAX_UNPROVEN) {
                pause();
                throw new TokenUnavailableException(failure);
            }
            String fresh = refresh(rejected);
            unproven++;
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void accepted(String token) {
        if (token == null || token.equals(proven)) return;
        proven = token;
        lock.lock();
        try {
            unproven = 0;
        } finally {
            lock.unlock();
        }
        if (paused && token.equals(issued())) {
            paused = false;
            failure = null;
            log.info("Zalo accepts the access token again: sending resumed");
        }
    }

    private String issued() {
        Pair p = load();
        return p == null ? null : p.access();
    }

    private void pause() {
        if (paused) return;
        failure = "token_refused: Zalo refuses (-216) the access tokens refreshes have just issued; sending is paused "
                + "and tried again every minute. If this lasts, an OA admin must grant access again: set a new "
                + "ZALO_REFRESH_TOKEN and restart";
        nextProbeAt.set(clock.millis() + PROBE_EVERY.toMillis());
        paused = true;
        log.error("ZALO TOKEN REFUSED ({})", failure);
        try {
            alert.accept(failure);
        } catch (RuntimeException e) {
            log.warn("Could not queue the token alert for the admins: {}", e.toString());
        }
    }

    /** Called by the scheduler: refresh ahead of expiry so sends never wait for it. */
    public void refreshIfDue() {
        Pair p = load();
        if (p == null || (p.access() != null && !due(p))) return;
        try {
            refresh(p.access());
        } catch (TokenUnavailableException e) {
            // already logged loudly
        }
    }

    private boolean due(Pair p) {
        return clock.millis() >= p.expiresAt() - refreshBefore.toMillis();
    }

    private String refresh(String staleAccess) throws TokenUnavailableException {
        lock.lock();
        try {
            Pair p = load();
            if (p == null) throw new TokenUnavailableException("no Zalo token stored");
            // Someone refreshed while we waited for the lock: use theirs.
            if (p.access() != null && !p.access().equals(staleAccess) && !due(p)) return p.access();
            ZaloResponse r;
            try {
                r = client.refreshToken(credentials.appId(), credentials.appSecret(), p.refresh());
            } catch (java.io.IOException e) {
                failure = "refresh_failed: network: " + e.getMessage();
                log.warn("Zalo token refresh failed (network), will retry: {}", e.getMessage());
                throw new TokenUnavailableException(failure);
            }
            String access = r.data().path("access_token").asText("");
            String refresh = r.data().path("refresh_token").asText("");
            if (r.httpStatus() / 100 != 2 || access.isEmpty() || refresh.isEmpty()) {
                failure = "refresh_failed: Zalo answered HTTP " + r.httpStatus() + " error " + r.error() + " " + r.message();
                log.error("ZALO TOKEN REFRESH FAILED ({}). Replies cannot be sent until an OA admin grants access "
                        + "again: obtain a new refresh token (OA authorisation link or API Explorer on developers.zalo.me), "
                        + "set ZALO_REFRESH_TOKEN to it and restart cdsbot.", failure);
                throw new TokenUnavailableException(failure);
            }
            long lifetime = parseSeconds(r.data().path("expires_in").asText(""));
            long expiresAt = clock.millis() + lifetime * 1000;
            save(p, new Pair(access, refresh, expiresAt));
            issued = access;
            paused = false;
            failure = null;
            log.info("Zalo access token refreshed; valid for {} h", lifetime / 3600);
            return access;
        } finally {
            lock.unlock();
        }
    }

    private static long parseSeconds(String s) {
        try {
            long v = Long.parseLong(s.strip());
            return v > 0 ? v : DEFAULT_LIFETIME.toSeconds();
        } catch (NumberFormatException e) {
            return DEFAULT_LIFETIME.toSeconds();
        }
    }

    private void save(Pair old, Pair fresh) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO zalo_token_history (access_token, refresh_token, replaced_at) VALUES (?, ?, ?)")) {
                ps.setString(1, old.access());
                ps.setString(2, old.refresh());
                ps.setLong(3, clock.millis());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE zalo_token SET access_token = ?, refresh_token = ?, expires_at = ?, updated_at = ? WHERE id = 1")) {
                ps.setString(1, fresh.access());
                ps.setString(2, fresh.refresh());
                ps.setLong(3, fresh.expiresAt());
                ps.setLong(4, clock.millis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    private Pair load() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT access_token, refresh_token, expires_at FROM zalo_token WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Pair(rs.getString(1), rs.getString(2), rs.getLong(3)) : null;
            }
        });
    }

    @Override
    public String state() {
        String f = failure;
        if (f != null) return f;
        Pair p = load();
        if (p == null) return "missing";
        return "ok (expires " + java.time.Instant.ofEpochMilli(p.expiresAt()) + ")";
    }

    @Override
    public boolean healthy() {
        return failure == null && load() != null;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
