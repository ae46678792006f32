package vn.cdsbot.people;

import java.util.List;
import java.util.Locale;
import vn.cdsbot.config.BotConfig;

/**
 * Which units report: the one place that decides it (units.reporting_kinds). Each team reports its own work, so
 * a commune team and the hamlet teams under it are separate reporters and a subtree's total is the sum of each
 * unit's own report, never a commune figure that already contains its hamlets.
 *
 * @param kinds the reporting kinds in the configured order; the first is the level citizens choose in {@code #xa}
 */
public record ReportingLevels(List<String> kinds) {
    public ReportingLevels {
        if (kinds.isEmpty()) throw new IllegalArgumentException("no reporting kind");
        kinds = List.copyOf(kinds);
    }

    public static ReportingLevels of(BotConfig config) {
        return new ReportingLevels(config.units().reportingKinds());
    }

    public static ReportingLevels of(String... kinds) {
        return new ReportingLevels(List.of(kinds));
    }

    /** This unit's team reports (a stand-in root never does). */
    public boolean reports(Unit u) {
        return !u.virtual() && isReportingKind(u.kind());
    }

    public boolean isReportingKind(String kind) {
        for (String k : kinds) if (k.equalsIgnoreCase(kind)) return true;
        return false;
    }

    /** The first level: the commune teams that citizens are put in touch with. */
    public boolean isFirstLevel(Unit u) {
        return !u.virtual() && kinds.get(0).equalsIgnoreCase(u.kind());
    }

    /** The position of the unit's kind in the list, -1 when it does not report: orders the per-level lines. */
    public int level(Unit u) {
        for (int i = 0; i < kinds.size(); i++) if (kinds.get(i).equalsIgnoreCase(u.kind())) return i;
        return -1;
    }

    /** How a level's teams are called in chat: "Tổ xã", "Tổ thôn, ấp"; other kinds by their own name. */
    public static String teamLabel(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "commune" -> "Tổ xã";
            case "hamlet" -> "Tổ thôn, ấp";
            default -> "Tổ " + kind;
        };
    }

    /** "commune, hamlet": for operator messages. */
    public String describe() {
        return String.join(", ", kinds);
    }
}
