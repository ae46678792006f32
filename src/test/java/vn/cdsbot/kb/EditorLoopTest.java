package vn.cdsbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Role;
import vn.cdsbot.people.Invites;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.TestApp;

/** "Chưa đúng" asks what was wrong, and an editor reads the week's list in the chat: real server, fake Zalo. */
class EditorLoopTest {
    private static final String CITIZEN = "citizen-77";
    private static final String EDITOR = "editor-5";

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

    /** Says something and returns the bot's first reply to that user. */
    private String say(String user, String text) throws Exception {
        assertThat(app.say(user, text)).isEqualTo(200);
        return zalo.takeSentTo(user).text();
    }

    private String enrolEditor() throws Exception {
        String code = app.app().database().inTransaction(tx -> {
            String unit;
            try (PreparedStatement ps = tx.prepareStatement("SELECT code FROM units WHERE active = 1 LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                unit = rs.getString(1);
            }
            return Invites.create(tx, unit, Role.EDITOR, 1, 7, "test", System.currentTimeMillis()).get(0);
        });
        return say(EDITOR, "#dangky " + code);
    }

    @Test
    void anEditorListsTheWeeksUnansweredQuestionsFromTheChat() throws Exception {
        say(CITIZEN, "giá vàng hôm nay bao nhiêu");
        say(CITIZEN, "lam lai cccd bi mat o dau");
        say(CITIZEN, "#chuadung cap-lai-the-can-cuoc");
        say(CITIZEN, "phải mang theo giấy gì thì bài không ghi");
        assertThat(say(CITIZEN, "#chuatraloi")).doesNotContain("giá vàng");

        assertThat(enrolEditor()).contains("biên tập viên");
        assertThat(say(EDITOR, "#trogiup")).contains("#chuatraloi").doesNotContain("#baocao");
        String list = say(EDITOR, "#chuatraloi");
        assertThat(list).contains("7 ngày qua", "1 câu chưa trả lời", "1 góp ý chưa đúng",
                "\"giá vàng hôm nay bao nhiêu\"", "[cap-lai-the-can-cuoc]",
                "người dân góp ý: \"phải mang theo giấy gì thì bài không ghi\"", "kb accept")
                .doesNotContain(CITIZEN);
        assertThat(list.length()).isLessThanOrEqualTo(2000);

        Matcher link = Pattern.compile("(https?://\\S+/exports/\\S+)").matcher(list);
        assertThat(link.find()).isTrue();
        String path = link.group(1).replaceFirst("https?://[^/]+", "");
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            StringBuilder all = new StringBuilder();
            sheet.forEach(r -> r.forEach(c -> all.append(c.toString()).append('|')));
            assertThat(all).contains("giá vàng hôm nay bao nhiêu", "phải mang theo giấy gì thì bài không ghi")
                    .doesNotContain(CITIZEN);
        }
        assertThat(say(EDITOR, "#chuatraloi tuần trước")).contains("Không có câu hỏi");
    }
}
