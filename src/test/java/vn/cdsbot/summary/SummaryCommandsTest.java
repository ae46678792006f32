package vn.cdsbot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.testing.MutableClock;

/** The commands through the real router (which checks roles) on a real database. */
class SummaryCommandsTest {
    /** Monday 23/11/2026 09:00 in Vietnam: the week just ended is week 47 (16/11–22/11). */
    static final Instant NOW = LocalDate.of(2026, 11, 23).atTime(9, 0).atZone(TestData.ZONE).toInstant();

    @TempDir
    Path dir;
    TestData t;
    ChatRouter router;
    Summaries summaries;
    final AtomicLong inbox = new AtomicLong();

    @BeforeEach
    void setUp() {
        t = SummarizerTest.handChecked(dir);
        t.member("sec", "BP", "secretariat", "Văn phòng BCĐ")
                .member("admin", "BP", "admin", "Quản trị")
                .member("lead-dxo", "BP-DXO", "leader", "Trần Thị Hoa")
                .member("lead-plo02", "BP-PLO-02", "leader", "Lê Văn Nam")
                .member("mem", "BP-DXO-01", "member", "Nguyễn Văn Tư");
        BotConfig config = TestData.config(dir);
        summaries = Summaries.create(config, t.db, vn.cdsbot.period.ReportingCalendar.from(config), new MutableClock(NOW), () -> {},
                List.of(), vn.cdsbot.testing.TestApp.PATIENT);
        router = new ChatRouter(summaries.commands(), TestData.membersResolver(),
                (m, s, tx) -> List.of(Reply.text("kb")), new MutableClock(NOW));
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    List<Reply> send(String user, String text) {
        return t.db.inTransaction(tx -> router.handle(new Incoming(inbox.incrementAndGet(), user, text, NOW), tx));
    }

    static String text(List<Reply> replies) {
        StringBuilder b = new StringBuilder();
        for (Reply r : replies) if (r instanceof Reply.Text tx) b.append(tx.text()).append("\n");
        return b.toString();
    }

    @Test
    void secretariatSeesTheWholeProvinceAndAnyUnit() {
        List<Reply> r = send("sec", "#tổng hợp");
        assertThat(text(r)).contains("TỔNG HỢP TUẦN 47/2026").contains("Tỉnh Bình Phước").contains("Đã báo cáo: 3/4");
        Reply.Text last = (Reply.Text) r.get(r.size() - 1);
        assertThat(last.buttons()).containsExactly(Button.query("Xem đơn vị chưa báo cáo", "#chuabaocao tuần 47/2026 BP"),
                Button.query("Xem tuần 48 (đang diễn ra)", "#tonghop tuần 48/2026 BP"));

        assertThat(text(send("sec", "#tonghop tuan 46 bp-plo"))).contains("TỔNG HỢP TUẦN 46/2026")
                .contains("Cụm Phước Long").contains("Đã báo cáo: 2/2");
        assertThat(text(send("admin", "/tonghop BP-DXO-01"))).contains("Phường Tân Bình").contains("Đã báo cáo: 1/1");
        assertThat(text(send("sec", "#tonghop BP-XYZ"))).contains("Không tìm thấy đơn vị \"BP-XYZ\"");
        assertThat(text(send("sec", "#tonghop tuần"))).contains("Hãy ghi số tuần");
        assertThat(text(send("sec", "#tonghop tuan 49/2026"))).contains("chưa bắt đầu");
        assertThat(t.count("SELECT COUNT(*) FROM audit_log WHERE action = 'summary.tonghop' AND actor = 'sec'")).isEqualTo(1 + 1 + 0);
        assertThat(t.count("SELECT COUNT(*) FROM audit_log WHERE action = 'summary.tonghop' AND subject = 'BP-PLO' "
                + "AND detail = 'week=2026-11-09'")).isEqualTo(1);
    }

    @Test
    void leaderSeesOnlyTheirOwnSubtree() {
        String own = text(send("lead-dxo", "#tonghop"));
        assertThat(own).contains("Cụm Đồng Xoài").contains("Đã báo cáo: 2/2").doesNotContain("Phước Long");
        assertThat(text(send("lead-dxo", "#tonghop BP-DXO-02"))).contains("Phường Tân Đồng");
        assertThat(text(send("lead-dxo", "#tonghop BP-PLO"))).contains("Bạn chỉ xem được số liệu của Cụm Đồng Xoài");
        assertThat(text(send("lead-dxo", "#tonghop BP"))).contains("Bạn chỉ xem được");
        assertThat(text(send("lead-dxo", "#chuabaocao BP-PLO"))).contains("Bạn chỉ xem được");
        assertThat(text(send("lead-dxo", "#bieudo hotro BP-PLO"))).contains("Bạn chỉ xem được");
        // #xuat is for the secretariat and admins only.
        assertThat(text(send("lead-dxo", "#xuat"))).contains("Xin lỗi, với vai trò tổ trưởng");
        assertThat(t.count("SELECT COUNT(*) FROM audit_log WHERE actor = 'lead-dxo'")).isEqualTo(2);
    }

    @Test
    void membersAndCitizensAreRefusedPolitely() {
        for (String cmd : List.of("#tonghop", "#chuabaocao", "#bieudo", "#xuat")) {
            assertThat(text(send("mem", cmd))).startsWith("Xin lỗi, với vai trò thành viên");
            assertThat(text(send("stranger", cmd))).startsWith("Xin lỗi, lệnh #");
        }
        assertThat(t.count("SELECT COUNT(*) FROM audit_log")).isZero();
        assertThat(t.count("SELECT COUNT(*) FROM summary_exports")).isZero();
    }

    @Test
    void missingListNamesLeadersAndOffersAReminder() {
        List<Reply> r = send("sec", "#chưa báo cáo");
        String s = text(r);
        assertThat(s).contains("CHƯA BÁO CÁO TUẦN 47/2026").contains("1/4 đơn vị chưa báo cáo")
                .contains("Cụm Phước Long:\n– Xã Long Giang (BP-PLO-02): tổ trưởng Lê Văn Nam");
        assertThat(((Reply.Text) r.get(r.size() - 1)).buttons())
                .containsExactly(Button.query("Nhắc Xã Long Giang", "#nhac tuần 47/2026 BP-PLO-02"));
        // Admins may not use #nhac (design table), so they get the list without the button.
        List<Reply> a = send("admin", "#chuabaocao");
        assertThat(((Reply.Text) a.get(a.size() - 1)).buttons()).isEmpty();
        assertThat(text(send("lead-dxo", "#chuabaocao"))).contains("Tất cả 2 đơn vị đã báo cáo");
    }

    @Test
    void aLongMissingListIsCountsPerBranchAndTheNamesInASheet() {
        t.unit("BP-HQU", "Cụm Hớn Quản", "BP", "group");
        for (int i = 1; i <= SummaryTexts.MISSING_IN_CHAT; i++) {
            t.unit(String.format("BP-HQU-%02d", i), "Xã Hớn Quản số " + i, "BP-HQU", "commune");
        }
        List<Reply> r = send("sec", "#chuabaocao");
        assertThat(r).hasSize(1);
        Reply.Text only = (Reply.Text) r.get(0);
        assertThat(only.text()).contains("31/34 đơn vị chưa báo cáo, theo đơn vị trực thuộc:\n– Cụm Hớn Quản: 30/30\n"
                + "– Cụm Phước Long: 1/2").contains("trang “Chưa báo cáo” của tệp Excel").doesNotContain("Xã Hớn Quản số");
        assertThat(only.buttons()).extracting(Button::title).containsExactly("Tải danh sách đầy đủ", "Nhắc 31 đơn vị chưa báo cáo");
        assertThat(only.buttons().get(0).payload()).contains("/exports/");
        assertThat(t.count("SELECT COUNT(*) FROM summary_exports WHERE created_by = 'sec'")).isEqualTo(1);
    }

    @Test
    void chartIsAPngImage() {
        List<Reply> r = send("sec", "#biểu đồ vneid");
        assertThat(r).hasSize(1).first().isInstanceOf(Reply.Image.class);
        Reply.Image img = (Reply.Image) r.get(0);
        assertThat(img.png()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(img.caption()).startsWith("Tài khoản VNeID").contains("Tỉnh Bình Phước");
        assertThat(text(send("sec", "#bieudo xyz"))).contains("Hãy gõ một chỉ tiêu: hotro, vneid");
        assertThat(t.count("SELECT COUNT(*) FROM audit_log WHERE action = 'summary.bieudo' AND detail LIKE '%indicator=vneid'"))
                .isEqualTo(1);
    }
}
