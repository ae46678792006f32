package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.SenderResolver;
import vn.cdsbot.storage.Database;

class KbChatTest {
    private static KnowledgeBase kb;
    private Database db;
    private ChatRouter router;
    private long inboxIds = 1;

    @TempDir
    Path tmp;

    @BeforeAll
    static void openKnowledgeBase() {
        kb = KnowledgeBase.open(Path.of("knowledge-base"), KnowledgeBaseTest.CLOCK, KnowledgeBaseTest.ZONE, 180,
                KnowledgeBaseTest.POLICY);
    }

    @BeforeEach
    void setUp() {
        db = Database.open(tmp.resolve("t.db"), "NORMAL", 2);
        KbChat chat = new KbChat(kb, KnowledgeBaseTest.CLOCK);
        router = new ChatRouter(chat.commands(), SenderResolver.EVERYONE_CITIZEN, chat, KnowledgeBaseTest.CLOCK);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Reply.Text say(String user, String text) {
        long id = inboxIds++;
        List<Reply> replies = db.inTransaction(tx -> router.handle(new Incoming(id, user, text, Instant.now()), tx));
        assertThat(replies).hasSize(1);
        return (Reply.Text) replies.get(0);
    }

    @Test
    void vssidPasswordGetsThePointerToVssidNotTheVneidArticle() {
        Reply.Text r = say("u1", "quen mat khau vssid lay lai kieu gi");
        assertThat(r.text()).startsWith("VssID – BHXH số").contains("1900 9068");
        assertThat(r.buttons()).isEmpty();
        assertThat(say("u1", "quên mật khẩu VNeID").buttons())
                .contains(Button.query("Hữu ích", "#huuich quen-mat-khau-vneid"));
    }

    @Test
    void answerEndsWithSourceAndDateAndOffersFeedbackButtons() {
        Reply.Text r = say("u1", "lam lai cccd bi mat o dau");
        assertThat(r.text()).startsWith("Cấp lại thẻ căn cước khi bị mất hoặc hư hỏng\n\n")
                .containsPattern("\nNguồn: https://\\S+ \\(kiểm tra ngày \\d\\d/\\d\\d/\\d{4}\\)$");
        assertThat(r.buttons()).containsExactly(
                Button.query("Hữu ích", "#huuich cap-lai-the-can-cuoc"),
                Button.query("Chưa đúng", "#chuadung cap-lai-the-can-cuoc"));
    }

    @Test
    void negativeFeedbackIsStoredWithTheQuestionThatLedToTheArticle() throws Exception {
        say("u1", "lam lai cccd bi mat o dau");
        Reply.Text thanks = say("u1", "#chuadung cap-lai-the-can-cuoc");
        assertThat(thanks.text()).contains("Cảm ơn bạn đã báo");
        say("u2", "#Hữu ích cap-lai-the-can-cuoc");

        List<KbStore.Feedback> feedback = db.read(KbStore::feedback);
        assertThat(feedback).extracting(KbStore.Feedback::userId, KbStore.Feedback::articleId,
                KbStore.Feedback::helpful, KbStore.Feedback::question).containsExactly(
                org.assertj.core.groups.Tuple.tuple("u1", "cap-lai-the-can-cuoc", false, "lam lai cccd bi mat o dau"),
                org.assertj.core.groups.Tuple.tuple("u2", "cap-lai-the-can-cuoc", true, null));
    }

    @Test
    void fallbackSaysItDoesNotKnowAndLogsTheQuestionForEditors() throws Exception {
        Reply.Text r = say("u3", "giá vàng hôm nay");
        assertThat(r.text()).contains("chưa có thông tin").contains("Bot chỉ trả lời các câu hỏi về dịch vụ công")
                .contains("VNeID").contains("Tổ công nghệ số cộng đồng").doesNotContain("ghi lại");
        assertThat(r.buttons()).isEmpty();
        List<KbStore.Unanswered> logged = db.read(KbStore::unanswered);
        assertThat(logged).singleElement().satisfies(u -> {
            assertThat(u.userId()).isEqualTo("u3");
            assertThat(u.question()).isEqualTo("giá vàng hôm nay");
            assertThat(u.decision()).isEqualTo("fallback");
            assertThat(u.confidence()).isLessThan(KnowledgeBaseTest.CLARIFY_THRESHOLD);
        });
    }

    @Test
    void clarifyOffersTheTopThreeAsButtonsThatOpenTheArticle() throws Exception {
        Reply.Text r = say("u4", "tạm trú");
        assertThat(r.text()).startsWith("Bạn muốn hỏi về…?");
        assertThat(r.buttons()).hasSize(3).allSatisfy(b -> {
            assertThat(b.kind()).isEqualTo(Button.Kind.QUERY);
            assertThat(b.payload()).startsWith("#xem ");
        });
        assertThat(db.read(KbStore::unanswered)).extracting(KbStore.Unanswered::decision).containsExactly("clarify");

        String chosen = r.buttons().get(1).payload().substring("#xem ".length());
        Reply.Text article = say("u4", r.buttons().get(1).payload());
        assertThat(article.text()).startsWith(kb.article(chosen).orElseThrow().title());
        assertThat(article.buttons()).extracting(Button::payload).containsExactly("#huuich " + chosen, "#chuadung " + chosen);

        say("u4", "#chuadung " + chosen);
        assertThat(db.read(KbStore::feedback)).extracting(KbStore.Feedback::question).containsExactly("tạm trú");
    }

    @Test
    void greetingsAndThanksGetAFriendlyReplyAndAreNotLoggedAsUnanswered() throws Exception {
        Reply.Text hello = say("u8", "chào bạn");
        assertThat(hello.text()).startsWith("Xin chào bạn!").contains("VNeID");
        assertThat(hello.buttons()).isEmpty();
        assertThat(say("u8", "cảm ơn bot nhé").text()).startsWith("Không có gì");
        assertThat(db.read(KbStore::unanswered)).isEmpty();

        Reply.Text question = say("u8", "Xin chào, cho hỏi làm lại cccd bị mất ở đâu");
        assertThat(question.text()).startsWith("Cấp lại thẻ căn cước khi bị mất hoặc hư hỏng");
    }

    @Test
    void unknownOrMissingArticleIdsGetAClearMessageAndStoreNothing() throws Exception {
        assertThat(say("u5", "#xem khong-co-bai-nay").text()).contains("không tìm thấy bài");
        assertThat(say("u5", "#huuich").text()).contains("cần kèm mã bài");
        assertThat(say("u5", "#chuadung bai-la").text()).contains("không tìm thấy bài");
        assertThat(db.read(KbStore::feedback)).isEmpty();
    }

    @Test
    void eraserRemovesEverythingKeptAboutTheUser() throws Exception {
        say("u6", "giá vàng hôm nay");
        say("u6", "lam lai cccd bi mat o dau");
        say("u6", "#chuadung cap-lai-the-can-cuoc");
        say("u7", "giá xăng hôm nay");
        db.inTransaction(tx -> {
            KbStore.ERASER.erase(tx, "u6");
            return null;
        });
        assertThat(db.read(KbStore::unanswered)).extracting(KbStore.Unanswered::userId).containsExactly("u7");
        assertThat(db.read(KbStore::feedback)).isEmpty();
        String left = db.read(c -> KbStore.questionFor(c, "u6", "cap-lai-the-can-cuoc"));
        assertThat(left).isNull();
    }

    @Test
    void commandsThatOnlyButtonsSendStayOutOfTheCitizensHelpButStillWork() {
        String help = say("citizen-help", "#trogiup").text();
        assertThat(help).contains("#trogiup").doesNotContain("#xem").doesNotContain("#huuich").doesNotContain("#chuadung");
        Reply.Text shown = say("citizen-help", "#xem " + kb.articles().get(0).id());
        assertThat(shown.text()).contains(kb.articles().get(0).title());
    }
}
