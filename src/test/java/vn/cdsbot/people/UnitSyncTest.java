package vn.cdsbot.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.App;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

class UnitSyncTest {
    @TempDir
    Path dir;

    private BotConfig configWithUnits(String csv) throws Exception {
        Path file = dir.resolve("units.csv");
        Files.writeString(file, csv);
        return PeopleFixture.config(dir, y -> y.replace("file: data/units-binh-phuoc.csv", "file: " + file));
    }

    @Test
    void reReadAddsRenamesDeactivatesAndReactivatesButNeverDeletes() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-24T10:00");
        String v1 = "code,name,parent_code,kind\nP,Tỉnh P,,province\nA,Xã A,P,commune\nB,Xã B,P,commune\n";
        BotConfig config = configWithUnits(v1);
        try (Database db = PeopleFixture.database(config, clock)) {
            PeopleFixture.enrol(db, "u-b", "B", vn.cdsbot.chat.Role.MEMBER, clock.millis());

            Files.writeString(dir.resolve("units.csv"),
                    "code,name,parent_code,kind\nP,Tỉnh P,,province\nA,Phường A mới,P,commune\nC,Xã C,P,commune\n");
            String summary = People.syncUnits(config, db, clock);
            assertThat(summary).contains("1 added, 1 changed, 1 deactivated, 0 reactivated");
            assertThat(PeopleFixture.rows(db, "SELECT code, name, active FROM units ORDER BY code"))
                    .containsExactly("A|Phường A mới|1", "B|Xã B|0", "C|Xã C|1", "P|Tỉnh P|1");
            assertThat(PeopleFixture.rows(db, "SELECT unit_code FROM members WHERE user_id = 'u-b'")).containsExactly("B");
            assertThat(PeopleFixture.rows(db, "SELECT action, subject FROM audit_log WHERE actor = 'csv' ORDER BY id"))
                    .contains("unit.change|A", "unit.deactivate|B");

            Files.writeString(dir.resolve("units.csv"), v1);
            assertThat(People.syncUnits(config, db, clock)).contains("0 added, 1 changed, 1 deactivated, 1 reactivated");
            assertThat(PeopleFixture.rows(db, "SELECT code, active FROM units ORDER BY code"))
                    .containsExactly("A|1", "B|1", "C|0", "P|1");
        }
    }

    @Test
    void aBadFileStopsStartUpWithTheLine() throws Exception {
        BotConfig config = configWithUnits("code,name,parent_code,kind\nP,Tỉnh,,province\nA,Xã,P,commune\nA,Xã lặp,P,commune\n");
        assertThatThrownBy(() -> App.start(config, ZaloCredentials.LOCAL, MutableClock.at("2026-11-24T10:00")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("units.csv line 4: duplicate code 'A' (already on line 3)");
    }

    @Test
    void aFileWithoutReportingUnitsIsRefused() throws Exception {
        BotConfig config = configWithUnits("code,name,parent_code,kind\nP,Tỉnh,,province\nA,Xã,P,xa\n");
        try (Database db = Database.open(Path.of(config.storage().database()), "NORMAL", 2)) {
            assertThatThrownBy(() -> People.syncUnits(config, db, MutableClock.at("2026-11-24T10:00")))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("no unit has a kind listed in units.reporting_kinds (commune, hamlet)");
        }
    }

    @Test
    void populationIsStoredWithTheUnitAndItsChangesAudited() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-24T10:00");
        BotConfig config = configWithUnits("code,name,parent_code,kind,population\nP,Tỉnh P,,province,\n"
                + "A,Xã A,P,commune,12500\nA1,Ấp 1,A,hamlet,\n");
        try (Database db = PeopleFixture.database(config, clock)) {
            assertThat(PeopleFixture.rows(db, "SELECT code, COALESCE(population, 'none') FROM units ORDER BY code"))
                    .containsExactly("A|12500", "A1|none", "P|none");
            UnitTree tree = db.read(UnitTree::load);
            assertThat(tree.get("A").orElseThrow().population()).isEqualTo(12500);
            assertThat(tree.get("A1").orElseThrow().population()).isNull();
            assertThat(tree.get("A1").orElseThrow().parentCode()).isEqualTo("A");

            Files.writeString(dir.resolve("units.csv"), "code,name,parent_code,kind,population\nP,Tỉnh P,,province,\n"
                    + "A,Xã A,P,commune,\"13.100\"\nA1,Ấp 1,A,hamlet,900\n");
            assertThat(People.syncUnits(config, db, clock)).contains("0 added, 2 changed");
            assertThat(PeopleFixture.rows(db, "SELECT code, population FROM units WHERE code <> 'P' ORDER BY code"))
                    .containsExactly("A|13100", "A1|900");
            assertThat(PeopleFixture.rows(db, "SELECT detail FROM audit_log WHERE subject = 'A' AND action = 'unit.change'"))
                    .containsExactly("population: 12500 -> 13100;");
        }
    }
}
