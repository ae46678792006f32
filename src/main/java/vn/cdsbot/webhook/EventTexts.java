package vn.cdsbot.webhook;

/** Replies to events that are not questions or commands. */
final class EventTexts {
    private EventTexts() {}

    static final String WELCOME = "Chào bạn! Đây là trợ lý của Tổ công nghệ số cộng đồng. Bạn có thể hỏi về các thủ tục "
            + "hành chính (căn cước, cư trú, khai sinh, hộ chiếu, giấy phép lái xe…) và ứng dụng VNeID — gõ có dấu "
            + "hay không dấu đều được. Gõ #trogiup để xem các lệnh.";

    static final String TEXT_ONLY = "Hiện bot chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi bằng chữ "
            + "(ví dụ: \"làm lại căn cước bị mất ở đâu\"), bot sẽ trả lời ngay.";

    static final String SORRY = "Xin lỗi, bot gặp sự cố khi xử lý tin nhắn của bạn. Bạn vui lòng thử lại sau ít phút, "
            + "hoặc liên hệ Tổ công nghệ số cộng đồng tại UBND xã, phường nơi bạn ở.";

    /** An enrolled member over the rate limit: nothing is lost, the rest follows at {@code time}. */
    static String deferred(String time) {
        return "Bạn đang gửi tin nhắn hơi nhanh. Bot đã nhận đủ các tin và sẽ xử lý tiếp các tin còn lại, theo đúng thứ "
                + "tự, từ khoảng " + time + ". Bạn không cần gửi lại.";
    }

    static final String SLOW_DOWN = "Bạn đang gửi tin nhắn hơi nhanh. Bot sẽ tạm bỏ qua các tin tiếp theo trong ít phút; "
            + "bạn vui lòng chờ một chút rồi gửi lại câu hỏi nhé.";
}
