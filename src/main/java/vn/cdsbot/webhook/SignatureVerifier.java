package vn.cdsbot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Zalo's webhook MAC: lowercase hex SHA-256 (plain, not HMAC) over UTF-8
 * {@code appId + rawBody + timestamp + oaSecretKey}, sent as {@code X-ZEvent-Signature: mac=<hex>}.
 * The raw bytes are hashed as received: re-serialised JSON would not match.
 */
public final class SignatureVerifier {
    private final byte[] appId;
    private final byte[] secret;

    public SignatureVerifier(String appId, String oaSecretKey) {
        this.appId = appId.getBytes(StandardCharsets.UTF_8);
        this.secret = oaSecretKey.getBytes(StandardCharsets.UTF_8);
    }

    public boolean verify(byte[] rawBody, String timestamp, String header) {
        if (header == null) return false;
        String hex = header.strip();
        if (hex.toLowerCase(Locale.ROOT).startsWith("mac=")) hex = hex.substring(4).strip();
        if (hex.length() != 64) return false;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest(appId, rawBody, timestamp.getBytes(StandardCharsets.UTF_8), secret), given);
    }

    /** The header value Zalo would send; used by the simulator and tests. */
    public static String sign(String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        byte[] d = digest(appId.getBytes(StandardCharsets.UTF_8), rawBody, timestamp.getBytes(StandardCharsets.UTF_8),
                oaSecretKey.getBytes(StandardCharsets.UTF_8));
        return "mac=" + HexFormat.of().formatHex(d);
    }

    private static byte[] digest(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) md.update(p);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
