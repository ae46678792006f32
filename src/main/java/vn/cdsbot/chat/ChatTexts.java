package vn.cdsbot.chat;

import java.util.stream.Collectors;

/** Vietnamese sentences of the router itself. */
final class ChatTexts {
    private ChatTexts() {}

    static String unknownCommand(String word) {
        return "Bot chưa hiểu lệnh \"#" + word + "\". Gõ #trogiup để xem các lệnh bạn dùng được, "
                + "hoặc gõ câu hỏi bình thường (không có dấu #) để hỏi về thủ tục.";
    }

    static String refused(Sender sender, Command command) {
        String who = command.allowed().stream().sorted().map(Role::label).collect(Collectors.joining(", "));
        if (!sender.enrolled()) {
            return "Xin lỗi, lệnh #" + command.name() + " chỉ dành cho " + who + " của Tổ công nghệ số cộng đồng. "
                    + "Nếu bạn là thành viên, hãy xin tổ trưởng mã mời rồi gõ: #dangky MÃ_MỜI. "
                    + "Bạn vẫn có thể hỏi bot về thủ tục hành chính và VNeID bất cứ lúc nào.";
        }
        return "Xin lỗi, với vai trò " + sender.role().label() + ", bạn chưa được dùng lệnh #" + command.name()
                + ". Lệnh này dành cho: " + who + ". Gõ #trogiup để xem các lệnh của bạn.";
    }

    /** A file from someone whose role may not send files: a citizen is asked to write, a member is refused. */
    static String fileRefused(Sender sender, java.util.Set<Role> allowed) {
        if (!sender.enrolled()) {
            return "Hiện bot chỉ đọc được tin nhắn chữ, chưa mở được tệp bạn gửi. Bạn vui lòng gõ câu hỏi bằng chữ "
                    + "(ví dụ: \"làm lại căn cước bị mất ở đâu\"), bot sẽ trả lời ngay.";
        }
        String who = allowed.isEmpty() ? "" : " Bot chỉ nhận tệp (tệp chỉ tiêu chiến dịch) từ: "
                + allowed.stream().sorted().map(Role::label).collect(Collectors.joining(", ")) + ".";
        return "Xin lỗi, với vai trò " + sender.role().label() + ", bạn chưa gửi tệp cho bot được." + who
                + " Số liệu của tổ hãy gửi bằng lệnh #baocao; gõ #trogiup để xem các lệnh của bạn.";
    }

    static String help(Sender sender, String commandLines) {
        String intro = sender.enrolled()
                ? "Các lệnh dành cho bạn (" + sender.role().label() + "):"
                : "Bạn có thể gõ câu hỏi về thủ tục hành chính, căn cước, VNeID… (có dấu hay không dấu đều được). Các lệnh:";
        return intro + "\n" + commandLines;
    }
}
