package vn.cdsbot.handoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.people.ReportingLevels;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.storage.PersonalData;

/**
 * Which commune a citizen lives in: found from what they type, forgivingly ("p. Tân Bình", "phuong tan binh",
 * "tan binh"), among the teams of the first reporting level only (communes, not their hamlets), also by the name
 * of a commune merged into it (the directory's former names), and remembered.
 */
final class Communes {
    /** Words people put before a commune's name; dropped on both sides before comparing. */
    private static final Pattern PREFIX = Pattern.compile("^(xa|phuong|thi tran|tt|p|x)\\b\\s*");
    private static final int MIN_PARTIAL = 3;

    /** What a typed name matched. */
    sealed interface Match permits One, Several, None {}

    /** @param formerName the old name it was found by, null when found by its own name or code */
    record One(Unit unit, String formerName) implements Match {
        One(Unit unit) {
            this(unit, null);
        }
    }

    record Several(List<Unit> units) implements Match {}

    record None() implements Match {}

    private final ReportingLevels levels;
    /** A name used before a merger and the commune (one of several, when it was split) it is part of now. */
    record Former(String name, String unitCode) {}

    private final List<Former> formerNames;

    Communes(ReportingLevels levels) {
        this(levels, List.of());
    }

    private Communes(ReportingLevels levels, List<Former> formerNames) {
        this.levels = levels;
        this.formerNames = List.copyOf(formerNames);
    }

    Communes withFormerNames(List<Former> names) {
        return new Communes(levels, names);
    }

    Match match(UnitTree tree, String typed) {
        Optional<Unit> byCode = tree.get(typed.strip()).filter(this::isCommune);
        if (byCode.isPresent()) return new One(byCode.get());
        String wanted = core(typed);
        if (wanted.isEmpty()) return new None();
        List<Unit> communes = tree.all().stream().filter(this::isCommune).toList();
        List<Unit> exact = communes.stream().filter(u -> core(u.name()).equals(wanted)).toList();
        if (!exact.isEmpty()) return exact.size() == 1 ? new One(exact.get(0)) : new Several(exact);
        // A name used before a merger: "xã Tân Khai" is now part of another commune.
        java.util.Map<String, Unit> former = new LinkedHashMap<>();
        for (Former f : formerNames) {
            if (core(f.name()).equals(wanted)) tree.get(f.unitCode()).filter(this::isCommune).ifPresent(u -> former.putIfAbsent(u.code(), u));
        }
        List<Unit> formerUnits = List.copyOf(former.values());
        if (formerUnits.size() == 1) {
            Unit u = formerUnits.get(0);
            String name = formerNames.stream().filter(f -> f.unitCode().equals(u.code()) && core(f.name()).equals(wanted))
                    .findFirst().orElseThrow().name();
            return new One(u, name);
        }
        if (formerUnits.size() > 1) return new Several(formerUnits);
        List<Unit> found = wanted.length() >= MIN_PARTIAL
                ? communes.stream().filter(u -> (" " + core(u.name()) + " ").contains(" " + wanted + " ")).toList()
                : List.of();
        if (found.isEmpty()) return new None();
        return found.size() == 1 ? new One(found.get(0)) : new Several(found);
    }

    boolean isCommune(Unit u) {
        return u.active() && levels.isFirstLevel(u);
    }

    /** "P. Tân Bình" → "tan binh". */
    static String core(String name) {
        String f = Texts.fold(name.replace('.', ' ').replace(',', ' ')).toLowerCase(Locale.ROOT);
        return PREFIX.matcher(f).replaceFirst("").strip();
    }

    static Optional<String> of(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT unit_code FROM citizen_communes WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static void set(Connection tx, String userId, String unitCode, long now) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO citizen_communes (user_id, unit_code, set_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET unit_code = excluded.unit_code, set_at = excluded.set_at")) {
            ps.setString(1, userId);
            ps.setString(2, unitCode);
            ps.setLong(3, now);
            ps.executeUpdate();
        }
    }

    static final PersonalData ERASER = (tx, userId) -> {
        try (PreparedStatement ps = tx.prepareStatement("DELETE FROM citizen_communes WHERE user_id = ?")) {
            ps.setString(1, userId);
            ps.executeUpdate();
        }
    };
}
