package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;

/** After "Chưa đúng" the bot asks what was wrong; the answer is kept for editors, not searched. */
class FeedbackCommentTest {
    private static final String CITIZEN = "citizen-78";

    @TempDir
    Path tmp;

    private FakeZalo zalo;
    private TestApp app;

    @BeforeEach
    void start() throws Exception {
        zalo = new FakeZalo();
        app = TestApp.production(tmp, zalo);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        zalo.close();
    }

    private String say(String user, String text) throws Exception {
        assertThat(app.say(user, text)).isEqualTo(200);
        return zalo.takeSentTo(user).text();
    }

    @Test
    void chuaDungAsksWhatWasWrongAndKeepsTheAnswerInsteadOfSearchingIt() throws Exception {
        assertThat(say(CITIZEN, "lam lai cccd bi mat o dau")).startsWith("Cấp lại thẻ căn cước");
        assertThat(say(CITIZEN, "#chuadung cap-lai-the-can-cuoc")).contains("chưa đúng ở chỗ nào");
        String reply = say(CITIZEN, "bài không nói làm ở công an xã hay tỉnh");
        assertThat(reply).contains("đã ghi lại ý kiến").doesNotContain("Nguồn:");

        List<KbStore.EditorItem> items = app.app().database().read(c -> KbStore.editorItems(c, 0, Long.MAX_VALUE));
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.wrong()).isTrue();
            assertThat(i.question()).isEqualTo("lam lai cccd bi mat o dau");
            assertThat(i.comment()).isEqualTo("bài không nói làm ở công an xã hay tỉnh");
        });
        // The next message is a question again.
        assertThat(say(CITIZEN, "lam lai cccd bi mat o dau")).startsWith("Cấp lại thẻ căn cước");
    }

}
