package vn.cdsbot.summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cdsbot.chat.Texts;

/**
 * The unit hierarchy as stored (any depth). Units whose parent is unknown are roots; when there are several
 * roots a virtual root stands for "the whole tree" so every scope is one unit.
 */
final class UnitTree {
    static final String ALL = "*";

    record Unit(String code, String name, String parent, String kind, boolean active, Long deactivatedAt) {
        /** A unit is expected to report for a week unless it was deactivated before that week began. */
        boolean existedDuring(Week week, java.time.ZoneId zone) {
            if (active) return true;
            return deactivatedAt != null && deactivatedAt >= week.start(zone).toEpochMilli();
        }

        boolean virtual() {
            return ALL.equals(code);
        }
    }

    private final Map<String, Unit> byCode;
    private final Map<String, String> byUpperCode = new HashMap<>();
    private final Map<String, List<Unit>> children = new HashMap<>();
    private final Unit root;

    private UnitTree(List<Unit> units) {
        Map<String, Unit> map = new LinkedHashMap<>();
        for (Unit u : units) map.put(u.code(), u);
        List<Unit> roots = new ArrayList<>();
        for (Unit u : units) {
            byUpperCode.put(u.code().toUpperCase(Locale.ROOT), u.code());
            if (u.parent() == null || !map.containsKey(u.parent()) || u.parent().equals(u.code())) {
                roots.add(u);
            } else {
                children.computeIfAbsent(u.parent(), k -> new ArrayList<>()).add(u);
            }
        }
        children.values().forEach(l -> l.sort(Comparator.comparing(Unit::code)));
        roots.sort(Comparator.comparing(Unit::code));
        if (roots.size() == 1) {
            root = roots.get(0);
        } else {
            root = new Unit(ALL, "Toàn tỉnh", null, "all", true, null);
            children.put(ALL, roots);
            map.put(ALL, root);
        }
        this.byCode = map;
    }

    static UnitTree load(Connection c) throws SQLException {
        List<Unit> units = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, name, parent_code, kind, active, deactivated_at FROM units");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long deact = rs.getLong(6);
                units.add(new Unit(rs.getString(1), rs.getString(2), emptyToNull(rs.getString(3)), rs.getString(4),
                        rs.getInt(5) == 1, rs.wasNull() ? null : deact));
            }
        }
        return new UnitTree(units);
    }

    static UnitTree of(List<Unit> units) {
        return new UnitTree(units);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    Unit root() {
        return root;
    }

    Optional<Unit> get(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** By code (any case), then by the exact name without regard to case or diacritics. */
    Optional<Unit> find(String text) {
        String t = text.strip();
        String code = byUpperCode.get(t.toUpperCase(Locale.ROOT));
        if (code != null) return Optional.of(byCode.get(code));
        String folded = Texts.fold(t);
        List<Unit> named = byCode.values().stream().filter(u -> !u.virtual() && Texts.fold(u.name()).equals(folded)).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    List<Unit> children(Unit u) {
        return children.getOrDefault(u.code(), List.of());
    }

    /** The unit and everything under it, parents before children, siblings by code. Safe against cycles. */
    List<Unit> subtree(Unit top) {
        List<Unit> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        walk(top, out, seen);
        return out;
    }

    private void walk(Unit u, List<Unit> out, Set<String> seen) {
        if (!seen.add(u.code())) return;
        out.add(u);
        for (Unit c : children(u)) walk(c, out, seen);
    }

    boolean within(Unit ancestor, Unit unit) {
        if (ancestor.virtual()) return true;
        Set<String> seen = new HashSet<>();
        for (Unit u = unit; u != null && seen.add(u.code()); u = u.parent() == null ? null : byCode.get(u.parent())) {
            if (u.code().equals(ancestor.code())) return true;
        }
        return false;
    }

    /** The unit's parent, for naming it ("Xã A (Cụm B)"); empty for roots. */
    Optional<Unit> parent(Unit u) {
        return u.parent() == null || u.virtual() ? Optional.empty() : get(u.parent()).filter(p -> !p.code().equals(u.code()));
    }
}
