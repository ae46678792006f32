package vn.cdsbot.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;

/**
 * How far a campaign has come in one scope (a unit and its subtree) as of a day: per indicator done against target,
 * the plan for that day (each target spread evenly over the campaign's days), the pace needed from the next day on,
 * and the end projected at the pace so far; the child units ranked by % of target, furthest behind first, and the
 * ones with no figure at all named apart (no figure is not a zero). Each unit's figures are its own work, so a
 * subtree is the sum of its units and nothing is counted twice. Written for people in docs/summaries.md.
 */
public final class Progress {
    private Progress() {}

    /**
     * @param day days of the campaign up to and including {@code asOf} (0 before it starts)
     * @param daysLeft days after {@code asOf} until the campaign's last day
     * @param lines one per indicator, in campaign order
     * @param ownDone what the scope's own team did (campaign order) when it has units below it and figures of its own:
     *                the upper level shown apart from the lower; empty otherwise
     * @param rank the indicator the units are ranked by (campaign order): the first one with a target in the scope
     * @param ranked child units with a target for that indicator and a figure, furthest behind first
     * @param noTarget child units with a figure but no target for that indicator
     * @param noFigure child units where no team has sent a figure in the campaign yet
     */
    public record Result(Campaign campaign, Unit scope, LocalDate asOf, int day, int daysLeft, List<Line> lines,
                         Optional<long[]> ownDone, int rank, List<Row> ranked, List<Row> noTarget, List<Unit> noFigure,
                         int reporters, int reportersWithFigures) {
        public boolean started() {
            return day > 0;
        }

        public boolean ended() {
            return daysLeft == 0 && day == campaign.length();
        }

        /** How many child units there are in all (ranked, without target, without figure). */
        public int children() {
            return ranked.size() + noTarget.size() + noFigure.size();
        }
    }

    /** One indicator in the scope. {@code target} empty when no unit of the scope has one. */
    public record Line(String indicator, long done, OptionalLong target, long planned, int day, int length, int daysLeft) {
        /** done − plan: above 0 ahead of plan, below 0 behind. Meaningless without a target. */
        public long ahead() {
            return done - planned;
        }

        /** Per day from the day after {@code asOf} to reach the target; 0 when reached or nothing is left. */
        public long neededPerDay() {
            if (target.isEmpty() || daysLeft == 0) return 0;
            long remaining = target.getAsLong() - done;
            return remaining <= 0 ? 0 : ceilDiv(remaining, daysLeft);
        }

        /** Where the campaign ends if every remaining day goes like the average day so far; empty before any day. */
        public OptionalLong projected() {
            if (day == 0) return OptionalLong.empty();
            return OptionalLong.of(Math.round((double) done * length / day));
        }

        /** The average per day so far (rounded); 0 before any day. */
        public long pacePerDay() {
            return day == 0 ? 0 : Math.round((double) done / day);
        }
    }

    /**
     * One child unit and its subtree: what it did in every indicator, and its target and plan in the ranked one.
     *
     * @param own what the child's own team did (ranked indicator); lower: what the units below it did
     * @param below how many units lie below the child (0: a team with no lower level)
     */
    public record Row(Unit unit, long[] done, int rank, OptionalLong target, long planned, int reporters, int withFigures,
                      long own, long lower, int below) {
        /** What the subtree did in the ranked indicator. */
        public long ranked() {
            return done[rank];
        }

        /** % of target of the ranked indicator; 0 when the target is 0. */
        public double percent() {
            long t = target.orElse(0);
            return t == 0 ? 0 : 100.0 * done[rank] / t;
        }

        public long ahead() {
            return done[rank] - planned;
        }
    }

    /** The plan up to day {@code day} of {@code length}: the target spread evenly, rounded half up. */
    public static long planned(long target, int day, int length) {
        if (day <= 0) return 0;
        if (day >= length) return target;
        return (2 * target * day + length) / (2L * length);
    }

    /**
     * The campaign's progress in {@code scope} as of {@code asOf}.
     *
     * @param reportingKinds the kinds of unit that send figures: those are counted as expected reporters
     */
    public static Result compute(Campaign campaign, Targets targets, CampaignFigures figures, UnitTree tree, Unit scope,
                                 LocalDate asOf, Set<String> reportingKinds) {
        int length = campaign.length();
        int day = campaign.daysElapsed(asOf);
        int daysLeft = length - day;
        LocalDate upTo = asOf.isAfter(campaign.last()) ? campaign.last() : asOf;
        int n = campaign.indicators().size();

        List<String> all = codes(tree.subtree(scope));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ind = campaign.indicators().get(i);
            long done = day == 0 ? 0 : figures.done(all, i, upTo);
            OptionalLong target = optional(targets.forSubtree(tree, scope, ind));
            lines.add(new Line(ind, done, target, planned(target.orElse(0), day, length), day, length, daysLeft));
        }
        int[] reporters = reporters(tree.subtree(scope), figures, reportingKinds);

        Optional<long[]> ownDone = Optional.empty();
        if (!tree.children(scope).isEmpty() && hasFigure(figures, scope)) {
            long[] own = new long[n];
            for (int i = 0; i < n; i++) own[i] = day == 0 ? 0 : figures.done(List.of(scope.code()), i, upTo);
            ownDone = Optional.of(own);
        }

        List<Row> ranked = new ArrayList<>();
        List<Row> noTarget = new ArrayList<>();
        List<Unit> noFigure = new ArrayList<>();
        int rank = 0;
        while (rank < n - 1 && lines.get(rank).target().isEmpty()) rank++;
        String ranking = campaign.indicators().get(rank);
        for (Unit child : tree.children(scope)) {
            List<Unit> sub = tree.subtree(child);
            int[] rep = reporters(sub, figures, reportingKinds);
            boolean anyFigure = sub.stream().anyMatch(u -> hasFigure(figures, u));
            if (!anyFigure) {
                // Inactive units with nothing to show and units that never report are not "missing".
                if (child.active() && rep[0] > 0) noFigure.add(child);
                continue;
            }
            List<String> codes = codes(sub);
            long[] done = new long[n];
            for (int i = 0; i < n; i++) done[i] = day == 0 ? 0 : figures.done(codes, i, upTo);
            long own = day == 0 ? 0 : figures.done(List.of(child.code()), rank, upTo);
            OptionalLong target = optional(targets.forSubtree(tree, child, ranking));
            Row row = new Row(child, done, rank, target, planned(target.orElse(0), day, length), rep[0], rep[1], own,
                    done[rank] - own, sub.size() - 1);
            (target.isPresent() ? ranked : noTarget).add(row);
        }
        ranked.sort(Comparator.comparingDouble(Row::percent).thenComparingLong(Row::ahead)
                .thenComparing(r -> r.unit().code()));
        noTarget.sort(Comparator.comparingLong((Row r) -> -r.ranked()).thenComparing(r -> r.unit().code()));
        return new Result(campaign, scope, asOf, day, daysLeft, lines, ownDone, rank, ranked, noTarget, noFigure,
                reporters[0], reporters[1]);
    }

    private static List<String> codes(List<Unit> units) {
        return units.stream().map(Unit::code).toList();
    }

    /** {expected reporters, of them with a figure}: reporting kinds that are active, or any unit with a figure. */
    private static int[] reporters(List<Unit> units, CampaignFigures figures, Set<String> reportingKinds) {
        int expected = 0;
        int with = 0;
        for (Unit u : units) {
            boolean has = hasFigure(figures, u);
            if (has || (u.active() && reportingKinds.contains(u.kind()))) expected++;
            if (has) with++;
        }
        return new int[] {expected, with};
    }

    private static boolean hasFigure(CampaignFigures figures, Unit u) {
        return figures.of(u.code()).isPresent();
    }

    private static OptionalLong optional(Optional<Long> v) {
        return v.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
