package vn.cdsbot.summary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import vn.cdsbot.period.Week;

/**
 * Keeps generated spreadsheets behind unguessable links: 32 random bytes, base64url, of which only the SHA-256
 * is stored. A link works until it expires; after that the file is dropped.
 */
public final class ExportStore {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Rows of expired links are kept this long so the page can say "expired" rather than "unknown". */
    static final Duration KEEP_EXPIRED = Duration.ofDays(30);

    private final String baseUrl;
    private final Duration lifetime;

    public ExportStore(String baseUrl, Duration lifetime) {
        this.baseUrl = baseUrl;
        this.lifetime = lifetime;
    }

    public record Link(String url, Instant expiresAt) {}

    sealed interface Lookup {
        record Found(String fileName, byte[] content, String createdBy, String scope, String week) implements Lookup {}
        record Expired() implements Lookup {}
        record Unknown() implements Lookup {}
    }

    Link save(Connection tx, String userId, String scope, vn.cdsbot.period.Period period, String fileName, byte[] content,
              Instant now) throws SQLException {
        return save(tx, userId, scope, period.key(), fileName, content, now);
    }

    /**
     * Keeps a file of another feature (the knowledge base's list for editors) behind the same kind of link.
     *
     * @param period what the file covers, for the download audit (a week key or a first day)
     */
    public Link save(Connection tx, String userId, String scope, String period, String fileName, byte[] content,
                     Instant now) throws SQLException {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = now.plus(lifetime);
        try (PreparedStatement ps = tx.prepareStatement(
                "INSERT INTO summary_exports (token_hash, created_by, created_at, expires_at, scope, week_start, file_name, content) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, hash(token));
            ps.setString(2, userId);
            ps.setLong(3, now.toEpochMilli());
            ps.setLong(4, expires.toEpochMilli());
            ps.setString(5, scope);
            ps.setString(6, period);
            ps.setString(7, fileName);
            ps.setBytes(8, content);
            ps.executeUpdate();
        }
        return new Link(baseUrl + "/exports/" + token, expires);
    }

    Lookup find(Connection c, String token, Instant now) throws SQLException {
        if (token == null || !TOKEN.matcher(token).matches()) return new Lookup.Unknown();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT expires_at, file_name, content, created_by, scope, week_start FROM summary_exports WHERE token_hash = ?")) {
            ps.setString(1, hash(token));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return new Lookup.Unknown();
                byte[] content = rs.getBytes(3);
                if (rs.getLong(1) <= now.toEpochMilli() || content == null) return new Lookup.Expired();
                return new Lookup.Found(rs.getString(2), content, rs.getString(4), rs.getString(5), rs.getString(6));
            }
        }
    }

    /** Drops the files of expired links, and the rows once they are old. */
    void purge(Connection tx, Instant now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "UPDATE summary_exports SET content = NULL WHERE expires_at <= ? AND content IS NOT NULL")) {
            ps.setLong(1, now.toEpochMilli());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM summary_exports WHERE expires_at <= ?")) {
            ps.setLong(1, now.minus(KEEP_EXPIRED).toEpochMilli());
            ps.executeUpdate();
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
