package vn.cdsbot.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A snapshot of all units (active and not) with their hierarchy. Cheap: provinces have a few hundred units. */
public final class UnitTree {
    private final Map<String, Unit> byKey = new HashMap<>();
    private final Map<String, List<Unit>> children = new HashMap<>();
    private final List<Unit> roots = new ArrayList<>();

    UnitTree(List<Unit> units) {
        for (Unit u : units) byKey.put(key(u.code()), u);
        for (Unit u : units) {
            if (u.parentCode() == null || !byKey.containsKey(key(u.parentCode()))) roots.add(u);
            else children.computeIfAbsent(key(u.parentCode()), k -> new ArrayList<>()).add(u);
        }
    }

    public static UnitTree load(Connection c) throws SQLException {
        List<Unit> units = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, name, parent_code, kind, active FROM units ORDER BY code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                units.add(new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5) == 1));
            }
        }
        return new UnitTree(units);
    }

    private static String key(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** Finds a unit by code, ignoring case, active or not. */
    public Optional<Unit> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(code)));
    }

    public boolean isUnitCode(String token) {
        return find(token).isPresent();
    }

    public Optional<Unit> parent(Unit unit) {
        return unit.parentCode() == null ? Optional.empty() : find(unit.parentCode());
    }

    /** The active units at or below {@code code}, parents before children. */
    public List<Unit> subtree(String code) {
        List<Unit> out = new ArrayList<>();
        Optional<Unit> start = find(code);
        if (start.isEmpty()) return out;
        Deque<Unit> stack = new ArrayDeque<>();
        stack.push(start.get());
        while (!stack.isEmpty()) {
            Unit u = stack.pop();
            if (!u.active()) continue;
            out.add(u);
            List<Unit> kids = children.getOrDefault(key(u.code()), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i));
        }
        return out;
    }

    /** Every active unit, roots first. */
    public List<Unit> all() {
        List<Unit> out = new ArrayList<>();
        for (Unit r : roots) out.addAll(subtree(r.code()));
        return out;
    }

    /** True when {@code code} is {@code ancestorCode} or lies below it. */
    public boolean within(String ancestorCode, String code) {
        Optional<Unit> u = find(code);
        int guard = 0;
        while (u.isPresent() && guard++ < 1000) {
            if (key(u.get().code()).equals(key(ancestorCode))) return true;
            u = parent(u.get());
        }
        return false;
    }

    /** The parent, grandparent… up to the root. */
    public List<Unit> ancestors(Unit unit) {
        List<Unit> out = new ArrayList<>();
        Optional<Unit> p = parent(unit);
        while (p.isPresent() && out.size() < 1000) {
            out.add(p.get());
            p = parent(p.get());
        }
        return out;
    }
}
