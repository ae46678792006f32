package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.people.PeopleFixture;
import vn.cdsbot.period.Week;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

/**
 * Two members of one unit confirm at nearly the same time from their own chats, which are handled in parallel:
 * the later confirmation is the current report even when it was handled first, and the history stays one chain
 * in confirmation order.
 */
class ReportHistoryOrderTest {
    @TempDir Path dir;

    @Test
    void aConfirmationHandledLateGoesIntoTheHistoryInItsPlace() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-24T10:00");
        Week week = Week.containing(LocalDate.of(2026, 11, 24));
        try (Database db = PeopleFixture.database(PeopleFixture.config(dir), clock)) {
            long t = clock.millis();
            Reports.Stored a = db.inTransaction(tx -> Reports.confirm(tx, "BP-DXO-01", week, Map.of("hotro", 1L), "m1", t, false, false, 1));
            Reports.Stored c = db.inTransaction(tx -> Reports.confirm(tx, "BP-DXO-01", week, Map.of("hotro", 3L), "m3", t + 300, false, false, 3));
            Reports.Stored b = db.inTransaction(tx -> Reports.confirm(tx, "BP-DXO-01", week, Map.of("hotro", 2L), "m2", t + 200, false, false, 2));

            assertThat(a.overtakenBy()).isEmpty();
            assertThat(c.replaced()).map(Reports.Report::id).contains(a.report().id());
            assertThat(b.overtakenBy()).map(Reports.Report::id).contains(c.report().id());
            assertThat(b.replaced()).isEmpty();
            // One chain in time order: 1 → 2 → 3, and 3 (the latest confirmation) is current.
            List<String> chain = PeopleFixture.rows(db, "SELECT submitted_by || ':' || COALESCE((SELECT n.submitted_by "
                    + "FROM reports n WHERE n.id = r.superseded_by), 'current') FROM reports r ORDER BY submitted_at");
            assertThat(chain).containsExactly("m1:m2", "m2:m3", "m3:current");
            assertThat(PeopleFixture.rows(db, "SELECT COUNT(*) FROM reports r JOIN reports n ON n.id = r.superseded_by "
                    + "WHERE n.submitted_at < r.submitted_at OR r.superseded_at < r.submitted_at")).containsExactly("0");
            assertThat(db.read(tx -> Reports.current(tx, "BP-DXO-01", week)).map(r -> r.values().get("hotro"))).contains(3L);
        }
    }
}
