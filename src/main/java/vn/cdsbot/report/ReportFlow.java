package vn.cdsbot.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.QuestionAnswerer;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.Day;
import vn.cdsbot.period.Period;
import vn.cdsbot.period.PeriodSpec;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;

/**
 * Drafting and confirming reports — weekly, and daily on a campaign's days: one-line or guided, echoed back with
 * every value, stored only on #xacnhan. Which indicators a period takes is {@link PeriodIndicators}' rule. All state lives in report_drafts, inside the message's transaction, so a replayed event or a
 * restart never loses or doubles a step.
 */
final class ReportFlow {
    /** Plain yeses to "gửi báo cáo này?"; without them "vâng ạ" would reach the knowledge base as small talk. */
    private static final Set<String> CONFIRM_WORDS = Set.of("xac nhan", "xacnhan", "ok", "oke", "ok a", "dong y",
            "dong y a", "dung", "dung roi", "gui", "gui di", "yes", "vang", "vang a", "da vang", "da vang a", "duoc");
    private static final Set<String> SURE_WORDS = Set.of("chac chan", "chacchan", "chac", "xac nhan chac chan");
    private static final long ALREADY_STORED_WINDOW_MS = Duration.ofHours(2).toMillis();

    private final Indicators indicators;
    private final ReportParser parser;
    private final ReportingCalendar calendar;
    private final Plausibility plausibility;
    private final long timeoutMs;
    private final String reportingKind;
    private final PeriodIndicators periods;

    ReportFlow(Indicators indicators, ReportingCalendar calendar, Plausibility plausibility, Duration timeout, String reportingKind) {
        this.indicators = indicators;
        this.parser = new ReportParser(indicators);
        this.calendar = calendar;
        this.plausibility = plausibility;
        this.timeoutMs = timeout.toMillis();
        this.reportingKind = reportingKind;
        this.periods = new PeriodIndicators(indicators);
    }

    /** Who is asking, in which transaction, about which event. */
    record Ctx(Connection tx, Sender sender, Instant at, long inboxId) {
        long now() {
            return at.toEpochMilli();
        }
    }

    // ---- #baocao and #sua -------------------------------------------------------------------------------

    List<Reply> report(Ctx c, String args) throws SQLException {
        List<Reply> out = new ArrayList<>();
        Optional<Drafts.Draft> old = Drafts.find(c.tx(), c.sender().userId());
        if (old.isPresent() && old.get().expired(c.now())) out.add(Reply.text(ReportTexts.expiredNote(timeoutMinutes())));
        out.addAll(start(c, args, old.filter(d -> !d.expired(c.now())).orElse(null), false));
        return out;
    }

    /**
     * #sua: with figures ("#sua hotro=40") they replace those of the draft or of the week's report; with one
     * indicator's name ("#sua hotro") the bot asks for that figure alone; bare, it asks which indicator to change.
     */
    List<Reply> edit(Ctx c, String args) throws SQLException {
        Optional<Drafts.Draft> old = Drafts.find(c.tx(), c.sender().userId());
        List<Reply> out = new ArrayList<>();
        if (old.isPresent() && old.get().expired(c.now())) {
            out.add(Reply.text(ReportTexts.expiredNote(timeoutMinutes())));
            old = Optional.empty();
        }
        List<String> words = ReportParser.words(args);
        Optional<Indicators.Match> named = words.isEmpty() ? Optional.empty() : indicators.match(words, 0)
                .filter(m -> m.words() == words.size());
        if (named.isPresent() || words.isEmpty()) {
            Optional<Target> target = editTarget(c, old.orElse(null));
            if (target.isPresent()) {
                out.add(named.isPresent() ? askOne(c, target.get(), indicators.indexOf(named.get().code()))
                        : whichToEdit(target.get()));
                return out;
            }
        }
        out.addAll(start(c, args, old.orElse(null), true));
        return out;
    }

    /** What #sua changes: the open draft, else the sender's unit's report for the default week. */
    private record Target(Unit unit, Period period, Map<String, Long> values) {}

    private Optional<Target> editTarget(Ctx c, Drafts.Draft draft) throws SQLException {
        UnitTree tree = UnitTree.load(c.tx());
        if (draft != null) return tree.find(draft.unitCode()).map(u -> new Target(u, draft.period(), draft.values()));
        if (!(unitFor(c, tree, null) instanceof UnitChoice.Ok ok)) return Optional.empty();
        // Just after sending a day's figures, #sua means that day.
        Optional<Reports.Report> lastDay = Reports.lastBy(c.tx(), c.sender().userId())
                .filter(r -> r.daily() && r.unitCode().equals(ok.unit().code()) && c.now() - r.submittedAt() < ALREADY_STORED_WINDOW_MS);
        if (lastDay.isPresent()) {
            return Reports.current(c.tx(), ok.unit().code(), lastDay.get().period())
                    .map(r -> new Target(ok.unit(), r.period(), r.values()));
        }
        Week week = calendar.defaultWeek(c.at());
        return Reports.current(c.tx(), ok.unit().code(), week).map(r -> new Target(ok.unit(), week, r.values()));
    }

    private Reply whichToEdit(Target t) {
        List<Button> buttons = new ArrayList<>();
        for (Indicators.Indicator i : indicators.all()) buttons.add(Button.query(shortTitle(i), "#sua " + i.code()));
        return Reply.text(ReportTexts.whichToEdit(t.unit(), t.period(), indicators, t.values()), buttons);
    }

    private static String shortTitle(Indicators.Indicator i) {
        String t = i.title();
        return t.length() <= 20 ? t : i.code();
    }

    private Reply askOne(Ctx c, Target t, int index) throws SQLException {
        Drafts.Draft d = new Drafts.Draft(c.sender().userId(), t.unit().code(), t.period(), t.values(), index, false,
                c.now() + timeoutMs, true);
        Drafts.save(c.tx(), d, c.now());
        Indicators.Indicator ind = indicators.get(index);
        return Reply.text(ReportTexts.question(1, 1, ind, t.values().get(ind.code()), t.period()),
                List.of(Button.query("0", "0"), Button.query("Huỷ báo cáo", "#huy")));
    }

    /**
     * Starts or changes a draft. Values typed now are laid over the draft being edited (for #sua) or over the
     * unit's current report for the week, so a correction of one figure keeps the others.
     */
    private List<Reply> start(Ctx c, String args, Drafts.Draft previous, boolean editing) throws SQLException {
        UnitTree tree = UnitTree.load(c.tx());
        ReportParser.Result parsed = parser.parse(args, tree::isUnitCode);
        if (parsed instanceof ReportParser.Result.Invalid inv) {
            List<String> problems = new ArrayList<>(inv.problems());
            if (inv.period() != null && reportPeriod(c, inv.period()) instanceof ReportingCalendar.Resolved.Problem p) {
                problems.add(p.message());
            }
            return List.of(Reply.text(ReportTexts.invalid(problems, indicators)));
        }
        ReportParser.Result.Ok ok = (ReportParser.Result.Ok) parsed;
        boolean sameDraft = editing && previous != null && ok.period() == null && ok.unitCode() == null;
        Unit unit;
        Period period;
        if (sameDraft) {
            unit = tree.find(previous.unitCode()).orElseThrow();
            period = previous.period();
        } else {
            UnitChoice u = unitFor(c, tree, ok.unitCode());
            if (u instanceof UnitChoice.Refused refused) return List.of(Reply.text(refused.message()));
            unit = ((UnitChoice.Ok) u).unit();
            if (ok.period() == null) {
                if (!editing && ok.values().isEmpty() && previous == null) {
                    Optional<Reply> choice = dayOrWeek(c);
                    if (choice.isPresent()) return List.of(choice.get());
                }
                period = calendar.defaultWeek(c.at());
            } else {
                ReportingCalendar.Resolved r = reportPeriod(c, ok.period());
                if (r instanceof ReportingCalendar.Resolved.Problem p) {
                    return List.of(Reply.text(ReportTexts.invalid(List.of(p.message()), indicators)));
                }
                period = ((ReportingCalendar.Resolved.Ok) r).period();
            }
        }
        List<Indicators.Indicator> asked = periods.asked(c.tx(), unit.code(), period);
        List<String> refused = refusedValues(c, unit, period, asked, ok.values());
        if (!refused.isEmpty()) return List.of(Reply.text(ReportTexts.invalid(refused, indicators)));
        boolean sameTarget = previous != null && previous.unitCode().equals(unit.code()) && previous.period().equals(period);
        Optional<Reports.Report> current = Reports.current(c.tx(), unit.code(), period);
        Map<String, Long> base = new LinkedHashMap<>(editing && sameTarget ? previous.values()
                : current.map(Reports.Report::values).orElse(Map.of()));
        base.keySet().removeIf(code -> asked.stream().noneMatch(i -> i.code().equals(code)));
        List<Reply> out = new ArrayList<>();
        if (previous != null && !sameTarget) out.add(Reply.text(ReportTexts.replacedDraft(previous.period())));
        if (ok.values().isEmpty()) {
            if (asked.isEmpty()) {
                out.add(Reply.text(ReportTexts.allCarriedByDays((Week) period)));
                return out;
            }
            Drafts.Draft d = new Drafts.Draft(c.sender().userId(), unit.code(), period, base,
                    indicators.indexOf(asked.get(0).code()), false, c.now() + timeoutMs);
            Drafts.save(c.tx(), d, c.now());
            out.add(question(c, d, unit, true));
            return out;
        }
        base.putAll(ok.values());
        Drafts.Draft d = new Drafts.Draft(c.sender().userId(), unit.code(), period, ordered(base), null, false,
                c.now() + timeoutMs);
        Drafts.save(c.tx(), d, c.now());
        out.add(echo(c, d, unit, current));
        return out;
    }

    /**
     * The period a typed period names for a report — a week, or a day of a running campaign — or why it cannot be
     * reported.
     */
    private ReportingCalendar.Resolved reportPeriod(Ctx c, PeriodSpec spec) throws SQLException {
        ReportingCalendar.Resolved r = calendar.resolve(spec, c.at());
        if (!(r instanceof ReportingCalendar.Resolved.Ok ok)) return r;
        Week week = Week.containing(ok.period().first());
        if (ok.period() instanceof Day d) {
            if (periods.daily(c.tx(), d.date()).isEmpty()) {
                return new ReportingCalendar.Resolved.Problem(ReportTexts.notACampaignDay(d, week));
            }
        } else if (!(ok.period() instanceof Week)) {
            return new ReportingCalendar.Resolved.Problem(ReportTexts.notAWeek(ok.period(), week));
        }
        if (!calendar.reportable(week, c.at())) return new ReportingCalendar.Resolved.Problem(ReportTexts.tooOld(week));
        return ok;
    }

    /**
     * Bare #baocao while a campaign runs: the member chooses between today's figures and the week's report, each a
     * button that types the command. Empty when no campaign runs today.
     */
    private Optional<Reply> dayOrWeek(Ctx c) throws SQLException {
        Day today = new Day(calendar.today(c.at()));
        List<Indicators.Indicator> daily = periods.daily(c.tx(), today.date());
        if (daily.isEmpty()) return Optional.empty();
        Week week = calendar.defaultWeek(c.at());
        return Optional.of(Reply.text(ReportTexts.dayOrWeek(periods.campaigns(c.tx(), today.date()), daily, today, week),
                List.of(Button.query("Số hôm nay", "#baocao hôm nay"), Button.query("Báo cáo " + week.typed(),
                        "#baocao " + week.typed()))));
    }

    /** Values a report for {@code period} does not take, each with why and what to type instead. */
    private List<String> refusedValues(Ctx c, Unit unit, Period period, List<Indicators.Indicator> asked,
                                       Map<String, Long> values) throws SQLException {
        List<String> out = new ArrayList<>();
        Map<String, PeriodIndicators.DaySum> covered = period instanceof Week w
                ? periods.coveredByDays(c.tx(), unit.code(), w) : Map.of();
        for (String code : values.keySet()) {
            if (asked.stream().anyMatch(i -> i.code().equals(code))) continue;
            Indicators.Indicator ind = indicators.byCode(code).orElseThrow();
            if (period instanceof Day d) {
                out.add(ReportTexts.notDaily(ind, d, asked, Week.containing(d.date())));
            } else {
                out.add(ReportTexts.carriedByDays(ind, (Week) period, covered.get(code)));
            }
        }
        return out;
    }

    /** The unit a report is for, or why the sender cannot report for it. */
    private sealed interface UnitChoice {
        record Ok(Unit unit) implements UnitChoice {}

        record Refused(String message) implements UnitChoice {}
    }

    private UnitChoice unitFor(Ctx c, UnitTree tree, String typedCode) {
        Sender s = c.sender();
        boolean office = s.role() == Role.SECRETARIAT || s.role() == Role.ADMIN;
        Optional<Unit> own = tree.find(s.unitCode());
        Unit unit;
        if (typedCode != null) {
            unit = tree.find(typedCode).orElseThrow();
            if (!office && !unit.code().equalsIgnoreCase(s.unitCode())) {
                return new UnitChoice.Refused(ReportTexts.ownUnitOnly(own.map(Unit::label).orElse(s.unitCode())));
            }
        } else if (own.isPresent()) {
            unit = own.get();
        } else {
            return new UnitChoice.Refused(ReportTexts.NO_UNIT);
        }
        if (!unit.active()) return new UnitChoice.Refused(ReportTexts.unitInactive(unit));
        if (!unit.kind().equals(reportingKind)) {
            return new UnitChoice.Refused(office && typedCode == null ? ReportTexts.officeNeedsUnit(unit)
                    : ReportTexts.notReportingUnit(unit));
        }
        return new UnitChoice.Ok(unit);
    }

    private Map<String, Long> ordered(Map<String, Long> values) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Indicators.Indicator i : indicators.all()) if (values.containsKey(i.code())) out.put(i.code(), values.get(i.code()));
        return out;
    }

    private Reply echo(Ctx c, Drafts.Draft d, Unit unit, Optional<Reports.Report> current) throws SQLException {
        Instant deadline = calendar.deadline(d.week());
        boolean running = d.period().runningOn(calendar.today(c.at()));
        List<Indicators.Indicator> asked = periods.asked(c.tx(), unit.code(), d.period());
        Map<String, PeriodIndicators.DaySum> covered = d.daily() ? Map.of() : periods.coveredByDays(c.tx(), unit.code(), d.week());
        Optional<Reports.Report> weekly = d.daily() ? Reports.current(c.tx(), unit.code(), d.week()) : Optional.empty();
        String text = ReportTexts.echo(unit, d.period(), asked, d.values(), current, covered, weekly,
                c.at().isAfter(deadline), running, deadline, calendar.zone());
        return Reply.text(text, List.of(Button.query("Xác nhận", "#xacnhan"), Button.query("Sửa", "#sua"),
                Button.query("Huỷ", "#huy")));
    }

    private Reply question(Ctx c, Drafts.Draft d, Unit unit, boolean first) throws SQLException {
        Indicators.Indicator ind = indicators.get(d.step());
        List<Indicators.Indicator> asked = periods.asked(c.tx(), unit.code(), d.period());
        int position = d.single() ? 1 : Math.max(1, asked.indexOf(ind) + 1);
        int count = d.single() ? 1 : Math.max(position, asked.size());
        String text = ReportTexts.question(position, count, ind, d.values().get(ind.code()), d.period());
        if (first) text = ReportTexts.guidedIntro(unit, d.period(), count, timeoutMinutes()) + "\n\n" + text;
        return Reply.text(text, List.of(Button.query("Bỏ qua", "bỏ qua"), Button.query("0", "0"),
                Button.query("Huỷ báo cáo", "#huy")));
    }

    /** The index of the next indicator the period asks after the current step, or null when none is left. */
    private Integer nextAsked(Ctx c, Drafts.Draft d, Unit unit) throws SQLException {
        for (Indicators.Indicator i : periods.asked(c.tx(), unit.code(), d.period())) {
            int index = indicators.indexOf(i.code());
            if (index > d.step()) return index;
        }
        return null;
    }

    private long timeoutMinutes() {
        return timeoutMs / 60_000;
    }

    // ---- #xacnhan, #huy ---------------------------------------------------------------------------------

    List<Reply> confirm(Ctx c, String args) throws SQLException {
        Connection tx = c.tx();
        String user = c.sender().userId();
        Optional<Reports.Report> replayed = Reports.bySource(tx, c.inboxId());
        if (replayed.isPresent()) return List.of(Reply.text(ReportTexts.alreadyStored(replayed.get(), calendar.zone())));
        Optional<Drafts.Draft> found = Drafts.find(tx, user);
        if (found.isEmpty()) {
            Optional<Reports.Report> last = Reports.lastBy(tx, user)
                    .filter(r -> c.now() - r.submittedAt() < ALREADY_STORED_WINDOW_MS);
            return List.of(Reply.text(last.map(r -> ReportTexts.alreadyStored(r, calendar.zone()))
                    .orElse(ReportTexts.NOTHING_TO_CONFIRM)));
        }
        Drafts.Draft d = found.get();
        if (d.expired(c.now())) {
            Drafts.delete(tx, user);
            return List.of(Reply.text(ReportTexts.expiredNote(timeoutMinutes())));
        }
        UnitTree tree = UnitTree.load(tx);
        Unit unit = tree.find(d.unitCode()).orElseThrow();
        if (d.guided()) {
            return List.of(Reply.text(ReportTexts.stillAnswering()), question(c, d, unit, false));
        }
        if (unitFor(c, tree, d.unitCode()) instanceof UnitChoice.Refused refused) {
            Drafts.delete(tx, user);
            return List.of(Reply.text(refused.message()));
        }
        if (d.week().compareTo(calendar.weekOf(c.at())) > 0) {
            return List.of(Reply.text(ReportTexts.futureWeek(d.week(), calendar.weekOf(c.at()))));
        }
        if (d.values().isEmpty()) {
            return List.of(Reply.text(ReportTexts.EMPTY_REPORT, List.of(Button.query("Báo cáo lại", "#sua"),
                    Button.query("Huỷ", "#huy"))));
        }
        List<String> warnings = plausibility.warnings(tx, unit.code(), d.period(), d.values());
        boolean sure = SURE_WORDS.contains(String.join(" ", ReportParser.words(args)));
        if (!warnings.isEmpty() && !(sure && d.warned())) {
            Drafts.save(tx, new Drafts.Draft(user, d.unitCode(), d.period(), d.values(), null, true, c.now() + timeoutMs), c.now());
            return List.of(Reply.text(ReportTexts.plausibility(warnings), List.of(
                    Button.query("Chắc chắn, gửi", "#xacnhan chắc chắn"), Button.query("Sửa", "#sua"),
                    Button.query("Huỷ", "#huy"))));
        }
        boolean late = calendar.isLate(d.week(), c.at());
        Reports.Stored stored = Reports.confirm(tx, unit.code(), d.period(), d.values(), user, c.now(), late,
                !warnings.isEmpty(), c.inboxId());
        Drafts.delete(tx, user);
        if (stored.overtakenBy().isPresent()) {
            return List.of(Reply.text(ReportTexts.overtaken(unit, d.period(), stored.overtakenBy().get(), calendar.zone())));
        }
        return List.of(Reply.text(ReportTexts.stored(unit, d.period(), late, calendar.deadline(d.week()), stored.replaced(),
                calendar.zone())));
    }

    List<Reply> cancel(Ctx c) throws SQLException {
        Optional<Drafts.Draft> d = Drafts.find(c.tx(), c.sender().userId());
        Drafts.delete(c.tx(), c.sender().userId());
        if (d.isEmpty()) return List.of(Reply.text(ReportTexts.NOTHING_TO_CANCEL));
        if (d.get().expired(c.now())) return List.of(Reply.text(ReportTexts.expiredNote(timeoutMinutes())));
        return List.of(Reply.text(ReportTexts.CANCELLED));
    }

    // ---- plain text while a draft is open ----------------------------------------------------------------

    /**
     * Non-command text: answers in a guided flow go to the flow, everything else to {@code kb}. The first
     * message after a draft expired gets a polite note.
     */
    List<Reply> answer(Incoming m, Sender s, Connection tx, QuestionAnswerer kb) throws Exception {
        Optional<Drafts.Draft> found = Drafts.find(tx, s.userId());
        if (found.isEmpty()) return kb.answer(m, s, tx);
        Drafts.Draft d = found.get();
        Ctx c = new Ctx(tx, s, m.at(), m.inboxId());
        if (!s.enrolled()) {
            Drafts.delete(tx, s.userId());
            return kb.answer(m, s, tx);
        }
        ReportParser.Answer a = parser.answer(m.text());
        if (d.expired(c.now())) {
            Drafts.delete(tx, s.userId());
            List<Reply> out = new ArrayList<>(List.of(Reply.text(ReportTexts.expiredNote(timeoutMinutes()))));
            if (a instanceof ReportParser.Answer.Problem) out.addAll(kb.answer(m, s, tx));
            return out;
        }
        Unit unit = UnitTree.load(tx).find(d.unitCode()).orElseThrow();
        if (!d.guided()) {
            String f = String.join(" ", ReportParser.words(m.text()));
            if (CONFIRM_WORDS.contains(f)) return confirm(c, "");
            if (SURE_WORDS.contains(f)) return confirm(c, "chắc chắn");
            if (a instanceof ReportParser.Answer.Problem) return kb.answer(m, s, tx);
            return List.of(Reply.text(ReportTexts.WAITING_CONFIRMATION, List.of(Button.query("Xác nhận", "#xacnhan"),
                    Button.query("Sửa", "#sua"), Button.query("Huỷ", "#huy"))));
        }
        if (a instanceof ReportParser.Answer.Problem p) {
            Drafts.save(tx, new Drafts.Draft(d.userId(), d.unitCode(), d.period(), d.values(), d.step(), false,
                    c.now() + timeoutMs, d.single()), c.now());
            return List.of(Reply.text(p.message()), question(c, d, unit, false));
        }
        Map<String, Long> values = new LinkedHashMap<>(d.values());
        if (a instanceof ReportParser.Answer.Value v) values.put(indicators.get(d.step()).code(), v.value());
        Integer step = d.single() ? null : nextAsked(c, d, unit);   // one figure asked: back to the summary
        Drafts.Draft nd = new Drafts.Draft(d.userId(), d.unitCode(), d.period(), ordered(values), step, false,
                c.now() + timeoutMs);
        Drafts.save(tx, nd, c.now());
        if (nd.guided()) return List.of(question(c, nd, unit, false));
        return List.of(echo(c, nd, unit, Reports.current(tx, unit.code(), nd.period())));
    }
}
