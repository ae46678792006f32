package vn.cdsbot.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cdsbot.config.ConfigException;

/**
 * {@code units import} on a fixture trimmed from the real dataset (three provinces, a few wards each, every field
 * as in the file), and the committed Đồng Nai units file.
 */
class UnitsImportTest {
    static final Path FIXTURE = Path.of("src/test/resources/units-import/vn-units-sample.json");

    @TempDir
    Path dir;

    private static List<UnitsImport.Province> fixture() throws Exception {
        return UnitsImport.read(Files.readString(FIXTURE), "vn-units-sample.json");
    }

    @Test
    void aProvinceBecomesItsRootWithEveryCommuneLevelUnitDirectlyUnderIt() throws Exception {
        UnitsImport.Province p = UnitsImport.pick(fixture(), "Đồng Nai", "f");
        List<UnitsImport.Line> lines = UnitsImport.lines(p);
        assertThat(lines).extracting(UnitsImport.Line::code)
                .containsExactly("T75", "X25195", "X25210", "X25222", "X26041", "X26503");   // by official code
        assertThat(lines.get(0)).isEqualTo(new UnitsImport.Line("T75", "Thành phố Đồng Nai", "", "province", ""));
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.parentCode().equals("T75") && l.kind().equals("commune"));
        assertThat(lines).extracting(UnitsImport.Line::name).contains("Phường Trấn Biên", "Xã Bù Gia Mập", "Xã Phước An");

        String csv = UnitsImport.csv(lines);
        assertThat(csv).startsWith("code,name,parent_code,kind,population\n").contains("X26041,\"Phường Trấn Biên\",T75,commune,\n");
        List<UnitsCsv.Row> rows = UnitsCsv.parse(csv, "out.csv");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(1).parentCode()).isEqualTo("T75");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Đồng Nai", "dong nai", "  ĐỒNG   NAI ", "Thành phố Đồng Nai", "75"})
    void theProvinceIsFoundHoweverItIsTyped(String typed) throws Exception {
        assertThat(UnitsImport.pick(fixture(), typed, "f").code()).isEqualTo("75");
    }

    @Test
    void anUnknownProvinceSuggestsCloseNames() throws Exception {
        assertThatThrownBy(() -> UnitsImport.pick(fixture(), "Dong Nay", "vn.json")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no province named 'Dong Nay' in vn.json; did you mean 'Đồng Nai'?")
                .hasMessageContaining("(the file lists 3 provinces)");
        assertThatThrownBy(() -> UnitsImport.pick(fixture(), "Ha Noii", "vn.json"))
                .hasMessageContaining("did you mean 'Hà Nội'?");
        assertThatThrownBy(() -> UnitsImport.pick(fixture(), "Bình Phước", "vn.json"))
                .hasMessageContaining("no province named 'Bình Phước'").hasMessageNotContaining("did you mean");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json at all",
            "{\"Code\": \"75\"}",
            "[]",
            "[{\"Code\": \"75\", \"Name\": \"Đồng Nai\"}]",
            "[{\"Code\": \"75\", \"Name\": \"Đồng Nai\", \"Wards\": [{\"Code\": \"25195\", \"Name\": \"Bình Phước\"}]}]",
            "[{\"Name\": \"Đồng Nai\", \"Wards\": []}]",
            "[{\"Code\": \"75\", \"Name\": \"Đồng Nai\", \"Wards\": [ {\"Code\": "
    })
    void aMalformedDatasetIsRefusedNamingTheFile(String json) {
        assertThatThrownBy(() -> UnitsImport.read(json, "bad.json")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("bad.json");
    }

    @Test
    void theCommandLineWritesTheFileAndNeverOverwritesWithoutForce() throws Exception {
        Path out = dir.resolve("units-dong-nai.csv");
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        assertThat(UnitsImport.cli(FIXTURE, "dong nai", out, false, new PrintWriter(stdout), new PrintWriter(stderr))).isZero();
        assertThat(stdout.toString()).contains("Thành phố Đồng Nai (T75) và 5 đơn vị cấp xã trực thuộc (3 phường, 2 xã, 0 đặc khu)");
        assertThat(Files.readString(out)).contains("X25195,\"Phường Bình Phước\",T75,commune,");

        Files.writeString(out, "edited by hand");
        assertThat(UnitsImport.cli(FIXTURE, "Đồng Nai", out, false, new PrintWriter(stdout), new PrintWriter(stderr))).isEqualTo(2);
        assertThat(stderr.toString()).contains("already exists; add --force");
        assertThat(Files.readString(out)).isEqualTo("edited by hand");
        assertThat(UnitsImport.cli(FIXTURE, "Đồng Nai", out, true, new PrintWriter(stdout), new PrintWriter(stderr))).isZero();
        assertThat(Files.readString(out)).startsWith("code,name,parent_code,kind,population");

        StringWriter err = new StringWriter();
        assertThat(UnitsImport.cli(FIXTURE, "Dong Nay", dir.resolve("x.csv"), false, new PrintWriter(new StringWriter()),
                new PrintWriter(err))).isEqualTo(2);
        assertThat(err.toString()).contains("did you mean 'Đồng Nai'");
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    /** The committed real province: 95 commune-level units (33 phường, 62 xã) directly under Thành phố Đồng Nai. */
    @Test
    void theCommittedDongNaiFileLoadsAndIsWhatTheImportWrites() throws Exception {
        String committed = Files.readString(Path.of("data/units-dong-nai.csv"), StandardCharsets.UTF_8);
        List<UnitsCsv.Row> rows = UnitsCsv.parse(committed, "units-dong-nai.csv");
        assertThat(rows).hasSize(96);
        assertThat(rows.get(0).code()).isEqualTo("T75");
        List<UnitsCsv.Row> communes = rows.stream().filter(r -> r.kind().equals("commune")).toList();
        assertThat(communes).hasSize(95).allMatch(r -> r.parentCode().equals("T75"));
        assertThat(communes.stream().filter(r -> r.name().startsWith("Phường "))).hasSize(33);
        assertThat(communes.stream().filter(r -> r.name().startsWith("Xã "))).hasSize(62);
        assertThat(communes).extracting(UnitsCsv.Row::name).contains("Phường Trấn Biên", "Phường Đồng Xoài", "Xã Bù Gia Mập");

        // The bot starts with it: every unit synced into a real database, the communes reporting.
        vn.cdsbot.config.BotConfig config = PeopleFixture.config(dir, y -> y.replace("file: data/units-binh-phuoc.csv",
                "file: data/units-dong-nai.csv"));
        try (vn.cdsbot.storage.Database db = PeopleFixture.database(config, vn.cdsbot.testing.MutableClock.at("2026-12-01T09:00"))) {
            assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM units WHERE kind = 'commune' AND parent_code = 'T75'"))
                    .containsExactly("95");
            assertThat(db.read(UnitTree::load).find("phuong tran bien").map(Unit::code)).contains("X26041");
        }

        Path again = dir.resolve("again.csv");
        assertThat(UnitsImport.cli(Path.of("data/sources/vn-units-dong-nai.json"), "Đồng Nai", again, false,
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))).isZero();
        assertThat(Files.readString(again)).isEqualTo(committed);
    }
}
