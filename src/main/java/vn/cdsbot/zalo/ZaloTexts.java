package vn.cdsbot.zalo;

/** What the bot tells people in chat about its own connection to Zalo. */
public final class ZaloTexts {
    private ZaloTexts() {}

    public static final String TOKEN_REFUSED = "⚠️ Zalo đã từ chối quyền gửi tin của bot (mã truy cập mới cấp cũng bị "
            + "từ chối, lỗi -216). Trong thời gian đó bot tạm dừng gửi tin, các tin trả lời được giữ lại và sẽ gửi khi "
            + "Zalo chấp nhận trở lại; bot thử lại mỗi phút. Nếu kéo dài, quản trị viên OA cần cấp quyền lại cho ứng "
            + "dụng, đặt ZALO_REFRESH_TOKEN mới và khởi động lại bot (xem mục 11 của hướng dẫn vận hành).";
}
