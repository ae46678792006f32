package vn.cdsbot.campaign;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;

/**
 * A campaign's targets: unit → indicator → target. A unit's target is for the work of its whole subtree (a
 * commune's target covers the commune team and its hamlet teams); see {@link #forSubtree}.
 */
public record Targets(Map<String, Map<String, Long>> byUnit) {
    public Targets {
        byUnit = Map.copyOf(byUnit);
    }

    public Optional<Long> of(String unit, String indicator) {
        Map<String, Long> m = byUnit.get(unit);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(indicator));
    }

    public Set<String> units() {
        return byUnit.keySet();
    }

    public boolean isEmpty() {
        return byUnit.isEmpty();
    }

    /**
     * The target of {@code unit}'s subtree: its own when set (a target given to a commune covers its hamlets), else
     * the sum of its children's; empty when nobody in the subtree has one.
     */
    public Optional<Long> forSubtree(UnitTree tree, Unit unit, String indicator) {
        Optional<Long> own = of(unit.code(), indicator);
        if (own.isPresent()) return own;
        long sum = 0;
        boolean any = false;
        for (Unit child : tree.children(unit)) {
            Optional<Long> t = forSubtree(tree, child, indicator);
            if (t.isPresent()) {
                sum += t.get();
                any = true;
            }
        }
        return any ? Optional.of(sum) : Optional.empty();
    }

    /** The sum of the targets set on {@code units} for {@code indicator}. */
    public long sum(Collection<String> units, String indicator) {
        long s = 0;
        for (String u : units) s += of(u, indicator).orElse(0L);
        return s;
    }
}
