package vn.cdsbot.summary;

import java.sql.Connection;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.CommandCall;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.summary.ReportData.Current;
import vn.cdsbot.summary.UnitTree.Unit;

/** The chat commands #tonghop, #chuabaocao, #bieudo and #xuat. Roles are checked by the router. */
final class SummaryCommands {
    private static final Logger log = LoggerFactory.getLogger(SummaryCommands.class);
    static final Set<Role> VIEWERS = EnumSet.of(Role.LEADER, Role.SECRETARIAT, Role.ADMIN);
    static final Set<Role> EXPORTERS = EnumSet.of(Role.SECRETARIAT, Role.ADMIN);
    /** Who may use #nhac (design table): only they get the remind buttons. */
    private static final Set<Role> REMINDERS = EnumSet.of(Role.LEADER, Role.SECRETARIAT);
    static final int TREND_WEEKS = 12;
    private static final int UNIT_BUTTONS = 3;
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    private final Settings settings;
    private final Summarizer summarizer;
    private final SummaryTexts texts;
    private final ChartRenderer charts;
    private final ExcelExport excel;
    private final ExportStore exports;

    SummaryCommands(Settings settings, Summarizer summarizer, SummaryTexts texts, ChartRenderer charts,
                    ExcelExport excel, ExportStore exports) {
        this.settings = settings;
        this.summarizer = summarizer;
        this.texts = texts;
        this.charts = charts;
        this.excel = excel;
        this.exports = exports;
    }

    List<Command> all() {
        return List.of(
                new Command("tonghop", List.of("tong hop"), VIEWERS,
                        "#tonghop [tuần N] [MÃ ĐƠN VỊ] — tổng hợp số liệu tuần", c -> guarded(c, this::summary)),
                new Command("chuabaocao", List.of("chua bao cao"), VIEWERS,
                        "#chuabaocao [tuần N] [MÃ ĐƠN VỊ] — đơn vị chưa báo cáo", c -> guarded(c, this::missing)),
                new Command("bieudo", List.of("bieu do"), VIEWERS,
                        "#bieudo [CHỈ TIÊU] — biểu đồ 12 tuần gần nhất", c -> guarded(c, this::chart)),
                new Command("xuat", List.of("xuatexcel", "xuat excel"), EXPORTERS,
                        "#xuat [tuần N] — tải tệp Excel tổng hợp", c -> guarded(c, this::export)));
    }

    private interface Handler {
        List<Reply> handle(CommandCall call) throws Exception;
    }

    private static List<Reply> guarded(CommandCall call, Handler h) throws Exception {
        try {
            return h.handle(call);
        } catch (UserError e) {
            return List.of(Reply.text(e.getMessage()));
        }
    }

    // ---- #tonghop ------------------------------------------------------------------------------------------

    private List<Reply> summary(CommandCall call) throws Exception {
        Connection tx = call.tx();
        Request req = Request.parse(call.args(), call.now(), settings.zone());
        UnitTree tree = UnitTree.load(tx);
        Unit scope = Request.scope(call.sender(), tree, req.rest());
        ScopeSummary s = summarizer.summarize(tx, tree, scope, req.week(), true);
        Audit.record(tx, call.now(), call.sender().userId(), "summary.tonghop", scope.code(), "week=" + req.week().key());
        List<Reply> out = new ArrayList<>();
        List<String> messages = texts.summary(s, tree);
        for (int i = 0; i < messages.size(); i++) {
            List<Button> buttons = List.of();
            if (i == messages.size() - 1 && !s.missing().isEmpty()) {
                buttons = List.of(Button.query("Xem đơn vị chưa báo cáo",
                        command("#chuabaocao", req.week(), scope)));
            }
            out.add(Reply.text(messages.get(i), buttons));
        }
        return out;
    }

    // ---- #chuabaocao ---------------------------------------------------------------------------------------

    private List<Reply> missing(CommandCall call) throws Exception {
        Connection tx = call.tx();
        Request req = Request.parse(call.args(), call.now(), settings.zone());
        UnitTree tree = UnitTree.load(tx);
        Unit scope = Request.scope(call.sender(), tree, req.rest());
        ScopeSummary s = summarizer.summarize(tx, tree, scope, req.week(), false);
        Audit.record(tx, call.now(), call.sender().userId(), "summary.chuabaocao", scope.code(), "week=" + req.week().key());
        List<String> messages = texts.missingList(s, tree, Members.leaders(tx));
        List<Button> buttons = new ArrayList<>();
        if (!s.missing().isEmpty() && REMINDERS.contains(call.sender().role())) {
            if (s.missing().size() <= UNIT_BUTTONS) {
                for (Unit u : s.missing()) buttons.add(Button.query("Nhắc " + u.name(), "#nhac " + u.code()));
            } else {
                buttons.add(Button.query("Nhắc " + s.missing().size() + " đơn vị chưa báo cáo",
                        scope.virtual() ? "#nhac" : "#nhac " + scope.code()));
            }
        }
        List<Reply> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            out.add(Reply.text(messages.get(i), i == messages.size() - 1 ? buttons : List.of()));
        }
        return out;
    }

    // ---- #bieudo -------------------------------------------------------------------------------------------

    private List<Reply> chart(CommandCall call) throws Exception {
        Connection tx = call.tx();
        Request req = Request.parse(call.args(), call.now(), settings.zone());
        List<String> words = new ArrayList<>(req.words());
        int before = words.size();
        int indicator = takeIndicator(words);
        UnitTree tree = UnitTree.load(tx);
        String rest = String.join(" ", words);
        if (before == words.size() && !rest.isBlank() && tree.find(rest).isEmpty()) {
            throw new UserError("Bot chưa hiểu \"" + rest + "\". Hãy gõ một chỉ tiêu: "
                    + String.join(", ", settings.indicatorCodes()) + " (ví dụ: #bieudo " + settings.indicatorCodes().get(0)
                    + "), có thể thêm mã đơn vị.");
        }
        Unit scope = Request.scope(call.sender(), tree, rest);
        Week last = req.week();
        Week first = last.plusWeeks(-(TREND_WEEKS - 1));
        BotConfig.Indicator ind = settings.indicators().get(indicator);
        ReportCache values = summarizer.values(tx);

        List<String> units = tree.subtree(scope).stream().map(Unit::code).toList();
        List<ChartRenderer.Point> trend = new ArrayList<>();
        for (Week w = first; w.compareTo(last) <= 0; w = w.plusWeeks(1)) {
            trend.add(new ChartRenderer.Point(w, values.sum(units, w, w)[indicator]));
        }
        List<ChartRenderer.Bar> bars = new ArrayList<>();
        Map<String, long[]> latest = values.week(last);
        if (!scope.kind().equals(settings.reportingKind()) || scope.virtual()) {
            for (Unit child : tree.children(scope)) {
                long sum = 0;
                boolean counts = false;
                for (Unit u : tree.subtree(child)) {
                    long[] v = latest.get(u.code());
                    if (v != null) sum += v[indicator];
                    counts |= v != null || summarizer.isExpected(u, null, last);
                }
                if (counts) bars.add(new ChartRenderer.Bar(child.name(), sum));
            }
            bars.sort((a, b) -> Long.compare(b.value(), a.value()));
        }
        byte[] png = charts.render(settings.title(indicator), scope.name(), trend, bars, bars.size());
        Audit.record(tx, call.now(), call.sender().userId(), "summary.bieudo", scope.code(),
                "week=" + last.key() + " indicator=" + ind.code());
        log.info("Chart rendered: {} bytes, scope {}, indicator {}", png.length, scope.code(), ind.code());
        String caption = VnFormat.capitalize(ind.name()) + " – " + scope.name() + ", tuần " + first.number() + "/"
                + first.year() + " đến " + last.number() + "/" + last.year();
        return List.of(new Reply.Image(png, caption));
    }

    /** Removes the indicator named at the start of the words (code, name or alias, 1–3 words); default: the first. */
    private int takeIndicator(List<String> words) {
        if (words.isEmpty()) return 0;
        for (int take = Math.min(3, words.size()); take >= 1; take--) {
            String joined = Texts.fold(String.join("", words.subList(0, take))).replace(" ", "");
            for (int i = 0; i < settings.indicators().size(); i++) {
                BotConfig.Indicator ind = settings.indicators().get(i);
                List<String> names = new ArrayList<>(ind.aliases());
                names.add(ind.code());
                names.add(ind.name());
                for (String name : names) {
                    if (Texts.fold(name).replace(" ", "").equals(joined)) {
                        words.subList(0, take).clear();
                        return i;
                    }
                }
            }
        }
        return 0; // not an indicator: the words may name a unit

    }

    // ---- #xuat ---------------------------------------------------------------------------------------------

    private List<Reply> export(CommandCall call) throws Exception {
        Connection tx = call.tx();
        long started = System.nanoTime();
        Request req = Request.parse(call.args(), call.now(), settings.zone());
        List<String> words = new ArrayList<>(req.words());
        words.removeIf(w -> Set.of("excel", "file", "tep", "xlsx").contains(Texts.fold(w)));
        UnitTree tree = UnitTree.load(tx);
        Unit scope = Request.scope(call.sender(), tree, String.join(" ", words));
        Week week = req.week();
        List<String> codes = settings.indicatorCodes();
        Map<String, Current> current = ReportData.current(tx, week, codes);
        Map<String, long[]> previous = summarizer.values(tx).week(week.previous());
        ScopeSummary s = summarizer.compute(tree, scope, week, current, previous, new long[codes.size()]);
        byte[] xlsx = excel.build(new ExcelExport.Input(tree, s, current, previous, ReportData.history(tx, week, codes),
                Members.leaders(tx), call.now()));
        ExportStore.Link link = exports.save(tx, call.sender().userId(), scope.code(), week, excel.fileName(s), xlsx, call.now());
        Audit.record(tx, call.now(), call.sender().userId(), "summary.xuat", scope.code(),
                "week=" + week.key() + " bytes=" + xlsx.length);
        log.info("Export built: {} bytes in {} ms, scope {}, week {}", xlsx.length,
                (System.nanoTime() - started) / 1_000_000, scope.code(), week.key());
        String text = "Tệp Excel " + week.label().toLowerCase(java.util.Locale.ROOT) + " – " + scope.name()
                + " đã sẵn sàng: 3 trang (Tổng hợp, Lịch sử báo cáo, Chưa báo cáo).\n"
                + "Liên kết dùng được đến " + link.expiresAt().atZone(settings.zone()).format(EXPIRY)
                + ". Vui lòng không chuyển liên kết cho người ngoài.";
        return List.of(Reply.text(text, List.of(Button.url("Tải báo cáo Excel", link.url()))));
    }

    private static String command(String name, Week week, Unit scope) {
        return name + " " + week.command() + (scope.virtual() ? "" : " " + scope.code());
    }
}
