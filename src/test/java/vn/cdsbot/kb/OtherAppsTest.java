package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cdsbot.chat.Reply;

class OtherAppsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quên mật khẩu VssID | VSSID",
            "quen mat khau vssid | VSSID",
            "Ứng dụng BHXH số không đăng nhập được | VSSID",
            "tài khoản vssid của tôi bị sai số điện thoại | VSSID",
            "eTax Mobile báo lỗi không đăng nhập được | ETAX",
            "etax mobile quen mk | ETAX",
            "app ngân hàng bị khóa do nhập sai mật khẩu | BANK",
            "Vietcombank không gửi mã OTP về máy | BANK",
            "ngan hang bat xac thuc sinh trac hoc lam sao | BANK",
            "quên mật khẩu Zalo thì lấy lại sao | ZALO",
            "zalo bi khoa tk mo lai ntn | ZALO",
            "ví momo liên kết ngân hàng không được | BANK",
    })
    void pointsAppTroubleToThatApp(String question, OtherApps.App app) {
        assertThat(OtherApps.classify(question)).contains(app);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "quên mật khẩu VNeID", "quen mat khau vneid", "đăng nhập VssID bằng tài khoản VNeID được không",
            "đóng bhyt hộ gia đình qua VssID được không", "đăng ký thuế lần đầu trên eTax",
            "người lạ nhắn Zalo gửi link cài VNeID mức 2", "ngân hàng đòi giấy xác nhận số CMND cũ",
            "nhận trợ cấp thất nghiệp qua tk ngân hàng được không", "có đứa gọi zalo xưng công an báo phạt nguội",
            "lỡ nhập mã OTP ngân hàng vào trang lừa đảo", "ngân hàng khóa tài khoản vì chưa cập nhật căn cước", "giá vàng hôm nay", "",
    })
    void leavesVneidProceduresAndScamsToTheKnowledgeBase(String question) {
        assertThat(OtherApps.classify(question)).isEmpty();
    }

    @Test
    void noQuestionVariantOfAnyArticleIsTakenForAnotherApp() {
        KbLoader.Snapshot kb = KbLoader.load(Path.of("knowledge-base"), LocalDate.of(2026, 12, 2), 180);
        List<String> taken = new ArrayList<>();
        for (Article a : kb.articles()) {
            for (String q : ArticleTerms.questionLike(a)) {
                OtherApps.classify(q).ifPresent(app -> taken.add(a.id() + " → " + app + ": " + q));
            }
        }
        assertThat(kb.articles()).hasSizeGreaterThan(50);
        assertThat(taken).isEmpty();
    }

    @Test
    void askGivesTheVssidPointerAndStillTheVneidArticleForVneid() {
        KnowledgeBase kb = KnowledgeBase.open(Path.of("knowledge-base"), KnowledgeBaseTest.CLOCK, KnowledgeBaseTest.ZONE,
                180, KnowledgeBaseTest.POLICY);
        String vssid = text(KbCli.replies(kb, "quên mật khẩu VssID"));
        assertThat(vssid).contains("VssID", "1900 9068", "8079").doesNotContain("#huuich");
        String vneid = text(KbCli.replies(kb, "quen mat khau vneid"));
        assertThat(vneid).contains("#huuich quen-mat-khau-vneid");
    }

    private static String text(List<Reply> replies) {
        assertThat(replies).hasSize(1);
        Reply.Text t = (Reply.Text) replies.get(0);
        return t.text() + "\n" + t.buttons().stream().map(b -> b.payload()).toList();
    }
}
