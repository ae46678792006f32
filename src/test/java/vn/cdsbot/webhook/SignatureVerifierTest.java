package vn.cdsbot.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
    private static final String APP = "360846524940903967";
    private static final String SECRET = "oa-secret-key";
    private final SignatureVerifier verifier = new SignatureVerifier(APP, SECRET);

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acceptsTheDocumentedFormulaWithAndWithoutMacPrefix() throws Exception {
        String body = "{\"app_id\":\"" + APP + "\",\"event_name\":\"user_send_text\",\"message\":{\"text\":\"Đăng ký\"},\"timestamp\":\"154390853474\"}";
        String hex = sha256(APP + body + "154390853474" + SECRET);
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(raw, "154390853474", "mac=" + hex)).isTrue();
        assertThat(verifier.verify(raw, "154390853474", hex)).isTrue();
        assertThat(verifier.verify(raw, "154390853474", "MAC=" + hex.toUpperCase())).isTrue();
        assertThat(verifier.verify(raw, "154390853474", "  mac=" + hex + "  ")).isTrue();
    }

    @Test
    void rejectsWrongSecretTimestampBodyOrGarbage() throws Exception {
        String body = "{\"a\":1}";
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        String good = sha256(APP + body + "100" + SECRET);
        assertThat(verifier.verify(raw, "101", good)).isFalse();
        assertThat(verifier.verify(raw, "100", sha256(APP + body + "100" + "other"))).isFalse();
        assertThat(verifier.verify("{\"a\":2}".getBytes(StandardCharsets.UTF_8), "100", good)).isFalse();
        assertThat(verifier.verify(raw, "100", null)).isFalse();
        assertThat(verifier.verify(raw, "100", "mac=")).isFalse();
        assertThat(verifier.verify(raw, "100", "mac=" + good.substring(1))).isFalse();
        assertThat(verifier.verify(raw, "100", "mac=" + "zz" + good.substring(2))).isFalse();
    }

    @Test
    void isPlainSha256NotHmac() throws Exception {
        String body = "{}";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hmac = HexFormat.of().formatHex(mac.doFinal((APP + body + "1").getBytes(StandardCharsets.UTF_8)));
        assertThat(verifier.verify(body.getBytes(StandardCharsets.UTF_8), "1", hmac)).isFalse();
    }

    @Test
    void digestWithLeadingZeroVerifies() throws Exception {
        // Search for a body whose digest starts with "0": a BigInteger round trip would drop that digit.
        for (int i = 0; i < 10_000; i++) {
            String body = "{\"n\":" + i + "}";
            String hex = sha256(APP + body + "42" + SECRET);
            if (hex.startsWith("00")) {
                assertThat(verifier.verify(body.getBytes(StandardCharsets.UTF_8), "42", "mac=" + hex)).isTrue();
                assertThat(SignatureVerifier.sign(APP, body.getBytes(StandardCharsets.UTF_8), "42", SECRET)).isEqualTo("mac=" + hex);
                return;
            }
        }
        throw new AssertionError("no digest with leading zeros found");
    }

    @Test
    void reSerialisedBodyDoesNotMatchTheRawOne() throws Exception {
        String raw = "{ \"app_id\": \"" + APP + "\",  \"message\": {\"text\": \"Ho\\u00e0\"}, \"timestamp\": \"7\" }";
        String sig = SignatureVerifier.sign(APP, raw.getBytes(StandardCharsets.UTF_8), "7", SECRET);
        String reserialised = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw));
        assertThat(reserialised).isNotEqualTo(raw);
        assertThat(verifier.verify(raw.getBytes(StandardCharsets.UTF_8), "7", sig)).isTrue();
        assertThat(verifier.verify(reserialised.getBytes(StandardCharsets.UTF_8), "7", sig)).isFalse();
    }
}
