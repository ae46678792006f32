package vn.cdsbot.ops;

import io.javalin.Javalin;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.CommandCall;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.feature.Feature;
import vn.cdsbot.messaging.Inbox;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;
import vn.cdsbot.zalo.TokenSource;

/**
 * Operations as a feature: /health and /metrics for the operator's tools, and #trangthai for admins in the chat —
 * the same state in Vietnamese, with the billed sends Zalo charges for.
 */
public final class OpsFeature implements Feature {
    private final OpsRoutes routes;
    private final Inbox inbox;
    private final Outbox outbox;
    private final TokenSource tokens;
    private final ZaloCredentials.Mode mode;
    private final PrometheusMeterRegistry registry;
    private final boolean paidMessages;
    private final Clock clock;
    private final java.time.ZoneId zone;

    public OpsFeature(Database db, Inbox inbox, Outbox outbox, TokenSource tokens, ZaloCredentials.Mode mode,
                      PrometheusMeterRegistry registry, boolean paidMessages, java.time.ZoneId zone, Clock clock) {
        this.routes = new OpsRoutes(db, inbox, outbox, tokens, mode, registry, clock);
        this.inbox = inbox;
        this.outbox = outbox;
        this.tokens = tokens;
        this.mode = mode;
        this.registry = registry;
        this.paidMessages = paidMessages;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public List<Command> commands() {
        return List.of(new Command("trangthai", List.of("trang thai", "status"), EnumSet.of(Role.ADMIN),
                "#trangthai — tình trạng kết nối Zalo, hàng đợi tin nhắn và số tin có phí", this::status));
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of();   // reads state only; the messaging parts erase what they hold
    }

    @Override
    public void routes(Javalin web) {
        routes.register(web);
    }

    private List<Reply> status(CommandCall call) throws Exception {
        Inbox.Depth in = inbox.depth();
        Outbox.Depth out = outbox.depth();
        Counter billed = registry.find("cdsbot_billed_sends").counter();
        long refused;
        try (PreparedStatement ps = call.tx().prepareStatement(
                "SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND sent_at >= ? AND last_error LIKE ?")) {
            ps.setLong(1, clock.instant().minus(Duration.ofDays(7)).toEpochMilli());
            ps.setString(2, MessagingWindow.NOT_PAID + "%");
            try (ResultSet rs = ps.executeQuery()) {
                refused = rs.next() ? rs.getLong(1) : 0;
            }
        }
        String text = "TÌNH TRẠNG BOT lúc " + VnDates.dateTime(clock.instant(), zone) + "\n"
                + "Chế độ: " + switch (mode) {
                    case LOCAL -> "thử cục bộ (không nối Zalo)";
                    case BOOTSTRAP -> "đang cài đặt webhook (chưa có Khóa bí mật OA)";
                    case PRODUCTION -> "Zalo OA";
                } + "\n"
                + "Token Zalo: " + (tokens.healthy() ? "hoạt động" : "CẦN XỬ LÝ") + " (" + tokens.state() + ")\n"
                + "Tin nhắn đến: " + VnFormat.number(in.pending()) + " đang chờ xử lý, " + VnFormat.number(in.failed()) + " lỗi\n"
                + "Tin nhắn đi: " + VnFormat.number(out.pending()) + " đang chờ gửi, " + VnFormat.number(out.failed())
                + " không gửi được, " + VnFormat.number(out.sent()) + " đã gửi\n"
                + "Tin có phí (người dùng nhắn lần cuối 48 giờ–7 ngày trước): " + (paidMessages ? "được gửi" : "không gửi")
                + " (zalo.paid_messages); đã gửi " + VnFormat.number(billed == null ? 0 : (long) billed.count())
                + " tin từ lần khởi động gần nhất; Zalo từ chối " + VnFormat.number(refused) + " tin có phí trong 7 ngày qua.";
        return List.of(Reply.text(text));
    }
}
