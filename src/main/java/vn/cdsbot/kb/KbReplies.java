package vn.cdsbot.kb;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;

/** Every sentence the knowledge base says to users, in Vietnamese. */
final class KbReplies {
    static final String HELPFUL = "huuich";
    static final String WRONG = "chuadung";
    static final String SHOW = "xem";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int MAX_BUTTON_TITLE = 100;

    private KbReplies() {}

    /** Title, body, then the primary source and the date it was checked. */
    static String answerText(Article a) {
        Article.Source s = a.primarySource();
        return a.title() + "\n\n" + a.body() + "\n\nNguồn: " + s.url() + " (kiểm tra ngày " + DATE.format(s.checked()) + ")";
    }

    static Reply answer(Article a) {
        return Reply.text(answerText(a), List.of(
                Button.query("Hữu ích", "#" + HELPFUL + " " + a.id()),
                Button.query("Chưa đúng", "#" + WRONG + " " + a.id())));
    }

    static Reply clarify(List<Article> options) {
        StringBuilder text = new StringBuilder("Bạn muốn hỏi về…?");
        List<Button> buttons = new ArrayList<>();
        int i = 1;
        for (Article a : options) {
            text.append("\n").append(i++).append(". ").append(a.title());
            buttons.add(Button.query(shorten(a.title()), "#" + SHOW + " " + a.id()));
        }
        text.append("\nBấm vào một mục để xem hướng dẫn, hoặc hỏi lại rõ hơn (ví dụ: thủ tục gì, đang gặp lỗi gì).");
        return Reply.text(text.toString(), buttons);
    }

    /**
     * The reply to a decision: the top article, up to three offered articles, or the honest fallback.
     * {@code shown} turns an article into today's wording (facts resolved).
     */
    static Reply forDecision(AnswerPolicy.Decision d, java.util.function.UnaryOperator<Article> shown) {
        return switch (d.kind()) {
            case ANSWER -> answer(shown.apply(d.hits().get(0).article()));
            case CLARIFY -> clarify(d.hits().subList(0, Math.min(3, d.hits().size())).stream()
                    .map(KbIndex.Hit::article).toList());
            case FALLBACK -> fallback();
        };
    }

    private static final String EXAMPLES = "ví dụ: \"cấp lại căn cước bị mất\", \"quên mật khẩu VNeID\" "
            + "hoặc \"đăng ký khai sinh cho con\"";

    static Reply smallTalk(SmallTalk.Kind kind) {
        return Reply.text(switch (kind) {
            case GREETING -> "Xin chào bạn! Mình là trợ lý của Tổ công nghệ số cộng đồng. Bạn cứ gõ câu hỏi về thủ tục "
                    + "hành chính hoặc ứng dụng VNeID, có dấu hay không dấu đều được, " + EXAMPLES + ".";
            case THANKS -> "Không có gì ạ! Chúc bạn làm thủ tục thuận lợi. Cần hỏi thêm, bạn cứ nhắn cho mình nhé.";
            case ACKNOWLEDGEMENT -> "Dạ. Nếu còn vướng ở bước nào, bạn cứ nhắn câu hỏi cho mình nhé.";
            case GOODBYE -> "Tạm biệt bạn! Khi cần hỏi về thủ tục hay VNeID, bạn cứ nhắn cho mình bất cứ lúc nào.";
            case IDENTITY -> "Mình là trợ lý tự động (bot) của Tổ công nghệ số cộng đồng. Mình trả lời các câu hỏi về "
                    + "căn cước, VNeID, cư trú, hộ tịch, hộ chiếu, giấy phép lái xe và các dịch vụ công trực tuyến "
                    + "thiết yếu, " + EXAMPLES + ". Câu nào mình chưa biết, mình sẽ nói rõ và chỉ bạn đến Tổ công nghệ "
                    + "số cộng đồng ở xã, phường. Thành viên tổ gõ #trogiup để xem các lệnh báo cáo.";
        });
    }

    /** Said plainly, without promising that the question will be added to the content. */
    static Reply fallback() {
        return Reply.text("Xin lỗi, hiện bot chưa có thông tin về câu hỏi này. Bot chỉ trả lời các câu hỏi về dịch vụ công "
                + "trực tuyến, thủ tục hành chính (căn cước, cư trú, hộ tịch, hộ chiếu, giấy phép lái xe…) và ứng dụng "
                + "VNeID, không trả lời các chủ đề khác như thời tiết hay giá cả.\n"
                + "Nếu bạn hỏi về một thủ tục, hãy hỏi lại ngắn gọn, ví dụ: \"cấp lại căn cước bị mất\", hoặc liên hệ "
                + "Tổ công nghệ số cộng đồng hay bộ phận một cửa của Ủy ban nhân dân xã/phường nơi bạn ở.");
    }

    static Reply thanksHelpful() {
        return Reply.text("Cảm ơn bạn đã phản hồi! Chúc bạn làm thủ tục thuận lợi.");
    }

    static Reply askWhatWasWrong() {
        return Reply.text("Cảm ơn bạn đã báo. Câu trả lời chưa đúng ở chỗ nào, hoặc bạn cần biết điều gì ạ? "
                + "Bạn nhắn giúp một tin ngắn, bot sẽ chuyển nguyên văn cho người biên tập để sửa bài. "
                + "Cần hỗ trợ ngay thì bạn liên hệ Tổ công nghệ số cộng đồng ở xã/phường.");
    }

    static Reply thanksComment() {
        return Reply.text("Cảm ơn bạn, bot đã ghi lại ý kiến để người biên tập xem và sửa bài. "
                + "Bạn cứ hỏi tiếp nếu cần, có thể diễn đạt câu hỏi theo cách khác.");
    }

    static Reply unknownArticle(String id) {
        return Reply.text("Bot không tìm thấy bài hướng dẫn \"" + id + "\" (có thể bài đã được đổi tên). "
                + "Bạn hãy gõ lại câu hỏi để bot tìm bài phù hợp.");
    }

    static Reply missingId(String command) {
        return Reply.text("Lệnh #" + command + " cần kèm mã bài, ví dụ: #" + command + " cap-lai-the-can-cuoc. "
                + "Bạn thường không cần gõ lệnh này: hãy bấm nút dưới câu trả lời.");
    }

    private static String shorten(String title) {
        return title.length() <= MAX_BUTTON_TITLE ? title : title.substring(0, MAX_BUTTON_TITLE - 1).strip() + "…";
    }
}
