package vn.cdsbot.ops;

import io.javalin.Javalin;
import vn.cdsbot.config.BotConfig;

/**
 * Zalo's domain verification ("Xác thực domain" on developers.zalo.me): both methods at once, the meta tag on
 * the site root and the file {@code /zalo_verifier<CODE>.html}. When the operator gave the whole file Zalo made
 * (its path or its text), that exact text is served at both; otherwise an equivalent page is built from the code.
 */
public final class SiteVerification {
    private final String code;
    private final String file;
    private final String root;

    public SiteVerification(BotConfig.Zalo config) {
        this.code = config.siteVerificationCode();
        String raw = config.siteVerification();
        boolean wholeFile = raw.toLowerCase(java.util.Locale.ROOT).contains("<html");
        this.file = wholeFile ? raw : page("Zalo");
        this.root = wholeFile ? raw : page("cdsbot");
    }

    /** Registers nothing when no code is configured, so "/" stays free. */
    public void register(Javalin app) {
        if (code.isEmpty()) return;
        app.get("/zalo_verifier" + code + ".html", ctx -> ctx.contentType("text/html; charset=utf-8").result(file));
        app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(root));
    }

    private String page(String body) {
        // the code is [A-Za-z0-9_-] only (checked in BotConfig), so it needs no escaping
        return "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"zalo-platform-site-verification\" content=\"" + code + "\" />\n"
                + "<title>" + body + "</title>\n</head>\n<body>" + body + "</body>\n</html>\n";
    }
}
