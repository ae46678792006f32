package vn.cdsbot.people;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import vn.cdsbot.chat.Role;
import vn.cdsbot.period.VnDates;

/** Every Vietnamese sentence of enrolment and membership. */
final class PeopleTexts {
    private PeopleTexts() {}

    static String dateTime(long millis, ZoneId zone) {
        return VnDates.until(Instant.ofEpochMilli(millis), zone);
    }

    static String date(long millis, ZoneId zone) {
        return VnDates.date(Instant.ofEpochMilli(millis).atZone(zone).toLocalDate());
    }

    static final String ROLE_WORDS = "thanhvien (thành viên), totruong (tổ trưởng), thuky (thư ký), bientap (biên tập viên), "
            + "quantri (quản trị)";

    // #dangky
    static final String DANGKY_USAGE = "Để đăng ký, gõ #dangky rồi mã mời 8 ký tự tổ trưởng gửi cho bạn, "
            + "ví dụ: #dangky K7MXP3QD";

    static String alreadyEnrolled(Member m, Unit unit) {
        return "Bạn đã đăng ký rồi: " + m.role().label() + " của " + unit.label() + ". Không cần dùng thêm mã mời. "
                + "Nếu cần đổi đơn vị hay vai trò, hãy nhờ thư ký hoặc quản trị dùng lệnh #doivaitro.";
    }

    static String unknownCode(String code) {
        return "Không tìm thấy mã mời \"" + code + "\". Mã gồm 8 ký tự chữ và số (không có chữ I, L, O và số 0, 1); "
                + "bạn kiểm tra lại giúp, hoặc xin tổ trưởng mã mới.";
    }

    static final String CODE_USED = "Mã mời này đã được dùng rồi (mỗi mã chỉ dùng được một lần). "
            + "Bạn hãy xin tổ trưởng một mã mới.";

    static String codeExpired(long at, ZoneId zone) {
        return "Mã mời này đã hết hạn lúc " + dateTime(at, zone) + ". Bạn hãy xin tổ trưởng một mã mới.";
    }

    static String unitClosed(String code) {
        return "Đơn vị " + code + " của mã mời này đã ngừng hoạt động nên không đăng ký được. "
                + "Bạn hãy liên hệ thư ký Ban chỉ đạo.";
    }

    static String welcome(Member m, Unit unit) {
        String next = switch (m.role()) {
            case MEMBER -> "Mỗi tuần bạn gửi số liệu bằng lệnh #baocao (bot sẽ hỏi từng mục).";
            case LEADER -> "Mỗi tuần tổ gửi số liệu bằng lệnh #baocao; bạn có thể mời thành viên bằng #moi.";
            default -> "Gõ #trogiup để xem các lệnh của bạn.";
        };
        return "Chào mừng bạn! Bạn đã đăng ký là " + m.role().label() + " của " + unit.label() + ". " + next;
    }

    // #toi
    static final String TOI_CITIZEN = "Bạn chưa đăng ký vào Tổ công nghệ số cộng đồng nào, nên bot xem bạn là người dân. "
            + "Nếu bạn là thành viên của tổ, hãy xin tổ trưởng mã mời rồi gõ: #dangky MÃ_MỜI. "
            + "Bạn vẫn có thể hỏi bot về thủ tục hành chính và VNeID bất cứ lúc nào.";

    static String toi(Member m, Unit unit, Unit parent, ZoneId zone) {
        String name = m.displayName() == null ? "(bot đang lấy tên Zalo của bạn, vui lòng đợi ít phút)" : m.displayName();
        return "Thông tin của bạn:\n"
                + "• Tên: " + name + "\n"
                + "• Mã thành viên: " + m.tag() + "\n"
                + "• Vai trò: " + m.role().label() + "\n"
                + "• Đơn vị: " + unit.label() + (parent == null ? "" : ", thuộc " + parent.name()) + "\n"
                + "• Đăng ký từ: " + date(m.enrolledAt(), zone);
    }

    // #moi
    static final String MOI_USAGE = "Cách dùng: #moi MÃ_ĐƠN_VỊ VAI_TRÒ [SỐ_LƯỢNG], ví dụ: #moi BP-DXO-01 thanhvien 3. "
            + "Vai trò: " + ROLE_WORDS + ".";

    static String unknownUnit(String token) {
        return "Không tìm thấy đơn vị có mã \"" + token + "\". Mã đơn vị viết như trong danh sách đơn vị, ví dụ BP-DXO-01.";
    }

    static String inactiveUnit(Unit u) {
        return "Đơn vị " + u.label() + " đã ngừng hoạt động.";
    }

    static final String MOI_NEED_ROLE = "Bạn muốn mời vai trò nào? Ví dụ: #moi BP-DXO-01 thanhvien. Vai trò: " + ROLE_WORDS + ".";
    static final String MOI_NO_CITIZEN = "Người dân không cần mã mời: ai nhắn cho OA cũng được hỏi đáp thủ tục.";

    static String leaderOwnUnitOnly(Unit own) {
        return "Tổ trưởng chỉ mời được thành viên cho đơn vị của mình (" + own.label() + ") và các đơn vị trực thuộc "
                + "(thôn, ấp, khu phố).";
    }

    static final String LEADER_MEMBERS_ONLY = "Tổ trưởng chỉ mời được vai trò thành viên. "
            + "Muốn có thêm tổ trưởng, thư ký hay quản trị, hãy nhờ thư ký Ban chỉ đạo.";

    static String roleAboveOwn(Role wanted, Role own) {
        return "Bạn là " + own.label() + " nên không thể cấp vai trò " + wanted.label() + " (cao hơn vai trò của bạn).";
    }

    static String countRange(int max) {
        return "Mỗi lần mời được từ 1 đến " + max + " mã.";
    }

    static String invited(List<String> codes, Role role, Unit unit, long expiresAt, ZoneId zone) {
        String head = codes.size() == 1 ? "Mã mời" : codes.size() + " mã mời";
        return head + " vai trò " + role.label() + " của " + unit.label() + " (mỗi mã dùng 1 lần, hết hạn lúc "
                + dateTime(expiresAt, zone) + "):\n" + String.join("\n", codes)
                + "\nGửi mỗi người một mã; họ nhắn cho OA: #dangky " + codes.get(0);
    }

    // #thanhvien
    static String membersOf(Unit scope, List<String> lines, int total, int shown) {
        if (total == 0) return "Chưa có ai đăng ký trong " + scope.label() + " và các đơn vị trực thuộc.";
        String more = total > shown ? "\n… và " + (total - shown) + " người nữa; gõ #thanhvien MÃ_ĐƠN_VỊ để xem từng đơn vị." : "";
        return "Thành viên đã đăng ký trong " + scope.label() + " (" + total + " người):\n" + String.join("\n", lines) + more;
    }

    static String outsideScope(Unit own) {
        return "Bạn chỉ xem và quản lý được đơn vị của mình (" + own.label() + ") và các đơn vị trực thuộc.";
    }

    // #thuhoi, #doivaitro
    static final String THUHOI_USAGE = "Cách dùng: #thuhoi MÃ_THÀNH_VIÊN (ví dụ #thuhoi TV12) hoặc tên Zalo. "
            + "Gõ #thanhvien để xem mã thành viên.";
    static final String DOIVAITRO_USAGE = "Cách dùng: #doivaitro MÃ_THÀNH_VIÊN VAI_TRÒ [MÃ_ĐƠN_VỊ], ví dụ: "
            + "#doivaitro TV12 totruong hoặc #doivaitro TV12 thanhvien BP-DXO-02. Vai trò: " + ROLE_WORDS + ".";

    static String noSuchMember(String who) {
        return "Không tìm thấy thành viên đang hoạt động nào khớp \"" + who + "\". Gõ #thanhvien để xem danh sách và mã TV.";
    }

    static String ambiguous(String who, List<Member> matches) {
        return "Có " + matches.size() + " người khớp \"" + who + "\": "
                + matches.stream().limit(10).map(Member::label).collect(Collectors.joining(", "))
                + ". Bạn hãy gõ lại bằng mã thành viên, ví dụ " + matches.get(0).tag() + ".";
    }

    static final String NOT_SELF = "Bạn không thể tự thu hồi hay đổi vai trò của chính mình; hãy nhờ một quản trị khác.";

    static String targetAboveOwn(Member target, Role own) {
        return target.label() + " là " + target.role().label() + ", cao hơn vai trò " + own.label()
                + " của bạn, nên bạn không thay đổi được.";
    }

    static String revoked(Member m, Unit unit) {
        return "Đã thu hồi quyền của " + m.label() + " — " + m.role().label() + " của " + unit.label()
                + ". Từ giờ bot xem người này là người dân.";
    }

    static String revokedNotice(Unit unit) {
        return "Quyền của bạn trong Tổ công nghệ số " + unit.label() + " đã được thu hồi. "
                + "Bạn vẫn có thể hỏi bot về thủ tục hành chính. Nếu có nhầm lẫn, hãy liên hệ thư ký Ban chỉ đạo.";
    }

    static final String USE_THUHOI = "Muốn đưa ai về người dân, hãy dùng #thuhoi MÃ_THÀNH_VIÊN.";

    static String nothingChanged(Member m, Unit unit) {
        return m.label() + " đã là " + m.role().label() + " của " + unit.label() + " rồi, không có gì thay đổi.";
    }

    static String changed(Member m, Role role, Unit unit) {
        return "Đã đổi: " + m.label() + " giờ là " + role.label() + " của " + unit.label() + ".";
    }

    static String changedNotice(Role role, Unit unit) {
        return "Vai trò của bạn đã được đổi: giờ bạn là " + role.label() + " của " + unit.label()
                + ". Gõ #trogiup để xem các lệnh của bạn.";
    }
}
