package vn.cdsbot.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import vn.cdsbot.testing.TestApp;
import vn.cdsbot.webhook.SignatureVerifier;

/** Signed Zalo events as a campaign day brings them: 80 % citizens' questions, 20 % weekly report commands. */
final class Traffic {
    private static final List<String> QUESTIONS = List.of(
            "Làm lại căn cước bị mất thì cần giấy tờ gì?",
            "lam lai can cuoc bi mat o dau",
            "Cho em hỏi đăng ký khai sinh cho con mới sinh thế nào ạ?",
            "dang ky khai sinh online tren dich vu cong duoc khong",
            "Tài khoản VNeID bị khóa phải làm sao?",
            "quên mật khẩu vneid",
            "Kích hoạt tài khoản định danh điện tử mức 2 ở đâu?",
            "Đổi số điện thoại trên VNeID như thế nào vậy?",
            "không nhận được mã OTP khi đăng ký vneid",
            "Gia hạn tạm trú cần mang theo gì?",
            "đăng ký thường trú cho con ở nhà ông bà được không",
            "Thủ tục cấp hộ chiếu lần đầu mất bao lâu?",
            "giấy phép lái xe hết hạn có đổi online được không",
            "Làm phiếu lý lịch tư pháp trên VNeID thế nào?",
            "Con dưới 14 tuổi có cần làm căn cước không ạ",
            "Gia hạn bảo hiểm y tế hộ gia đình ở đâu?",
            "Đăng ký kết hôn cần những giấy tờ gì vậy anh chị?",
            "tra cứu phạt nguội xe máy",
            "Tin nhắn báo phạt nguội có phải lừa đảo không?",
            "Sau sáp nhập xã thì giấy tờ ghi địa chỉ cũ có phải đổi không?",
            "Xin hỏi khai báo tạm vắng làm ở đâu ạ 🙏",
            "Ông bà tôi không có điện thoại thông minh thì làm VNeID sao?",
            "Đăng ký xe máy mới mua lần đầu làm online được không?",
            "trợ cấp thất nghiệp nộp hồ sơ ở đâu",
            "Cấp điện mới cho nhà ở thì đăng ký thế nào?",
            "Chào bot, cho hỏi bên mình làm việc giờ nào?",
            "Tích hợp giấy phép lái xe vào VNeID được không?",
            "Làm sao để đăng nhập Cổng dịch vụ công bằng tài khoản VNeID?",
            "Em đổi điện thoại mới thì đăng nhập VNeID thế nào",
            "Đăng ký khai tử cho người thân cần làm gì?");

    private final String baseUrl;
    private final String appId;
    private final String secret;
    private final Reporters reporters;

    /** One signed event and the user who sent it (whose reply to wait for). */
    record Event(String user, HttpRequest request) {}

    Traffic(String baseUrl, String appId, String secret) {
        this(baseUrl, appId, secret, null);
    }

    /** With {@code reporters}, the 20 % of report commands come from those enrolled members (else from strangers). */
    Traffic(String baseUrl, String appId, String secret, Reporters reporters) {
        this.baseUrl = baseUrl;
        this.appId = appId;
        this.secret = secret;
        this.reporters = reporters;
    }

    /** Event number {@code seq}: a question from a new user {@code prefix + seq}, or every fifth a member's report. */
    Event next(String prefix, long seq) {
        if (reporters != null && seq % 5 == 4) {
            String[] report = reporters.next();
            return new Event(report[0], text(report[0], prefix + "-" + seq, report[1]));
        }
        String user = prefix + seq;
        return new Event(user, event(user, seq));
    }

    static String pick(long seq) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        if (seq % 5 == 4) {
            return switch (r.nextInt(3)) {
                case 0 -> "#baocao hotro=" + r.nextInt(200) + " vneid=" + r.nextInt(80);
                case 1 -> "#báo cáo tuần 47 hỗ trợ " + r.nextInt(200) + ", vneid " + r.nextInt(80) + ", dvc " + r.nextInt(30);
                default -> "/baocao hotro=" + r.nextInt(2000) + " thanhtoan=1.234 tuyentruyen=" + r.nextInt(5);
            };
        }
        return QUESTIONS.get(r.nextInt(QUESTIONS.size()));
    }

    /** A signed user_send_text from {@code userId}, Zalo-style (msg_id unique, timestamp in ms). */
    HttpRequest event(String userId, long seq) {
        return text(userId, userId + "-" + seq, pick(seq));
    }

    /** A signed user_send_text with the given text. */
    HttpRequest text(String userId, String msgKey, String text) {
        String ts = String.valueOf(System.currentTimeMillis());
        String body = TestApp.textEvent(appId, userId, "bench-" + msgKey, text, ts);
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(baseUrl + "/webhook/zalo"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-ZEvent-Signature", SignatureVerifier.sign(appId, raw, ts, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw))
                .build();
    }

    /** The ceiling: the same kind of POST to an endpoint that only answers 200. */
    static HttpRequest bare(String url, long seq) {
        String ts = String.valueOf(System.currentTimeMillis());
        byte[] raw = TestApp.textEvent("bare", "bare-" + seq, "bare-" + seq, pick(seq), ts).getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-ZEvent-Signature", "mac=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw))
                .build();
    }
}
