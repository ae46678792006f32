package vn.cdsbot.config;

import java.util.Map;

/** Secrets and their mode, read only from the environment. toString never prints a secret. */
public record ZaloCredentials(String appId, String oaSecretKey, String appSecret, String refreshToken, String accessToken) {

    public enum Mode {
        /** No credentials: replies go to the built-in fake Zalo and the simulator page is served. */
        LOCAL,
        /** App id known but no OA secret key yet: unsigned POSTs are acknowledged so the console can save the URL. */
        BOOTSTRAP,
        PRODUCTION
    }

    /** Fixed, public values for local mode; the simulator page signs its events with them. */
    public static final ZaloCredentials LOCAL = new ZaloCredentials("local-app", "local-oa-secret", "", "", "local-access-token");

    public static ZaloCredentials fromEnv(Map<String, String> env) {
        String appId = blankToEmpty(env.get("ZALO_APP_ID"));
        if (appId.isEmpty()) return LOCAL;
        return new ZaloCredentials(appId, blankToEmpty(env.get("ZALO_OA_SECRET_KEY")),
                blankToEmpty(env.get("ZALO_APP_SECRET")), blankToEmpty(env.get("ZALO_REFRESH_TOKEN")),
                blankToEmpty(env.get("ZALO_ACCESS_TOKEN")));
    }

    public Mode mode() {
        if (this == LOCAL || LOCAL.equals(this)) return Mode.LOCAL;
        return oaSecretKey.isEmpty() ? Mode.BOOTSTRAP : Mode.PRODUCTION;
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    @Override
    public String toString() {
        return "ZaloCredentials[appId=" + appId + ", oaSecretKey=" + mask(oaSecretKey) + ", appSecret=" + mask(appSecret)
                + ", refreshToken=" + mask(refreshToken) + ", accessToken=" + mask(accessToken) + "]";
    }

    private static String mask(String s) {
        return s.isEmpty() ? "(none)" : "(set)";
    }
}
