package vn.cdsbot.people;

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
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.chat.Texts;

/**
 * A snapshot of all units, active and not, with their hierarchy (any depth). Cheap: a province has a few hundred
 * to a few thousand units. Codes match in any case. When the file has several top-level units a virtual root
 * ("Toàn tỉnh", code {@link #ALL}) stands for the whole tree, so every scope is one unit.
 */
public final class UnitTree {
    public static final String ALL = "*";

    private final Map<String, Unit> byKey = new LinkedHashMap<>();
    private final Map<String, List<Unit>> children = new HashMap<>();
    private final Unit root;

    private UnitTree(List<Unit> units) {
        for (Unit u : units) byKey.put(key(u.code()), u);
        List<Unit> roots = new ArrayList<>();
        for (Unit u : units) {
            String parent = u.parentCode() == null ? null : key(u.parentCode());
            if (parent == null || !byKey.containsKey(parent) || parent.equals(key(u.code()))) roots.add(u);
            else children.computeIfAbsent(parent, k -> new ArrayList<>()).add(u);
        }
        children.values().forEach(l -> l.sort(Comparator.comparing(Unit::code)));
        roots.sort(Comparator.comparing(Unit::code));
        if (roots.size() == 1) {
            root = roots.get(0);
        } else {
            root = new Unit(ALL, "Toàn tỉnh", null, "all", true, null);
            children.put(ALL, roots);
            byKey.put(ALL, root);
        }
    }

    public static UnitTree of(List<Unit> units) {
        return new UnitTree(units);
    }

    public static UnitTree load(Connection c) throws SQLException {
        List<Unit> units = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, name, parent_code, kind, active, deactivated_at, population FROM units ORDER BY code");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long deactivated = rs.getLong(6);
                boolean none = rs.wasNull();
                String parent = rs.getString(3);
                int population = rs.getInt(7);
                boolean noPopulation = rs.wasNull();
                units.add(new Unit(rs.getString(1), rs.getString(2), parent == null || parent.isBlank() ? null : parent,
                        rs.getString(4), rs.getInt(5) == 1, none ? null : deactivated, noPopulation ? null : population));
            }
        }
        return new UnitTree(units);
    }

    private static String key(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    public Unit root() {
        return root;
    }

    /** By code in any case, active or not. */
    public Optional<Unit> get(String code) {
        return code == null || code.isBlank() ? Optional.empty() : Optional.ofNullable(byKey.get(key(code)));
    }

    /** By code in any case, then by the exact name without regard to case or diacritics (when only one has it). */
    public Optional<Unit> find(String text) {
        Optional<Unit> byCode = get(text);
        if (byCode.isPresent() || text == null) return byCode;
        String folded = Texts.fold(text);
        List<Unit> named = byKey.values().stream().filter(u -> !u.virtual() && Texts.fold(u.name()).equals(folded)).toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    public boolean isUnitCode(String token) {
        return get(token).filter(u -> !u.virtual()).isPresent();
    }

    public List<Unit> children(Unit u) {
        return children.getOrDefault(key(u.code()), List.of());
    }

    /** The unit and everything under it, active or not, parents before children, siblings by code. Safe against cycles. */
    public List<Unit> subtree(Unit top) {
        List<Unit> out = new ArrayList<>();
        walk(top, out, new HashSet<>(), false);
        return out;
    }

    /** The active units at or below {@code code} (an inactive unit hides its branch), parents before children. */
    public List<Unit> activeSubtree(String code) {
        List<Unit> out = new ArrayList<>();
        get(code).ifPresent(u -> walk(u, out, new HashSet<>(), true));
        return out;
    }

    /** Every active unit, parents before children. */
    public List<Unit> all() {
        return activeSubtree(root.code()).stream().filter(u -> !u.virtual()).toList();
    }

    private void walk(Unit u, List<Unit> out, Set<String> seen, boolean activeOnly) {
        if (!seen.add(key(u.code())) || (activeOnly && !u.active())) return;
        out.add(u);
        for (Unit c : children(u)) walk(c, out, seen, activeOnly);
    }

    /** True when {@code unit} is {@code ancestor} or lies below it; everything lies below the virtual root. */
    public boolean within(Unit ancestor, Unit unit) {
        if (ancestor.virtual()) return true;
        Set<String> seen = new HashSet<>();
        for (Optional<Unit> u = Optional.of(unit); u.isPresent() && seen.add(key(u.get().code())); u = parent(u.get())) {
            if (key(u.get().code()).equals(key(ancestor.code()))) return true;
        }
        return false;
    }

    public boolean within(String ancestorCode, String code) {
        Optional<Unit> a = get(ancestorCode);
        Optional<Unit> u = get(code);
        return a.isPresent() && u.isPresent() && within(a.get(), u.get());
    }

    /** The unit's parent; empty for roots. */
    public Optional<Unit> parent(Unit u) {
        if (u.parentCode() == null || u.virtual()) return Optional.empty();
        return get(u.parentCode()).filter(p -> !key(p.code()).equals(key(u.code())));
    }

    /** The parent, grandparent… up to the root. */
    public List<Unit> ancestors(Unit unit) {
        List<Unit> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Optional<Unit> p = parent(unit); p.isPresent() && seen.add(key(p.get().code())); p = parent(p.get())) {
            out.add(p.get());
        }
        return out;
    }

    /**
     * The scope rule of every command: the unit whose subtree {@code sender} may read. The secretariat and admins
     * see the whole tree; everyone else their own unit and what lies below it. Empty when the sender's unit is
     * unknown.
     */
    public Optional<Unit> home(Sender sender) {
        if (sender.role() == Role.SECRETARIAT || sender.role() == Role.ADMIN) return Optional.of(root);
        return get(sender.unitCode());
    }

    /** Whether {@code sender} may see or act on {@code unit} (see {@link #home}). */
    public boolean visible(Sender sender, Unit unit) {
        return home(sender).map(h -> within(h, unit)).orElse(false);
    }
}
