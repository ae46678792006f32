package vn.cdsbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Role;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.MutableClock;
import vn.cdsbot.testing.TestApp;

/**
 * Issue 15's "done means", through the signed webhook and the fake Zalo: a question the bot cannot answer goes to a
 * person of the citizen's commune, whose answer comes back through the OA; nobody sees the other's Zalo id.
 */
class HandoffFlowTest {
    private static final String CITIZEN = "citizen-5501";
    private static final String MEMBER = "member-tanbinh-77";      // Phường Tân Bình, BP-DXO-01
    private static final String OTHER = "member-other-commune-88";  // another commune of the same cluster
    private static final String LEADER = "leader-dongxoai-66";      // the cluster above Tân Bình
    private static final String SECRETARY = "secretariat-55";
    private static final String UNANSWERABLE = "nhà tôi bị mất nước sạch mấy hôm nay thì báo ai";
    private static final Pattern TICKET = Pattern.compile("HT-\\d{4,5}");

    @TempDir
    Path tmp;

    private final MutableClock clock = MutableClock.at("2026-12-09T09:00");   // a Wednesday morning
    private final Map<String, List<FakeZalo.Sent>> inbox = new HashMap<>();
    private FakeZalo zalo;
    private TestApp app;

    @BeforeEach
    void start() throws Exception {
        zalo = new FakeZalo();
        app = TestApp.production(tmp, zalo, clock);
        long now = clock.millis();
        PeopleFixture.enrol(db(), MEMBER, "BP-DXO-01", Role.MEMBER, now);
        PeopleFixture.enrol(db(), OTHER, "BP-DXO-02", Role.MEMBER, now);
        PeopleFixture.enrol(db(), LEADER, "BP-DXO", Role.LEADER, now);
        PeopleFixture.enrol(db(), SECRETARY, "BP", Role.SECRETARIAT, now);
        for (String u : List.of(MEMBER, OTHER, LEADER, SECRETARY)) PeopleFixture.touch(db(), u, now);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        zalo.close();
    }

    private Database db() {
        return app.app().database();
    }

    /** Sends as the user and returns every message the user received in answer (waits for the last one). */
    private List<FakeZalo.Sent> send(String user, String text, int expected) throws Exception {
        assertThat(app.say(user, text)).isEqualTo(200);
        return expect(user, expected);
    }

    private String say(String user, String text) throws Exception {
        return String.join("\n", send(user, text, 1).stream().map(FakeZalo.Sent::text).toList());
    }

    /** The next {@code n} messages to {@code user}, keeping those to others for later. */
    private List<FakeZalo.Sent> expect(String user, int n) throws Exception {
        List<FakeZalo.Sent> mine = inbox.computeIfAbsent(user, u -> new ArrayList<>());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (mine.size() < n && System.nanoTime() < deadline) {
            FakeZalo.Sent s = zalo.takeSent();
            inbox.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s);
        }
        assertThat(mine).as("messages to %s", user).hasSizeGreaterThanOrEqualTo(n);
        List<FakeZalo.Sent> out = new ArrayList<>(mine.subList(0, n));
        mine.subList(0, n).clear();
        return out;
    }

    /** Nothing more reaches {@code user} within a short wait. */
    private void expectNothing(String user) throws Exception {
        for (FakeZalo.Sent s : zalo.drainSent(500)) inbox.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s);
        assertThat(inbox.getOrDefault(user, List.of())).as("messages to %s", user).isEmpty();
    }

    private static List<String> payloads(FakeZalo.Sent s) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : s.message().path("attachment").path("payload").path("buttons")) out.add(b.path("payload").asText());
        return out;
    }

    private String openTicket() throws Exception {
        FakeZalo.Sent fallback = send(CITIZEN, UNANSWERABLE, 1).get(0);
        assertThat(fallback.text()).startsWith("Xin lỗi, hiện bot chưa có thông tin").contains("Gặp người hỗ trợ");
        assertThat(payloads(fallback)).containsExactly("#hotro");
        assertThat(say(CITIZEN, "#hotro")).contains("Bạn ở xã/phường nào");
        List<FakeZalo.Sent> opened = send(CITIZEN, "tan binh", 2);
        assertThat(opened.get(0).text()).contains("Phường Tân Bình");
        Matcher m = TICKET.matcher(opened.get(1).text());
        assertThat(m.find()).as("a ticket code in: %s", opened.get(1).text()).isTrue();
        return m.group();
    }

    @Test
    void aQuestionTheBotCannotAnswerReachesTheCommunesTeamAndTheirAnswerComesBackThroughTheOa() throws Exception {
        String code = openTicket();

        FakeZalo.Sent toTeam = expect(MEMBER, 1).get(0);
        assertThat(toTeam.text()).contains(code, UNANSWERABLE, "Phường Tân Bình").doesNotContain(CITIZEN);
        assertThat(payloads(toTeam)).containsExactly("#nhan " + code);
        expectNothing(OTHER);

        assertThat(say(OTHER, "#nhan " + code)).contains("ngoài phạm vi của bạn");
        assertThat(say(MEMBER, "#nhan " + code)).contains("Bạn đã nhận câu hỏi " + code);
        assertThat(expect(CITIZEN, 1).get(0).text()).contains("đã nhận câu hỏi " + code).doesNotContain(MEMBER);
        assertThat(say(OTHER, "#traloi " + code + " Tôi trả lời thay")).contains("ngoài phạm vi");

        String answer = "Bác gọi Công ty cấp nước theo số 0271 3879 123, hoặc báo trưởng khu phố để được hỗ trợ.";
        assertThat(say(MEMBER, "#traloi " + code + " " + answer)).contains("đã chuyển câu trả lời");
        String relayed = expect(CITIZEN, 1).get(0).text();
        assertThat(relayed).endsWith("\n" + answer).contains(code).doesNotContain(MEMBER).doesNotContain("TV");
        assertThat(say(MEMBER, "#traloi " + code + " Bác cần gì thêm cứ nhắn ạ.")).contains("đã chuyển");
        assertThat(expect(CITIZEN, 1).get(0).text()).endsWith("Bác cần gì thêm cứ nhắn ạ.");

        assertThat(say(MEMBER, "#xong " + code)).contains("Đã đóng câu hỏi " + code);
        FakeZalo.Sent survey = expect(CITIZEN, 1).get(0);
        assertThat(survey.text()).contains("Bạn đã được giúp chưa");
        assertThat(payloads(survey)).containsExactly("#dagiup " + code, "#chuagiup " + code);
        assertThat(say(CITIZEN, "#dagiup " + code)).contains("Cảm ơn bạn");

        // The member's weekly report: the OA's help is suggested under the echo, never added to the figures.
        String echo = say(MEMBER, "#baocao tuần này hotro=10 vneid=2 dvc=1 thanhtoan=0 tuyentruyen=0");
        assertThat(echo).contains("Lượt người dân được hỗ trợ: 10", "qua Zalo OA: 1 lượt hỗ trợ", "không tự cộng");
        assertThat(say(OTHER, "#baocao tuần này hotro=3 vneid=0 dvc=0 thanhtoan=0 tuyentruyen=0")).doesNotContain("Zalo OA");
        assertThat(say(MEMBER, "#baocao tuần trước hotro=10 vneid=2 dvc=1 thanhtoan=0 tuyentruyen=0"))
                .doesNotContain("Zalo OA");

        assertThat(say(LEADER, "#tonghop tuần này BP-DXO-01"))
                .contains("Người dân nhờ hỗ trợ qua Zalo OA: 1 câu hỏi, 1 đã được trả lời");
        assertThat(say(LEADER, "#tonghop tuần trước BP-DXO-01")).doesNotContain("nhờ hỗ trợ qua Zalo OA");
        assertTicketSheet(send(SECRETARY, "#xuat tuần này BP-DXO", 1).get(0));

        assertThat(PeopleFixture.rows(db(), "SELECT status || ' ' || owner_id || ' ' || helped FROM handoff_tickets "
                + "WHERE code = ?", code)).containsExactly("closed " + MEMBER + " 1");
        assertThat(PeopleFixture.rows(db(), "SELECT action FROM audit_log WHERE subject = ? ORDER BY id", code))
                .containsSubsequence("handoff.open", "handoff.notify", "handoff.refused", "handoff.claim",
                        "handoff.reply", "handoff.close", "handoff.feedback");
        assertThat(PeopleFixture.rows(db(), "SELECT COUNT(*) FROM audit_log WHERE actor = ? OR subject = ? OR detail LIKE ?",
                CITIZEN, CITIZEN, "%" + CITIZEN + "%")).as("the citizen's Zalo id in the kept audit log").containsExactly("0");
    }

    @Test
    void anUnclaimedTicketGoesToTheLeaderThenTheSecretariatInWorkingTimeOnly() throws Exception {
        String code = openTicket();
        expect(MEMBER, 1);
        Runnable job = escalation();

        clock.advance(Duration.ofMinutes(59));
        job.run();
        expectNothing(LEADER);

        clock.advance(Duration.ofMinutes(2));
        for (String u : List.of(LEADER, SECRETARY)) PeopleFixture.touch(db(), u, clock.millis());
        job.run();
        FakeZalo.Sent toLeader = expect(LEADER, 1).get(0);
        assertThat(toLeader.text()).contains("Chưa ai nhận", code, UNANSWERABLE).doesNotContain(CITIZEN);
        assertThat(expect(CITIZEN, 1).get(0).text()).contains("chuyển lên tổ trưởng");
        expectNothing(SECRETARY);

        clock.set("2026-12-09T16:59");   // well past an hour of working time after the leader was asked
        job.run();
        assertThat(expect(SECRETARY, 1).get(0).text()).contains(code);
        assertThat(PeopleFixture.rows(db(), "SELECT level FROM handoff_tickets WHERE code = ?", code)).containsExactly("2");
    }

    @Test
    void aTicketOpenedAtNightIsSentToTheTeamWhenWorkBegins() throws Exception {
        clock.set("2026-12-09T21:00");
        PeopleFixture.touch(db(), MEMBER, clock.millis());
        String code = openTicket();
        expectNothing(MEMBER);
        escalation().run();
        expectNothing(MEMBER);

        clock.set("2026-12-10T07:31");
        escalation().run();
        assertThat(expect(MEMBER, 1).get(0).text()).contains(code);
    }

    @Test
    void anAnswerAfterTheCitizensFreeWindowIsHeldAndDeliveredWhenTheyWriteAgain() throws Exception {
        String code = openTicket();
        expect(MEMBER, 1);
        say(MEMBER, "#nhan " + code);
        expect(CITIZEN, 1);

        clock.advance(Duration.ofHours(49));
        String answer = "Bác mang theo căn cước đến bộ phận một cửa phường vào sáng thứ Hai.";
        assertThat(say(MEMBER, "#traloi " + code + " " + answer)).contains("chưa cho bot gửi", "nhắn lại");
        expectNothing(CITIZEN);

        send(CITIZEN, "xin chào", 1);
        escalation().run();
        assertThat(expect(CITIZEN, 1).get(0).text()).endsWith(answer);
    }

    @Test
    void theCommuneIsMatchedForgivinglyRememberedAndErasedOnWithdrawal() throws Exception {
        assertThat(say(CITIZEN, "#xa p. Tân Bình")).contains("bạn ở Phường Tân Bình");
        assertThat(say(CITIZEN, "#xa phường tân bình")).contains("bạn ở Phường Tân Bình");
        assertThat(say(CITIZEN, "#xa xa tan binh")).contains("bạn ở Phường Tân Bình");
        assertThat(say(CITIZEN, "#xa Cụm Đồng Xoài")).contains("chưa tìm thấy");   // a grouping is not a commune
        assertThat(say(CITIZEN, "#xa")).contains("Phường Tân Bình");
        // Known commune: the ticket opens at once.
        send(CITIZEN, UNANSWERABLE, 1);
        assertThat(say(CITIZEN, "#hotro")).containsPattern(TICKET.pattern());

        assertThat(app.event("user_withdraw", CITIZEN)).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                PeopleFixture.rows(db(), "SELECT COUNT(*) FROM citizen_communes").equals(List.of("0")));
        assertThat(PeopleFixture.rows(db(), "SELECT COUNT(*) FROM handoff_tickets WHERE citizen_id IS NOT NULL "
                + "OR question <> ''")).containsExactly("0");
    }

    @Test
    void answersThatSendPeopleToTheCommuneOfficeEndWithTheirOwnOfficesAddressAndHours() throws Exception {
        String desk = "Xin giấy xác nhận độc thân ở đâu?";
        assertThat(say(CITIZEN, desk)).contains("xác nhận tình trạng hôn nhân")
                .endsWith("Gõ #lienhe để bot chỉ địa chỉ, giờ làm việc của bộ phận một cửa xã/phường bạn.");
        say(CITIZEN, "#xa tan binh");
        assertThat(say(CITIZEN, desk)).contains("\n\nBộ phận một cửa Phường Tân Bình: [Dữ liệu minh họa] Bộ phận một cửa, "
                + "trụ sở UBND Phường Tân Bình. Giờ làm việc: Thứ Hai đến thứ Sáu").endsWith("Xem thêm: #lienhe");
        assertThat(say(CITIZEN, "Tôi quên mật khẩu đăng nhập VNeID, làm sao để đặt lại?"))
                .contains("VNeID").doesNotContain("Bộ phận một cửa Phường Tân Bình", "#lienhe");
        assertThat(say(MEMBER, desk)).as("members get the article as it is").doesNotContain("#lienhe");
    }

    @Test
    void afterChuaDungAndWhatWasWrongTheCitizenIsOfferedAPersonWhoGetsTheirWords() throws Exception {
        FakeZalo.Sent answer = send(CITIZEN, "Xin giấy xác nhận độc thân ở đâu?", 1).get(0);
        String wrong = payloads(answer).stream().filter(p -> p.startsWith("#chuadung ")).findFirst().orElseThrow();
        assertThat(say(CITIZEN, wrong)).contains("chưa đúng ở chỗ nào");
        String words = "tôi cần giấy xác nhận độc thân để kết hôn với người nước ngoài";
        FakeZalo.Sent thanks = send(CITIZEN, words, 1).get(0);
        assertThat(thanks.text()).contains("Cảm ơn bạn, bot đã ghi lại ý kiến", "Gặp người hỗ trợ");
        assertThat(payloads(thanks)).containsExactly("#hotro");
        assertThat(say(CITIZEN, "#hotro")).contains("Bạn ở xã/phường nào");
        List<FakeZalo.Sent> opened = send(CITIZEN, "tan binh", 2);
        Matcher m = TICKET.matcher(opened.get(1).text());
        assertThat(m.find()).isTrue();
        assertThat(expect(MEMBER, 1).get(0).text()).contains(m.group(), "Xin giấy xác nhận độc thân ở đâu?", words,
                "Bot đã trả lời: ").doesNotContain(CITIZEN);
    }

    @Test
    void theCitizensFollowUpMessagesGoToWhoeverHandlesTheTicketUntilItIsClosed() throws Exception {
        String code = openTicket();
        expect(MEMBER, 1);
        String before = "Nhà tôi ở khu phố 3, gần chợ Tân Bình";
        assertThat(say(CITIZEN, before)).contains("ghi tin nhắn của bạn vào câu hỏi " + code, "chuyển đến Tổ");
        FakeZalo.Sent toTeam = expect(MEMBER, 1).get(0);
        assertThat(toTeam.text()).contains("nhắn thêm về câu hỏi " + code, before).doesNotContain(CITIZEN);
        assertThat(payloads(toTeam)).containsExactly("#nhan " + code);
        expectNothing(OTHER);

        assertThat(say(MEMBER, "#nhan " + code)).contains(UNANSWERABLE, before);
        expect(CITIZEN, 1);
        String after = "Từ hôm thứ Hai đến giờ vẫn chưa có nước ạ";
        assertThat(say(CITIZEN, after)).contains("đã chuyển tin nhắn của bạn cho người đang hỗ trợ câu hỏi " + code);
        assertThat(expect(MEMBER, 1).get(0).text()).contains(code, after).doesNotContain(CITIZEN);

        say(MEMBER, "#xong " + code);
        expect(CITIZEN, 1);   // "Đã được giúp chưa?"
        assertThat(say(CITIZEN, "Xin giấy xác nhận độc thân ở đâu?")).contains("xác nhận tình trạng hôn nhân");
        expectNothing(MEMBER);
        assertThat(PeopleFixture.rows(db(), "SELECT action FROM audit_log WHERE subject = ? AND action = 'handoff.followup'",
                code)).hasSize(2);
    }

    @Test
    void editorsTurnAClosedTicketsAnswerIntoAQuestionVariantOrADraftUntilRetentionDropsIt() throws Exception {
        String question = "mất căn cước khi đang đi làm ăn xa thì làm lại ở đâu";
        say(CITIZEN, "#xa Tân Bình");
        Matcher m = TICKET.matcher(say(CITIZEN, "#hotro " + question));
        assertThat(m.find()).isTrue();
        String code = m.group();
        expect(MEMBER, 1);
        String answer = "Bác đến công an xã nơi đang ở hoặc nộp trên VNeID, không cần về quê.";
        say(MEMBER, "#traloi " + code + " " + answer);
        expect(CITIZEN, 1);
        assertThat(say(CITIZEN, "ở đâu cũng được hả cháu")).contains("đã chuyển tin nhắn");
        expect(MEMBER, 1);
        assertThat(Handoff.forEditors(db(), code, "question", clock)).as("not closed yet").isEmpty();
        say(MEMBER, "#xong " + code);
        expect(CITIZEN, 1);

        PeopleFixture.enrol(db(), "editor-44", "BP", Role.EDITOR, clock.millis());
        assertThat(say("editor-44", "#hotroxong")).contains(code + " (Phường Tân Bình): \"" + question + "\"",
                "Tổ trả lời: " + answer, "kb accept", "kb draft").doesNotContain(CITIZEN, MEMBER, "ở đâu cũng được");
        assertThat(say(MEMBER, "#hotroxong")).doesNotContain(code);   // members do not have it

        Handoff.ClosedTicket t = Handoff.forEditors(db(), code, "question", clock).orElseThrow();
        assertThat(t.question()).isEqualTo(question);
        assertThat(t.answers()).isEqualTo(answer);
        vn.cdsbot.config.BotConfig config = withKbCopy();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(vn.cdsbot.kb.KbCli.addQuestion(config, t.question(), "cap-lai-the-can-cuoc", clock, print, print))
                .as(out.toString()).isZero();
        Path kb = Path.of(config.kb().dir());
        assertThat(java.nio.file.Files.readString(kb.resolve("dv02-cap-lai-the-can-cuoc.md"))).contains("\n  - " + question + "\n");

        int articles = vn.cdsbot.kb.KbLoader.load(kb, java.time.LocalDate.now(clock), 180).articles().size();
        assertThat(vn.cdsbot.kb.KbCli.draft(config, code.toLowerCase(java.util.Locale.ROOT), t.question(), t.answers(),
                "câu hỏi " + code, clock, print, print)).isZero();
        String draft = java.nio.file.Files.readString(kb.resolve("drafts").resolve(code.toLowerCase(java.util.Locale.ROOT) + ".md"));
        assertThat(draft).startsWith("---\n# BẢN NHÁP từ câu hỏi " + code).contains("title: " + question, "\n---\n" + answer)
                .doesNotContain(CITIZEN, MEMBER);
        assertThat(vn.cdsbot.kb.KbLoader.load(kb, java.time.LocalDate.now(clock), 180).articles()).as("a draft answers nobody")
                .hasSize(articles);
        assertThat(PeopleFixture.rows(db(), "SELECT detail FROM audit_log WHERE action = 'handoff.to_kb' AND subject = ?", code))
                .containsExactly("question");

        clock.advance(Duration.ofDays(TestApp.config(tmp, Map.of()).kb().keepQuestionsDays() + 1));
        escalation().run();
        assertThat(Handoff.forEditors(db(), code, "draft", clock)).as("texts dropped with kb.keep_questions_days").isEmpty();
        assertThat(PeopleFixture.rows(db(), "SELECT COALESCE(question, '') || '|' || COALESCE(answers, '') || '|' "
                + "|| COALESCE(citizen_id, '') FROM handoff_tickets WHERE code = ?", code)).containsExactly("||");
    }

    /** The configuration with a copy of the knowledge base in the test's folder, for the editors' tools to change. */
    private vn.cdsbot.config.BotConfig withKbCopy() throws Exception {
        Path kb = java.nio.file.Files.createDirectories(tmp.resolve("kb"));
        try (var files = java.nio.file.Files.list(Path.of("knowledge-base"))) {
            for (Path f : files.toList()) java.nio.file.Files.copy(f, kb.resolve(f.getFileName()));
        }
        var c = TestApp.config(tmp, Map.of());
        return new vn.cdsbot.config.BotConfig(c.timezone(), c.server(), c.storage(), c.zalo(), c.inbox(), c.outbox(),
                new vn.cdsbot.config.BotConfig.Kb(kb.toString(), c.kb().answerThreshold(), c.kb().clarifyThreshold(),
                        c.kb().staleAfterDays(), c.kb().keepQuestionsDays()),
                c.units(), c.reporting(), c.summaries(), c.backup(), c.handoff(), c.campaigns());
    }

    /** The secretariat's #xuat workbook of the cluster has the hand-off's sheet: Tân Bình's one ticket, answered. */
    private void assertTicketSheet(FakeZalo.Sent reply) throws Exception {
        assertThat(reply.text()).contains("4 trang", TicketCounts.SHEET);
        String url = reply.message().path("attachment").path("payload").path("buttons").get(0).path("payload").path("url").asText();
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = wb.getSheet(TicketCounts.SHEET);
            assertThat(sheet).isNotNull();
            List<String> rows = new ArrayList<>();
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                List<String> cells = new ArrayList<>();
                sheet.getRow(r).forEach(c -> cells.add(new DataFormatter().formatCellValue(c)));
                rows.add(String.join("|", cells));
            }
            assertThat(rows).containsExactly("1|BP-DXO-01|Phường Tân Bình|1|1|0", "||Tổng cộng|1|1|0");
        }
    }

    private Runnable escalation() {
        var config = TestApp.config(tmp, Map.of());
        return Handoff.wire(config, db(), clock, () -> { }).escalation();
    }
}
