package vn.cdsbot.handoff;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.CommandCall;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.QuestionAnswerer;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.kb.KbFeature;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;

/**
 * The citizen's side of the hand-off (the offer after a fallback, #hotro, the commune with #xa) and the team's side
 * (#nhan, #traloi, #xong). Everything runs in the message's transaction.
 */
final class HandoffChat {
    /** How long a question, or the bot's "Bạn ở xã/phường nào?", still counts for the hand-off. */
    static final Duration REQUEST_FRESH = Duration.ofHours(2);
    /**
     * The audit log is kept after a person withdraws, so a citizen's steps are recorded without their Zalo id: the
     * ticket code links them to the ticket while the ticket still holds it.
     */
    static final String CITIZEN_ACTOR = "citizen";
    private static final int EDITOR_DAYS = 7;
    private static final List<String> ASKS_FOR_PERSON = List.of("gap nguoi ho tro", "gap nguoi that", "gap can bo",
            "noi chuyen voi nguoi");

    /**
     * An answer whose next step is the commune's office (bộ phận một cửa, UBND xã) gets the citizen's own office's
     * address and hours: editors mark an article by writing one of these phrases (docs/soan-knowledge-base.md).
     */
    private static final List<String> POINTS_TO_DESK = List.of("bo phan mot cua", "ubnd xa", "ubnd cap xa",
            "ubnd phuong", "uy ban nhan dan xa", "uy ban nhan dan cap xa", "uy ban nhan dan phuong");

    private final Communes communes;
    private final Directory directory;
    private final Dispatch dispatch;
    private final java.time.Clock clock;

    HandoffChat(Communes communes, Directory directory, Dispatch dispatch, java.time.Clock clock) {
        this.communes = communes;
        this.directory = directory;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /** Wraps the answerer: a citizen's answer that is the fallback is followed by the offer of a person. */
    QuestionAnswerer answerer(QuestionAnswerer inner) {
        return (message, sender, tx) -> {
            if (sender.enrolled()) return inner.answer(message, sender, tx);
            Instant now = clock.instant();
            Optional<Requests.Request> pending = Requests.find(tx, sender.userId()).filter(r -> fresh(r, now));
            if (pending.isPresent() && pending.get().awaitingCommune()) {
                return communeTyped(tx, sender, pending.get(), message.text(), now);
            }
            Optional<Ticket> active = Tickets.activeFor(tx, sender.userId());
            if (active.isPresent()) return followUp(tx, active.get(), message.text().strip(), now);
            String folded = Texts.fold(message.text());
            if (ASKS_FOR_PERSON.stream().anyMatch(folded::contains)) return askForPerson(tx, sender, "", now);
            List<Reply> replies = inner.answer(message, sender, tx);
            return afterKb(tx, message, sender, replies, now);
        };
    }

    private List<Reply> afterKb(Connection tx, Incoming message, Sender sender, List<Reply> replies, Instant now)
            throws Exception {
        if (replies.stream().anyMatch(KbFeature::isCommentThanks)) {
            return afterComment(tx, sender, message.text().strip(), replies, now);
        }
        boolean fallback = replies.stream().anyMatch(KbFeature::isFallback);
        Optional<String> answer = replies.stream().filter(KbFeature::isArticleAnswer).findFirst()
                .map(r -> ((Reply.Text) r).text());
        if (!fallback && answer.isEmpty()) return replies;   // small talk, a clarification, a comment: not a question to hand on
        Requests.save(tx, sender.userId(), new Requests.Request(message.text().strip(), answer.orElse(null), false, false,
                now.toEpochMilli()));
        if (!fallback) return withDesk(tx, sender, replies);
        if (Tickets.activeFor(tx, sender.userId()).isPresent()) return replies;
        // The offer goes under the fallback itself: one message, its button right where the citizen reads "no".
        return replies.stream().map(r -> KbFeature.isFallback(r) ? HandoffTexts.withOffer((Reply.Text) r) : r).toList();
    }

    /**
     * After "Chưa đúng" and the citizen's words on what was wrong: the same offer as after a fallback, and the words go
     * with the question if they accept.
     */
    private List<Reply> afterComment(Connection tx, Sender sender, String comment, List<Reply> replies, Instant now)
            throws Exception {
        Optional<Requests.Request> last = Requests.find(tx, sender.userId()).filter(r -> fresh(r, now));
        if (last.isEmpty() || last.get().question() == null || Tickets.activeFor(tx, sender.userId()).isPresent()) {
            return replies;
        }
        Requests.Request r = last.get();
        Requests.save(tx, sender.userId(), new Requests.Request(HandoffTexts.withComment(r.question(), comment),
                r.botAnswer(), false, false, now.toEpochMilli()));
        return replies.stream().map(x -> KbFeature.isCommentThanks(x) ? HandoffTexts.withOffer((Reply.Text) x) : x).toList();
    }

    /** An answer pointing to the commune's office ends with the citizen's own office, or with how to find it. */
    private List<Reply> withDesk(Connection tx, Sender sender, List<Reply> replies) throws Exception {
        if (directory.isEmpty()) return replies;
        List<Reply> out = new ArrayList<>();
        for (Reply r : replies) {
            if (!(r instanceof Reply.Text t) || !KbFeature.isArticleAnswer(r) || !pointsToDesk(t.text())) {
                out.add(r);
                continue;
            }
            UnitTree tree = UnitTree.load(tx);
            Optional<Unit> commune = Communes.of(tx, sender.userId()).flatMap(tree::get);
            Optional<Directory.Entry> entry = commune.flatMap(u -> directory.of(u.code()));
            String line = entry.isPresent() ? HandoffTexts.deskLine(commune.get(), entry.get())
                    : commune.isEmpty() ? HandoffTexts.deskHint() : "";
            out.add(Reply.text(t.text() + line, t.buttons()));
        }
        return out;
    }

    static boolean pointsToDesk(String answer) {
        String folded = Texts.fold(answer);
        return POINTS_TO_DESK.stream().anyMatch(folded::contains);
    }

    // ---- the citizen's follow-up messages on an open ticket ----

    /**
     * While a ticket is open, what the citizen writes belongs to it: kept with the question (so whoever takes it reads
     * everything) and passed on to the member who holds it, or to the team already asked about it. #xong ends this.
     */
    private List<Reply> followUp(Connection tx, Ticket t, String text, Instant now) throws Exception {
        Tickets.appendFollowUp(tx, t.code(), text);
        UnitTree tree = UnitTree.load(tx);
        Unit commune = tree.get(t.unitCode()).orElseThrow();
        int reached = dispatch.followUp(tx, tree, t, HandoffTexts.followUpToTeam(t, commune, text), now);
        Audit.record(tx, now.toEpochMilli(), CITIZEN_ACTOR, "handoff.followup", t.code(), "reached=" + reached);
        return List.of(HandoffTexts.followUpPassed(t, reached));
    }

    private static boolean fresh(Requests.Request r, Instant now) {
        return r.at() >= now.minus(REQUEST_FRESH).toEpochMilli();
    }

    List<Command> commands() {
        Set<Role> team = Command.atLeast(Role.MEMBER);
        return List.of(
                new Command("xa", List.of("phuong", "xaphuong"), Command.everyone(),
                        "#xa TÊN — cho bot biết bạn ở xã/phường nào, ví dụ: #xa Tân Bình", this::setCommune),
                new Command("hotro", List.of("gapnguoi"), EnumSet.of(Role.CITIZEN),
                        "#hotro — nhờ một người của Tổ công nghệ số cộng đồng xã/phường bạn giúp",
                        call -> askForPerson(call.tx(), call.sender(), call.args(), call.now())),
                new Command("nhan", List.of(), team, "#nhan MÃ — nhận câu hỏi người dân chuyển đến, ví dụ: #nhan HT-4821",
                        this::claim),
                new Command("traloi", List.of(), team,
                        "#traloi MÃ nội dung — trả lời người dân qua Zalo OA (gửi bao nhiêu lần cũng được)", this::reply),
                new Command("xong", List.of(), team, "#xong MÃ — kết thúc hỗ trợ, bot hỏi người dân đã được giúp chưa",
                        this::close),
                new Command("lienhe", List.of("diachi"), Command.everyone(),
                        "#lienhe [TÊN] — địa chỉ, giờ làm việc bộ phận một cửa và đường dây nóng của tổ xã/phường, "
                                + "ví dụ: #lienhe hoặc #lienhe Tân Bình", this::contact),
                new Command("hotroxong", List.of(), EnumSet.of(Role.EDITOR, Role.ADMIN),
                        "#hotroxong [số ngày] — câu hỏi người dân đã được tổ trả lời xong (mặc định 7 ngày qua), để thêm vào "
                                + "cơ sở tri thức: kb accept HT-… MÃ_BÀI hoặc kb draft HT-…", this::answeredForEditors),
                Command.forButtons("dagiup", Command.everyone(), call -> helped(call, true)),
                Command.forButtons("chuagiup", Command.everyone(), call -> helped(call, false)));
    }

    // ---- the citizen's side ----

    private List<Reply> askForPerson(Connection tx, Sender sender, String typed, Instant now) throws Exception {
        Optional<Ticket> active = Tickets.activeFor(tx, sender.userId());
        if (active.isPresent()) return List.of(HandoffTexts.alreadyOpen(active.get()));
        Optional<Requests.Request> last = Requests.find(tx, sender.userId()).filter(r -> fresh(r, now));
        String question = !typed.isBlank() ? typed.strip() : last.map(Requests.Request::question).orElse(null);
        if (question == null || question.isBlank()) return List.of(HandoffTexts.askQuestionFirst());
        String answer = typed.isBlank() ? last.map(Requests.Request::botAnswer).orElse(null) : null;
        UnitTree tree = UnitTree.load(tx);
        Optional<Unit> commune = Communes.of(tx, sender.userId()).flatMap(tree::get).filter(communes::isCommune);
        Requests.Request request = new Requests.Request(question, answer, true, commune.isEmpty(), now.toEpochMilli());
        Requests.save(tx, sender.userId(), request);
        if (commune.isPresent()) return open(tx, tree, sender.userId(), commune.get(), request, now);
        return List.of(HandoffTexts.askCommune());
    }

    /** The plain message after "Bạn ở xã/phường nào?": asked for a person (wantsPerson) or for #lienhe. */
    private List<Reply> communeTyped(Connection tx, Sender sender, Requests.Request r, String typed, Instant now)
            throws Exception {
        Requests.save(tx, sender.userId(), new Requests.Request(r.question(), r.botAnswer(), r.wantsPerson(), false, r.at()));
        List<Reply> out = new ArrayList<>(chooseCommune(tx, sender, typed, now));
        if (!r.wantsPerson()) {
            UnitTree tree = UnitTree.load(tx);
            Communes.of(tx, sender.userId()).flatMap(tree::get).ifPresent(u -> out.add(contactOf(u, true)));
        }
        return out;
    }

    private List<Reply> contact(CommandCall call) throws Exception {
        if (directory.isEmpty()) return List.of(HandoffTexts.noDirectory());
        Connection tx = call.tx();
        Sender sender = call.sender();
        UnitTree tree = UnitTree.load(tx);
        Audit.record(tx, call.now().toEpochMilli(), sender.enrolled() ? sender.userId() : CITIZEN_ACTOR, "handoff.contact",
                call.args().isBlank() ? null : call.args().strip(), null);
        if (!call.args().isBlank()) {
            Communes.Match m = communes.match(tree, call.args());
            if (m instanceof Communes.One one) return List.of(contactOf(one.unit(), !sender.enrolled()));
            if (m instanceof Communes.Several several) return List.of(HandoffTexts.chooseContact(several.units()));
            return List.of(HandoffTexts.communeNotFound(call.args()));
        }
        if (sender.enrolled()) {
            return List.of(tree.home(sender).filter(communes::isCommune).map(u -> contactOf(u, false))
                    .orElse(HandoffTexts.contactWhichCommune()));
        }
        Optional<Unit> commune = Communes.of(tx, sender.userId()).flatMap(tree::get).filter(communes::isCommune);
        if (commune.isPresent()) return List.of(contactOf(commune.get(), true));
        // Asked once, when it matters: the next plain message is the commune's name.
        Optional<Requests.Request> last = Requests.find(tx, sender.userId()).filter(r -> fresh(r, call.now()));
        Requests.save(tx, sender.userId(), new Requests.Request(last.map(Requests.Request::question).orElse(null),
                last.map(Requests.Request::botAnswer).orElse(null), false, true, call.now().toEpochMilli()));
        return List.of(HandoffTexts.askCommuneForContact());
    }

    private Reply contactOf(Unit commune, boolean citizen) {
        return directory.of(commune.code()).map(e -> HandoffTexts.contact(commune, e, citizen))
                .orElse(HandoffTexts.noContact(commune));
    }

    private List<Reply> setCommune(CommandCall call) throws Exception {
        if (call.args().isBlank()) {
            UnitTree tree = UnitTree.load(call.tx());
            return List.of(Communes.of(call.tx(), call.sender().userId()).flatMap(tree::get)
                    .map(HandoffTexts::currentCommune).orElse(HandoffTexts.noCommuneYet()));
        }
        return chooseCommune(call.tx(), call.sender(), call.args(), call.now());
    }

    private List<Reply> chooseCommune(Connection tx, Sender sender, String typed, Instant now) throws Exception {
        UnitTree tree = UnitTree.load(tx);
        Communes.Match match = communes.match(tree, typed);
        if (match instanceof Communes.Several s) {
            return List.of(HandoffTexts.chooseCommune(s.units(),
                    u -> tree.parent(u).filter(p -> !p.virtual()).map(p -> " (" + p.name() + ")").orElse("")));
        }
        if (!(match instanceof Communes.One one)) return List.of(HandoffTexts.communeNotFound(typed));
        Unit commune = one.unit();
        Communes.set(tx, sender.userId(), commune.code(), now.toEpochMilli());
        Audit.record(tx, now.toEpochMilli(), CITIZEN_ACTOR, "citizen.commune", commune.code(),
                one.formerName() == null ? null : "former_name");
        List<Reply> out = new ArrayList<>(List.of(one.formerName() == null ? HandoffTexts.communeSet(commune)
                : HandoffTexts.formerName(one.formerName(), commune)));
        Optional<Requests.Request> waiting = Requests.find(tx, sender.userId())
                .filter(r -> r.wantsPerson() && fresh(r, now));
        if (waiting.isPresent() && Tickets.activeFor(tx, sender.userId()).isEmpty() && !sender.enrolled()) {
            out.addAll(open(tx, tree, sender.userId(), commune, waiting.get(), now));
        }
        return out;
    }

    private List<Reply> open(Connection tx, UnitTree tree, String citizenId, Unit commune, Requests.Request r,
                             Instant now) throws Exception {
        WorkingHours hours = dispatch.hours();
        Ticket t = new Ticket(Tickets.newCode(tx), citizenId, commune.code(), r.question(), r.botAnswer(),
                Ticket.Status.OPEN, Ticket.TEAM, false, false,
                hours.plus(now, Duration.ofMinutes(dispatch.claimMinutes())).toEpochMilli(), null, now.toEpochMilli());
        Tickets.insert(tx, t);
        Requests.delete(tx, citizenId);
        Audit.record(tx, now.toEpochMilli(), CITIZEN_ACTOR, "handoff.open", t.code(), commune.code());
        boolean openNow = hours.isOpen(now);
        if (openNow && !dispatch.notifyTeam(tx, tree, t, now)) {
            Tickets.unreached(tx, t.code(), true);
            Audit.record(tx, now.toEpochMilli(), "bot", "handoff.unreached", t.code(), null);
            return List.of(Reply.text(HandoffTexts.unreachable(t.code())));
        }
        Instant due = Instant.ofEpochMilli(Tickets.find(tx, t.code()).orElseThrow().dueAt());
        return List.of(HandoffTexts.opened(t.code(), commune, hours, due, openNow, now));
    }

    private List<Reply> helped(CommandCall call, boolean helped) throws Exception {
        Optional<String> code = Tickets.parseCode(call.args());
        if (code.isEmpty() || !Tickets.helped(call.tx(), code.get(), call.sender().userId(), helped)) {
            return List.of(HandoffTexts.usage(call.command()));
        }
        Audit.record(call.tx(), call.now().toEpochMilli(), CITIZEN_ACTOR, "handoff.feedback", code.get(),
                helped ? "helped" : "not_helped");
        return List.of(helped ? HandoffTexts.thanksHelped() : HandoffTexts.sorryNotHelped());
    }

    // ---- the editors' side ----

    /** Closed, answered tickets whose texts are still kept: material for the knowledge base, reviewed by an editor. */
    private List<Reply> answeredForEditors(CommandCall call) throws Exception {
        String typed = call.args().replaceAll("(?i)ng[aà]y", "").strip();
        int days = typed.matches("\\d{1,3}") ? Integer.parseInt(typed) : EDITOR_DAYS;
        if (!typed.isEmpty() && !typed.matches("\\d{1,3}") || days < 1) return List.of(HandoffTexts.editorsUsage());
        long now = call.now().toEpochMilli();
        List<Tickets.Answered> answered = Tickets.answeredBetween(call.tx(), now - Duration.ofDays(days).toMillis(), now + 1);
        Audit.record(call.tx(), now, call.sender().userId(), "handoff.editors_list", null, "days=" + days);
        return List.of(HandoffTexts.forEditors(answered, UnitTree.load(call.tx()), days));
    }

    // ---- the team's side ----

    /** The ticket named in the command, when the sender may act on it; else the reply that says why not. */
    private sealed interface Access permits Allowed, Refused {}

    private record Allowed(Ticket ticket, Unit commune, String rest) implements Access {}

    private record Refused(Reply reply) implements Access {}

    private Access access(CommandCall call) throws Exception {
        String[] parts = call.args().strip().split("\\s+", 2);
        Optional<String> code = Tickets.parseCode(parts[0]);
        if (code.isEmpty()) return new Refused(HandoffTexts.usage(call.command()));
        Optional<Ticket> t = Tickets.find(call.tx(), code.get());
        if (t.isEmpty()) return new Refused(HandoffTexts.unknownTicket(code.get()));
        UnitTree tree = UnitTree.load(call.tx());
        Unit commune = tree.get(t.get().unitCode()).orElseThrow();
        if (!tree.visible(call.sender(), commune)) {
            Audit.record(call.tx(), call.now().toEpochMilli(), call.sender().userId(), "handoff.refused", code.get(),
                    call.command());
            return new Refused(HandoffTexts.outOfScope(t.get(), commune));
        }
        if (t.get().status() == Ticket.Status.CLOSED) return new Refused(HandoffTexts.isClosed(code.get()));
        return new Allowed(t.get(), commune, parts.length > 1 ? parts[1].strip() : "");
    }

    private List<Reply> claim(CommandCall call) throws Exception {
        Access access = access(call);
        if (!(access instanceof Allowed a)) return List.of(((Refused) access).reply());
        Ticket t = a.ticket();
        String me = call.sender().userId();
        if (t.status() == Ticket.Status.CLAIMED) {
            return List.of(me.equals(t.ownerId()) ? HandoffTexts.alreadyYours(t.code()) : HandoffTexts.takenByOther(t.code()));
        }
        if (!Tickets.claim(call.tx(), t.code(), me, call.now().toEpochMilli())) {
            return List.of(HandoffTexts.takenByOther(t.code()));
        }
        Audit.record(call.tx(), call.now().toEpochMilli(), me, "handoff.claim", t.code(), t.unitCode());
        dispatch.toCitizenIfReachable(call.tx(), t, HandoffTexts.claimedToCitizen(t.code(), a.commune()), call.now());
        return List.of(HandoffTexts.claimed(t));
    }

    private List<Reply> reply(CommandCall call) throws Exception {
        Access access = access(call);
        if (!(access instanceof Allowed a)) return List.of(((Refused) access).reply());
        if (a.rest().isBlank()) return List.of(HandoffTexts.usage("traloi"));
        Ticket t = a.ticket();
        String me = call.sender().userId();
        long now = call.now().toEpochMilli();
        if (t.status() == Ticket.Status.CLAIMED && !me.equals(t.ownerId())) return List.of(HandoffTexts.takenByOther(t.code()));
        if (t.status() == Ticket.Status.OPEN) {
            // Answering straight away is taking it: the first to answer owns it.
            if (!Tickets.claim(call.tx(), t.code(), me, now)) return List.of(HandoffTexts.takenByOther(t.code()));
            Audit.record(call.tx(), now, me, "handoff.claim", t.code(), t.unitCode());
        }
        if (t.citizenId() == null) return List.of(HandoffTexts.noCitizen(t.code()));
        boolean sent = dispatch.toCitizen(call.tx(), t, Dispatch.ANSWER,
                HandoffTexts.answerToCitizen(t.code(), a.commune(), a.rest()), call.now());
        Tickets.replied(call.tx(), t.code(), a.rest(), now);
        Audit.record(call.tx(), now, me, "handoff.reply", t.code(), sent ? "sent" : "held");
        return List.of(sent ? HandoffTexts.relayed(t.code()) : HandoffTexts.held(t.code(), dispatch.freeHours()));
    }

    private List<Reply> close(CommandCall call) throws Exception {
        Access access = access(call);
        if (!(access instanceof Allowed a)) return List.of(((Refused) access).reply());
        Ticket t = a.ticket();
        String me = call.sender().userId();
        boolean mayClose = t.status() == Ticket.Status.OPEN || me.equals(t.ownerId())
                || call.sender().role().compareTo(Role.LEADER) >= 0;
        if (!mayClose) return List.of(HandoffTexts.takenByOther(t.code()));
        long now = call.now().toEpochMilli();
        Tickets.close(call.tx(), t.code(), now);
        Audit.record(call.tx(), now, me, "handoff.close", t.code(), t.unitCode());
        if (t.citizenId() != null) dispatch.toCitizen(call.tx(), t, Dispatch.SURVEY, null, call.now());
        return List.of(HandoffTexts.closed(t.code()));
    }
}
