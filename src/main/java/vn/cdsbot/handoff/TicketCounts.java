package vn.cdsbot.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cdsbot.feature.ScopeNote;
import vn.cdsbot.feature.ScopeTable;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.Period;

/**
 * The hand-off in #tonghop and #xuat: tickets opened in the period in the scope's communes, how many were answered,
 * and the median time to a first answer — one line under the summary, and a sheet with one row per commune.
 */
final class TicketCounts implements ScopeNote {
    static final String SHEET = "Hỗ trợ qua Zalo OA";
    private final ZoneId zone;

    TicketCounts(ZoneId zone) {
        this.zone = zone;
    }

    /** One commune's tickets of the period: when each was opened and first answered (null: not yet). */
    private record Opened(String unitCode, long createdAt, Long firstReplyAt) {}

    @Override
    public Optional<String> note(Connection tx, UnitTree tree, Unit scope, Period period) throws SQLException {
        List<Opened> all = opened(tx, tree, scope, period);
        if (all.isEmpty()) return Optional.empty();
        List<Long> waits = waits(all);
        return Optional.of(HandoffTexts.counts(all.size(), waits.size(), median(waits)));
    }

    @Override
    public Optional<ScopeTable> table(Connection tx, UnitTree tree, Unit scope, Period period) throws SQLException {
        List<Opened> all = opened(tx, tree, scope, period);
        if (all.isEmpty()) return Optional.empty();
        Map<String, List<Opened>> byUnit = new LinkedHashMap<>();
        for (Unit u : tree.subtree(scope)) byUnit.put(u.code(), new ArrayList<>());
        all.forEach(o -> byUnit.get(o.unitCode()).add(o));
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<String, List<Opened>> e : byUnit.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            Unit u = tree.get(e.getKey()).orElseThrow();
            rows.add(row(rows.size() + 1, u.code(), u.name(), e.getValue()));
        }
        rows.add(row(null, "", "Tổng cộng", all));
        return Optional.of(new ScopeTable(SHEET, "Người dân nhờ hỗ trợ qua Zalo OA, " + period.label() + " · " + scope.name()
                + " (chỉ các xã/phường có câu hỏi)", List.of("STT", "Mã đơn vị", "Đơn vị", "Câu hỏi nhận",
                "Đã trả lời", "Chờ trả lời đầu tiên, trung vị (phút)"), rows));
    }

    /**
     * Tickets of exactly this unit closed in the period with at least one answer: help the team gave through the OA,
     * suggested under the weekly report's echo and never added to it by the bot (members also count help in person,
     * and may have counted these already).
     */
    ScopeNote helpedInWeek() {
        return (tx, tree, unit, period) -> {
            try (PreparedStatement ps = tx.prepareStatement("SELECT COUNT(*) FROM handoff_tickets WHERE unit_code = ? "
                    + "AND status = 'closed' AND first_reply_at IS NOT NULL AND closed_at >= ? AND closed_at < ?")) {
                ps.setString(1, unit.code());
                ps.setLong(2, period.start(zone).toEpochMilli());
                ps.setLong(3, period.end(zone).toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.next() ? rs.getInt(1) : 0;
                    return n == 0 ? Optional.empty() : Optional.of(HandoffTexts.helpedHint(n));
                }
            }
        };
    }

    private static List<Object> row(Integer number, String code, String name, List<Opened> tickets) {
        List<Long> waits = waits(tickets);
        return java.util.Arrays.asList(number, code, name, tickets.size(), waits.size(), median(waits).orElse(null));
    }

    private List<Opened> opened(Connection tx, UnitTree tree, Unit scope, Period period) throws SQLException {
        List<Unit> units = tree.subtree(scope);
        String marks = String.join(",", Collections.nCopies(units.size(), "?"));
        List<Opened> out = new ArrayList<>();
        try (PreparedStatement ps = tx.prepareStatement("SELECT unit_code, created_at, first_reply_at FROM handoff_tickets "
                + "WHERE created_at >= ? AND created_at < ? AND unit_code IN (" + marks + ") ORDER BY created_at")) {
            ps.setLong(1, period.start(zone).toEpochMilli());
            ps.setLong(2, period.end(zone).toEpochMilli());
            for (int i = 0; i < units.size(); i++) ps.setString(i + 3, units.get(i).code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long replied = rs.getLong(3);
                    out.add(new Opened(rs.getString(1), rs.getLong(2), rs.wasNull() ? null : replied));
                }
            }
        }
        return out;
    }

    private static List<Long> waits(List<Opened> tickets) {
        return tickets.stream().filter(o -> o.firstReplyAt() != null).map(o -> o.firstReplyAt() - o.createdAt()).toList();
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
