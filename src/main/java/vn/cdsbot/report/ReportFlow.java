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
import vn.cdsbot.feature.ScopeNote;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.PeriodSpec;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.period.Week;

/**
 * Drafting and confirming weekly reports: one-line or guided, echoed back with every value, stored only on
 * #xacnhan. All state lives in report_drafts, inside the message's transaction, so a replayed event or a
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
    /** Lines other features suggest under the echo of a unit's week (never added to the figures by themselves). */
    private final List<ScopeNote> echoNotes;

    ReportFlow(Indicators indicators, ReportingCalendar calendar, Plausibility plausibility, Duration timeout, String reportingKind,
               List<ScopeNote> echoNotes) {
        this.echoNotes = List.copyOf(echoNotes);
        this.indicators = indicators;
        this.parser = new ReportParser(indicators);
        this.calendar = calendar;
        this.plausibility = plausibility;
        this.timeoutMs = timeout.toMillis();
        this.reportingKind = reportingKind;
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
    private record Target(Unit unit, Week week, Map<String, Long> values) {}

    private Optional<Target> editTarget(Ctx c, Drafts.Draft draft) throws SQLException {
        UnitTree tree = UnitTree.load(c.tx());
        if (draft != null) return tree.find(draft.unitCode()).map(u -> new Target(u, draft.week(), draft.values()));
        if (!(unitFor(c, tree, null) instanceof UnitChoice.Ok ok)) return Optional.empty();
        Week week = calendar.defaultWeek(c.at());
        return Reports.current(c.tx(), ok.unit().code(), week).map(r -> new Target(ok.unit(), week, r.values()));
    }

    private Reply whichToEdit(Target t) {
        List<Button> buttons = new ArrayList<>();
        for (Indicators.Indicator i : indicators.all()) buttons.add(Button.query(shortTitle(i), "#sua " + i.code()));
        return Reply.text(ReportTexts.whichToEdit(t.unit(), t.week(), indicators, t.values()), buttons);
    }

    private static String shortTitle(Indicators.Indicator i) {
        String t = i.title();
        return t.length() <= 20 ? t : i.code();
    }

    private Reply askOne(Ctx c, Target t, int index) throws SQLException {
        Drafts.Draft d = new Drafts.Draft(c.sender().userId(), t.unit().code(), t.week(), t.values(), index, false,
                c.now() + timeoutMs, true);
        Drafts.save(c.tx(), d, c.now());
        Indicators.Indicator ind = indicators.get(index);
        return Reply.text(ReportTexts.question(index + 1, indicators.size(), ind, t.values().get(ind.code())),
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
            if (inv.period() != null && reportWeek(inv.period(), c.at()) instanceof ReportingCalendar.Resolved.Problem p) {
                problems.add(p.message());
            }
            return List.of(Reply.text(ReportTexts.invalid(problems, indicators)));
        }
        ReportParser.Result.Ok ok = (ReportParser.Result.Ok) parsed;
        boolean sameDraft = editing && previous != null && ok.period() == null && ok.unitCode() == null;
        Unit unit;
        Week week;
        if (sameDraft) {
            unit = tree.find(previous.unitCode()).orElseThrow();
            week = previous.week();
        } else {
            UnitChoice u = unitFor(c, tree, ok.unitCode());
            if (u instanceof UnitChoice.Refused refused) return List.of(Reply.text(refused.message()));
            unit = ((UnitChoice.Ok) u).unit();
            if (ok.period() == null) {
                week = calendar.defaultWeek(c.at());
            } else {
                ReportingCalendar.Resolved r = reportWeek(ok.period(), c.at());
                if (r instanceof ReportingCalendar.Resolved.Problem p) {
                    return List.of(Reply.text(ReportTexts.invalid(List.of(p.message()), indicators)));
                }
                week = (Week) ((ReportingCalendar.Resolved.Ok) r).period();
            }
        }
        boolean sameTarget = previous != null && previous.unitCode().equals(unit.code()) && previous.week().equals(week);
        Optional<Reports.Report> current = Reports.current(c.tx(), unit.code(), week);
        Map<String, Long> base = new LinkedHashMap<>(editing && sameTarget ? previous.values()
                : current.map(Reports.Report::values).orElse(Map.of()));
        List<Reply> out = new ArrayList<>();
        if (previous != null && !sameTarget) out.add(Reply.text(ReportTexts.replacedDraft(previous.week())));
        if (ok.values().isEmpty()) {
            Drafts.Draft d = new Drafts.Draft(c.sender().userId(), unit.code(), week, base, 0, false, c.now() + timeoutMs);
            Drafts.save(c.tx(), d, c.now());
            out.add(question(d, unit, true));
            return out;
        }
        base.putAll(ok.values());
        Drafts.Draft d = new Drafts.Draft(c.sender().userId(), unit.code(), week, ordered(base), null, false,
                c.now() + timeoutMs);
        Drafts.save(c.tx(), d, c.now());
        out.add(echo(c, d, unit, current));
        return out;
    }

    /** The week a typed period names for a weekly report, or why it cannot be reported. */
    private ReportingCalendar.Resolved reportWeek(PeriodSpec spec, Instant now) {
        ReportingCalendar.Resolved r = calendar.resolve(spec, now);
        if (!(r instanceof ReportingCalendar.Resolved.Ok ok)) return r;
        if (!(ok.period() instanceof Week w)) {
            return new ReportingCalendar.Resolved.Problem(ReportTexts.notAWeek(ok.period(), Week.containing(ok.period().first())));
        }
        if (!calendar.reportable(w, now)) return new ReportingCalendar.Resolved.Problem(ReportTexts.tooOld(w));
        return ok;
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
        boolean running = d.week().runningOn(calendar.today(c.at()));
        String text = ReportTexts.echo(unit, d.week(), indicators, d.values(), current, c.at().isAfter(deadline),
                running, deadline, calendar.zone());
        if (!echoNotes.isEmpty()) {
            UnitTree tree = UnitTree.load(c.tx());
            for (ScopeNote note : echoNotes) {
                Optional<String> line = note.note(c.tx(), tree, unit, d.week());
                if (line.isPresent()) text += "\n\n" + line.get();
            }
        }
        return Reply.text(text, List.of(Button.query("Xác nhận", "#xacnhan"), Button.query("Sửa", "#sua"),
                Button.query("Huỷ", "#huy")));
    }

    private Reply question(Drafts.Draft d, Unit unit, boolean first) {
        Indicators.Indicator ind = indicators.get(d.step());
        String text = ReportTexts.question(d.step() + 1, indicators.size(), ind, d.values().get(ind.code()));
        if (first) text = ReportTexts.guidedIntro(unit, d.week(), indicators.size(), timeoutMinutes()) + "\n\n" + text;
        return Reply.text(text, List.of(Button.query("Bỏ qua", "bỏ qua"), Button.query("0", "0"),
                Button.query("Huỷ báo cáo", "#huy")));
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
            return List.of(Reply.text(ReportTexts.stillAnswering(d.step() + 1, indicators.size())), question(d, unit, false));
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
        List<String> warnings = plausibility.warnings(tx, unit.code(), d.week(), d.values());
        boolean sure = SURE_WORDS.contains(String.join(" ", ReportParser.words(args)));
        if (!warnings.isEmpty() && !(sure && d.warned())) {
            Drafts.save(tx, new Drafts.Draft(user, d.unitCode(), d.week(), d.values(), null, true, c.now() + timeoutMs), c.now());
            return List.of(Reply.text(ReportTexts.plausibility(warnings), List.of(
                    Button.query("Chắc chắn, gửi", "#xacnhan chắc chắn"), Button.query("Sửa", "#sua"),
                    Button.query("Huỷ", "#huy"))));
        }
        boolean late = calendar.isLate(d.week(), c.at());
        Reports.Stored stored = Reports.confirm(tx, unit.code(), d.week(), d.values(), user, c.now(), late,
                !warnings.isEmpty(), c.inboxId());
        Drafts.delete(tx, user);
        if (stored.overtakenBy().isPresent()) {
            return List.of(Reply.text(ReportTexts.overtaken(unit, d.week(), stored.overtakenBy().get(), calendar.zone())));
        }
        return List.of(Reply.text(ReportTexts.stored(unit, d.week(), late, calendar.deadline(d.week()), stored.replaced(),
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
            Drafts.save(tx, new Drafts.Draft(d.userId(), d.unitCode(), d.week(), d.values(), d.step(), false,
                    c.now() + timeoutMs, d.single()), c.now());
            return List.of(Reply.text(p.message()), question(d, unit, false));
        }
        Map<String, Long> values = new LinkedHashMap<>(d.values());
        if (a instanceof ReportParser.Answer.Value v) values.put(indicators.get(d.step()).code(), v.value());
        int next = d.step() + 1;
        Integer step = !d.single() && next < indicators.size() ? next : null;   // one figure asked: back to the summary
        Drafts.Draft nd = new Drafts.Draft(d.userId(), d.unitCode(), d.week(), ordered(values), step, false,
                c.now() + timeoutMs);
        Drafts.save(tx, nd, c.now());
        if (nd.guided()) return List.of(question(nd, unit, false));
        return List.of(echo(c, nd, unit, Reports.current(tx, unit.code(), nd.week())));
    }
}
