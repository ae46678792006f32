package vn.cdsbot.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Texts;

/**
 * Account and login trouble with an app that is not VNeID (VssID, eTax Mobile, a bank's app, Zalo itself). No article
 * covers those accounts, and their everyday words ("quên mật khẩu", "bị khóa") match the VNeID articles, so such a
 * question got the VNeID article. It gets a short pointer to the right app's own channel instead.
 *
 * <p>Only trouble with the app counts: "đóng BHYT hộ gia đình qua VssID" or "đăng ký thuế lần đầu trên eTax" are
 * procedures the knowledge base answers. A message that names VNeID is always left to the knowledge base, and so is
 * one about a scam (the scam articles mention Zalo and banks).
 */
final class OtherApps {
    /** An app with its names as typed (folded, space-separated syllables) and the pointer the bot gives. */
    enum App {
        VSSID(List.of("vssid", "vss id", "bhxh so", "bao hiem xa hoi so"),
                "VssID – BHXH số là ứng dụng của Bảo hiểm xã hội Việt Nam, không phải VNeID, nên bot không hướng dẫn "
                        + "được tài khoản VssID. Theo hướng dẫn của BHXH Việt Nam (báo Người Lao Động đăng năm 2022):\n"
                        + "- Quên mật khẩu: từ số điện thoại đã đăng ký với VssID, soạn tin BH MK <mã số BHXH> gửi 8079 "
                        + "để được cấp lại mật khẩu.\n"
                        + "- Cần hỗ trợ khác: gọi tổng đài chăm sóc khách hàng BHXH Việt Nam 1900 9068 (trong giờ hành "
                        + "chính) hoặc đến cơ quan BHXH nơi bạn đăng ký tài khoản.\n"
                        + "Cách làm có thể đã thay đổi; nếu tin nhắn không được, bạn hỏi tổng đài hoặc cơ quan BHXH.",
                "https://nld.com.vn/cong-doan/xin-lai-mat-khau-dang-nhap-vssid-20220829195551872.htm"),
        ETAX(List.of("etax", "e tax", "etax mobile", "thue dien tu", "thuedientu"),
                "eTax Mobile là ứng dụng của ngành Thuế, không phải VNeID, nên bot không xử lý được lỗi đăng nhập, "
                        + "mật khẩu hay nộp tiền trên eTax Mobile. Bạn liên hệ cơ quan thuế nơi bạn đăng ký thuế, hoặc "
                        + "xem hướng dẫn trên trang thuế điện tử thuedientu.gdt.gov.vn.\n"
                        + "Nếu bạn hỏi về thủ tục thuế (đăng ký mã số thuế lần đầu, cập nhật số định danh thay mã số "
                        + "thuế), hãy hỏi lại tên thủ tục, ví dụ: \"đăng ký thuế lần đầu\".",
                null),
        BANK(List.of("ngan hang", "banking", "smart otp", "smartotp", "vietcombank", "vcb", "agribank", "bidv",
                "vietinbank", "techcombank", "mbbank", "mb bank", "tpbank", "sacombank", "vpbank", "acb", "momo",
                "zalopay", "vi dien tu"),
                "Tài khoản, mật khẩu, mã OTP và xác thực sinh trắc học của ứng dụng ngân hàng (hoặc ví điện tử) do "
                        + "chính ngân hàng, ví đó xử lý; bot không tra cứu hay mở khóa được. Bạn gọi tổng đài in ở mặt "
                        + "sau thẻ hoặc trên trang web chính thức của ngân hàng, hoặc mang căn cước ra chi nhánh gần "
                        + "nhất. Không đọc mã OTP cho bất kỳ ai gọi điện hay nhắn tin, kể cả người xưng là nhân viên "
                        + "ngân hàng hay công an.",
                null),
        ZALO(List.of("zalo"),
                "Tài khoản Zalo do Zalo quản lý, không phải cơ quan nhà nước, nên bot không xử lý được việc quên mật "
                        + "khẩu, tài khoản bị khóa hay lỗi đăng nhập Zalo. Bạn dùng chức năng lấy lại mật khẩu ở màn "
                        + "hình đăng nhập Zalo, hoặc phần trợ giúp trong ứng dụng Zalo.\n"
                        + "Bot này chỉ trả lời về các dịch vụ công trực tuyến và VNeID.",
                null);

        private final List<List<String>> names;
        private final String pointer;
        /** The page the facts of the pointer were checked on; null when it states none beyond common practice. */
        private final String source;

        App(List<String> names, String pointer, String source) {
            this.names = names.stream().map(n -> List.of(n.split(" "))).toList();
            this.pointer = pointer;
            this.source = source;
        }

        String pointer() {
            return pointer;
        }

        Optional<String> source() {
            return Optional.ofNullable(source);
        }
    }

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Words of trouble with an app, folded. */
    private static final List<List<String>> TROUBLE = phrases("mat khau", "mk", "pass", "password", "dang nhap",
            "login", "bi khoa", "khoa tai khoan", "khoa tk", "mo khoa", "otp", "ma xac thuc", "ma xac nhan",
            "sinh trac", "cai dat", "cai app", "tai app", "tai ung dung", "cap nhat ung dung", "bi loi", "bao loi",
            "khong vao duoc", "ko vao duoc", "k vao dc", "ko vao dc", "khong vao dc", "kich hoat", "dang xuat",
            "vo hieu hoa", "bi hack", "mat nick", "lien ket");
    /**
     * "Tài khoản" is trouble with an app's account too, except for banks: "nhận tiền qua tài khoản ngân hàng" is
     * part of procedures the knowledge base answers.
     */
    private static final List<List<String>> ACCOUNT = phrases("tai khoan", "tk", "nick");

    /**
     * Topics the knowledge base answers even when these apps are named: VNeID itself, identity cards ("bị khóa tài
     * khoản ngân hàng nếu chưa đổi căn cước?") and scams.
     */
    private static final List<List<String>> OURS = phrases("vneid", "dinh danh dien tu", "can cuoc", "cccd", "cmnd",
            "chung minh", "lua", "lua dao", "link", "gia mao", "phat nguoi", "cong an");

    private OtherApps() {}

    private static List<List<String>> phrases(String... ps) {
        return Arrays.stream(ps).map(p -> List.of(p.split(" "))).toList();
    }

    /** The app whose account trouble the message is about, if it names one and not VNeID. */
    static Optional<App> classify(String message) {
        if (message == null) return Optional.empty();
        List<String> words = new ArrayList<>(Arrays.asList(NON_WORD.split(Texts.fold(message))));
        words.removeIf(String::isEmpty);
        if (words.isEmpty() || containsAny(words, OURS)) return Optional.empty();
        boolean trouble = containsAny(words, TROUBLE);
        boolean account = containsAny(words, ACCOUNT);
        return Arrays.stream(App.values())
                .filter(a -> containsAny(words, a.names) && (trouble || (account && a != App.BANK)))
                .findFirst();
    }

    /** The pointer to the right app's own channel, if the message is about one. */
    static Optional<Reply> reply(String message) {
        return classify(message).map(a -> Reply.text(a.pointer() + a.source().map(u -> "\n\nNguồn: " + u).orElse("")));
    }

    private static boolean containsAny(List<String> words, List<List<String>> phrases) {
        for (List<String> p : phrases) {
            for (int i = 0; i + p.size() <= words.size(); i++) {
                if (words.subList(i, i + p.size()).equals(p)) return true;
            }
        }
        return false;
    }
}
