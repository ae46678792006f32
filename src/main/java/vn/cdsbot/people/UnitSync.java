package vn.cdsbot.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Brings the units table in line with the CSV: new codes are added, changed names, parents or kinds are
 * updated, codes missing from the file are deactivated (never deleted: reports keep pointing at them) and
 * codes that come back are reactivated.
 */
final class UnitSync {

    record Summary(int inFile, int added, int changed, int deactivated, int reactivated) {
        @Override
        public String toString() {
            return inFile + " units in the file: " + added + " added, " + changed + " changed, " + deactivated
                    + " deactivated, " + reactivated + " reactivated";
        }
    }

    private UnitSync() {}

    static Summary apply(Connection tx, List<UnitsCsv.Row> rows, long now) throws SQLException {
        UnitTree before = UnitTree.load(tx);
        Map<String, Unit> existing = new HashMap<>();
        for (Unit u : allUnits(tx)) existing.put(u.code().toUpperCase(Locale.ROOT), u);
        Set<String> inFile = new HashSet<>();
        int added = 0;
        int changed = 0;
        int reactivated = 0;
        for (UnitsCsv.Row row : rows) {
            String key = row.code().toUpperCase(Locale.ROOT);
            inFile.add(key);
            Unit old = existing.get(key);
            String parent = row.parentCode() == null ? null
                    : before.find(row.parentCode()).map(Unit::code).orElse(canonical(rows, row.parentCode()));
            if (old == null) {
                try (PreparedStatement ps = tx.prepareStatement(
                        "INSERT INTO units (code, name, parent_code, kind, active, created_at, population) VALUES (?, ?, ?, ?, 1, ?, ?)")) {
                    ps.setString(1, row.code());
                    ps.setString(2, row.name());
                    ps.setString(3, parent);
                    ps.setString(4, row.kind());
                    ps.setLong(5, now);
                    ps.setObject(6, row.population());
                    ps.executeUpdate();
                }
                added++;
                continue;
            }
            boolean differs = !old.name().equals(row.name()) || !Objects.equals(old.parentCode(), parent)
                    || !old.kind().equals(row.kind()) || !Objects.equals(old.population(), row.population());
            if (differs) {
                try (PreparedStatement ps = tx.prepareStatement(
                        "UPDATE units SET name = ?, parent_code = ?, kind = ?, population = ? WHERE code = ?")) {
                    ps.setString(1, row.name());
                    ps.setString(2, parent);
                    ps.setString(3, row.kind());
                    ps.setObject(4, row.population());
                    ps.setString(5, old.code());
                    ps.executeUpdate();
                }
                Audit.record(tx, now, Audit.CSV, "unit.change", old.code(),
                        describeChange(old, row.name(), parent, row.kind(), row.population()));
                changed++;
            }
            if (!old.active()) {
                try (PreparedStatement ps = tx.prepareStatement(
                        "UPDATE units SET active = 1, deactivated_at = NULL WHERE code = ?")) {
                    ps.setString(1, old.code());
                    ps.executeUpdate();
                }
                Audit.record(tx, now, Audit.CSV, "unit.reactivate", old.code(), null);
                reactivated++;
            }
        }
        int deactivated = 0;
        for (Unit u : existing.values()) {
            if (u.active() && !inFile.contains(u.code().toUpperCase(Locale.ROOT))) {
                try (PreparedStatement ps = tx.prepareStatement(
                        "UPDATE units SET active = 0, deactivated_at = ? WHERE code = ?")) {
                    ps.setLong(1, now);
                    ps.setString(2, u.code());
                    ps.executeUpdate();
                }
                Audit.record(tx, now, Audit.CSV, "unit.deactivate", u.code(), null);
                deactivated++;
            }
        }
        if (added > 0) Audit.record(tx, now, Audit.CSV, "unit.add", null, added + " units added");
        return new Summary(rows.size(), added, changed, deactivated, reactivated);
    }

    /** A parent is stored with the spelling of its own row, whatever case the child's line used. */
    private static String canonical(List<UnitsCsv.Row> rows, String code) {
        for (UnitsCsv.Row r : rows) if (r.code().equalsIgnoreCase(code)) return r.code();
        return code;
    }

    private static String describeChange(Unit old, String name, String parent, String kind, Integer population) {
        StringBuilder sb = new StringBuilder();
        if (!old.name().equals(name)) sb.append("name: ").append(old.name()).append(" -> ").append(name).append("; ");
        if (!Objects.equals(old.parentCode(), parent)) sb.append("parent: ").append(old.parentCode()).append(" -> ").append(parent).append("; ");
        if (!old.kind().equals(kind)) sb.append("kind: ").append(old.kind()).append(" -> ").append(kind).append("; ");
        if (!Objects.equals(old.population(), population)) {
            sb.append("population: ").append(old.population()).append(" -> ").append(population).append("; ");
        }
        return sb.toString().strip();
    }

    private static List<Unit> allUnits(Connection c) throws SQLException {
        List<Unit> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, name, parent_code, kind, active, population FROM units");
             java.sql.ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int population = rs.getInt(6);
                Integer weight = rs.wasNull() ? null : population;
                out.add(new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) == 1, null,
                        weight));
            }
        }
        return out;
    }
}
