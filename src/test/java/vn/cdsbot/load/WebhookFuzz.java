package vn.cdsbot.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.cdsbot.testing.TestApp;
import vn.cdsbot.webhook.EventParser;
import vn.cdsbot.webhook.SignatureVerifier;
import vn.cdsbot.webhook.WebhookEvent;

/**
 * Hostile webhook requests from a seeded generator: garbage, broken and mutated JSON, wrong types, missing
 * fields, duplicate keys, deep nesting, huge numbers, odd Unicode, oversized bodies, and forged, replayed or
 * mangled signatures. Each case knows whether it carries a correct signature.
 */
final class WebhookFuzz {

    /** One request; {@code signedRight} when the header is the true MAC of exactly these bytes. */
    record Case(String kind, byte[] body, String signature, boolean signedRight) {}

    private static final String[] TEXTS = {
        "Làm lại căn cước ở đâu?", "#baocao hotro=12 vneid=5", "#báo cáo tuần 99999999999999999999 hotro=-1",
        "/xuat", "#", "/", "##", "#trogiup", "\u0000\u0001\u0002", "😀🇻🇳👨‍👩‍👧", "\u202Eabc\u202C", "e\u0301\u0302\u0303",
        "Ꮖ𝕏𝔁", "\uFEFFBOM", "a".repeat(5000), "ă".repeat(10_000), "\r\n\t \u00A0\u2028\u2029", "<script>alert(1)</script>",
        "' OR 1=1; DROP TABLE inbox; --", "%s%n%x", "${jndi:ldap://x}", "1e309", "-0", "NaN",
    };
    private static final String[] EVENTS = {
        "user_send_text", "user_send_image", "user_send_sticker", "follow", "unfollow", "user_withdraw",
        "user_submit_info", "oa_send_text", "user_seen_message", "anonymous_send_text", "", " ", "USER_SEND_TEXT",
    };

    private final Random random;
    private final List<Case> validSent = new ArrayList<>();
    private long seq;

    WebhookFuzz(long seed) {
        this.random = new Random(seed);
    }

    Case next() {
        int k = random.nextInt(100);
        if (k < 8) return unsigned("random bytes", randomBytes(random.nextInt(3000)));
        if (k < 14) return maybeSigned("garbage text", randomText(random.nextInt(500)).getBytes(StandardCharsets.UTF_8));
        if (k < 34) return maybeSigned("mutated", mutate(baseEvent().getBytes(StandardCharsets.UTF_8)));
        if (k < 48) return maybeSigned("wrong types", wrongTypes().getBytes(StandardCharsets.UTF_8));
        if (k < 56) return maybeSigned("missing fields", missingFields().getBytes(StandardCharsets.UTF_8));
        if (k < 60) return maybeSigned("duplicate keys", duplicateKeys().getBytes(StandardCharsets.UTF_8));
        if (k < 64) return maybeSigned("deep nesting", deepNesting().getBytes(StandardCharsets.UTF_8));
        if (k < 70) return maybeSigned("huge numbers", hugeNumbers().getBytes(StandardCharsets.UTF_8));
        if (k < 72) return maybeSigned("oversized", oversized().getBytes(StandardCharsets.UTF_8));
        if (k < 86) return forged();
        if (k < 90 && !validSent.isEmpty()) return validSent.get(random.nextInt(validSent.size())); // Zalo-style retry
        Case c = signed("valid", baseEvent().getBytes(StandardCharsets.UTF_8));
        validSent.add(c);
        return c;
    }

    private String ts() {
        return String.valueOf(1_700_000_000_000L + random.nextInt(1_000_000_000));
    }

    private String user() {
        return random.nextInt(10) == 0 ? String.valueOf(Long.MAX_VALUE) + random.nextInt(1000) : "fz" + random.nextInt(3000);
    }

    private String text() {
        return random.nextInt(3) == 0 ? TEXTS[random.nextInt(TEXTS.length)] : randomText(random.nextInt(200));
    }

    private String baseEvent() {
        String event = random.nextInt(4) == 0 ? EVENTS[random.nextInt(EVENTS.length)] : "user_send_text";
        if (event.equals("user_send_text") || random.nextBoolean()) {
            return TestApp.textEvent(TestApp.APP_ID, user(), "fz-" + (seq++), text(), ts()).replace("user_send_text", event);
        }
        return "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"" + event + "\",\"oa_id\":\"oa-1\","
                + "\"follower\":{\"id\":\"" + user() + "\"},\"user_id\":\"" + user() + "\",\"timestamp\":\"" + ts() + "\"}";
    }

    private String wrongTypes() {
        String[] values = {"null", "true", "123", "-1", "1.5", "[]", "{}", "[1,2]", "{\"a\":{}}", "\"\"", "\"x\"",
            "123456789012345678901234567890", "1e400", "\"" + "9".repeat(25) + "\""};
        String v = values[random.nextInt(values.length)];
        return switch (random.nextInt(7)) {
            case 0 -> "{\"app_id\":" + v + ",\"event_name\":\"user_send_text\",\"sender\":{\"id\":\"u\"},"
                    + "\"message\":{\"text\":\"a\",\"msg_id\":\"m\"},\"timestamp\":\"" + ts() + "\"}";
            case 1 -> "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":" + v + ",\"sender\":{\"id\":\"u\"},\"timestamp\":\"1\"}";
            case 2 -> "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"user_send_text\",\"sender\":{\"id\":" + v
                    + "},\"message\":{\"text\":\"a\",\"msg_id\":\"m" + (seq++) + "\"},\"timestamp\":\"" + ts() + "\"}";
            case 3 -> "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"user_send_text\",\"sender\":{\"id\":\"u\"},"
                    + "\"message\":" + v + ",\"timestamp\":\"" + ts() + "\"}";
            case 4 -> "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"user_send_text\",\"sender\":{\"id\":\"u\"},"
                    + "\"message\":{\"text\":" + v + ",\"msg_id\":" + v + "},\"timestamp\":\"" + ts() + "\"}";
            case 5 -> "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"user_send_text\",\"sender\":" + v
                    + ",\"message\":{\"text\":\"a\",\"msg_id\":\"m" + (seq++) + "\"},\"timestamp\":" + v + "}";
            default -> v;
        };
    }

    private String missingFields() {
        String full = TestApp.textEvent(TestApp.APP_ID, user(), "fz-" + (seq++), text(), ts());
        String[] fields = {"app_id", "event_name", "timestamp", "sender", "message", "msg_id", "text", "recipient"};
        String f = fields[random.nextInt(fields.length)];
        // Rename rather than cut, so the JSON stays well-formed and only the field is missing.
        return full.replace("\"" + f + "\":", "\"x_" + f + "\":");
    }

    private String duplicateKeys() {
        String ts = ts();
        return "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"user_send_text\",\"event_name\":\"follow\","
                + "\"sender\":{\"id\":\"u1\",\"id\":\"u2\"},\"message\":{\"text\":\"a\",\"msg_id\":\"d" + (seq++)
                + "\"},\"timestamp\":\"" + ts + "\",\"timestamp\":\"" + ts() + "\"}";
    }

    private String deepNesting() {
        int depth = 10 + random.nextInt(5000);
        String open = random.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"user_send_text\",\"sender\":{\"id\":\"u\"},"
                + "\"message\":{\"text\":\"a\",\"msg_id\":\"n" + (seq++) + "\"},\"timestamp\":\"" + ts() + "\",\"x\":"
                + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private String hugeNumbers() {
        String n = switch (random.nextInt(5)) {
            case 0 -> "9".repeat(20 + random.nextInt(60));
            case 1 -> "-" + "9".repeat(30);
            case 2 -> "1e" + random.nextInt(100_000);
            case 3 -> "0." + "0".repeat(100) + "1";
            default -> "18446744073709551616";
        };
        return "{\"app_id\":\"" + TestApp.APP_ID + "\",\"event_name\":\"user_send_text\",\"sender\":{\"id\":" + n
                + "},\"message\":{\"text\":\"#baocao hotro=" + n + "\",\"msg_id\":" + n + "},\"timestamp\":"
                + (random.nextBoolean() ? n : "\"" + ts() + "\"") + "}";
    }

    private String oversized() {
        return TestApp.textEvent(TestApp.APP_ID, user(), "big-" + (seq++), "x".repeat(65_536 + random.nextInt(100_000)), ts());
    }

    private Case forged() {
        byte[] body = baseEvent().getBytes(StandardCharsets.UTF_8);
        String ts = timestampOf(body);
        String right = SignatureVerifier.sign(TestApp.APP_ID, body, ts, TestApp.OA_SECRET);
        String sig = switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> "mac=" + hex(64);
            case 3 -> SignatureVerifier.sign(TestApp.APP_ID, body, ts, "wrong-secret");
            case 4 -> SignatureVerifier.sign(TestApp.APP_ID, body, ts + "1", TestApp.OA_SECRET);
            case 5 -> SignatureVerifier.sign("other-app", body, ts, TestApp.OA_SECRET);
            case 6 -> validSent.isEmpty() ? right.substring(0, 60) : validSent.get(random.nextInt(validSent.size())).signature();
            case 7 -> right.substring(0, right.length() - 1) + (right.endsWith("0") ? "1" : "0");
            case 8 -> "mac=" + "z".repeat(64);
            default -> "mac=" + hex(random.nextInt(200));
        };
        return new Case("forged signature", body, sig, false);
    }

    private Case maybeSigned(String kind, byte[] body) {
        return random.nextBoolean() ? signed(kind, body) : new Case(kind, body, "mac=" + hex(64), false);
    }

    private Case unsigned(String kind, byte[] body) {
        return new Case(kind, body, random.nextBoolean() ? null : "mac=" + hex(64), false);
    }

    private static Case signed(String kind, byte[] body) {
        return new Case(kind, body, SignatureVerifier.sign(TestApp.APP_ID, body, timestampOf(body), TestApp.OA_SECRET), true);
    }

    /** The timestamp the server will read, or anything when it will not parse. */
    private static String timestampOf(byte[] body) {
        try {
            return EventParser.parse(body).timestamp();
        } catch (EventParser.BadEvent e) {
            return "0";
        }
    }

    /** The inbox key the server would store this body under, or null if it does not parse. */
    static String keyOf(byte[] body) {
        try {
            WebhookEvent e = EventParser.parse(body);
            return e.dedupeKey();
        } catch (EventParser.BadEvent e) {
            return null;
        }
    }

    private byte[] mutate(byte[] in) {
        byte[] b = in.clone();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n && b.length > 0; i++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b = java.util.Arrays.copyOf(b, at);                         // truncate
                case 2 -> {                                                            // insert a structural char
                    byte[] c = new byte[b.length + 1];
                    System.arraycopy(b, 0, c, 0, at);
                    String structural = "{}[]\":,\\ 0-";
                    c[at] = (byte) structural.charAt(random.nextInt(structural.length()));
                    System.arraycopy(b, at, c, at + 1, b.length - at);
                    b = c;
                }
                default -> {                                                           // delete one byte
                    byte[] c = new byte[b.length - 1];
                    System.arraycopy(b, 0, c, 0, at);
                    System.arraycopy(b, at + 1, c, at, b.length - at - 1);
                    b = c;
                }
            }
        }
        return b;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private String randomText(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20);                       // control characters
                case 1 -> 0x20 + random.nextInt(0x5F);                // ASCII
                case 2 -> 0x00C0 + random.nextInt(0x1B0);             // Latin with diacritics
                case 3 -> 0x1EA0 + random.nextInt(0x60);              // Vietnamese precomposed
                case 4 -> 0x1F300 + random.nextInt(0x300);            // emoji
                default -> 0x0300 + random.nextInt(0x70);             // combining marks
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("0123456789abcdef".charAt(random.nextInt(16)));
        return sb.toString();
    }
}
