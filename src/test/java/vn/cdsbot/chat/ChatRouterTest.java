package vn.cdsbot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRouterTest {
    private final List<String> calls = new ArrayList<>();

    private Command recording(String name, List<String> aliases, java.util.Set<Role> allowed) {
        return new Command(name, aliases, allowed, "#" + name + " — thử", call -> {
            calls.add(call.command() + "|" + call.args());
            return List.of(Reply.text("ok " + call.command()));
        });
    }

    private ChatRouter router(Map<String, Role> roles) {
        SenderResolver senders = (user, tx) -> new Sender(user, roles.getOrDefault(user, Role.CITIZEN), null, null);
        QuestionAnswerer kb = (m, s, tx) -> {
            calls.add("kb|" + m.text());
            return List.of(Reply.text("kb"));
        };
        return new ChatRouter(List.of(
                recording("baocao", List.of("bao cao"), Command.atLeast(Role.MEMBER)),
                recording("xuat", List.of(), java.util.EnumSet.of(Role.SECRETARIAT, Role.ADMIN))),
                senders, kb, Clock.systemUTC());
    }

    private List<Reply> say(ChatRouter r, String user, String text) throws Exception {
        return r.handle(new Incoming(1, user, text, Instant.EPOCH), null);
    }

    private static String text(List<Reply> replies) {
        return ((Reply.Text) replies.get(0)).text();
    }

    @Test
    void commandWordsMatchWhateverTheCaseDiacriticsSpacingOrPrefix() throws Exception {
        ChatRouter r = router(Map.of("m", Role.MEMBER));
        for (String typed : List.of("#baocao hotro=1", "#BÁO CÁO hotro=1", "/bao cao hotro=1", "#Báo   cáo hotro=1", "  #baocao hotro=1")) {
            say(r, "m", typed);
        }
        assertThat(calls).containsOnly("baocao|hotro=1").hasSize(5);
    }

    @Test
    void argumentsKeepTheirOriginalSpelling() throws Exception {
        say(router(Map.of("m", Role.MEMBER)), "m", "#báo cáo Hỗ trợ 35, VNeID 20");
        assertThat(calls).containsExactly("baocao|Hỗ trợ 35, VNeID 20");
    }

    @Test
    void aUserErrorFromAHandlerIsTheReply() throws Exception {
        SenderResolver senders = (user, tx) -> new Sender(user, Role.MEMBER, null, null);
        ChatRouter r = new ChatRouter(List.of(new Command("tiendo", List.of(), Command.atLeast(Role.MEMBER), "#tiendo — thử",
                call -> {
                    throw new UserError("Không tìm thấy chiến dịch \"" + call.args() + "\".");
                })), senders, (m, s, tx) -> List.of(), Clock.systemUTC());
        assertThat(text(say(r, "m", "#tiendo CD9"))).isEqualTo("Không tìm thấy chiến dịch \"CD9\".");
    }

    @Test
    void plainTextGoesToTheKnowledgeBase() throws Exception {
        say(router(Map.of()), "c", "làm lại căn cước ở đâu #gấp");
        say(router(Map.of()), "c", "#");
        assertThat(calls).containsExactly("kb|làm lại căn cước ở đâu #gấp", "kb|#");
    }

    @Test
    void refusedCommandsExplainPolitelyAndRunNothing() throws Exception {
        ChatRouter r = router(Map.of("m", Role.MEMBER));
        String citizen = text(say(r, "c", "#baocao hotro=1"));
        assertThat(citizen).contains("Xin lỗi").contains("#dangky");
        String member = text(say(r, "m", "#xuat"));
        assertThat(member).contains("thành viên").contains("thư ký").contains("quản trị");
        assertThat(calls).isEmpty();
    }

    @Test
    void unknownCommandSaysSoAndPointsToHelp() throws Exception {
        assertThat(text(say(router(Map.of()), "c", "#khongco"))).contains("#khongco").contains("#trogiup");
    }

    @Test
    void helpListsOnlyWhatTheRoleMayUse() throws Exception {
        ChatRouter r = router(Map.of("s", Role.SECRETARIAT, "m", Role.MEMBER));
        assertThat(text(say(r, "c", "#trogiup"))).doesNotContain("#baocao").doesNotContain("#xuat");
        assertThat(text(say(r, "m", "#tro giup"))).contains("#baocao").doesNotContain("#xuat");
        assertThat(text(say(r, "s", "/help"))).contains("#baocao").contains("#xuat");
    }

    @Test
    void twoCommandsCannotClaimTheSameWord() {
        assertThatThrownBy(() -> new ChatRouter(List.of(recording("a", List.of("x"), Command.everyone()),
                recording("b", List.of("X"), Command.everyone())), SenderResolver.EVERYONE_CITIZEN, (m, s, t) -> List.of(),
                Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rolesParseFromVietnameseAndCodes() {
        assertThat(Role.parse("Tổ trưởng")).contains(Role.LEADER);
        assertThat(Role.parse("thu ky")).contains(Role.SECRETARIAT);
        assertThat(Role.parse("ADMIN")).contains(Role.ADMIN);
        assertThat(Role.parse("vua")).isEmpty();
    }
}
