package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

/** Every command × every role through the real router, resolver and handlers; then the scope rules. */
class RoleMatrixTest {
    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-24T10:00");
    Database db;
    ChatRouter router;
    final AtomicLong inboxIds = new AtomicLong(1000);

    /** A user per role: the member and leader in BP-DXO-01, the office at province level. */
    static final Map<Role, String> USERS = Map.of(Role.CITIZEN, "citizen", Role.MEMBER, "member", Role.LEADER, "leader",
            Role.SECRETARIAT, "secretary", Role.ADMIN, "admin", Role.EDITOR, "editor");

    @BeforeEach
    void wire() throws Exception {
        BotConfig config = PeopleFixture.config(dir);
        db = PeopleFixture.database(config, clock);
        router = vn.cdsbot.testing.ReportingRouter.create(config, db, clock, (m, s, tx) -> List.of(Reply.text("KB")));
        PeopleFixture.enrol(db, "member", "BP-DXO-01", Role.MEMBER, clock.millis());
        PeopleFixture.enrol(db, "leader", "BP-DXO-01", Role.LEADER, clock.millis());
        PeopleFixture.enrol(db, "secretary", "BP", Role.SECRETARIAT, clock.millis());
        PeopleFixture.enrol(db, "admin", "BP", Role.ADMIN, clock.millis());
        PeopleFixture.enrol(db, "editor", "BP", Role.EDITOR, clock.millis());
        PeopleFixture.enrol(db, "admin2", "BP", Role.ADMIN, clock.millis());
        PeopleFixture.enrol(db, "leader2", "BP-PLO", Role.LEADER, clock.millis());
    }

    @AfterEach
    void close() {
        db.close();
    }

    String say(String user, String text) {
        List<Reply> replies = db.inTransaction(tx -> router.handle(
                new Incoming(inboxIds.incrementAndGet(), user, text, clock.instant()), tx));
        return replies.stream().map(r -> ((Reply.Text) r).text()).collect(Collectors.joining("\n"));
    }

    static final Set<String> REPORTING_COMMANDS = Set.of("trogiup", "dangky", "toi", "baocao", "xacnhan", "sua", "huy",
            "moi", "thanhvien", "lichsu", "nhac", "thuhoi", "doivaitro");

    static boolean refused(String reply, String command) {
        return reply.startsWith("Xin lỗi") && reply.contains("lệnh #" + command);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvFileSource(resources = "/role-matrix.csv", delimiter = '|')
    void everyCommandForEveryRole(String command, String allowedRoles, String text) {
        // This router has the reporting and people commands only; AppRoleMatrixTest covers the rest.
        org.junit.jupiter.api.Assumptions.assumeTrue(REPORTING_COMMANDS.contains(command), "not wired in this router");
        Set<Role> allowed = EnumSet.noneOf(Role.class);
        for (String r : allowedRoles.split(" ")) allowed.add(Role.valueOf(r.toUpperCase()));
        for (Role role : Role.values()) {
            String reply = say(USERS.get(role), text);
            assertThat(refused(reply, command)).as(role + " → " + reply).isEqualTo(!allowed.contains(role));
        }
        // A refused command changed nothing: no draft, invite or reminder came from a refused role.
        assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM report_drafts WHERE user_id = 'citizen'")).containsExactly("0");
        assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM invites WHERE created_by IN ('citizen', 'member')"))
                .containsExactly("0");
        assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM reminder_runs WHERE actor IN ('citizen', 'member', 'admin')"))
                .containsExactly("0");
    }

    @Test
    void theOfficeInvitesEditorsInChatAndLeadersCannot() {
        assertThat(say("secretary", "#moi BP bientap")).contains("biên tập viên");
        assertThat(say("admin", "#moi BP editor")).contains("biên tập viên");
        assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM invites WHERE role = 'editor'")).containsExactly("2");
        say("leader", "#moi BP-DXO-01 editor");
        assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM invites WHERE role = 'editor' AND created_by = 'leader'"))
                .containsExactly("0");
        assertThat(say("editor", "#baocao hotro=1")).startsWith("Xin lỗi");
    }

    @Test
    void helpListsOnlyWhatTheRoleMayDo() {
        assertThat(say("citizen", "#trogiup")).contains("#dangky", "#toi").doesNotContain("#baocao", "#moi");
        assertThat(say("member", "#trogiup")).contains("#baocao", "#xacnhan").contains("#lichsu").doesNotContain("#moi", "#thuhoi");
        assertThat(say("secretary", "#trogiup")).contains("#thuhoi", "#doivaitro", "#nhac", "#lichsu");
    }

    @Test
    void invitesStayWithinTheInvitersUnitAndRole() {
        assertThat(say("leader", "#moi BP-DXO-02 thanhvien")).contains("chỉ mời được thành viên cho đơn vị của mình");
        assertThat(say("leader", "#moi totruong")).contains("chỉ mời được vai trò thành viên");
        assertThat(say("secretary", "#moi BP quantri")).contains("không thể cấp vai trò quản trị");
        assertThat(say("secretary", "#moi BP-DXO-02 totruong")).contains("Mã mời vai trò tổ trưởng");
        assertThat(say("admin", "#moi BP quản trị")).contains("Mã mời vai trò quản trị của Tỉnh Bình Phước");
        assertThat(say("admin", "#moi XYZ thanhvien")).contains("Không tìm thấy đơn vị có mã \"XYZ\"");
        assertThat(say("admin", "#moi BP-DXO-01 nguoidan")).contains("không cần mã mời");
        assertThat(say("admin", "#moi BP-DXO-01 thanhvien 21")).contains("từ 1 đến 20");
        assertThat(PeopleFixture.rows(db, "SELECT created_by, unit_code, role FROM invites ORDER BY created_by"))
                .containsExactly("admin|BP|admin", "secretary|BP-DXO-02|leader");
    }

    @Test
    void revocationAndRoleChangesRespectRank() {
        assertThat(say("secretary", "#thuhoi TV4")).contains("cao hơn vai trò thư ký");          // TV4 = admin
        assertThat(say("secretary", "#doivaitro TV1 quantri")).contains("không thể cấp vai trò quản trị");
        assertThat(say("admin", "#thuhoi TV4")).contains("chính mình");
        assertThat(say("admin", "#doivaitro TV1 totruong BP-DXO-02")).contains("giờ là tổ trưởng của Phường Tân Đồng");
        assertThat(say("admin", "#thuhoi admin2")).contains("Đã thu hồi"); // a Zalo id works too
        assertThat(say("admin", "#thuhoi TV99")).contains("Không tìm thấy thành viên");
        assertThat(PeopleFixture.rows(db, "SELECT user_id, role, unit_code, active FROM members WHERE user_id IN ('member', 'admin2') ORDER BY user_id"))
                .containsExactly("admin2|admin|BP|0", "member|leader|BP-DXO-02|1");
    }

    @Test
    void reportsAndHistoryStayWithinTheSendersUnits() {
        assertThat(say("member", "#baocao BP-DXO-02 hotro=1")).contains("chỉ báo cáo được cho đơn vị của mình");
        assertThat(say("leader2", "#baocao hotro=1")).contains("là đơn vị tổng hợp");
        assertThat(say("secretary", "#baocao hotro=1")).contains("ghi kèm mã tổ");
        assertThat(say("secretary", "#baocao BP-DXO-02 hotro=1")).contains("Đơn vị: Phường Tân Đồng (BP-DXO-02)");
        assertThat(say("secretary", "#xacnhan")).contains("Đã ghi nhận");
        assertThat(say("leader", "#lichsu BP-DXO-02")).contains("chỉ xem được đơn vị của mình");
        assertThat(say("leader2", "#lichsu BP-DXO-02")).contains("chỉ xem được đơn vị của mình");
        assertThat(say("secretary", "#lichsu BP-DXO-02")).contains("Các báo cáo gần nhất", "hotro 1");
        assertThat(say("leader", "#nhac BP-DXO")).contains("chỉ nhắc được các tổ thuộc đơn vị của mình").doesNotContain("Đã nhắc");
        assertThat(say("leader", "#thanhvien BP")).contains("chỉ xem và quản lý được");
        assertThat(say("leader", "#thanhvien")).contains("TV1", "TV2").doesNotContain("TV3");
    }
}
