package vn.cdsbot.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.CommandCall;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.Member;
import vn.cdsbot.people.Members;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;

/** #baocao, #xacnhan, #sua, #huy, #lichsu, #nhac. The router has checked the role; scope is checked here. */
final class ReportCommands {
    private static final Duration NHAC_COOLDOWN = Duration.ofHours(1);
    private static final int HISTORY_LATEST = 10;

    private final ReportFlow flow;
    private final ReportParser parser;
    private final Indicators indicators;
    private final Weeks weeks;
    private final Reminders reminders;
    private final String reportingKind;
    private final int windowDays;

    ReportCommands(ReportFlow flow, Indicators indicators, Weeks weeks, Reminders reminders, String reportingKind,
                   int windowDays) {
        this.flow = flow;
        this.parser = new ReportParser(indicators);
        this.indicators = indicators;
        this.weeks = weeks;
        this.reminders = reminders;
        this.reportingKind = reportingKind;
        this.windowDays = windowDays;
    }

    List<Command> all() {
        var members = Command.atLeast(Role.MEMBER);
        return List.of(
                new Command("baocao", List.of("bao cao", "bc"), members,
                        "#baocao — báo cáo tuần (bot hỏi từng mục), hoặc một dòng: " + ReportTexts.example(indicators),
                        call -> flow.report(ctx(call), call.args())),
                new Command("xacnhan", List.of("xac nhan"), members,
                        "#xacnhan — xác nhận báo cáo đang chờ", call -> flow.confirm(ctx(call), call.args())),
                new Command("sua", List.of("sua bao cao"), members,
                        "#sua — sửa báo cáo đang chờ hoặc báo cáo tuần này (ví dụ #sua hotro=40)",
                        call -> flow.edit(ctx(call), call.args())),
                new Command("huy", List.of("huy bao cao"), members,
                        "#huy — huỷ báo cáo đang soạn", call -> flow.cancel(ctx(call))),
                new Command("lichsu", List.of("lich su"), EnumSet.of(Role.LEADER, Role.SECRETARIAT, Role.ADMIN),
                        "#lichsu MÃ_ĐƠN_VỊ [tuần N] — lịch sử báo cáo và các lần sửa", this::lichsu),
                new Command("nhac", List.of("nhac nho", "nhac bao cao"), EnumSet.of(Role.LEADER, Role.SECRETARIAT),
                        "#nhac [MÃ_ĐƠN_VỊ] — nhắc các tổ chưa báo cáo tuần này", this::nhac));
    }

    private static ReportFlow.Ctx ctx(CommandCall call) {
        return new ReportFlow.Ctx(call.tx(), call.sender(), call.message().at(), call.message().inboxId());
    }

    /** A unit code (optional) then a week (optional), as #lichsu and #nhac take them. */
    private record Target(Unit unit, ReportParser.WeekSpec week, String problem) {}

    private Target target(String args, UnitTree tree, String usage) {
        String a = args.strip();
        Unit unit = null;
        if (!a.isEmpty()) {
            String first = a.split("\\s+")[0];
            Optional<Unit> u = tree.find(first.replaceAll("[,;.:]+$", ""));
            if (u.isPresent()) {
                unit = u.get();
                a = a.substring(first.length()).strip();
            } else if (!ReportParser.words(first).equals(List.of("tuan")) && !ReportParser.fold(first).startsWith("tuan")) {
                return new Target(null, null, ReportTexts.unknownUnit(first) + " " + usage);
            }
        }
        ReportParser.Result r = parser.parse(a, s -> false);
        if (r instanceof ReportParser.Result.Ok ok && ok.values().isEmpty()) return new Target(unit, ok.week(), null);
        return new Target(null, null, usage);
    }

    private List<Reply> lichsu(CommandCall call) throws SQLException {
        Connection tx = call.tx();
        UnitTree tree = UnitTree.load(tx);
        Target t = target(call.args(), tree, ReportTexts.LICHSU_USAGE);
        if (t.problem() != null) return List.of(Reply.text(t.problem()));
        Optional<Unit> own = tree.find(call.sender().unitCode());
        Unit unit = t.unit() != null ? t.unit() : own.orElse(null);
        if (unit == null || !unit.kind().equals(reportingKind)) return List.of(Reply.text(ReportTexts.LICHSU_USAGE));
        if (call.sender().role() == Role.LEADER && own.isPresent() && !tree.within(own.get().code(), unit.code())) {
            return List.of(Reply.text(ReportTexts.outsideScope(own.get().label())));
        }
        Week week = null;
        if (t.week() != null) {
            Weeks.Resolved r = weeks.resolve(t.week(), call.message().at());
            if (r instanceof Weeks.Resolved.Problem p) return List.of(Reply.text(p.message()));
            week = ((Weeks.Resolved.Ok) r).week();
        }
        List<Reports.Report> rows = week == null ? Reports.latest(tx, unit.code(), HISTORY_LATEST)
                : Reports.versions(tx, unit.code(), week);
        if (rows.isEmpty()) return List.of(Reply.text(ReportTexts.noHistory(unit, week)));
        List<String> lines = new ArrayList<>();
        lines.add(ReportTexts.historyHeader(unit, week));
        for (int i = 0; i < rows.size(); i++) {
            Reports.Report r = rows.get(i);
            Reports.Report previous = week != null && i > 0 ? rows.get(i - 1) : null;
            String who = Members.find(tx, r.submittedBy()).map(Member::label).orElse("người dùng không còn trong danh sách");
            lines.add(ReportTexts.historyLine(i + 1, r, previous, who, week == null, indicators, weeks.zone()));
        }
        Audit.record(tx, call.message().at().toEpochMilli(), call.sender().userId(), "report.history", unit.code(),
                week == null ? "latest" : "week=" + week);
        return List.of(Reply.text(String.join("\n", lines)));
    }

    private List<Reply> nhac(CommandCall call) throws SQLException {
        Connection tx = call.tx();
        UnitTree tree = UnitTree.load(tx);
        Target t = target(call.args(), tree, ReportTexts.NHAC_USAGE);
        if (t.problem() != null || t.week() != null) return List.of(Reply.text(t.problem() != null ? t.problem() : ReportTexts.NHAC_USAGE));
        Optional<Unit> own = tree.find(call.sender().unitCode());
        Unit scope;
        if (t.unit() != null) {
            scope = t.unit();
            if (call.sender().role() == Role.LEADER && (own.isEmpty() || !tree.within(own.get().code(), scope.code()))) {
                return List.of(Reply.text(ReportTexts.remindOutsideScope(own.map(Unit::label).orElse("?"))));
            }
        } else {
            scope = call.sender().role() == Role.LEADER ? own.orElse(null) : null;
        }
        List<Unit> units = scope == null ? tree.all() : tree.subtree(scope.code());
        int reporting = (int) units.stream().filter(u -> u.kind().equals(reportingKind)).count();
        java.time.Instant now = call.message().at();
        Week week = weeks.reportingWeek(now);
        Set<String> skip = new HashSet<>(Reminders.remindedSince(tx, now.minus(NHAC_COOLDOWN).toEpochMilli()));
        skip.add(call.sender().userId());
        Reminders.Plan plan = reminders.plan(tx, tree, units, week, now, false, skip);
        String scopeCode = scope == null ? "*" : scope.code();
        reminders.deliver(tx, plan, "manual", null, call.sender().userId(), scopeCode, now);
        Audit.record(tx, now.toEpochMilli(), call.sender().userId(), "reminder.manual", scopeCode,
                "week=" + week + " missing=" + plan.missing().size() + " messages=" + plan.letters().size());
        return List.of(Reply.text(ReportTexts.nhacSummary(scope, week, reporting, plan, windowDays)));
    }
}
