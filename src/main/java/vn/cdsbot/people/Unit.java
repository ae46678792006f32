package vn.cdsbot.people;

import java.time.ZoneId;
import java.util.Objects;
import vn.cdsbot.period.Period;

/**
 * A unit from the units CSV: a reporting team, a grouping or the province.
 *
 * @param parentCode null for a root
 * @param active false once the unit disappeared from the CSV (units are never deleted: reports point at them)
 * @param deactivatedAt when it disappeared (epoch millis), null while active
 * @param population the optional weight from the units file's {@code population} column, null when not given
 */
public record Unit(String code, String name, String parentCode, String kind, boolean active, Long deactivatedAt,
                   Integer population) {
    public Unit {
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(kind, "kind == null");
    }

    public Unit(String code, String name, String parentCode, String kind, boolean active) {
        this(code, name, parentCode, kind, active, null, null);
    }

    public Unit(String code, String name, String parentCode, String kind, boolean active, Long deactivatedAt) {
        this(code, name, parentCode, kind, active, deactivatedAt, null);
    }

    /** "Phường Tân Bình (BP-DXO-01)": how units are named in chat. */
    public String label() {
        return name + " (" + code + ")";
    }

    /** The stand-in root "Toàn tỉnh" when the file has several top-level units. */
    public boolean virtual() {
        return UnitTree.ALL.equals(code);
    }

    /** A unit is expected to report for a period unless it was deactivated before the period began. */
    public boolean existedDuring(Period period, ZoneId zone) {
        if (active) return true;
        return deactivatedAt != null && deactivatedAt >= period.start(zone).toEpochMilli();
    }
}
