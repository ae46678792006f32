package vn.cdsbot.summary;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.people.Audit;
import vn.cdsbot.storage.Database;

/** GET /exports/{token}: the spreadsheet or report draft while the link is valid; a short Vietnamese page otherwise. */
final class ExportRoutes {
    private static final Logger log = LoggerFactory.getLogger(ExportRoutes.class);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final Database db;
    private final ExportStore store;
    private final Clock clock;

    ExportRoutes(Database db, ExportStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    void register(Javalin app) {
        app.get("/exports/{token}", this::download);
    }

    private void download(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
        ExportStore.Lookup found = db.read(c -> store.find(c, ctx.pathParam("token"), clock.instant()));
        if (found instanceof ExportStore.Lookup.Found f) {
            log.info("Export downloaded ({} bytes)", f.content().length);
            db.inTransaction(tx -> {
                Audit.record(tx, clock.millis(), "web", "summary.export_download", f.scope(),
                        "week=" + f.week() + " requested_by=" + f.createdBy());
                return null;
            });
            ctx.header("Content-Disposition", "attachment; filename=\"" + ascii(f.fileName()) + "\"; filename*=UTF-8''"
                    + URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
            ctx.contentType(f.fileName().endsWith(".docx") ? DOCX : XLSX).result(f.content());
        } else if (found instanceof ExportStore.Lookup.Expired) {
            page(ctx, 410, "Liên kết đã hết hạn",
                    "Liên kết tải báo cáo này đã hết hạn. Hãy gõ lại lệnh (#xuat hoặc #vanban) trong Zalo để nhận liên kết mới.");
        } else {
            page(ctx, 404, "Không tìm thấy báo cáo",
                    "Liên kết không đúng hoặc không còn tồn tại. Hãy kiểm tra lại, hoặc gõ #xuat trong Zalo để nhận liên kết mới.");
        }
    }

    private static void page(Context ctx, int status, String title, String text) {
        ctx.status(status).contentType("text/html; charset=utf-8").result("<!doctype html><html lang=\"vi\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title></head><body style=\"font-family:sans-serif;max-width:32em;margin:2em auto;"
                + "padding:0 1em\"><h1 style=\"font-size:1.3em\">" + title + "</h1><p>" + text + "</p></body></html>");
    }

    /** The file name without diacritics, for clients that ignore filename*. */
    static String ascii(String name) {
        return Texts.stripDiacritics(name).replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-");
    }
}
