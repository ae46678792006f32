package vn.cdsbot.people;

import java.util.Objects;

/**
 * A unit from the units CSV: a reporting team, a grouping or the province.
 *
 * @param parentCode null for a root
 * @param active false once the unit disappeared from the CSV (units are never deleted)
 */
public record Unit(String code, String name, String parentCode, String kind, boolean active) {
    public Unit {
        Objects.requireNonNull(code, "code == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(kind, "kind == null");
    }

    /** "Phường Tân Bình (BP-DXO-01)": how units are named in chat. */
    public String label() {
        return name + " (" + code + ")";
    }
}
