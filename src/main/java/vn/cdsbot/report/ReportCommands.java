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
import vn.cdsbot.period.Period;
import vn.cdsbot.period.PeriodParser;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;

/** #baocao, #xacnhan, #sua, #huy, #lichsu, #nhac. The router has checked the role; scope is checked here. */
final class ReportCommands {
    private static final Duration NHAC_COOLDOWN = Duration.ofHours(1);
    private static final int HISTORY_LATEST = 10;

    private final ReportFlow flow;
    private final Indicators indicators;
    private final ReportingCalendar calendar;
    private final Reminders reminders;
    private final String reportingKind;
    private final int windowDays;

    ReportCommands(ReportFlow flow, Indicators indicators, ReportingCalendar calendar, Reminders reminders, String reportingKind,
                   int windowDays) {
        this.flow = flow;
        this.indicators = indicators;
        this.calendar = calendar;
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
                new Command("lichsu", List.of("lich su"), members,
                        "#lichsu [MÃ_ĐƠN_VỊ] [tuần N] — lịch sử báo cáo và các lần sửa (thành viên: đơn vị mình)", this::lichsu),
                new Command("nhac", List.of("nhac nho", "nhac bao cao"), EnumSet.of(Role.LEADER, Role.SECRETARIAT),
                        "#nhac [MÃ_ĐƠN_VỊ] [tuần N] — nhắc các tổ chưa báo cáo", this::nhac));
    }

    private static ReportFlow.Ctx ctx(CommandCall call) {
        return new ReportFlow.Ctx(call.tx(), call.sender(), call.message().at(), call.message().inboxId());
    }

    /** A unit (optional) and a week (optional, default: the calendar's), as #lichsu and #nhac take them. */
    private sealed interface Target {
        record Ok(Unit unit, Week week) implements Target {}

        record Refused(String message) implements Target {}
    }

    private Target target(String args, UnitTree tree, String usage, java.time.Instant now) {
        PeriodParser.Found found = PeriodParser.find(args);
        if (!found.problems().isEmpty()) return new Target.Refused(String.join(" ", found.problems()));
        String rest = found.rest().replaceAll("[,;.:]+$", "").strip();
        Unit unit = null;
        if (!rest.isEmpty()) {
            Optional<Unit> u = tree.find(rest);
            if (u.isEmpty()) return new Target.Refused(ReportTexts.unknownUnit(rest.split("\\s+")[0]) + " " + usage);
            unit = u.get();
        }
        Week week = null;
        if (found.period() != null) {
            ReportingCalendar.Resolved r = calendar.resolve(found.period(), now);
            if (r instanceof ReportingCalendar.Resolved.Problem p) return new Target.Refused(p.message());
            Period p = ((ReportingCalendar.Resolved.Ok) r).period();
            if (!(p instanceof Week) && !(p instanceof vn.cdsbot.period.Day)) {
                return new Target.Refused(ReportTexts.notAWeek(p, Week.containing(p.first())));
            }
            week = Week.containing(p.first());
        }
        return new Target.Ok(unit, week);
    }

    private List<Reply> lichsu(CommandCall call) throws SQLException {
        Connection tx = call.tx();
        UnitTree tree = UnitTree.load(tx);
        Target target = target(call.args(), tree, ReportTexts.LICHSU_USAGE, call.message().at());
        if (target instanceof Target.Refused r) return List.of(Reply.text(r.message()));
        Target.Ok t = (Target.Ok) target;
        Optional<Unit> own = tree.find(call.sender().unitCode());
        Unit unit = t.unit() != null ? t.unit() : own.orElse(null);
        if (unit == null || !unit.kind().equals(reportingKind)) return List.of(Reply.text(ReportTexts.LICHSU_USAGE));
        if (!tree.visible(call.sender(), unit)) {
            return List.of(Reply.text(ReportTexts.outsideScope(own.map(Unit::label).orElse(call.sender().unitCode()))));
        }
        Week week = t.week();
        List<Reports.Report> rows = week == null ? Reports.latest(tx, unit.code(), HISTORY_LATEST)
                : Reports.versionsInWeek(tx, unit.code(), week);
        if (rows.isEmpty()) return List.of(Reply.text(ReportTexts.noHistory(unit, week)));
        List<String> lines = new ArrayList<>();
        lines.add(ReportTexts.historyHeader(unit, week));
        for (int i = 0; i < rows.size(); i++) {
            Reports.Report r = rows.get(i);
            Reports.Report previous = null;   // the version it replaced: the last earlier one of the same week or day
            for (int j = i - 1; week != null && j >= 0 && previous == null; j--) {
                if (rows.get(j).period().equals(r.period())) previous = rows.get(j);
            }
            String who = Members.find(tx, r.submittedBy()).map(Member::label).orElse("người dùng không còn trong danh sách");
            lines.add(ReportTexts.historyLine(i + 1, r, previous, who, week == null, indicators, calendar.zone()));
        }
        Audit.record(tx, call.message().at().toEpochMilli(), call.sender().userId(), "report.history", unit.code(),
                week == null ? "latest" : "week=" + week);
        return List.of(Reply.text(String.join("\n", lines)));
    }

    private List<Reply> nhac(CommandCall call) throws SQLException {
        Connection tx = call.tx();
        UnitTree tree = UnitTree.load(tx);
        java.time.Instant now = call.message().at();
        Target target = target(call.args(), tree, ReportTexts.NHAC_USAGE, now);
        if (target instanceof Target.Refused r) return List.of(Reply.text(r.message()));
        Target.Ok t = (Target.Ok) target;
        Optional<Unit> own = tree.find(call.sender().unitCode());
        Unit scope;
        if (t.unit() != null) {
            scope = t.unit();
            if (!tree.visible(call.sender(), scope)) {
                return List.of(Reply.text(ReportTexts.remindOutsideScope(own.map(Unit::label).orElse("?"))));
            }
        } else {
            scope = call.sender().role() == Role.LEADER ? own.orElse(null) : null;
        }
        List<Unit> units = scope == null ? tree.all() : tree.activeSubtree(scope.code());
        int reporting = (int) units.stream().filter(u -> u.kind().equals(reportingKind)).count();
        // The week is the one named (a button under a list names its own), else the default of every command.
        Week week = t.week() != null ? t.week() : calendar.defaultWeek(now);
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
