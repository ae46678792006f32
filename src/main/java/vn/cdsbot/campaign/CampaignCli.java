package vn.cdsbot.campaign;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.People;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.storage.Database;

/**
 * The {@code campaign} command line: create a campaign with targets from a file or split from one total by a
 * weight column of the units file, change targets, list campaigns. Exit status 0, or 2 with the reason on
 * standard error; standard output carries only the campaign code, for scripts.
 */
public final class CampaignCli {
    private CampaignCli() {}

    /** How targets are given: a file, or totals to split by a units-file column. */
    public record TargetSource(Path file, String totals, String weightColumn) {}

    public static int create(BotConfig config, String name, String from, String to, String indicatorList,
                             TargetSource source, Clock clock, PrintWriter out, PrintWriter err) {
        if (name == null || name.isBlank()) return fail(err, "--name: give the campaign's name");
        LocalDate first;
        LocalDate last;
        try {
            first = LocalDate.parse(from.strip());
            last = LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            return fail(err, "--from/--to: expected dates like 2026-12-01, got '" + from + "' and '" + to + "'");
        }
        if (last.isBefore(first)) return fail(err, "--to " + last + " is before --from " + first);
        List<String> configured = config.reporting().indicators().stream().map(BotConfig.Indicator::code).toList();
        List<String> indicators = new ArrayList<>();
        for (String i : indicatorList.split(",")) {
            String code = i.strip().toLowerCase(Locale.ROOT);
            if (code.isEmpty()) continue;
            if (!configured.contains(code)) {
                return fail(err, "--indicator: '" + code + "' is not in reporting.indicators of bot-config.yaml ("
                        + String.join(", ", configured) + "); add it there first");
            }
            if (!indicators.contains(code)) indicators.add(code);
        }
        if (indicators.isEmpty()) return fail(err, "--indicator: give at least one indicator code, e.g. vneid");
        List<String> ordered = configured.stream().filter(indicators::contains).toList();
        try (Database db = Database.open(Path.of(config.storage().database()), config.storage().synchronous(), 2)) {
            People.syncUnits(config, db, clock);
            UnitTree tree = db.read(UnitTree::load);
            Map<String, Map<String, Long>> targets = targets(config, source, ordered, tree, err);
            if (targets == null) return 2;
            Campaign c = db.inTransaction(tx -> Campaigns.create(tx, name.strip(), first, last, ordered, targets,
                    Audit.CLI, clock.millis()));
            out.println(c.code());
            out.flush();
            err.println("Campaign " + c.code() + " \"" + c.name() + "\" " + first + " .. " + last + ", indicators "
                    + String.join(",", ordered) + ", targets for " + targets.size() + " units ("
                    + totals(targets, ordered) + "), in database " + Path.of(config.storage().database()).toAbsolutePath());
            return 0;
        }
    }

    /** Replaces targets of an existing campaign from a file or a split; unchanged cells are left alone. */
    public static int setTargets(BotConfig config, String code, TargetSource source, Clock clock, PrintWriter out,
                                 PrintWriter err) {
        try (Database db = Database.open(Path.of(config.storage().database()), config.storage().synchronous(), 2)) {
            People.syncUnits(config, db, clock);
            Optional<Campaign> found = db.read(c -> Campaigns.find(c, code));
            if (found.isEmpty()) return fail(err, "no campaign with code '" + code + "' (campaign list shows them)");
            UnitTree tree = db.read(UnitTree::load);
            Map<String, Map<String, Long>> targets = targets(config, source, found.get().indicators(), tree, err);
            if (targets == null) return 2;
            int changed = db.inTransaction(tx -> Campaigns.setTargets(tx, found.get(), targets, Audit.CLI, clock.millis()));
            out.println(found.get().code());
            err.println(changed + " target(s) changed in " + found.get().code() + " (" + totals(targets, found.get().indicators()) + ")");
            return 0;
        }
    }

    public static int list(BotConfig config, Clock clock, PrintWriter out) {
        try (Database db = Database.open(Path.of(config.storage().database()), config.storage().synchronous(), 2)) {
            List<Campaign> all = db.read(Campaigns::all);
            LocalDate today = clock.instant().atZone(config.zone()).toLocalDate();
            if (all.isEmpty()) out.println("(no campaigns)");
            for (Campaign c : all) {
                String state = c.ended(today) ? "ended" : c.started(today) ? "running" : "not started";
                out.println(c.code() + "\t" + c.first() + ".." + c.last() + "\t" + String.join(",", c.indicators()) + "\t"
                        + state + "\t" + c.name());
            }
            out.flush();
            return 0;
        }
    }

    private static Map<String, Map<String, Long>> targets(BotConfig config, TargetSource source, List<String> indicators,
                                                          UnitTree tree, PrintWriter err) {
        if ((source.file() == null) == (source.totals() == null)) {
            fail(err, "give either --targets FILE or --total CODE=N[,CODE=N] with --weight COLUMN");
            return null;
        }
        if (source.file() != null) {
            byte[] content;
            try {
                content = Files.readAllBytes(source.file());
            } catch (IOException e) {
                fail(err, "--targets: cannot read " + source.file().toAbsolutePath() + ": " + e.getMessage());
                return null;
            }
            TargetsFile.Parsed parsed = TargetsFile.parse(content, indicators, typed -> activeUnit(tree, typed));
            if (parsed instanceof TargetsFile.Parsed.Invalid inv) {
                err.println(source.file() + ":");
                inv.problems().forEach(p -> err.println("  " + p));
                return null;
            }
            return ((TargetsFile.Parsed.Ok) parsed).targets();
        }
        if (source.weightColumn() == null) {
            fail(err, "--total needs --weight COLUMN (a column of the units file, e.g. population)");
            return null;
        }
        Map<String, Long> weights = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : People.unitsColumn(config, source.weightColumn()).entrySet()) {
            Optional<Unit> u = tree.get(e.getKey()).filter(Unit::active);
            if (u.isEmpty()) continue;
            Long w = TargetsFile.number(e.getValue());
            if (w == null) {
                fail(err, "--weight " + source.weightColumn() + ": '" + e.getValue() + "' of " + e.getKey() + " is not a whole number");
                return null;
            }
            weights.put(u.get().code(), w);
        }
        if (weights.values().stream().allMatch(w -> w == 0)) {
            fail(err, "--weight " + source.weightColumn() + ": no active unit has a positive value");
            return null;
        }
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String part : source.totals().split(",")) {
            String[] kv = part.split("=", 2);
            String code = kv[0].strip().toLowerCase(Locale.ROOT);
            Long total = kv.length == 2 ? TargetsFile.number(kv[1]) : null;
            if (!indicators.contains(code) || total == null) {
                fail(err, "--total: expected CODE=N with CODE among " + String.join(",", indicators) + ", got '" + part.strip() + "'");
                return null;
            }
            TargetSplit.split(total, weights).forEach((unit, t) -> out.computeIfAbsent(unit, k -> new LinkedHashMap<>()).put(code, t));
        }
        return out;
    }

    /** The canonical code of an active, real unit typed in a targets file. */
    static Optional<String> activeUnit(UnitTree tree, String typed) {
        return tree.get(typed).filter(Unit::active).filter(u -> !u.virtual()).map(Unit::code);
    }

    private static String totals(Map<String, Map<String, Long>> targets, List<String> indicators) {
        List<String> parts = new ArrayList<>();
        for (String i : indicators) {
            long sum = targets.values().stream().mapToLong(m -> m.getOrDefault(i, 0L)).sum();
            parts.add(i + " total " + sum);
        }
        return String.join(", ", parts);
    }

    private static int fail(PrintWriter err, String message) {
        err.println(message);
        return 2;
    }
}
