package vn.cdsbot.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

/** Progress on a real database, checked against figures worked out by hand (in the comments). */
class ProgressTest {
    static final LocalDate D1 = LocalDate.of(2026, 12, 1);   // a Tuesday; the campaign runs 10 days, to 10/12
    static final Set<String> KINDS = Set.of("commune", "hamlet");

    @TempDir Path dir;
    Database db;
    Campaign campaign;
    UnitTree tree;

    @BeforeEach
    void setUp() throws Exception {
        BotConfig config = PeopleFixture.config(dir, CampaignFixture.units(dir));
        db = PeopleFixture.database(config, MutableClock.at("2026-11-30T08:00"));
        campaign = db.inTransaction(tx -> Campaigns.create(tx, "Mười ngày VNeID", D1, D1.plusDays(9), List.of("hotro", "vneid"),
                Map.of("X1", Map.of("vneid", 100L), "X2", Map.of("vneid", 50L), "X3", Map.of("vneid", 50L)), "cli", 0));
        // Day 1 and day 2. X1's own team and its hamlet Ấp Một report; Ấp Hai and Xã Cát Tiên never do.
        CampaignFixture.daily(db, "X1", D1, "vneid", 10, "hotro", 3);
        CampaignFixture.daily(db, "X1", D1.plusDays(1), "vneid", 5);
        CampaignFixture.daily(db, "X1-A", D1, "vneid", 8);
        CampaignFixture.daily(db, "X1-A", D1.plusDays(1), "vneid", 7);
        CampaignFixture.daily(db, "X2", D1, "vneid", 20);
        CampaignFixture.daily(db, "X2", D1.plusDays(1), "vneid", 20);
        CampaignFixture.daily(db, "X2", D1.plusDays(2), "vneid", 99);   // day 3: after the day asked about
        tree = db.read(UnitTree::load);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    Progress.Result at(String scope, LocalDate asOf) {
        return db.read(c -> Progress.compute(campaign, Campaigns.targets(c, campaign), CampaignFigures.load(c, campaign),
                tree, tree.get(scope).orElseThrow(), asOf, KINDS));
    }

    @Test
    void provinceOnDayTwo() {
        Progress.Result p = at("T", D1.plusDays(1));
        assertThat(p.day()).isEqualTo(2);
        assertThat(p.daysLeft()).isEqualTo(8);
        Progress.Line vneid = p.lines().get(1);
        // 10 + 5 + 8 + 7 + 20 + 20 = 70 of 50 + 100 + 50 = 200; plan 200 × 2/10 = 40, so 30 ahead.
        assertThat(vneid.done()).isEqualTo(70);
        assertThat(vneid.target()).isEqualTo(OptionalLong.of(200));
        assertThat(vneid.planned()).isEqualTo(40);
        assertThat(vneid.ahead()).isEqualTo(30);
        // 130 left over 8 days: 16,25 → 17 a day. 35 a day so far → 350 at the end.
        assertThat(vneid.neededPerDay()).isEqualTo(17);
        assertThat(vneid.pacePerDay()).isEqualTo(35);
        assertThat(vneid.projected()).isEqualTo(OptionalLong.of(350));
        // hotro: 3 done, nobody has a target.
        assertThat(p.lines().get(0).done()).isEqualTo(3);
        assertThat(p.lines().get(0).target()).isEmpty();

        // X1 30/100 = 30 % (plan 20, 10 ahead) is behind X2 40/50 = 80 %; X3 has no figure and is not ranked as 0.
        assertThat(p.ranked()).extracting(r -> r.unit().code()).containsExactly("X1", "X2");
        Progress.Row x1 = p.ranked().get(0);
        assertThat(x1.ranked()).isEqualTo(30);
        assertThat(p.rank()).isEqualTo(1);
        assertThat(x1.percent()).isEqualTo(30.0);
        assertThat(x1.planned()).isEqualTo(20);
        // Both levels: the commune team's own 15 and its hamlets' 15, each counted once.
        assertThat(x1.own()).isEqualTo(15);
        assertThat(x1.lower()).isEqualTo(15);
        assertThat(x1.below()).isEqualTo(2);
        assertThat(x1.withFigures()).isEqualTo(2);
        assertThat(x1.reporters()).isEqualTo(3);
        assertThat(p.noFigure()).extracting(Unit::code).containsExactly("X3");
        assertThat(p.reporters()).isEqualTo(5);
        assertThat(p.reportersWithFigures()).isEqualTo(3);
    }

    @Test
    void aCommuneShowsItsOwnTeamApartFromItsHamlets() {
        Campaign vneidOnly = db.inTransaction(tx -> Campaigns.create(tx, "Chỉ VNeID", D1, D1.plusDays(9), List.of("vneid"),
                Map.of("X1", Map.of("vneid", 100L)), "cli", 0));
        Progress.Result p = db.read(c -> Progress.compute(vneidOnly, Campaigns.targets(c, vneidOnly),
                CampaignFigures.load(c, vneidOnly), tree, tree.get("X1").orElseThrow(), D1.plusDays(1), KINDS));
        // X1's own team did 15: shown apart from the hamlets. Ấp Một has no target of its own and is listed apart.
        assertThat(p.ownDone()).hasValueSatisfying(own -> assertThat(own).containsExactly(15));
        assertThat(p.lines().get(0).done()).isEqualTo(30);
        assertThat(p.ranked()).isEmpty();
        assertThat(p.noTarget()).extracting(r -> r.unit().code()).containsExactly("X1-A");
        assertThat(p.noFigure()).extracting(Unit::code).containsExactly("X1-B");
    }

    @Test
    void beforeTheStartAndAfterTheEnd() {
        Progress.Result before = at("T", D1.minusDays(1));
        assertThat(before.started()).isFalse();
        assertThat(before.lines().get(1).done()).isZero();
        assertThat(before.lines().get(1).projected()).isEmpty();

        Progress.Result after = at("T", D1.plusDays(30));
        assertThat(after.ended()).isTrue();
        assertThat(after.daysLeft()).isZero();
        // Everything counts once the campaign is over, day 3's 99 too: 70 + 99.
        assertThat(after.lines().get(1).done()).isEqualTo(169);
        assertThat(after.lines().get(1).planned()).isEqualTo(200);
        assertThat(after.lines().get(1).neededPerDay()).isZero();
    }

    @Test
    void cachedFiguresAreKeptUntilAReportArrivesOrIsCorrected() {
        CampaignFiguresCache cache = new CampaignFiguresCache();
        CampaignFigures first = db.read(c -> cache.of(c, campaign));
        CampaignFigures again = db.read(c -> cache.of(c, campaign));
        assertThat(again).isSameAs(first);
        CampaignFixture.daily(db, "X3", D1, "vneid", 4);
        CampaignFigures after = db.read(c -> cache.of(c, campaign));
        assertThat(after).isNotSameAs(first);
        assertThat(after.done(List.of("X3"), 1, D1)).isEqualTo(4);
        // A correction: the old row superseded by a new one with another value.
        db.inTransaction(tx -> {
            try (var st = tx.createStatement()) {
                st.execute("PRAGMA defer_foreign_keys = ON");
                st.execute("UPDATE reports SET superseded_by = 999, superseded_at = 1 WHERE unit_code = 'X3' AND superseded_by IS NULL");
                st.execute("INSERT INTO reports (id, unit_code, week_start, submitted_by, submitted_at, day) "
                        + "VALUES (999, 'X3', '2026-11-30', 'fixture', 1, '2026-12-01')");
                st.execute("INSERT INTO report_values (report_id, indicator, value) VALUES (999, 'vneid', 6)");
            }
            return null;
        });
        CampaignFigures corrected = db.read(c -> cache.of(c, campaign));
        assertThat(corrected.done(List.of("X3"), 1, D1)).isEqualTo(6);
        assertThat(corrected.done(List.of("X1", "X1-A"), 1, D1)).isEqualTo(18);   // the other units kept as they were
        // A figure withdrawn (its row superseded by itself, no new row): the whole campaign is read again.
        db.inTransaction(tx -> {
            try (var st = tx.createStatement()) {
                st.execute("UPDATE reports SET superseded_by = id WHERE id = 999");
            }
            return null;
        });
        CampaignFigures withdrawn = db.read(c -> cache.of(c, campaign));
        assertThat(withdrawn.of("X3")).isEmpty();
    }

    @Test
    void planIsTheTargetSpreadEvenlyRoundedHalfUp() {
        assertThat(Progress.planned(100, 1, 3)).isEqualTo(33);   // 33,3
        assertThat(Progress.planned(100, 2, 3)).isEqualTo(67);   // 66,7
        assertThat(Progress.planned(5, 1, 2)).isEqualTo(3);      // 2,5 → 3
        assertThat(Progress.planned(100, 0, 3)).isZero();
        assertThat(Progress.planned(100, 3, 3)).isEqualTo(100);
    }
}
