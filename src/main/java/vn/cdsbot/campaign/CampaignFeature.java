package vn.cdsbot.campaign;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.CommandCall;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.UserError;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.feature.Feature;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.Members;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;

/**
 * Campaigns in chat: #chiendich lists campaigns or shows one, #tiendo shows a campaign's progress in the sender's
 * scope (the {@link UnitTree#home} rule: a leader their own subtree, the secretariat and admins any unit); and the
 * daily rhythm while one runs ({@link CampaignRhythm}).
 */
public final class CampaignFeature implements Feature {
    static final Set<Role> VIEWERS = EnumSet.of(Role.LEADER, Role.SECRETARIAT, Role.ADMIN);
    /** Zalo shows at most 5 buttons under a message. */
    static final int MAX_BUTTONS = 5;

    private final ReportingCalendar calendar;
    private final ZoneId zone;
    private final Set<String> reportingKinds;
    private final CampaignTexts texts;
    private final List<Runnable> schedules;
    private final CampaignFigures.Source figures;
    private final TargetsFromChat files;

    private CampaignFeature(ReportingCalendar calendar, Set<String> reportingKinds, CampaignTexts texts,
                            List<Runnable> schedules, CampaignFigures.Source figures, TargetsFromChat files) {
        this.files = files;
        this.figures = figures;
        this.calendar = calendar;
        this.zone = calendar.zone();
        this.reportingKinds = Set.copyOf(reportingKinds);
        this.texts = texts;
        this.schedules = List.copyOf(schedules);
    }

    public static CampaignFeature wire(BotConfig config, Database db, ReportingCalendar calendar, Clock clock,
                                       Runnable wakeOutbox) {
        return wire(config, db, calendar, clock, wakeOutbox, CampaignFigures.Source.READ);
    }

    /** @param figures where campaign figures come from: the cache shared with the summaries' #bieudo and #xuat */
    public static CampaignFeature wire(BotConfig config, Database db, ReportingCalendar calendar, Clock clock,
                                       Runnable wakeOutbox, CampaignFigures.Source figures) {
        Map<String, String> names = new LinkedHashMap<>();
        for (BotConfig.Indicator i : config.reporting().indicators()) names.put(i.code(), i.name());
        CampaignTexts texts = new CampaignTexts(names);
        Set<String> kinds = Set.copyOf(vn.cdsbot.people.ReportingLevels.of(config).kinds());   // commune and hamlet teams
        Map<CampaignRhythm.Kind, java.time.LocalTime> times = new java.util.EnumMap<>(CampaignRhythm.Kind.class);
        BotConfig.CampaignRhythm r = config.campaigns();
        BotConfig.CampaignRhythm.at(r.eveningReminder()).ifPresent(t -> times.put(CampaignRhythm.Kind.EVENING, t));
        BotConfig.CampaignRhythm.at(r.morningNote()).ifPresent(t -> times.put(CampaignRhythm.Kind.MORNING, t));
        BotConfig.CampaignRhythm.at(r.dailyDigest()).ifPresent(t -> times.put(CampaignRhythm.Kind.DIGEST, t));
        List<Runnable> schedules = times.isEmpty() ? List.of() : List.of(new CampaignRhythm(db, times, calendar.zone(), kinds,
                new MessagingWindow(config.zalo().paidMessages()), texts, figures, clock, wakeOutbox));
        // A targets file waits for its campaign as long as a report draft waits for its confirmation.
        TargetsFromChat files = new TargetsFromChat(calendar, texts,
                java.time.Duration.ofMinutes(config.reporting().draftTimeoutMinutes()));
        return new CampaignFeature(calendar, kinds, texts, schedules, figures, files);
    }

    /** Targets files sent in chat by the secretariat and admins. */
    public vn.cdsbot.chat.FileIntake targetsFiles() {
        return files;
    }

    /** Every 30 s: the daily rhythm's runs when due. */
    @Override
    public List<Runnable> schedules() {
        return schedules;
    }

    @Override
    public List<Command> commands() {
        return List.of(
                new Command("chiendich", List.of("chien dich"), VIEWERS,
                        "#chiendich [MÃ] — các chiến dịch, hoặc một chiến dịch: ngày, chỉ tiêu; thư ký gửi tệp CSV/Excel "
                                + "vào khung chat để nhập chỉ tiêu", this::campaigns),
                new Command("tiendo", List.of("tien do"), VIEWERS,
                        "#tiendo [MÃ] [MÃ ĐƠN VỊ] — tiến độ chiến dịch so với chỉ tiêu, đơn vị chậm nhất trước",
                        this::progress));
    }

    @Override
    public List<PersonalData> personalData() {
        // A targets file waiting for its campaign is the sender's; campaigns themselves keep no personal data, and
        // the audit log is kept like every other audit row.
        return List.of(TargetUploads.ERASER);
    }

    /** A reply to the user instead of an answer: bad input or something out of their scope. */

    // ---- #chiendich ----------------------------------------------------------------------------------------

    private List<Reply> campaigns(CommandCall call) throws Exception {
        Connection tx = call.tx();
        LocalDate today = calendar.today(call.now());
        CampaignArgs a = CampaignArgs.parse(call.args());
        String words = vn.cdsbot.chat.Texts.fold(a.rest());
        if (words.equals(TargetsFromChat.APPLY_WORDS) || words.equals(TargetsFromChat.CANCEL_WORDS)) {
            if (!TargetsFromChat.SENDERS.contains(call.sender().role())) {
                throw new UserError("Chỉ thư ký và quản trị nhập được chỉ tiêu chiến dịch. Bạn hãy báo văn phòng Ban Chỉ đạo "
                        + "nếu chỉ tiêu của đơn vị cần sửa.");
            }
            long now = call.now().toEpochMilli();
            if (words.equals(TargetsFromChat.CANCEL_WORDS)) return List.of(Reply.text(files.cancel(tx, call.sender(), now)));
            if (a.code() == null) throw new UserError("Hãy gõ mã chiến dịch, ví dụ: #chiendich CD1 nhận chỉ tiêu.");
            return List.of(Reply.text(files.apply(tx, call.sender(), find(tx, a.code()), now)));
        }
        if (a.code() == null) {
            if (!a.rest().isBlank()) throw new UserError(unknownCode(tx, a.rest()));
            List<Campaign> all = Campaigns.all(tx);
            Audit.record(tx, call.now().toEpochMilli(), call.sender().userId(), "campaign.list", "-", "count=" + all.size());
            // Buttons in the order of the list: running, coming, then ended ones.
            List<Campaign> ordered = new ArrayList<>(all.stream().filter(x -> x.runsOn(today)).toList());
            ordered.addAll(all.stream().filter(x -> !x.started(today)).toList());
            ordered.addAll(all.stream().filter(x -> x.ended(today)).toList());
            return List.of(Reply.text(texts.list(all, today), buttons(ordered, "#chiendich ", "")));
        }
        Campaign c = find(tx, a.code());
        UnitTree tree = UnitTree.load(tx);
        Unit scope = scope(call, tree, a.rest());
        Targets targets = Campaigns.targets(tx, c);
        List<OptionalLong> totals = new ArrayList<>();
        for (String ind : c.indicators()) {
            totals.add(targets.forSubtree(tree, scope, ind).map(OptionalLong::of).orElse(OptionalLong.empty()));
        }
        Campaigns.TargetsSetting set = Campaigns.targetsSetting(tx, c);
        String setter = set.lastSetBy() == null ? "" : Audit.CLI.equals(set.lastSetBy()) ? "từ dòng lệnh"
                : Members.find(tx, set.lastSetBy()).map(m -> "qua Zalo, " + m.label()).orElse("qua Zalo");
        Audit.record(tx, call.now().toEpochMilli(), call.sender().userId(), "campaign.show", c.code(), "scope=" + scope.code());
        String text = texts.one(c, today, scope.name(), totals, set.units(), setter, set.lastSetAt(), zone);
        return List.of(Reply.text(text, c.started(today)
                ? List.of(Button.query("Xem tiến độ " + c.code(), "#tiendo " + c.code() + suffix(scope)))
                : List.of()));
    }

    // ---- #tiendo -------------------------------------------------------------------------------------------

    private List<Reply> progress(CommandCall call) throws Exception {
        Connection tx = call.tx();
        LocalDate today = calendar.today(call.now());
        CampaignArgs a = CampaignArgs.parse(call.args());
        UnitTree tree = UnitTree.load(tx);
        Unit scope = scope(call, tree, a.rest());
        Campaign c;
        if (a.code() != null) {
            c = find(tx, a.code());
        } else {
            List<Campaign> running = Campaigns.runningOn(tx, today);
            if (running.size() != 1) {
                List<Campaign> offer = running.isEmpty() ? Campaigns.all(tx) : running;
                String text = running.isEmpty()
                        ? (offer.isEmpty() ? "Chưa có chiến dịch nào." : "Hôm nay không có chiến dịch nào đang diễn ra. "
                                + "Chọn một chiến dịch để xem, hoặc gõ #tiendo MÃ (ví dụ #tiendo " + offer.get(0).code() + ").")
                        : running.size() + " chiến dịch đang diễn ra. Chọn một chiến dịch (hoặc gõ #tiendo MÃ):";
                return List.of(Reply.text(text, buttons(offer, "#tiendo ", suffix(scope))));
            }
            c = running.get(0);
        }
        Progress.Result p = Progress.compute(c, Campaigns.targets(tx, c), figures.of(tx, c), tree, scope, today,
                reportingKinds);
        Audit.record(tx, call.now().toEpochMilli(), call.sender().userId(), "campaign.tiendo", c.code(), "scope=" + scope.code());
        List<String> messages = texts.progress(p);
        List<Reply> out = new ArrayList<>();
        for (String m : messages) out.add(Reply.text(m));
        return out;
    }

    // ---- arguments and scope -------------------------------------------------------------------------------

    private static Campaign find(Connection tx, String code) throws Exception {
        Optional<Campaign> c = Campaigns.find(tx, code);
        if (c.isPresent()) return c.get();
        throw new UserError(unknownCode(tx, code));
    }

    private static String unknownCode(Connection tx, String typed) throws Exception {
        List<Campaign> all = Campaigns.all(tx);
        return "Không tìm thấy chiến dịch \"" + typed.strip() + "\". " + (all.isEmpty() ? "Chưa có chiến dịch nào."
                : "Các mã hiện có: " + String.join(", ", all.stream().map(Campaign::code).toList()) + ".");
    }

    /** The unit named, when the sender may see it; else their home (see {@link UnitTree#home}). */
    private static Unit scope(CommandCall call, UnitTree tree, String unitText) throws UserError {
        Unit home = tree.home(call.sender()).orElseThrow(() -> new UserError("Không tìm thấy đơn vị của bạn ("
                + call.sender().unitCode() + ") trong danh sách đơn vị. Hãy báo văn phòng Ban Chỉ đạo."));
        if (unitText.isBlank()) return home;
        Unit named = tree.find(unitText).orElseThrow(() -> new UserError("Không tìm thấy đơn vị \"" + unitText.strip()
                + "\". Hãy gõ mã đơn vị, ví dụ: #tiendo " + (tree.children(home).isEmpty() ? home.code()
                : tree.children(home).get(0).code()) + "."));
        if (!tree.within(home, named)) {
            throw new UserError("Bạn chỉ xem được tiến độ của " + home.name() + " và các đơn vị trực thuộc.");
        }
        return named;
    }

    private static String suffix(Unit scope) {
        return scope.virtual() ? "" : " " + scope.code();
    }

    /** One button per campaign (at most {@link #MAX_BUTTONS}: running first, then the newest). */
    private static List<Button> buttons(List<Campaign> campaigns, String command, String suffix) {
        List<Button> out = new ArrayList<>();
        for (Campaign c : campaigns.subList(0, Math.min(MAX_BUTTONS, campaigns.size()))) {
            out.add(Button.query(c.code() + " " + shorten(c.name()), command + c.code() + suffix));
        }
        return out;
    }

    private static String shorten(String name) {
        return name.length() <= 30 ? name : name.substring(0, 29) + "…";
    }
}
