package vn.cdsbot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

/** The campaign command line on a real database and the demo units file. */
class CampaignCliTest {
    @TempDir Path dir;
    MutableClock clock = MutableClock.at("2026-11-30T09:00");
    BotConfig config;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws Exception {
        config = PeopleFixture.config(dir);
    }

    private int create(String indicators, CampaignCli.TargetSource source) {
        return CampaignCli.create(config, "90 ngày, đêm VNeID", "2026-12-01", "2027-02-28", indicators, source, clock,
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private List<String> rows(String sql) {
        try (Database db = Database.open(Path.of(config.storage().database()), "NORMAL", 1)) {
            return PeopleFixture.rows(db, sql);
        }
    }

    @Test
    void createsACampaignFromACsvAndPrintsItsCode() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "\uFEFFunit_code,vneid,hotro\nbp-dxo-01,\"1.200\",300\nBP-DXO-02,450,\n");
        assertThat(create("vneid,hotro", new CampaignCli.TargetSource(csv, null, null))).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("CD1");
        assertThat(rows("SELECT code || '|' || first_day || '|' || last_day || '|' || indicators FROM campaigns"))
                .containsExactly("CD1|2026-12-01|2027-02-28|hotro,vneid");   // configured order
        assertThat(rows("SELECT unit_code || ' ' || indicator || ' ' || target FROM campaign_targets ORDER BY 1"))
                .containsExactly("BP-DXO-01 hotro 300", "BP-DXO-01 vneid 1200", "BP-DXO-02 vneid 450");
        assertThat(rows("SELECT action || ' ' || subject FROM audit_log WHERE action LIKE 'campaign.%' ORDER BY id"))
                .contains("campaign.create CD1", "campaign.target CD1/BP-DXO-01/vneid", "campaign.target CD1/BP-DXO-02/vneid");

        out.getBuffer().setLength(0);
        assertThat(create("vneid", new CampaignCli.TargetSource(csv2(), null, null))).isZero();
        assertThat(out.toString().strip()).as("a second, overlapping campaign").isEqualTo("CD2");
    }

    private Path csv2() throws Exception {
        Path p = dir.resolve("t2.csv");
        Files.writeString(p, "unit_code;vneid\nBP-DXO-01;10\n");   // Excel's Vietnamese-locale CSV uses semicolons
        return p;
    }

    @Test
    void readsAnXlsxAndAuditsEveryChangedTargetWithItsOldValue() throws Exception {
        Path xlsx = dir.resolve("t.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); var os = Files.newOutputStream(xlsx)) {
            var sh = wb.createSheet("Chỉ tiêu");
            var h = sh.createRow(0);
            h.createCell(0).setCellValue("Mã đơn vị");
            h.createCell(1).setCellValue("vneid");
            var r = sh.createRow(1);
            r.createCell(0).setCellValue("BP-DXO-01");
            r.createCell(1).setCellValue(900);
            wb.write(os);
        }
        assertThat(create("vneid", new CampaignCli.TargetSource(xlsx, null, null))).as(err.toString()).isZero();
        Path change = dir.resolve("c.csv");
        Files.writeString(change, "unit_code,vneid\nBP-DXO-01,950\nBP-DXO-02,100\n");
        int rc = CampaignCli.setTargets(config, "cd1", new CampaignCli.TargetSource(change, null, null), clock,
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(rc).isZero();
        assertThat(err.toString()).contains("2 target(s) changed in CD1");
        assertThat(rows("SELECT detail FROM audit_log WHERE subject = 'CD1/BP-DXO-01/vneid' ORDER BY id"))
                .containsExactly("- -> 900", "900 -> 950");
    }

    @Test
    void aFileWithProblemsStoresNothingAndNamesEachLine() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "unit_code,vneid,abc\nBP-DXO-01,12\nKHONG-CO,5\nBP-DXO-01,-3\n");
        assertThat(create("vneid", new CampaignCli.TargetSource(csv, null, null))).isEqualTo(2);
        assertThat(err.toString()).contains("Dòng 1: cột \"abc\" không phải mã chỉ tiêu");
        Files.writeString(csv, "unit_code,vneid\nBP-DXO-01,12\nKHONG-CO,5\nBP-DXO-01,7\nBP-DXO-02,-3\n");
        err.getBuffer().setLength(0);
        assertThat(create("vneid", new CampaignCli.TargetSource(csv, null, null))).isEqualTo(2);
        assertThat(err.toString()).contains("Dòng 3: không có đơn vị mã \"KHONG-CO\"", "Dòng 4: đơn vị BP-DXO-01 đã có ở dòng 2",
                "Dòng 5, cột vneid: \"-3\" không phải số nguyên không âm");
        assertThat(rows("SELECT COUNT(*) FROM campaigns")).containsExactly("0");
        assertThat(create("khongco", new CampaignCli.TargetSource(csv, null, null))).isEqualTo(2);
        assertThat(err.toString()).contains("'khongco' is not in reporting.indicators");
    }

    @Test
    void aProvinceWideTargetSplitByAUnitsFileColumnAddsUpExactly() throws Exception {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "code,name,parent_code,kind,population\nDN,Tỉnh Đồng Nai,,province,\n"
                + "X1,Xã Một,DN,commune,10000\nX2,Xã Hai,DN,commune,20000\nX3,Xã Ba,DN,commune,30001\nX4,Xã Bốn,DN,commune,0\n");
        config = PeopleFixture.config(dir, y -> y.replace("data/units-binh-phuoc.csv", units.toString()));
        assertThat(create("vneid", new CampaignCli.TargetSource(null, "vneid=1000", "population"))).as(err.toString()).isZero();
        List<String> parts = rows("SELECT unit_code || '=' || target FROM campaign_targets ORDER BY unit_code");
        assertThat(parts).containsExactly("X1=167", "X2=333", "X3=500");
        assertThat(parts.stream().mapToLong(p -> Long.parseLong(p.substring(p.indexOf('=') + 1))).sum()).isEqualTo(1000);
    }

    @Test
    void splitGivesTheRemainderToTheLargestRemaindersAndIsStable() {
        Map<String, Long> w = new LinkedHashMap<>();
        w.put("A", 1L);
        w.put("B", 1L);
        w.put("C", 1L);
        assertThat(TargetSplit.split(10, w)).containsEntry("A", 4L).containsEntry("B", 3L).containsEntry("C", 3L);
        assertThat(TargetSplit.split(0, w).values()).containsOnly(0L);
        w.put("D", 7L);
        Map<String, Long> s = TargetSplit.split(99, w);
        assertThat(s.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(99);
        assertThat(s).containsEntry("D", 69L);   // 99 × 7/10 = 69.3
    }

    @Test
    void listsCampaignsWithTheirState() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "unit_code,vneid\nBP-DXO-01,5\n");
        create("vneid", new CampaignCli.TargetSource(csv, null, null));
        StringWriter list = new StringWriter();
        CampaignCli.list(config, clock, new PrintWriter(list, true));
        assertThat(list.toString()).contains("CD1\t2026-12-01..2027-02-28\tvneid\tnot started\t90 ngày, đêm VNeID");
        clock.set("2027-03-01T08:00");
        StringWriter later = new StringWriter();
        CampaignCli.list(config, clock, new PrintWriter(later, true));
        assertThat(later.toString()).contains("\tended\t");
    }
}
