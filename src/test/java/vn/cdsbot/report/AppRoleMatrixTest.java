package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import vn.cdsbot.chat.Role;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.testing.MutableClock;

/**
 * Every chat command of the design × every role, through the whole app as it runs (all features wired by App,
 * the real sender resolver, signed webhook events, replies read back from the local Zalo); then the scope of
 * summaries: a leader sees their own subtree only, never another unit's figures, and a member no summary at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppRoleMatrixTest {
    /** Figures no date, week or count in a reply can look like: 1357 in the leader's commune, 2468 elsewhere. */
    static final String OWN = "1357";
    static final String OTHER = "2468";
    static final Map<Role, String> USERS = Map.of(Role.CITIZEN, "citizen", Role.MEMBER, "member", Role.LEADER, "leader",
            Role.SECRETARIAT, "secretary", Role.ADMIN, "admin", Role.EDITOR, "editor");

    @TempDir static Path dir;
    TestBot bot;

    @BeforeAll
    void start() throws Exception {
        // The clock stands still, so the per-user rate limit would never reset: lifted for this one conversation.
        bot = new TestBot(dir, MutableClock.at("2026-11-24T10:00"),
                y -> y.replace("rate_limit_per_minute: 20", "rate_limit_per_minute: 100000"));
        long now = bot.clock.millis();
        PeopleFixture.enrol(bot.db(), "member", "BP-DXO-01", Role.MEMBER, now);
        PeopleFixture.enrol(bot.db(), "leader", "BP-DXO-01", Role.LEADER, now);
        PeopleFixture.enrol(bot.db(), "leader-plo", "BP-PLO", Role.LEADER, now);
        PeopleFixture.enrol(bot.db(), "member-plo", "BP-PLO-01", Role.MEMBER, now);
        PeopleFixture.enrol(bot.db(), "secretary", "BP", Role.SECRETARIAT, now);
        PeopleFixture.enrol(bot.db(), "admin", "BP", Role.ADMIN, now);
        PeopleFixture.enrol(bot.db(), "editor", "BP", Role.EDITOR, now);
        report("member", OWN);
        report("member-plo", OTHER);
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    /** A confirmed report for week 47 (16–22/11/2026); a plausibility question is answered "sure". */
    private void report(String user, String hotro) throws Exception {
        assertThat(bot.send(user, "#baocao tuần 47 hotro=" + hotro + " vneid=3")).anyMatch(m -> m.payloads().contains("#xacnhan"));
        String answer = bot.say(user, "#xacnhan");
        if (!answer.contains("Đã ghi nhận")) answer = bot.say(user, "#xacnhan chắc chắn");
        assertThat(answer).contains("Đã ghi nhận");
    }

    /** The bot's messages in answer to this one; anything sent to the user before (a reminder) is skipped. */
    private List<TestBot.Sent> answer(String user, String text) throws Exception {
        bot.replies(user);
        return bot.send(user, text);
    }

    private String say(String user, String text) throws Exception {
        return String.join("\n", answer(user, text).stream().map(TestBot.Sent::text).toList());
    }

    static boolean refused(String reply, String command) {
        return reply.startsWith("Xin lỗi") && reply.contains("lệnh #" + command);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvFileSource(resources = "/role-matrix.csv", delimiter = '|')
    void everyCommandForEveryRoleThroughTheWholeApp(String command, String allowedRoles, String text) throws Exception {
        Set<Role> allowed = EnumSet.noneOf(Role.class);
        for (String r : allowedRoles.split(" ")) allowed.add(Role.valueOf(r.toUpperCase()));
        for (Role role : Role.values()) {
            List<TestBot.Sent> sent = answer(USERS.get(role), text);
            String reply = String.join("\n", sent.stream().map(TestBot.Sent::text).toList());
            assertThat(sent).as(role + " got an answer").isNotEmpty();
            assertThat(refused(reply, command)).as(role + " → " + reply).isEqualTo(!allowed.contains(role));
            if (!allowed.contains(role)) assertThat(reply).doesNotContain(OWN, OTHER);
            if (allowed.contains(role) && command.equals("bieudo")) assertThat(sent).anyMatch(TestBot.Sent::image);
            if (allowed.contains(role) && command.equals("vanban")) {
                assertThat(sent.get(0).file()).as("the draft as a Zalo file").endsWith(".docx");
                assertThat(sent.get(1).buttons()).singleElement().asString().startsWith("Tải dự thảo báo cáo (Word)");
            }
            if (allowed.contains(role) && command.equals("xuat")) {
                assertThat(sent.get(0).buttons()).singleElement().asString().startsWith("Tải báo cáo Excel");
                assertThat(bot.rows("SELECT COUNT(*) FROM summary_exports WHERE created_by = ?", USERS.get(role)))
                        .doesNotContain("0");
            }
        }
        // Nothing a refused role asked for was recorded or produced.
        assertThat(bot.rows("SELECT COUNT(*) FROM audit_log WHERE actor IN ('citizen', 'member') AND action LIKE 'summary.%'"))
                .containsExactly("0");
        // Files: spreadsheets for the secretariat and admins; report drafts (#vanban) for leaders too.
        assertThat(bot.rows("SELECT COUNT(*) FROM summary_exports WHERE created_by NOT IN ('secretary', 'admin')"
                + " AND NOT (created_by = 'leader' AND file_name LIKE '%.docx')")).containsExactly("0");
        assertThat(bot.rows("SELECT COUNT(*) FROM report_drafts WHERE user_id = 'citizen'")).containsExactly("0");
    }

    @Test
    void helpListsTheSummaryCommandsOnlyToThoseWhoMayUseThem() throws Exception {
        assertThat(say("member", "#trogiup")).doesNotContain("#tonghop", "#chuabaocao", "#bieudo", "#xuat");
        assertThat(say("leader", "#trogiup")).contains("#tonghop", "#chuabaocao", "#bieudo").doesNotContain("#xuat");
        assertThat(say("secretary", "#trogiup")).contains("#tonghop", "#chuabaocao", "#bieudo", "#xuat");
    }

    @Test
    void aLeaderSeesTheirOwnSubtreeAndNeverAnotherUnitsFigures() throws Exception {
        String own = say("leader", "#tonghop tuần 47");
        assertThat(own).contains("Phường Tân Bình").containsAnyOf(OWN, "1.357").doesNotContain(OTHER, "2.468", "Phước Long");
        for (String outside : List.of("#tonghop tuần 47 BP-PLO", "#tonghop tuần 47 BP-PLO-01", "#tonghop tuần 47 BP",
                "#tonghop tuần 47 BP-DXO", "#chuabaocao tuần 47 BP-PLO", "#chuabaocao tuần 47 BP", "#bieudo hotro BP-PLO-01",
                "#bieudo hotro BP")) {
            List<TestBot.Sent> sent = answer("leader", outside);
            String reply = String.join("\n", sent.stream().map(TestBot.Sent::text).toList());
            assertThat(reply).as(outside).contains("Bạn chỉ xem được số liệu của Phường Tân Bình")
                    .doesNotContain(OTHER, "2.468");
            assertThat(sent).as(outside).noneMatch(TestBot.Sent::image);
        }
        assertThat(say("leader", "#chuabaocao tuần 47")).doesNotContain("Phước Long", "Đồng Xoài");
        assertThat(say("leader", "#xuat tuần 47 BP-PLO")).startsWith("Xin lỗi").doesNotContain("/exports/");

        // A leader of a grouping sees its communes, and not the rest of the province.
        String group = say("leader-plo", "#tonghop tuần 47");
        assertThat(group).containsAnyOf(OTHER, "2.468").doesNotContain(OWN, "1.357", "Tân Bình");
        assertThat(say("leader-plo", "#tonghop tuần 47 BP-PLO-01")).containsAnyOf(OTHER, "2.468");
        assertThat(say("leader-plo", "#tonghop tuần 47 BP-DXO-01")).contains("Bạn chỉ xem được số liệu của Cụm Phước Long")
                .doesNotContain(OWN, "1.357");

        // The office sees both.
        assertThat(say("secretary", "#tonghop tuần 47")).containsAnyOf(OWN, "1.357").containsAnyOf(OTHER, "2.468");
    }

    @Test
    void membersSeeNoSummaryOfAnyUnit() throws Exception {
        for (String cmd : List.of("#tonghop tuần 47", "#tonghop tuần 47 BP-DXO-01", "#chuabaocao", "#bieudo hotro BP-DXO-01",
                "#xuat tuần 47")) {
            List<TestBot.Sent> sent = answer("member", cmd);
            String reply = String.join("\n", sent.stream().map(TestBot.Sent::text).toList());
            assertThat(reply).as(cmd).startsWith("Xin lỗi, với vai trò thành viên").doesNotContain(OWN, "1.357", OTHER, "2.468");
            assertThat(sent).noneMatch(TestBot.Sent::image);
        }
    }
}
