package vn.cdsbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Role;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.people.ReportingLevels;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.FakeZalo;
import vn.cdsbot.testing.MutableClock;
import vn.cdsbot.testing.TestApp;

/**
 * The province's commune directory: checked line by line at start, shown by #lienhe, and the former names of merged
 * communes found by #xa — through the signed webhook and the fake Zalo.
 */
class CommuneDirectoryTest {
    private static final String CITIZEN = "citizen-7301";
    private static final UnitTree TREE = UnitTree.of(List.of(
            new Unit("BP", "Tỉnh Bình Phước", null, "province", true),
            new Unit("BP-DXO", "Cụm Đồng Xoài", "BP", "group", true),
            new Unit("BP-DXO-01", "Phường Tân Bình", "BP-DXO", "commune", true),
            new Unit("BP-DXO-02", "Phường Tân Đồng", "BP-DXO", "commune", true),
            new Unit("BP-HQU", "Cụm Hớn Quản", "BP", "group", true),
            new Unit("BP-HQU-05", "Xã Minh Đức", "BP-HQU", "commune", true),
            new Unit("BP-HQU-06", "Xã Minh Tâm", "BP-HQU", "commune", true),
            new Unit("BP-HQU-07", "Xã Phước An", "BP-HQU", "commune", false)));
    private static final String HEADER = "unit_code,desk_address,opening_hours,phone,hotline,map_url,former_names\n";

    @TempDir
    Path tmp;

    private static Directory parse(String csv) {
        return Directory.parse(csv, "dir.csv", TREE, new Communes(ReportingLevels.of("commune"))::isCommune);
    }

    @Test
    void badRowsStopStartWithTheFileAndLine() {
        String ok = "BP-DXO-01,\"Số 1, đường A\",7:00–17:00,0271 000 000,,https://maps.example/1,Xã Tân Khai\n";
        assertThat(parse(HEADER + ok).of("bp-dxo-01")).get()
                .satisfies(e -> assertThat(e.address()).isEqualTo("Số 1, đường A"))
                .satisfies(e -> assertThat(e.formerNames()).containsExactly("Xã Tân Khai"));
        assertThatThrownBy(() -> parse(HEADER + ok + "BP-XXX-09,,,,,,\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dir.csv line 3").hasMessageContaining("BP-XXX-09");
        assertThatThrownBy(() -> parse(HEADER + ok + "\n" + ok))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 4").hasMessageContaining("already on line 2");
        assertThatThrownBy(() -> parse(HEADER + "BP-DXO,,,,,,\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 2").hasMessageContaining("communes only");
        assertThatThrownBy(() -> parse(HEADER + "BP-DXO-02,,,gọi ủy ban,,,\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 2").hasMessageContaining("phone");
        assertThatThrownBy(() -> parse(HEADER + "BP-DXO-02,,,,,maps.example/2,\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 2").hasMessageContaining("map_url");
        assertThatThrownBy(() -> parse(HEADER + "BP-DXO-02,Số 2, đường B,,,,,\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 2").hasMessageContaining("8 fields");
        assertThatThrownBy(() -> parse("unit_code,adress\nBP-DXO-02,x\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("line 1").hasMessageContaining("unknown column 'adress'");
        assertThatThrownBy(() -> parse("desk_address\nx\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing column 'unit_code'");
        assertThat(parse("unit_code\nBP-HQU-07\nBP-HQU-06\n").of("BP-HQU-07")).as("a unit since deactivated: skipped")
                .isEmpty();
        assertThat(parse("unit_code\nBP-HQU-06\n").of("BP-HQU-06")).get()
                .satisfies(e -> assertThat(e.address() + e.hours() + e.phone() + e.hotline() + e.mapUrl()).isEmpty());
    }

    @Test
    void theDemoDirectoryLoadsAgainstTheDemoUnitsAndSaysItIsDemoData() throws Exception {
        BotConfig config = TestApp.config(tmp, java.util.Map.of());
        try (Database db = PeopleFixture.database(config, MutableClock.at("2026-12-09T09:00"))) {
            Directory d = Directory.load(config.handoff().directory(), db.read(UnitTree::load),
                    new Communes(ReportingLevels.of(config))::isCommune);
            assertThat(d.of("BP-DXO-01")).get().satisfies(e -> {
                assertThat(e.address()).contains("minh họa");
                assertThat(e.phone()).isEmpty();
            });
        }
    }

    @Test
    void lienheShowsTheSendersCommuneAndXaFindsFormerNamesOfMergedCommunes() throws Exception {
        Path units = tmp.resolve("units.csv");
        Files.writeString(units, """
                code,name,parent_code,kind
                BP,Tỉnh Bình Phước,,province
                BP-DXO,Cụm Đồng Xoài,BP,group
                BP-DXO-01,Phường Tân Bình,BP-DXO,commune
                BP-DXO-02,Phường Tân Đồng,BP-DXO,commune
                BP-HQU,Cụm Hớn Quản,BP,group
                BP-HQU-05,Xã Minh Đức,BP-HQU,commune
                BP-HQU-06,Xã Minh Tâm,BP-HQU,commune
                """, StandardCharsets.UTF_8);
        Path directory = tmp.resolve("directory.csv");
        Files.writeString(directory, HEADER
                + "BP-DXO-01,\"Số 1, đường Minh họa\",\"Thứ Hai đến thứ Sáu, 7:00–17:00\",,0000 000 001,https://maps.example/tb,\n"
                + "BP-HQU-05,Số 5 đường Minh họa,7:30–16:30,,,,Xã Tân Khai;Xã Tân Lợi\n"
                + "BP-HQU-06,,,,,,Xã Tân Lợi\n", StandardCharsets.UTF_8);
        MutableClock clock = MutableClock.at("2026-12-09T09:00");
        try (FakeZalo zalo = new FakeZalo();
             TestApp app = TestApp.production(tmp, zalo, clock, c -> new BotConfig(c.timezone(), c.server(), c.storage(),
                     c.zalo(), c.inbox(), c.outbox(), c.kb(), new BotConfig.Units(units.toString(), java.util.List.of("commune")),
                     c.reporting(), c.summaries(), c.backup(), new BotConfig.Handoff(c.handoff().claimMinutes(),
                     c.handoff().workingHours(), c.handoff().workingDays(), directory.toString()), c.campaigns()))) {
            Database db = app.app().database();
            PeopleFixture.enrol(db, "member-tb", "BP-DXO-01", Role.MEMBER, clock.millis());
            PeopleFixture.enrol(db, "leader-dxo", "BP-DXO", Role.LEADER, clock.millis());

            assertThat(say(app, zalo, CITIZEN, "#lienhe")).contains("Bạn ở xã/phường nào");
            List<FakeZalo.Sent> named = send(app, zalo, CITIZEN, "tan binh", 2);
            assertThat(named.get(0).text()).contains("bạn ở Phường Tân Bình");
            assertThat(named.get(1).text()).contains("Liên hệ Phường Tân Bình", "Bộ phận một cửa: Số 1, đường Minh họa",
                    "Giờ làm việc: Thứ Hai đến thứ Sáu, 7:00–17:00", "Đường dây nóng Tổ công nghệ số cộng đồng: 0000 000 001",
                    "#hotro").doesNotContain("Điện thoại:");
            assertThat(urls(named.get(1))).containsExactly("https://maps.example/tb");
            assertThat(say(app, zalo, CITIZEN, "#lienhe")).contains("Liên hệ Phường Tân Bình");
            assertThat(say(app, zalo, CITIZEN, "#lienhe Tân Đồng")).contains("chưa có địa chỉ", "Phường Tân Đồng");
            assertThat(say(app, zalo, "member-tb", "#lienhe")).contains("Liên hệ Phường Tân Bình").doesNotContain("#hotro");
            assertThat(say(app, zalo, "leader-dxo", "#lienhe")).contains("#lienhe Tân Bình");
            assertThat(say(app, zalo, "leader-dxo", "#lienhe minh duc")).contains("Liên hệ Xã Minh Đức", "7:30–16:30");

            assertThat(say(app, zalo, CITIZEN, "#xa xã Tân Khai")).contains("Xã Tân Khai nay thuộc Xã Minh Đức",
                    "bạn ở Xã Minh Đức");
            assertThat(PeopleFixture.rows(db, "SELECT unit_code FROM citizen_communes WHERE user_id = ?", CITIZEN))
                    .containsExactly("BP-HQU-05");
            FakeZalo.Sent several = send(app, zalo, CITIZEN, "#xa tan loi", 1).get(0);
            assertThat(several.text()).contains("Xã Minh Đức", "Xã Minh Tâm");
            assertThat(payloads(several)).containsExactly("#xa BP-HQU-05", "#xa BP-HQU-06");
            assertThat(say(app, zalo, CITIZEN, "#xa BP-HQU-06")).contains("bạn ở Xã Minh Tâm");
            assertThat(say(app, zalo, CITIZEN, "#xa Minh Đức")).contains("bạn ở Xã Minh Đức").doesNotContain("nay thuộc");
        }
    }

    private static List<FakeZalo.Sent> send(TestApp app, FakeZalo zalo, String user, String text, int n) throws Exception {
        assertThat(app.say(user, text)).isEqualTo(200);
        List<FakeZalo.Sent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(zalo.takeSentTo(user));
        return out;
    }

    private static String say(TestApp app, FakeZalo zalo, String user, String text) throws Exception {
        return send(app, zalo, user, text, 1).get(0).text();
    }

    private static List<String> payloads(FakeZalo.Sent s) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : s.message().path("attachment").path("payload").path("buttons")) {
            if (b.path("payload").isTextual()) out.add(b.path("payload").asText());
        }
        return out;
    }

    private static List<String> urls(FakeZalo.Sent s) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : s.message().path("attachment").path("payload").path("buttons")) {
            if (b.path("payload").has("url")) out.add(b.path("payload").path("url").asText());
        }
        return out;
    }
}
