package vn.cdsbot.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.cdsbot.people.Audit;

/** The stored campaigns and their targets. Campaigns are never deleted; every target change is audited. */
public final class Campaigns {
    private static final String COLUMNS = "code, name, first_day, last_day, indicators, created_by, created_at FROM campaigns";

    private Campaigns() {}

    /** Every campaign, newest start first. */
    public static List<Campaign> all(Connection c) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " ORDER BY first_day DESC, code DESC");
    }

    public static Optional<Campaign> find(Connection c, String code) throws SQLException {
        List<Campaign> r = query(c, "SELECT " + COLUMNS + " WHERE code = ? COLLATE NOCASE", code.strip());
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    /** The campaigns running on {@code day}, earliest start first. */
    public static List<Campaign> runningOn(Connection c, LocalDate day) throws SQLException {
        return during(c, day, day);
    }

    /** The campaigns with at least one day from {@code from} to {@code to}, earliest start first. */
    public static List<Campaign> during(Connection c, LocalDate from, LocalDate to) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " WHERE first_day <= ? AND last_day >= ? ORDER BY first_day, code",
                to.toString(), from.toString());
    }

    /**
     * Creates a campaign with the next free code (CD1, CD2 …) and its targets, audited, in the caller's transaction.
     * Returns the stored campaign.
     */
    public static Campaign create(Connection tx, String name, LocalDate first, LocalDate last, List<String> indicators,
                                  Map<String, Map<String, Long>> targets, String actor, long at) throws SQLException {
        String code = nextCode(tx);
        Campaign campaign = new Campaign(code, name, first, last, indicators, actor, at);
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO campaigns (code, name, first_day, last_day, indicators, "
                + "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, code);
            ps.setString(2, name);
            ps.setString(3, first.toString());
            ps.setString(4, last.toString());
            ps.setString(5, String.join(",", indicators));
            ps.setString(6, actor);
            ps.setLong(7, at);
            ps.executeUpdate();
        }
        Audit.record(tx, at, actor, "campaign.create", code, "name=" + name + " from=" + first + " to=" + last
                + " indicators=" + String.join(",", indicators));
        setTargets(tx, campaign, targets, actor, at);
        return campaign;
    }

    /**
     * Sets targets (unit → indicator → target), keeping the others. Each changed cell is audited with its old and
     * new value; unchanged ones are not rewritten. Returns how many cells changed.
     */
    public static int setTargets(Connection tx, Campaign campaign, Map<String, Map<String, Long>> targets, String actor,
                                 long at) throws SQLException {
        Targets old = targets(tx, campaign);
        int changed = 0;
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO campaign_targets (campaign_code, unit_code, indicator, "
                + "target, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_code, unit_code, indicator) "
                + "DO UPDATE SET target = excluded.target, set_by = excluded.set_by, set_at = excluded.set_at")) {
            for (Map.Entry<String, Map<String, Long>> unit : targets.entrySet()) {
                for (Map.Entry<String, Long> cell : unit.getValue().entrySet()) {
                    if (!campaign.tracks(cell.getKey())) {
                        throw new IllegalArgumentException("campaign " + campaign.code() + " does not track " + cell.getKey());
                    }
                    Optional<Long> before = old.of(unit.getKey(), cell.getKey());
                    if (before.isPresent() && before.get().equals(cell.getValue())) continue;
                    ps.setString(1, campaign.code());
                    ps.setString(2, unit.getKey());
                    ps.setString(3, cell.getKey());
                    ps.setLong(4, cell.getValue());
                    ps.setString(5, actor);
                    ps.setLong(6, at);
                    ps.addBatch();
                    Audit.record(tx, at, actor, "campaign.target", campaign.code() + "/" + unit.getKey() + "/" + cell.getKey(),
                            before.map(String::valueOf).orElse("-") + " -> " + cell.getValue());
                    changed++;
                }
            }
            ps.executeBatch();
        }
        return changed;
    }

    public static Targets targets(Connection c, Campaign campaign) throws SQLException {
        Map<String, Map<String, Long>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT unit_code, indicator, target FROM campaign_targets WHERE campaign_code = ?")) {
            ps.setString(1, campaign.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        }
        return new Targets(out);
    }

    /** Who set a campaign's targets last and when, and how many units have one. */
    public record TargetsSetting(int units, String lastSetBy, long lastSetAt) {}

    public static TargetsSetting targetsSetting(Connection c, Campaign campaign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(DISTINCT unit_code) FROM campaign_targets "
                + "WHERE campaign_code = ?1), set_by, set_at FROM campaign_targets WHERE campaign_code = ?1 "
                + "ORDER BY set_at DESC LIMIT 1")) {
            ps.setString(1, campaign.code());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new TargetsSetting(rs.getInt(1), rs.getString(2), rs.getLong(3)) : new TargetsSetting(0, null, 0);
            }
        }
    }

    private static String nextCode(Connection tx) throws SQLException {
        int max = 0;
        try (PreparedStatement ps = tx.prepareStatement("SELECT code FROM campaigns");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String code = rs.getString(1);
                if (code.matches("CD\\d{1,9}")) max = Math.max(max, Integer.parseInt(code.substring(2)));
            }
        }
        return "CD" + (max + 1);
    }

    private static List<Campaign> query(Connection c, String sql, String... args) throws SQLException {
        List<Campaign> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Campaign(rs.getString(1), rs.getString(2), LocalDate.parse(rs.getString(3)),
                            LocalDate.parse(rs.getString(4)), Arrays.asList(rs.getString(5).split(",")), rs.getString(6),
                            rs.getLong(7)));
                }
            }
        }
        return out;
    }
}
