package vn.cdsbot.handoff;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.people.Unit;

/** Every sentence of the hand-off, in Vietnamese. Members see the ticket code and commune, never the citizen's id. */
final class HandoffTexts {
    static final String OFFER_BUTTON = "Gặp người hỗ trợ";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM");
    private static final int MAX_BUTTONS = 5;

    private HandoffTexts() {}

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    static Reply withOffer(Reply.Text fallback) {
        return Reply.text(fallback.text() + "\n\nBạn cũng có thể nhờ một người của Tổ công nghệ số cộng đồng ở "
                + "xã/phường mình: bấm nút \"" + OFFER_BUTTON + "\", người của tổ sẽ trả lời bạn ngay trong Zalo này.",
                List.of(Button.query(OFFER_BUTTON, "#hotro")));
    }

    static String counts(int opened, int answered, java.util.Optional<Long> medianMinutes) {
        return "Người dân nhờ hỗ trợ qua Zalo OA: " + opened + " câu hỏi, " + answered + " đã được trả lời"
                + medianMinutes.map(m -> " (thời gian chờ câu trả lời đầu tiên, trung vị: "
                        + (m < 120 ? m + " phút" : Math.round(m / 60.0) + " giờ") + ")").orElse("") + ".";
    }

    static String helpedHint(int n) {
        return "Gợi ý: trong tuần của báo cáo này, tổ đã hỗ trợ qua Zalo OA: " + n + " lượt hỗ trợ (câu hỏi người dân đã trả lời và đóng). "
                + "Bot không tự cộng vào báo cáo. Nếu số lượt hỗ trợ ở trên chưa tính các lượt này, bạn cộng thêm rồi gõ "
                + "#sua với số mới.";
    }

    static Reply askQuestionFirst() {
        return Reply.text("Bạn cần hỗ trợ việc gì ạ? Bạn gõ #hotro và nội dung cần hỏi, ví dụ: "
                + "#hotro tôi không đăng nhập được VNeID. Bot sẽ chuyển đến Tổ công nghệ số cộng đồng xã/phường của bạn.");
    }

    static Reply askCommune() {
        return Reply.text("Bạn ở xã/phường nào ạ? Bạn nhắn tên xã/phường, có dấu hay không dấu đều được, ví dụ: Tân Bình.");
    }

    static Reply communeSet(Unit u) {
        return Reply.text("Bot đã ghi nhận: bạn ở " + u.name() + ". Muốn đổi, bạn gõ #xa và tên xã/phường.");
    }

    static Reply currentCommune(Unit u) {
        return Reply.text("Bot đang ghi bạn ở " + u.name() + ". Muốn đổi, bạn gõ #xa và tên xã/phường, ví dụ: #xa Tân Bình.");
    }

    static Reply noCommuneYet() {
        return Reply.text("Bạn gõ #xa và tên xã/phường nơi bạn ở, ví dụ: #xa Tân Bình.");
    }

    static Reply chooseCommune(List<Unit> units, java.util.function.Function<Unit, String> where) {
        StringBuilder text = new StringBuilder("Có mấy xã/phường trùng tên này. Bạn ở nơi nào ạ?");
        List<Button> buttons = new ArrayList<>();
        for (Unit u : units.subList(0, Math.min(MAX_BUTTONS, units.size()))) {
            String label = u.name() + where.apply(u);
            text.append("\n- ").append(label);
            buttons.add(Button.query(label, "#xa " + u.code()));
        }
        if (units.size() > MAX_BUTTONS) text.append("\nNếu chưa thấy nơi của bạn, hãy gõ tên đầy đủ hơn.");
        return Reply.text(text.toString(), buttons);
    }

    static Reply communeNotFound(String typed) {
        return Reply.text("Bot chưa tìm thấy xã/phường \"" + typed.strip() + "\". Bạn gõ lại #xa và tên xã/phường "
                + "(tên hiện nay, sau khi sắp xếp), ví dụ: #xa Tân Bình.");
    }

    static Reply opened(String code, Unit commune, WorkingHours hours, Instant dueAt, boolean openNow, Instant now) {
        String first = "Bot đã chuyển câu hỏi của bạn đến Tổ công nghệ số cộng đồng " + commune.name()
                + ". Mã hỗ trợ của bạn: " + code + ".\n";
        String then = openNow
                ? "Người của tổ sẽ trả lời bạn ngay tại đây, trong Zalo này. "
                : "Bây giờ đã ngoài giờ làm việc (" + hours.describe() + "), nên tổ sẽ nhận được câu hỏi vào "
                        + when(hours.nextOpen(now), hours.zone()) + ". ";
        return Reply.text(first + then + "Nếu đến khoảng " + when(dueAt, hours.zone())
                + " chưa có ai nhận, bot sẽ chuyển lên tổ trưởng, sau đó đến văn phòng, và báo để bạn biết.");
    }

    static String unreachable(String code) {
        return "Hiện bot chưa nhắn được cho người nào của tổ về câu hỏi " + code + " (Zalo chỉ cho bot nhắn những người "
                + "vừa dùng Zalo OA gần đây). Câu hỏi vẫn được giữ: người của tổ nhắn bot là sẽ nhận được ngay. "
                + "Nếu cần gấp, bạn đến bộ phận một cửa của Ủy ban nhân dân xã/phường trong giờ hành chính.";
    }

    static Reply alreadyOpen(Ticket t) {
        return Reply.text("Bạn đang có câu hỏi mã " + t.code() + " chờ tổ trả lời"
                + (t.status() == Ticket.Status.CLAIMED ? " (đã có người nhận)" : "") + ". Người của tổ sẽ trả lời tại đây.");
    }

    static String escalatedToCitizen(String code, int level) {
        return "Câu hỏi " + code + " chưa có ai trong tổ nhận, nên bot đã chuyển "
                + (level == Ticket.LEADERS ? "lên tổ trưởng" : "đến văn phòng") + ". Bạn vui lòng chờ thêm một chút.";
    }

    static Reply toTeam(Ticket t, Unit commune, int level, int claimMinutes) {
        StringBuilder s = new StringBuilder();
        if (level > Ticket.TEAM) {
            s.append("Chưa ai nhận câu hỏi này sau ").append(claimMinutes).append(" phút làm việc. ");
        }
        s.append("Người dân ở ").append(commune.name()).append(" cần hỗ trợ (mã ").append(t.code()).append("):\n")
                .append("\"").append(t.question()).append("\"");
        if (t.botAnswer() != null) s.append("\nBot đã trả lời: ").append(abbreviate(t.botAnswer(), 300));
        s.append("\nBấm \"Nhận\" để nhận, rồi trả lời bằng: #traloi ").append(t.code()).append(" nội dung trả lời.");
        return Reply.text(s.toString(), List.of(Button.query("Nhận " + t.code(), "#nhan " + t.code())));
    }

    static Reply claimed(Ticket t) {
        return Reply.text("Bạn đã nhận câu hỏi " + t.code() + ":\n\"" + t.question() + "\"\n"
                + "Trả lời: #traloi " + t.code() + " nội dung (gửi bao nhiêu lần cũng được). "
                + "Xong việc: #xong " + t.code() + ".");
    }

    static String claimedToCitizen(String code, Unit commune) {
        return "Một người của Tổ công nghệ số cộng đồng " + commune.name() + " đã nhận câu hỏi " + code
                + " và sẽ trả lời bạn tại đây.";
    }

    static String answerToCitizen(String code, Unit commune, String answer) {
        return "Tổ công nghệ số cộng đồng " + commune.name() + " trả lời câu hỏi " + code + ":\n" + answer;
    }

    static Reply relayed(String code) {
        return Reply.text("Bot đã chuyển câu trả lời " + code + " cho người dân. Xong việc, bạn gõ #xong " + code + ".");
    }

    static Reply held(String code, int freeHours) {
        return Reply.text("Người dân đã hơn " + freeHours + " giờ không nhắn Zalo OA nên Zalo chưa cho bot gửi tin. "
                + "Bot giữ câu trả lời " + code + " và sẽ chuyển ngay khi người đó nhắn lại.");
    }

    static Reply survey(String code) {
        return Reply.text("Tổ công nghệ số cộng đồng đã hoàn tất hỗ trợ câu hỏi " + code + ". Bạn đã được giúp chưa ạ?",
                List.of(Button.query("Đã được giúp", "#dagiup " + code), Button.query("Chưa được giúp", "#chuagiup " + code)));
    }

    static Reply closed(String code) {
        return Reply.text("Đã đóng câu hỏi " + code + ". Bot sẽ hỏi người dân xem đã được giúp chưa. Cảm ơn bạn!");
    }

    static Reply thanksHelped() {
        return Reply.text("Cảm ơn bạn! Khi cần, bạn cứ nhắn câu hỏi cho bot nhé.");
    }

    static Reply sorryNotHelped() {
        return Reply.text("Xin lỗi bạn. Bạn có thể gõ #hotro và nội dung để nhờ tổ giúp lại, hoặc đến bộ phận một cửa "
                + "của Ủy ban nhân dân xã/phường trong giờ hành chính.");
    }

    static Reply usage(String command) {
        return Reply.text(switch (command) {
            case "traloi" -> "Bạn gõ #traloi, mã câu hỏi rồi nội dung trả lời, ví dụ: #traloi HT-4821 Bác mang căn cước đến…";
            default -> "Bạn gõ #" + command + " và mã câu hỏi, ví dụ: #" + command + " HT-4821.";
        });
    }

    static Reply unknownTicket(String code) {
        return Reply.text("Không có câu hỏi mã " + code + ". Bạn xem lại mã trong tin bot đã gửi.");
    }

    static Reply outOfScope(Ticket t, Unit commune) {
        return Reply.text("Câu hỏi " + t.code() + " là của người dân " + commune.name()
                + ", ngoài phạm vi của bạn: chỉ thành viên tổ của xã/phường đó (hoặc tổ trưởng, văn phòng cấp trên) "
                + "mới nhận và trả lời được.");
    }

    static Reply takenByOther(String code) {
        return Reply.text("Câu hỏi " + code + " đã có người khác nhận rồi. Cảm ơn bạn!");
    }

    static Reply alreadyYours(String code) {
        return Reply.text("Bạn đã nhận câu hỏi " + code + " rồi. Trả lời: #traloi " + code + " nội dung.");
    }

    static Reply isClosed(String code) {
        return Reply.text("Câu hỏi " + code + " đã đóng. Nếu người dân cần thêm, họ sẽ nhờ hỗ trợ lại.");
    }

    static Reply noCitizen(String code) {
        return Reply.text("Người hỏi câu " + code + " đã rút khỏi Zalo OA, bot không nhắn được cho họ nữa.");
    }

    /** The question handed on after "Chưa đúng", with the citizen's words on what was wrong. */
    static String withComment(String question, String comment) {
        return question + "\n(Người dân cho biết câu trả lời của bot chưa đúng: " + abbreviate(comment, 500) + ")";
    }

    // ---- for editors (#hotroxong) ----

    private static final int EDITOR_LIST_MAX = 10;

    static Reply forEditors(List<Tickets.Answered> answered, vn.cdsbot.people.UnitTree tree, int days) {
        if (answered.isEmpty()) {
            return Reply.text("Không có câu hỏi người dân nào được tổ trả lời xong trong " + days + " ngày qua.");
        }
        StringBuilder s = new StringBuilder("Câu hỏi người dân được tổ trả lời xong, " + days + " ngày qua: "
                + answered.size() + (answered.size() > EDITOR_LIST_MAX ? " (hiện " + EDITOR_LIST_MAX + " câu mới nhất)" : "")
                + ".");
        for (Tickets.Answered a : answered.subList(Math.max(0, answered.size() - EDITOR_LIST_MAX), answered.size())) {
            String where = tree.get(a.unitCode()).map(Unit::name).orElse(a.unitCode());
            s.append("\n\n").append(a.code()).append(" (").append(where).append("): \"")
                    .append(abbreviate(a.firstQuestion(), 200)).append("\"\nTổ trả lời: ").append(abbreviate(a.answers(), 300));
        }
        s.append("\n\nThêm một câu làm cách hỏi của bài có sẵn: kb accept MÃ MÃ_BÀI (ví dụ kb accept ")
                .append(answered.get(answered.size() - 1).code()).append(" cap-lai-the-can-cuoc). Viết bản nháp bài mới "
                        + "(chưa dùng để trả lời, người biên tập hoàn thiện): kb draft MÃ.");
        return Reply.text(s.toString());
    }

    static Reply editorsUsage() {
        return Reply.text("Bạn gõ #hotroxong (7 ngày qua) hoặc #hotroxong và số ngày, ví dụ: #hotroxong 30.");
    }

    // ---- the commune directory (#lienhe) ----

    static Reply formerName(String former, Unit now) {
        return Reply.text(former + " nay thuộc " + now.name() + " (sau khi sắp xếp đơn vị hành chính). Bot đã ghi nhận: "
                + "bạn ở " + now.name() + ". Muốn đổi, bạn gõ #xa và tên xã/phường.");
    }

    static Reply contact(Unit commune, Directory.Entry e, boolean citizen) {
        StringBuilder s = new StringBuilder("Liên hệ " + commune.name() + ":");
        if (!e.address().isEmpty()) s.append("\n- Bộ phận một cửa: ").append(e.address());
        if (!e.hours().isEmpty()) s.append("\n- Giờ làm việc: ").append(e.hours());
        if (!e.phone().isEmpty()) s.append("\n- Điện thoại: ").append(e.phone());
        if (!e.hotline().isEmpty()) s.append("\n- Đường dây nóng Tổ công nghệ số cộng đồng: ").append(e.hotline());
        if (!e.mapUrl().isEmpty()) s.append("\n- Bản đồ: ").append(e.mapUrl());
        if (citizen) {
            s.append("\nCần một người của tổ giúp ngay trong Zalo này, bạn gõ #hotro và nội dung cần hỏi.");
        }
        return Reply.text(s.toString(), e.mapUrl().isEmpty() ? List.of() : List.of(Button.url("Xem bản đồ", e.mapUrl())));
    }

    static Reply noContact(Unit commune) {
        return Reply.text("Danh bạ của tỉnh chưa có địa chỉ, giờ làm việc của " + commune.name() + ". Bạn có thể gõ #hotro "
                + "và nội dung cần hỏi để nhờ Tổ công nghệ số cộng đồng ở đó giúp qua Zalo này.");
    }

    static Reply noDirectory() {
        return Reply.text("Bot chưa có danh bạ địa chỉ bộ phận một cửa các xã/phường. Bạn có thể gõ #hotro và nội dung "
                + "cần hỏi để nhờ Tổ công nghệ số cộng đồng xã/phường mình giúp qua Zalo này.");
    }

    static Reply askCommuneForContact() {
        return Reply.text("Bạn ở xã/phường nào ạ? Bạn nhắn tên xã/phường (có dấu hay không dấu đều được, ví dụ: Tân Bình), "
                + "bot sẽ chỉ địa chỉ và giờ làm việc của bộ phận một cửa ở đó.");
    }

    static Reply contactWhichCommune() {
        return Reply.text("Bạn gõ #lienhe và tên xã/phường, ví dụ: #lienhe Tân Bình.");
    }

    static Reply chooseContact(List<Unit> units) {
        StringBuilder text = new StringBuilder("Có mấy xã/phường trùng tên này. Bạn muốn xem nơi nào?");
        List<Button> buttons = new ArrayList<>();
        for (Unit u : units.subList(0, Math.min(MAX_BUTTONS, units.size()))) {
            text.append("\n- ").append(u.name());
            buttons.add(Button.query(u.name(), "#lienhe " + u.code()));
        }
        return Reply.text(text.toString(), buttons);
    }

    /** Under an answer whose next step is the commune's office: where the citizen's own one is, and when it is open. */
    static String deskLine(Unit commune, Directory.Entry e) {
        StringBuilder s = new StringBuilder("\n\nBộ phận một cửa " + commune.name());
        if (!e.address().isEmpty()) s.append(": ").append(e.address());
        if (!e.hours().isEmpty()) s.append(". Giờ làm việc: ").append(e.hours());
        if (!e.phone().isEmpty()) s.append(". Điện thoại: ").append(e.phone());
        return s.append(". Xem thêm: #lienhe").toString();
    }

    static String deskHint() {
        return "\n\nGõ #lienhe để bot chỉ địa chỉ, giờ làm việc của bộ phận một cửa xã/phường bạn.";
    }

    // ---- the citizen's follow-up messages on an open ticket ----

    static Reply followUpToTeam(Ticket t, Unit commune, String text) {
        return Reply.text("Người dân " + commune.name() + " nhắn thêm về câu hỏi " + t.code() + ":\n\"" + text + "\"\n"
                + "Trả lời: #traloi " + t.code() + " nội dung.", t.status() == Ticket.Status.OPEN
                ? List.of(Button.query("Nhận " + t.code(), "#nhan " + t.code())) : List.of());
    }

    static Reply followUpPassed(Ticket t, int reached) {
        String head = "Bot đã ghi tin nhắn của bạn vào câu hỏi " + t.code();
        if (t.status() == Ticket.Status.CLAIMED) {
            return Reply.text(reached > 0 ? "Bot đã chuyển tin nhắn của bạn cho người đang hỗ trợ câu hỏi " + t.code() + "."
                    : head + "; người đang hỗ trợ sẽ đọc được khi mở lại câu hỏi.");
        }
        return Reply.text(head + (reached > 0 ? " và chuyển đến Tổ công nghệ số cộng đồng" : "")
                + "; người nhận câu hỏi sẽ đọc được cả tin này. Khi tổ trả lời, bot chuyển ngay cho bạn tại đây.");
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
    }
}
