package vn.cdsbot.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import vn.cdsbot.feature.ScopeNote;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.Period;

/** The hand-off in #tonghop: tickets opened in the period in the scope's communes, answered, median time to answer. */
final class TicketCounts implements ScopeNote {
    private final ZoneId zone;

    TicketCounts(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Optional<String> note(Connection tx, UnitTree tree, Unit scope, Period period) throws SQLException {
        List<Unit> units = tree.subtree(scope);
        String marks = String.join(",", Collections.nCopies(units.size(), "?"));
        int opened = 0;
        List<Long> waits = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement("SELECT created_at, first_reply_at FROM handoff_tickets "
                + "WHERE created_at >= ? AND created_at < ? AND unit_code IN (" + marks + ")")) {
            ps.setLong(1, period.start(zone).toEpochMilli());
            ps.setLong(2, period.end(zone).toEpochMilli());
            for (int i = 0; i < units.size(); i++) ps.setString(i + 3, units.get(i).code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    opened++;
                    long replied = rs.getLong(2);
                    if (!rs.wasNull()) waits.add(replied - rs.getLong(1));
                }
            }
        }
        if (opened == 0) return Optional.empty();
        return Optional.of(HandoffTexts.counts(opened, waits.size(), median(waits)));
    }

    /** Minutes, or empty when nothing was answered. */
    static Optional<Long> median(List<Long> millis) {
        if (millis.isEmpty()) return Optional.empty();
        List<Long> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        long m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Optional.of(Math.round(m / 60_000.0));
    }
}
