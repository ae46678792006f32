package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.testing.MutableClock;

/** Enrolment and weekly reports end to end through the signed webhook, as in the "done means". */
class ReportingFlowTest {
    /** Any knowledge-base reply (clarify or fallback): the text left the report flow. */
    static final String KB_FALLBACK = "Bạn muốn hỏi về…?|Xin lỗi, hiện bot chưa có thông tin";

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-24T10:00"); // Tuesday of week 48
    TestBot bot;

    @BeforeEach
    void start() throws Exception {
        bot = new TestBot(dir, clock);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    /** Admin from the CLI; leader and member invited in chat; returns nothing, users are admin, leader, member. */
    private void enrolTeam() throws Exception {
        assertThat(bot.say("admin", "#dangky " + bot.cliInvite("BP", "admin"))).contains("quản trị của Tỉnh Bình Phước (BP)");
        String leaderCode = TestBot.code(bot.say("admin", "#moi BP-DXO-01 totruong"));
        assertThat(bot.say("leader", "#dangky " + leaderCode)).contains("tổ trưởng của Phường Tân Bình (BP-DXO-01)");
        String memberCode = TestBot.code(bot.say("leader", "#mời thành viên"));
        assertThat(bot.say("member", "#đăng ký " + memberCode.toLowerCase())).contains("thành viên của Phường Tân Bình");
    }

    private List<String> reports() {
        return bot.rows("SELECT r.week_start, r.submitted_by, r.late, r.superseded_by IS NULL, "
                + "(SELECT group_concat(x, ' ') FROM (SELECT indicator || '=' || value AS x FROM report_values v "
                + "WHERE v.report_id = r.id ORDER BY v.rowid)) "
                + "FROM reports r ORDER BY r.id");
    }

    @Test
    void suaAsksWhichIndicatorThenOnlyThatOne() throws Exception {
        enrolTeam();
        bot.say("member", "#baocao hotro=35 vneid=20 dvc=12");
        bot.say("member", "#xacnhan");

        List<TestBot.Sent> which = bot.send("member", "#sua");
        assertThat(which).hasSize(1);
        assertThat(which.get(0).text()).contains("Bạn muốn sửa mục nào trong báo cáo tuần 48", "hotro — Lượt người dân được hỗ trợ: 35");
        assertThat(which.get(0).payloads()).containsExactly("#sua hotro", "#sua vneid", "#sua dvc", "#sua thanhtoan",
                "#sua tuyentruyen");

        assertThat(bot.say("member", "#sua vneid")).contains("VNeID").doesNotContain("Lượt người dân được hỗ trợ");
        String echo = bot.say("member", "25");   // the one figure asked: straight back to the summary, not to dvc
        assertThat(echo).contains("Bot hiểu báo cáo của bạn như sau", "Lượt người dân được hỗ trợ: 35",
                "VNeID được hướng dẫn đăng ký/kích hoạt: 25 (trước: 20)", "dịch vụ công trực tuyến được hỗ trợ nộp: 12");
        assertThat(bot.say("member", "#xacnhan")).contains("Đã ghi nhận báo cáo tuần 48");
        assertThat(reports()).last().asString().endsWith("hotro=35 vneid=25 dvc=12");
    }

    @Test
    void memberReportsByOneLineThenGuidedThenCorrectsAndOneCurrentReportRemainsWithHistory() throws Exception {
        enrolTeam();

        List<TestBot.Sent> echo = bot.send("member", "#báo cáo hỗ trợ 35, vneid 20, dvc 12");
        assertThat(echo).hasSize(1);
        assertThat(echo.get(0).text()).contains("Đơn vị: Phường Tân Bình (BP-DXO-01)", "Tuần 48: 23/11–29/11/2026",
                "Lượt người dân được hỗ trợ: 35", "VNeID được hướng dẫn đăng ký/kích hoạt: 20",
                "dịch vụ công trực tuyến được hỗ trợ nộp: 12", "thanh toán không dùng tiền mặt: chưa báo");
        assertThat(echo.get(0).payloads()).containsExactly("#xacnhan", "#sua", "#huy");
        assertThat(reports()).isEmpty(); // only a confirmed report counts
        assertThat(bot.say("member", "#xacnhan")).contains("Đã ghi nhận báo cáo tuần 48");
        assertThat(reports()).containsExactly("2026-11-23|member|0|1|hotro=35 vneid=20 dvc=12");

        // Guided: every indicator in turn, with buttons; plain answers go to the flow, not to the knowledge base.
        List<TestBot.Sent> q1 = bot.send("member", "#baocao");
        assertThat(q1.get(0).text()).contains("Bot sẽ hỏi 5 mục", "Câu 1/5", "Đang ghi: 35");
        assertThat(q1.get(0).payloads()).containsExactly("bỏ qua", "0", "#huy");
        assertThat(bot.say("member", "40")).contains("Câu 2/5").doesNotContainPattern(KB_FALLBACK);
        assertThat(bot.say("member", "bỏ qua")).contains("Câu 3/5");
        assertThat(bot.say("member", "làm căn cước ở đâu")).contains("Bot đang chờ số liệu", "Câu 3/5")
                .doesNotContainPattern(KB_FALLBACK);
        assertThat(bot.say("member", "-4")).contains("không thể âm", "Câu 3/5");
        assertThat(bot.say("member", "1.234")).contains("Câu 4/5");
        assertThat(bot.say("member", "không")).contains("Câu 5/5");
        String summary = bot.say("member", "2");
        assertThat(summary).contains("Lượt người dân được hỗ trợ: 40 (trước: 35)",
                "VNeID được hướng dẫn đăng ký/kích hoạt: 20\n", "nộp: 1.234 (trước: 12)", "Báo cáo này sẽ thay");
        assertThat(bot.say("member", "#xacnhan")).contains("Báo cáo này thay cho báo cáo gửi lúc 10:00 24/11/2026");

        // A correction of one figure keeps the others.
        clock.advance(Duration.ofMinutes(5));
        assertThat(bot.say("member", "#sua dvc=12")).contains("nộp: 12 (trước: 1.234)", "hỗ trợ: 40\n");
        assertThat(bot.say("member", "#xacnhan")).contains("Đã ghi nhận");

        assertThat(reports()).containsExactly(
                "2026-11-23|member|0|0|hotro=35 vneid=20 dvc=12",
                "2026-11-23|member|0|0|hotro=40 vneid=20 dvc=1234 thanhtoan=0 tuyentruyen=2",
                "2026-11-23|member|0|1|hotro=40 vneid=20 dvc=12 thanhtoan=0 tuyentruyen=2");
        assertThat(bot.rows("SELECT COUNT(*) FROM report_drafts")).containsExactly("0");

        // Outside a flow, plain text is a question for the knowledge base.
        assertThat(bot.say("member", "40")).containsPattern(KB_FALLBACK);

        String history = bot.say("admin", "#lichsu BP-DXO-01 tuần 48");
        assertThat(history.lines().filter(l -> l.matches("\\d\\) .*")).toList()).hasSize(3);
        assertThat(history).contains("hotro 35 → 40", "dvc 1.234 → 12", "TV3", "đã bị thay thế", "hiện hành");
    }

    @Test
    void aPlainVietnameseYesConfirmsTheShownReportButSmallTalkWithoutADraftDoesNot() throws Exception {
        enrolTeam();
        assertThat(bot.say("member", "vâng ạ")).doesNotContain("Đã ghi nhận");
        bot.send("member", "#báo cáo hỗ trợ 5, vneid 2");
        assertThat(reports()).isEmpty();
        assertThat(bot.say("member", "Vâng ạ")).contains("Đã ghi nhận báo cáo tuần 48");
        assertThat(reports()).containsExactly("2026-11-23|member|0|1|hotro=5 vneid=2");
    }

    @Test
    void aCitizenIsRefusedPolitelyAndNothingIsStored() throws Exception {
        String reply = bot.say("citizen", "#baocao hotro=35");
        assertThat(reply).startsWith("Xin lỗi").contains("#dangky");
        assertThat(bot.say("citizen", "#toi")).contains("bot xem bạn là người dân");
        assertThat(reports()).isEmpty();
        assertThat(bot.rows("SELECT COUNT(*) FROM report_drafts")).containsExactly("0");
    }

    @Test
    void aZaloRetryOrADoubleTapNeverStoresASecondReport() throws Exception {
        enrolTeam();
        bot.say("member", "#baocao hotro=35");
        String confirm = bot.textEvent("member", "#xacnhan", "retry-me");
        assertThat(bot.post(confirm, "member")).extracting(TestBot.Sent::text).anyMatch(t -> t.contains("Đã ghi nhận"));
        assertThat(bot.post(confirm, "member")).isEmpty(); // same msg_id: acknowledged, not handled again
        assertThat(bot.say("member", "#xacnhan")).contains("đã được ghi nhận lúc 10:00 24/11/2026 rồi");
        assertThat(reports()).hasSize(1);
        assertThat(bot.rows("SELECT COUNT(*) FROM reports WHERE source_inbox_id IS NOT NULL")).containsExactly("1");
    }

    @Test
    void lateFlagAcrossMondayNoonInHoChiMinhCity() throws Exception {
        enrolTeam();
        clock.set("2026-11-30T11:59"); // Monday: reports are about week 48 by default; deadline 12:00
        assertThat(bot.say("member", "#baocao hotro=5")).contains("Tuần 48").doesNotContain("nộp muộn");
        assertThat(bot.say("member", "#xacnhan")).doesNotContain("muộn");
        clock.set("2026-11-30T12:01");
        assertThat(bot.say("member", "#baocao hotro=6")).contains("Đã quá hạn chót 12:00 thứ Hai 30/11/2026");
        assertThat(bot.say("member", "#xacnhan")).contains("nộp muộn");
        assertThat(reports()).containsExactly("2026-11-23|member|0|0|hotro=5", "2026-11-23|member|1|1|hotro=6");
        // This week's report, sent the same minute, is on time.
        bot.say("member", "#baocao tuần này hotro=1");
        bot.say("member", "#xacnhan");
        assertThat(reports()).contains("2026-11-30|member|0|1|hotro=1");
    }

    @Test
    void badReportsGetAClearMessageAndNothingIsStored() throws Exception {
        enrolTeam();
        String reply = bot.say("member", "#baocao vnied 20, hotro -3, dvc 1,5, tuần 54");
        assertThat(reply).contains("Bot không biết chỉ tiêu \"vnied\"", "không thể âm: hotro = -3",
                "Giá trị của dvc (\"1,5\") không phải số nguyên", "Không có tuần 54", "Chưa có gì được lưu");
        assertThat(bot.say("member", "#baocao tuần 50 hotro=3")).contains("Tuần 50 (07/12–13/12/2026) chưa bắt đầu");
        assertThat(bot.say("member", "#baocao BP-DXO-02 hotro=3")).contains("chỉ báo cáo được cho đơn vị của mình");
        assertThat(bot.say("leader", "#baocao hotro=abc")).contains("(\"abc\") không phải là số");
        assertThat(reports()).isEmpty();
        assertThat(bot.rows("SELECT COUNT(*) FROM report_drafts")).containsExactly("0");
        assertThat(bot.say("member", "#xacnhan")).contains("Không có báo cáo nào đang chờ xác nhận");
    }

    @Test
    void aGuidedFlowTimesOutPolitely() throws Exception {
        enrolTeam();
        assertThat(bot.say("member", "#baocao")).contains("Câu 1/5");
        clock.advance(Duration.ofMinutes(31));
        // The periodic notice may come first; otherwise the next message carries the note instead of an answer.
        String late = bot.say("member", "12");
        if (late.contains("chưa có gì được lưu")) {
            assertThat(late).contains("đã tự huỷ vì quá 30 phút").doesNotContainPattern(KB_FALLBACK);
        }
        assertThat(bot.rows("SELECT COUNT(*) FROM report_drafts")).containsExactly("0");
        String next = bot.say("member", "12");
        assertThat(next).containsPattern(KB_FALLBACK);
        assertThat((late + next).split("tự huỷ", -1)).as("the note comes once").hasSize(2);
        bot.say("member", "#baocao hotro=3");
        clock.advance(Duration.ofMinutes(31));
        String confirm = bot.say("member", "#xacnhan");
        assertThat(confirm).containsAnyOf("đã tự huỷ", "Không có báo cáo nào đang chờ xác nhận");
        assertThat(reports()).isEmpty();
    }

    @Test
    void cancelStopsAGuidedFlow() throws Exception {
        enrolTeam();
        bot.say("member", "#baocao");
        bot.say("member", "7");
        assertThat(bot.say("member", "#huy")).contains("Đã huỷ");
        assertThat(bot.say("member", "8")).containsPattern(KB_FALLBACK);
        assertThat(bot.say("member", "#huy")).contains("Không có báo cáo nào đang soạn");
        assertThat(reports()).isEmpty();
    }

    @Test
    void implausibleValuesNeedAnExplicitSecondConfirmation() throws Exception {
        enrolTeam();
        for (int week = 44; week <= 47; week++) {
            bot.say("member", "#baocao tuần " + week + " hotro=30 vneid=10");
            bot.say("member", "#xacnhan");
        }
        bot.say("member", "#baocao hotro=500 vneid=10");
        List<TestBot.Sent> warn = bot.send("member", "#xacnhan");
        assertThat(warn.get(0).text()).contains("Lượt người dân được hỗ trợ: 500 — cao hơn nhiều so với trung bình 4 tuần gần nhất của đơn vị (30)");
        assertThat(warn.get(0).payloads()).contains("#xacnhan chắc chắn");
        assertThat(reports()).hasSize(4);
        assertThat(bot.say("member", "#xacnhan chắc chắn")).contains("Đã ghi nhận");
        assertThat(bot.rows("SELECT plausibility_override FROM reports WHERE week_start = '2026-11-23'")).containsExactly("1");

        bot.say("member", "#sua vneid=45 hotro=40");
        assertThat(bot.say("member", "#xacnhan")).contains("VNeID được hướng dẫn đăng ký/kích hoạt (45) lớn hơn");
        assertThat(bot.say("member", "#xacnhan chac chan")).contains("Đã ghi nhận");
        // An ordinary week afterwards needs one confirmation only.
        bot.say("member", "#baocao tuần 48 hotro=35 vneid=12");
        assertThat(bot.say("member", "#xacnhan")).contains("Đã ghi nhận");
        assertThat(bot.rows("SELECT plausibility_override FROM reports WHERE superseded_by IS NULL AND week_start = '2026-11-23'"))
                .containsExactly("0");
    }

    @Test
    void invitesExpireWorkOnceAndEnrolledUsersAreTold() throws Exception {
        enrolTeam();
        String code = TestBot.code(bot.say("leader", "#moi"));
        assertThat(bot.say("member", "#dangky " + code)).contains("Bạn đã đăng ký rồi");
        assertThat(bot.say("newcomer", "#dangky " + code)).contains("Chào mừng");
        assertThat(bot.say("other", "#dangky " + code)).contains("đã được dùng rồi");
        String stale = TestBot.code(bot.say("leader", "#moi"));
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(bot.say("other", "#dangky " + stale)).contains("đã hết hạn");
        assertThat(bot.say("other", "#dangky ABCDEFGH")).contains("Không tìm thấy mã mời");
        assertThat(bot.say("other", "#toi")).contains("người dân");
    }

    @Test
    void adminsRevokeAndChangeRolesAndItIsAudited() throws Exception {
        enrolTeam();
        assertThat(bot.say("admin", "#doivaitro TV3 tổ trưởng")).contains("giờ là tổ trưởng của Phường Tân Bình");
        assertThat(bot.say("member", "#toi")).contains("Vai trò: tổ trưởng");
        assertThat(bot.say("admin", "#thuhoi TV3")).contains("Đã thu hồi quyền");
        assertThat(bot.say("member", "#baocao hotro=1")).startsWith("Quyền của bạn").contains("Xin lỗi, lệnh #baocao");
        assertThat(bot.rows("SELECT actor, action, subject FROM audit_log WHERE action LIKE 'member.%' ORDER BY id"))
                .containsExactly("admin|member.enrol|admin", "leader|member.enrol|leader", "member|member.enrol|member",
                        "admin|member.change|member", "admin|member.revoke|member");
    }

    @Test
    void withdrawalErasesNameAndDraftsButKeepsTheUnitsReports() throws Exception {
        enrolTeam();
        bot.db().inTransaction(tx -> tx.createStatement().executeUpdate(
                "UPDATE members SET display_name = 'Nguyễn Văn A' WHERE user_id = 'member'"));
        bot.say("member", "#baocao hotro=9");
        bot.say("member", "#xacnhan");
        bot.say("member", "#baocao");
        bot.post(bot.withdrawEvent("member"), "member");
        assertThat(bot.rows("SELECT display_name, active FROM members WHERE user_id = 'member'")).containsExactly("null|0");
        assertThat(bot.rows("SELECT COUNT(*) FROM report_drafts")).containsExactly("0");
        assertThat(reports()).containsExactly("2026-11-23|member|0|1|hotro=9");
    }

    @Test
    void anUnconfirmedReportThatTimesOutIsAnnouncedOnceAndNothingCounts() throws Exception {
        enrolTeam();
        DraftExpiry expiry = new DraftExpiry(bot.db(), clock, Duration.ofMinutes(30), () -> { });
        assertThat(bot.say("member", "#baocao hotro=3")).contains("Bot hiểu báo cáo của bạn");
        expiry.run();
        assertThat(bot.rows("SELECT COUNT(*) FROM report_drafts")).containsExactly("1");
        assertThat(bot.replies("member")).isEmpty();

        clock.advance(Duration.ofMinutes(31));
        expiry.run();
        expiry.run();
        List<TestBot.Sent> got = bot.replies("member");
        assertThat(got).hasSize(1);
        assertThat(got.get(0).text()).contains("Báo cáo tuần 48", "CHƯA được gửi", "30 phút");
        assertThat(got.get(0).payloads()).containsExactly("#baocao tuần 48/2026");
        assertThat(bot.rows("SELECT COUNT(*) FROM report_drafts")).containsExactly("0");
        assertThat(bot.say("member", "#xacnhan")).contains("Không có báo cáo nào đang chờ xác nhận");
        assertThat(reports()).isEmpty();

        // After a long outage the draft is dropped without a stale notice.
        bot.say("member", "#baocao");
        clock.advance(DraftExpiry.NOTICE_LIMIT.plusHours(1));
        expiry.run();
        assertThat(bot.rows("SELECT COUNT(*) FROM report_drafts")).containsExactly("0");
        assertThat(bot.replies("member")).isEmpty();
    }

    @Test
    void aLeadersReminderReachesTheMemberWhoHasNotReportedAndNoOneElse() throws Exception {
        enrolTeam();
        bot.say("member", "#toi");
        String reply = bot.say("leader", "#nhac");
        // The commune team and its two demo hamlet teams (nobody enrolled there yet).
        assertThat(reply).contains("3/3 tổ thuộc Phường Tân Bình (BP-DXO-01) chưa gửi báo cáo tuần 48", "Đã nhắc 1 người",
                "Khu phố 1 (minh họa) (BP-DXO-01-KP1): chưa có ai đăng ký với bot");
        List<TestBot.Sent> got = bot.replies("member");
        assertThat(got).hasSize(1);
        assertThat(got.get(0).text()).startsWith("Nhắc báo cáo: Phường Tân Bình (BP-DXO-01) chưa gửi số liệu tuần 48");
        assertThat(got.get(0).payloads()).containsExactly("#baocao tuần 48/2026");
        assertThat(bot.replies("admin")).isEmpty();
        assertThat(bot.replies("leader")).isEmpty();

        bot.say("member", got.get(0).payloads().get(0) + " hotro=3");  // the button's payload, then the figures
        bot.say("member", "#xacnhan");
        clock.advance(Duration.ofHours(2));
        // The commune team has reported; only its hamlet teams are left, and nobody of theirs is enrolled.
        assertThat(bot.say("leader", "#nhac")).contains("2/3 tổ thuộc Phường Tân Bình (BP-DXO-01) chưa gửi báo cáo tuần 48",
                "Đã nhắc 0 người").doesNotContain("Phường Tân Bình (BP-DXO-01): đã nhắc");
        assertThat(bot.replies("member")).isEmpty();
    }
}
