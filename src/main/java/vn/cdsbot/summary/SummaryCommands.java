package vn.cdsbot.summary;

import java.sql.Connection;
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
import vn.cdsbot.chat.UserError;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.feature.ScopeTable;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.Members;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.Period;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.period.Week;
import vn.cdsbot.summary.ReportData.Current;

/** The chat commands #tonghop, #chuabaocao, #bieudo and #xuat. Roles are checked by the router. */
final class SummaryCommands {
    private static final Logger log = LoggerFactory.getLogger(SummaryCommands.class);
    static final Set<Role> VIEWERS = EnumSet.of(Role.LEADER, Role.SECRETARIAT, Role.ADMIN);
    static final Set<Role> EXPORTERS = EnumSet.of(Role.SECRETARIAT, Role.ADMIN);
    /** Who may use #nhac (design table): only they get the remind buttons. */
    private static final Set<Role> REMINDERS = EnumSet.of(Role.LEADER, Role.SECRETARIAT);
    static final int TREND_WEEKS = 12;
    private static final int UNIT_BUTTONS = 3;

    private final Settings settings;
    private final Summarizer summarizer;
    private final SummaryTexts texts;
    private final ChartRenderer charts;
    private final ExcelExport excel;
    private final ExportStore exports;
    private final ReportDraft drafts;
    private final DocumentDesk desk;

    private final List<vn.cdsbot.feature.ScopeNote> notes;

    private final vn.cdsbot.campaign.CampaignFigures.Source campaignFigures;

    SummaryCommands(Settings settings, Summarizer summarizer, SummaryTexts texts, ChartRenderer charts,
                    ExcelExport excel, ExportStore exports, DocumentDesk desk, List<vn.cdsbot.feature.ScopeNote> notes,
                    vn.cdsbot.campaign.CampaignFigures.Source campaignFigures) {
        this.desk = desk;
        this.campaignFigures = campaignFigures;
        this.notes = List.copyOf(notes);
        this.settings = settings;
        this.summarizer = summarizer;
        this.texts = texts;
        this.charts = charts;
        this.excel = excel;
        this.exports = exports;
        this.drafts = new ReportDraft(settings);
    }

    List<Command> all() {
        return List.of(
                new Command("tonghop", List.of("tong hop"), VIEWERS,
                        "#tonghop [tuần N | tháng M | quý Q | năm] [MÃ ĐƠN VỊ] — tổng hợp số liệu tuần, tháng, quý, năm", this::summary),
                new Command("chuabaocao", List.of("chua bao cao"), VIEWERS,
                        "#chuabaocao [tuần N] [MÃ ĐƠN VỊ] — đơn vị chưa báo cáo", this::missing),
                new Command("bieudo", List.of("bieu do"), VIEWERS,
                        "#bieudo [CHỈ TIÊU] [tháng M | quý Q | năm] — biểu đồ 12 tuần gần nhất, hoặc của tháng, quý, năm; "
                                + "#bieudo CD1: chiến dịch so với kế hoạch", this::chart),
                new Command("xuat", List.of("xuatexcel", "xuat excel"), EXPORTERS,
                        "#xuat [tuần N | tháng M | quý Q | năm] [CD1] — tải tệp Excel tổng hợp (có trang tiến độ chiến dịch)",
                        this::export),
                new Command("vanban", List.of("van ban", "baocaovanban"), VIEWERS,
                        "#vanban [tuần N | tháng M | quý Q | năm | chiến dịch CD1] [MÃ ĐƠN VỊ] — dự thảo báo cáo (Word) theo thể thức "
                                + "văn bản hành chính",
                        this::draft));
    }


    // ---- #tonghop ------------------------------------------------------------------------------------------

    private List<Reply> summary(CommandCall call) throws Exception {
        Connection tx = call.tx();
        Request req = Request.parseAny(call.args(), call.now(), settings.calendar());
        UnitTree tree = UnitTree.load(tx);
        Unit scope = Request.scope(call.sender(), tree, req.rest());
        if (!req.weekly()) return periodSummary(call, tree, scope, req.period());
        ScopeSummary s = summarizer.summarize(tx, tree, scope, req.week(), true, call.now());
        Audit.record(tx, call.now().toEpochMilli(), call.sender().userId(), "summary.tonghop", scope.code(),
                "week=" + req.week().key());
        List<String> messages = new ArrayList<>(texts.summary(s, tree));
        for (vn.cdsbot.feature.ScopeNote note : notes) {
            note.note(tx, tree, scope, req.week()).ifPresent(line ->
                    messages.set(messages.size() - 1, messages.get(messages.size() - 1) + "\n\n" + line));
        }
        List<Button> buttons = new ArrayList<>();
        if (!s.missing().isEmpty()) buttons.add(Button.query("Xem đơn vị chưa báo cáo", command("#chuabaocao", req.week(), scope)));
        otherWeek(tx, tree, s, call.now()).ifPresent(other -> {
            messages.set(messages.size() - 1, messages.get(messages.size() - 1) + "\n\n" + other.note());
            buttons.add(Button.query(other.title(), command("#tonghop", other.week(), scope)));
        });
        List<Reply> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            out.add(Reply.text(messages.get(i), i == messages.size() - 1 ? buttons : List.of()));
        }
        return out;
    }

    /** #tonghop over a month, quarter or year, with a button for the period before (named, like every button). */
    private List<Reply> periodSummary(CommandCall call, UnitTree tree, Unit scope, Period period) throws Exception {
        PeriodSummary s = summarizer.summarizePeriod(call.tx(), tree, scope, period, call.now());
        Audit.record(call.tx(), call.now().toEpochMilli(), call.sender().userId(), "summary.tonghop", scope.code(),
                "period=" + period.typed());
        List<String> messages = texts.periodSummary(s, tree);
        List<Button> buttons = List.of(Button.query("Xem " + s.previous().typed(), command("#tonghop", s.previous(), scope)));
        List<Reply> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            out.add(Reply.text(messages.get(i), i == messages.size() - 1 ? buttons : List.of()));
        }
        return out;
    }

    // ---- #chuabaocao ---------------------------------------------------------------------------------------

    private List<Reply> missing(CommandCall call) throws Exception {
        Connection tx = call.tx();
        Request req = Request.parse(call.args(), call.now(), settings.calendar());
        UnitTree tree = UnitTree.load(tx);
        Unit scope = Request.scope(call.sender(), tree, req.rest());
        ScopeSummary s = summarizer.summarize(tx, tree, scope, req.week(), false, call.now());
        Audit.record(tx, call.now().toEpochMilli(), call.sender().userId(), "summary.chuabaocao", scope.code(),
                "week=" + req.week().key());
        List<Button> buttons = new ArrayList<>();
        List<String> messages;
        if (s.missing().size() > SummaryTexts.MISSING_IN_CHAT) {
            // A province-wide list would be pages of names on a phone: counts per branch, the names in a sheet.
            Export e = export(tx, call, tree, scope, req.week());
            messages = List.of(texts.missingByBranch(s) + "\nDanh sách đầy đủ (tên đơn vị, tổ trưởng) ở trang "
                    + "“Chưa báo cáo” của tệp Excel, dùng được đến " + VnDates.until(e.link().expiresAt(), settings.zone()) + ".");
            buttons.add(Button.url("Tải danh sách đầy đủ", e.link().url()));
        } else {
            messages = texts.missingList(s, tree, Members.leaderNames(tx));
        }
        // Every reminder button names the week of the list it sits under, whatever the default week is later.
        if (!s.missing().isEmpty() && REMINDERS.contains(call.sender().role())) {
            if (s.missing().size() <= UNIT_BUTTONS) {
                for (Unit u : s.missing()) buttons.add(Button.query("Nhắc " + u.name(), command("#nhac", req.week(), u)));
            } else {
                buttons.add(Button.query("Nhắc " + s.missing().size() + " đơn vị chưa báo cáo",
                        command("#nhac", req.week(), scope)));
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
        vn.cdsbot.campaign.CampaignArgs campaign = vn.cdsbot.campaign.CampaignArgs.parse(call.args());
        if (campaign.named()) return campaignChart(call, campaign);
        Request req = Request.parseAny(call.args(), call.now(), settings.calendar());
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
        if (!req.weekly()) return periodChart(call, tree, scope, req.period(), indicator);
        Week last = req.week();
        Week first = last.plusWeeks(-(TREND_WEEKS - 1));
        BotConfig.Indicator ind = settings.indicators().get(indicator);
        Audit.record(tx, call.now().toEpochMilli(), call.sender().userId(), "summary.bieudo", scope.code(),
                "week=" + last.key() + " indicator=" + ind.code());
        String caption = VnFormat.capitalize(ind.name()) + " – " + scope.name() + ", tuần " + first.number() + "/"
                + first.year() + " đến " + last.number() + "/" + last.year();
        return desk.run(call, "bieudo", "Đang vẽ biểu đồ " + ind.name() + " – " + scope.name()
                        + ", bot sẽ gửi trong giây lát.",
                c -> chartPng(c, tree, scope, first, last, indicator, call.now()),
                (t, png, now) -> List.of(new Reply.Image(png, caption)));
    }

    /** The chart: the trend over the weeks, and for a grouping a bar per part in the last week. */
    private byte[] chartPng(Connection c, UnitTree tree, Unit scope, Week first, Week last, int indicator,
                            java.time.Instant now) throws Exception {
        ReportCache values = summarizer.values(c);
        List<String> units = tree.subtree(scope).stream().map(Unit::code).toList();
        List<ChartRenderer.Point> trend = trend(values, units, first, last, indicator, settings.calendar().today(now));
        List<ChartRenderer.Bar> bars = new ArrayList<>();
        // One bar per unit under the scope; a commune with hamlets also gets a bar for its own team's report.
        ScopeSummary parts = summarizer.compute(tree, scope, last, ReportData.current(c, last, settings.indicatorCodes()),
                Map.of(), new long[settings.indicators().size()], now);
        for (ScopeSummary.Part p : parts.parts()) {
            bars.add(new ChartRenderer.Bar(p.own() ? "Tổ " + p.unit().name() + " (riêng)" : p.unit().name(),
                    p.tally().given()[indicator] == 0 ? null : p.tally().totals()[indicator]));
        }
        bars.sort(java.util.Comparator.comparing((ChartRenderer.Bar b) -> b.value() == null)
                .thenComparing(b -> b.value() == null ? 0 : -b.value()));
        byte[] png = charts.render(settings.title(indicator), scope.name(), trend, bars, bars.size());
        log.info("Chart rendered: {} bytes, scope {}, indicator {}", png.length, scope.code(),
                settings.indicators().get(indicator).code());
        return png;
    }

    /**
     * #bieudo over a month or quarter (a point per week begun) or a year (a point per month begun), and the child
     * units' totals over the whole period below.
     */
    private List<Reply> periodChart(CommandCall call, UnitTree tree, Unit scope, Period period, int indicator) throws Exception {
        BotConfig.Indicator ind = settings.indicators().get(indicator);
        Audit.record(call.tx(), call.now().toEpochMilli(), call.sender().userId(), "summary.bieudo", scope.code(),
                "period=" + period.typed() + " indicator=" + ind.code());
        return desk.run(call, "bieudo", "Đang vẽ biểu đồ " + ind.name() + " – " + scope.name()
                        + ", bot sẽ gửi trong giây lát.",
                c -> periodChartPng(c, tree, scope, period, indicator, call.now()),
                (t, chart, now) -> List.of(new Reply.Image(chart.png(), VnFormat.capitalize(ind.name()) + " – " + scope.name()
                        + ", " + period.typed() + " (" + period.coverage() + ")" + (chart.running() ? ", đang diễn ra" : ""))));
    }

    private record PeriodChart(byte[] png, boolean running) {}

    private PeriodChart periodChartPng(Connection c, UnitTree tree, Unit scope, Period period, int indicator,
                                       java.time.Instant now) throws Exception {
        java.time.LocalDate today = settings.calendar().today(now);
        ReportCache values = summarizer.values(c);
        List<String> units = tree.subtree(scope).stream().map(Unit::code).toList();
        List<ChartRenderer.Point> trend;
        if (period instanceof vn.cdsbot.period.Year y) {
            trend = monthlyTrend(values, units, y, indicator, today);
        } else {
            List<Week> weeks = period.weeks();
            Week last = weeks.get(weeks.size() - 1);
            if (last.monday().isAfter(today)) last = Week.containing(today);
            trend = trend(values, units, weeks.get(0), last, indicator, today);
        }
        PeriodSummary s = summarizer.summarizePeriod(c, tree, scope, period, now);
        List<ChartRenderer.Bar> bars = new ArrayList<>();
        for (PeriodSummary.Part p : s.parts()) {
            bars.add(new ChartRenderer.Bar(p.unit().name(), p.tally().given()[indicator] == 0 ? null : p.tally().totals()[indicator]));
        }
        bars.sort(java.util.Comparator.comparing((ChartRenderer.Bar b) -> b.value() == null)
                .thenComparing(b -> b.value() == null ? 0 : -b.value()));
        byte[] png = charts.render(settings.title(indicator), scope.name(), trend, bars, bars.size(), period, s.running());
        log.info("Chart rendered: {} bytes, scope {}, indicator {}, period {}", png.length, scope.code(),
                settings.indicators().get(indicator).code(), period.typed());
        return new PeriodChart(png, s.running());
    }

    /** One point per month of the year begun by {@code today}: the sum of its weeks, units that gave the indicator. */
    static List<ChartRenderer.Point> monthlyTrend(ReportCache values, List<String> units, vn.cdsbot.period.Year year,
                                                  int indicator, java.time.LocalDate today) {
        List<ChartRenderer.Point> trend = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            vn.cdsbot.period.Month month = new vn.cdsbot.period.Month(java.time.YearMonth.of(year.year(), m));
            List<Week> begun = month.weeks().stream().filter(w -> !w.monday().isAfter(today)).toList();
            if (begun.isEmpty()) break;
            int reported = 0;
            long sum = 0;
            for (ReportCache.Span span : values.spans(units, begun).values()) {
                if (!span.has(indicator)) continue;   // a unit that skipped the indicator has no figure for it
                reported++;
                sum += span.values()[indicator];
            }
            trend.add(new ChartRenderer.Point(month, reported == 0 ? null : sum, reported, month.runningOn(today)));
        }
        return trend;
    }

    /**
     * {@code #bieudo CD1 [CHỈ TIÊU] [ĐƠN VỊ]} (or "chiến dịch CD1"): the campaign's done so far, summed day after day,
     * against its plan line, today marked. Indicator: the one named, else the campaign's first.
     */
    private List<Reply> campaignChart(CommandCall call, vn.cdsbot.campaign.CampaignArgs args) throws Exception {
        Connection tx = call.tx();
        vn.cdsbot.campaign.Campaign c = vn.cdsbot.campaign.Campaigns.find(tx, args.code())
                .orElseThrow(() -> new UserError("Không tìm thấy chiến dịch \"" + args.code() + "\". Gõ #chiendich để xem các "
                        + "chiến dịch."));
        List<String> words = new ArrayList<>(args.rest().isBlank() ? List.of() : List.of(args.rest().split("\\s+")));
        int before = words.size();
        int configured = takeIndicator(words);
        String code = before == words.size() ? c.indicators().get(0) : settings.indicatorCodes().get(configured);
        if (!c.tracks(code)) {
            throw new UserError("Chiến dịch " + c.code() + " không theo dõi " + code + "; chỉ tiêu của chiến dịch: "
                    + String.join(", ", c.indicators()) + ".");
        }
        UnitTree tree = UnitTree.load(tx);
        Unit scope = Request.scope(call.sender(), tree, String.join(" ", words));
        int i = c.indicators().indexOf(code);
        java.time.LocalDate today = settings.calendar().today(call.now());
        int day = c.daysElapsed(today);
        vn.cdsbot.campaign.CampaignFigures figures = campaignFigures.of(tx, c);
        long[] perDay = figures.daily(tree.subtree(scope).stream().map(Unit::code).toList(), i);
        long[] cumulative = new long[perDay.length];
        for (int k = 0; k < perDay.length; k++) cumulative[k] = (k == 0 ? 0 : cumulative[k - 1]) + perDay[k];
        Long target = vn.cdsbot.campaign.Campaigns.targets(tx, c).forSubtree(tree, scope, code).orElse(null);
        long done = day == 0 ? 0 : cumulative[day - 1];
        int ci = settings.indicatorCodes().indexOf(code);
        String title = ci < 0 ? code : settings.title(ci);
        String state = day == 0 ? "chưa bắt đầu" : day == c.length() && c.ended(today) ? "đã kết thúc"
                : "ngày " + day + "/" + c.length();
        String subtitle = scope.name() + " · " + c.code() + " “" + c.name() + "” " + VnDates.range(c.first(), c.last())
                + " · " + state;
        byte[] png = charts.renderCampaign(title, subtitle, cumulative, target, day);
        Audit.record(tx, call.now().toEpochMilli(), call.sender().userId(), "summary.bieudo", scope.code(),
                "campaign=" + c.code() + " indicator=" + code);
        String caption = title + " – " + scope.name() + ", chiến dịch " + c.code() + " (" + state + "): "
                + VnFormat.number(done) + (target == null ? " (chưa giao chỉ tiêu)"
                : "/" + VnFormat.number(target) + " (" + VnFormat.rate(done, target) + "), kế hoạch đến nay "
                + VnFormat.number(vn.cdsbot.campaign.Progress.planned(target, day, c.length())));
        return List.of(new Reply.Image(png, caption));
    }

    /** One point per week for the units: a week nobody reported has no value, a gap in the line rather than a 0. */
    static List<ChartRenderer.Point> trend(ReportCache values, List<String> units, Week first, Week last, int indicator,
                                           java.time.LocalDate today) {
        List<ChartRenderer.Point> trend = new ArrayList<>();
        for (Week w = first; w.compareTo(last) <= 0; w = w.plusWeeks(1)) {
            Map<String, ReportData.Figures> week = values.week(w);
            int reported = 0;
            long sum = 0;
            for (String u : units) {
                ReportData.Figures f = week.get(u);
                if (f != null && f.has(indicator)) {   // a report that skipped this indicator has no figure for it
                    reported++;
                    sum += f.values()[indicator];
                }
            }
            trend.add(new ChartRenderer.Point(w, reported == 0 ? null : sum, reported, w.runningOn(today)));
        }
        return trend;
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
        // "#xuat CD1" / "#xuat chiến dịch CD1": that campaign's sheet; without a code, a sheet per running campaign.
        vn.cdsbot.campaign.CampaignArgs named = vn.cdsbot.campaign.CampaignArgs.parse(call.args());
        Request req = Request.parseAny(named.rest(), call.now(), settings.calendar());
        List<String> words = new ArrayList<>(req.words());
        words.removeIf(w -> Set.of("excel", "file", "tep", "xlsx").contains(Texts.fold(w)));
        UnitTree tree = UnitTree.load(tx);
        Unit scope = Request.scope(call.sender(), tree, String.join(" ", words));
        if (!req.weekly()) return periodExport(call, tree, scope, req.period());
        Week week = req.week();
        String user = call.sender().userId();
        List<vn.cdsbot.campaign.Campaign> campaigns;
        if (named.named()) {
            campaigns = List.of(vn.cdsbot.campaign.Campaigns.find(tx, named.code()).orElseThrow(() -> new UserError(
                    "Không tìm thấy chiến dịch \"" + named.code() + "\". Gõ #chiendich để xem các chiến dịch.")));
        } else {
            campaigns = vn.cdsbot.campaign.Campaigns.runningOn(tx, settings.calendar().today(call.now()));
        }
        // Zalo's file upload takes PDF, DOC and DOCX only: a spreadsheet always goes as its link.
        Audit.record(tx, call.now().toEpochMilli(), user, "summary.xuat", scope.code(), "week=" + week.key() + " delivery=link"
                + (campaigns.isEmpty() ? "" : " campaigns=" + String.join(",", campaigns.stream().map(vn.cdsbot.campaign.Campaign::code).toList())));
        return desk.run(call, "xuat", "Đang soạn tệp Excel " + week.label() + " – " + scope.name()
                        + ", bot sẽ gửi liên kết trong giây lát.",
                c -> buildExport(c, tree, scope, week, call.now(), campaigns),
                (t, built, now) -> {
                    ExportStore.Link link = exports.save(t, user, scope.code(), week, built.fileName(), built.content(), now);
                    List<String> sheets = new ArrayList<>(List.of("Tổng hợp", "Lịch sử báo cáo", "Chưa báo cáo"));
                    sheets.addAll(built.extraSheets());
                    String text = "Tệp Excel " + week.label() + (built.summary().running() ? ", tuần đang diễn ra," : "")
                            + " – " + scope.name() + " đã sẵn sàng: " + sheets.size() + " trang (" + String.join(", ", sheets)
                            + ").\n" + "Liên kết dùng được đến " + VnDates.until(link.expiresAt(), settings.zone())
                            + ". Vui lòng không chuyển liên kết cho người ngoài.";
                    return List.of(Reply.text(text, List.of(Button.url("Tải báo cáo Excel", link.url()))));
                });
    }

    /** One sheet per indicator of each campaign: the scope's teams, their targets and daily figures so far. */
    private List<ExcelExport.CampaignSheet> campaignSheets(Connection tx, UnitTree tree, Unit scope,
                                                          List<vn.cdsbot.campaign.Campaign> campaigns,
                                                          java.time.Instant now) throws java.sql.SQLException {
        List<ExcelExport.CampaignSheet> out = new ArrayList<>();
        java.time.LocalDate today = settings.calendar().today(now);
        for (vn.cdsbot.campaign.Campaign c : campaigns) {
            vn.cdsbot.campaign.Targets targets = vn.cdsbot.campaign.Campaigns.targets(tx, c);
            vn.cdsbot.campaign.CampaignFigures figures = campaignFigures.of(tx, c);
            // The teams: units of the reporting kind, and any unit with a figure or a target of its own.
            List<Unit> units = tree.subtree(scope).stream().filter(u -> !u.virtual()
                    && ((u.active() && settings.levels().reports(u)) || figures.of(u.code()).isPresent()
                    || targets.units().contains(u.code()))).toList();
            for (int i = 0; i < c.indicators().size(); i++) {
                String code = c.indicators().get(i);
                int ci = settings.indicatorCodes().indexOf(code);
                out.add(new ExcelExport.CampaignSheet(c, i, ci < 0 ? code : settings.indicators().get(ci).name(), scope,
                        units, targets, figures, c.daysElapsed(today), targets.forSubtree(tree, scope, code).orElse(null)));
            }
        }
        return out;
    }

    /** A built spreadsheet behind its signed, expiring link. */
    private record Export(ScopeSummary summary, ExportStore.Link link) {}

    /** A built document, not stored yet; {@code extraSheets}: sheets other features added to a workbook. */
    private record Built(ScopeSummary summary, String fileName, byte[] content, List<String> extraSheets) {
        Built(ScopeSummary summary, String fileName, byte[] content) {
            this(summary, fileName, content, List.of());
        }
    }

    /** The spreadsheet of #chuabaocao's full list, built and stored in the message's own transaction. */
    private Export export(Connection tx, CommandCall call, UnitTree tree, Unit scope, Week week) throws Exception {
        Built built = buildExport(tx, tree, scope, week, call.now(), List.of());
        ExportStore.Link link = exports.save(tx, call.sender().userId(), scope.code(), week, built.fileName(),
                built.content(), call.now());
        Audit.record(tx, call.now().toEpochMilli(), call.sender().userId(), "summary.xuat", scope.code(),
                "week=" + week.key() + " delivery=link");
        return new Export(built.summary(), link);
    }

    /** The week's workbook, with the sheets other features add and a progress sheet per campaign indicator. */
    private Built buildExport(Connection c, UnitTree tree, Unit scope, Week week, java.time.Instant now,
                              List<vn.cdsbot.campaign.Campaign> campaignList) throws Exception {
        long started = System.nanoTime();
        List<String> codes = settings.indicatorCodes();
        Map<String, Current> current = ReportData.current(c, week, codes);
        Map<String, ReportData.Figures> previous = summarizer.values(c).week(week.previous());
        ScopeSummary s = summarizer.compute(tree, scope, week, current, previous, new long[codes.size()], now);
        Map<String, ReportData.Figures> cumulative = summarizer.values(c).sumPerUnit(
                tree.subtree(scope).stream().map(Unit::code).toList(), settings.campaignStart(), week);
        List<ScopeTable> tables = new ArrayList<>();
        for (vn.cdsbot.feature.ScopeNote note : notes) note.table(c, tree, scope, week).ifPresent(tables::add);
        List<ExcelExport.CampaignSheet> campaigns = campaignSheets(c, tree, scope, campaignList, now);
        byte[] xlsx = excel.build(new ExcelExport.Input(tree, s, current, previous, cumulative, ReportData.history(c, week, codes),
                Members.leaderNames(c), now, tables), campaigns);
        List<String> extra = new ArrayList<>(tables.stream().map(ScopeTable::sheetName).toList());
        for (ExcelExport.CampaignSheet cs : campaigns) {
            extra.add("tiến độ " + cs.campaign().code() + " " + cs.campaign().indicators().get(cs.indicator()));
        }
        log.info("Export built: {} bytes in {} ms, scope {}, week {}", xlsx.length,
                (System.nanoTime() - started) / 1_000_000, scope.code(), week.key());
        return new Built(s, excel.fileName(s), xlsx, extra);
    }

    /** #xuat over a month, quarter or year: the sheet by unit with its weeks, and the units that missed weeks. */
    private List<Reply> periodExport(CommandCall call, UnitTree tree, Unit scope, Period period) throws Exception {
        String user = call.sender().userId();
        Audit.record(call.tx(), call.now().toEpochMilli(), user, "summary.xuat", scope.code(),
                "period=" + period.typed() + " delivery=link");
        return desk.run(call, "xuat", "Đang soạn tệp Excel " + period.typed() + " – " + scope.name()
                        + ", bot sẽ gửi liên kết trong giây lát.",
                c -> buildPeriodExport(c, tree, scope, period, call.now()),
                (t, built, now) -> {
                    ExportStore.Link link = exports.save(t, user, scope.code(), period, built.fileName(), built.content(), now);
                    PeriodSummary s = built.summary();
                    String text = "Tệp Excel " + s.name() + " (" + s.period().coverage() + ")" + (s.running() ? ", đang diễn ra," : "")
                            + " – " + scope.name() + " đã sẵn sàng: 2 trang (Tổng hợp, Chưa đủ tuần).\n"
                            + "Liên kết dùng được đến " + VnDates.until(link.expiresAt(), settings.zone())
                            + ". Vui lòng không chuyển liên kết cho người ngoài.";
                    return List.of(Reply.text(text, List.of(Button.url("Tải báo cáo Excel", link.url()))));
                });
    }

    /** A built document of a month, quarter or year, not stored yet. */
    private record PeriodBuilt(PeriodSummary summary, String fileName, byte[] content) {}

    private PeriodBuilt buildPeriodExport(Connection c, UnitTree tree, Unit scope, Period period, java.time.Instant now)
            throws Exception {
        long started = System.nanoTime();
        PeriodSummary s = summarizer.summarizePeriod(c, tree, scope, period, now);
        Map<String, ReportData.Figures> cumulative = s.weeks().isEmpty() ? Map.of() : summarizer.values(c).sumPerUnit(
                tree.subtree(scope).stream().map(Unit::code).toList(), settings.campaignStart(), s.weeks().get(s.weeks().size() - 1));
        byte[] xlsx = excel.build(new ExcelExport.PeriodInput(tree, s, cumulative, Members.leaderNames(c), now));
        log.info("Export built: {} bytes in {} ms, scope {}, period {}", xlsx.length,
                (System.nanoTime() - started) / 1_000_000, scope.code(), period.typed());
        return new PeriodBuilt(s, excel.fileName(s), xlsx);
    }

    // ---- #vanban -------------------------------------------------------------------------------------------

    /** Weeks looked back for units that keep not reporting (the draft names how many weeks in a row, up to this). */
    static final int ABSENCE_LOOKBACK = 12;

    private List<Reply> draft(CommandCall call) throws Exception {
        Connection tx = call.tx();
        vn.cdsbot.campaign.CampaignArgs named = vn.cdsbot.campaign.CampaignArgs.parse(call.args());
        if (named.named()) return campaignDraft(call, named);
        Request req = Request.parseAny(call.args(), call.now(), settings.calendar());
        List<String> words = new ArrayList<>(req.words());
        words.removeIf(w -> Set.of("word", "docx", "tep").contains(Texts.fold(w)));
        UnitTree tree = UnitTree.load(tx);
        Unit scope = Request.scope(call.sender(), tree, String.join(" ", words));
        if (!req.weekly()) return periodDraft(call, tree, scope, req.period());
        Week week = req.week();
        String user = call.sender().userId();
        // Sent as a Zalo file, and as a link too; the outbox audits it again if Zalo refuses the file.
        Audit.record(tx, call.now().toEpochMilli(), user, "summary.vanban", scope.code(), "week=" + week.key() + " delivery=file");
        return desk.run(call, "vanban", "Đang soạn dự thảo báo cáo " + week.label() + " – " + scope.name()
                        + ", bot sẽ gửi trong giây lát.",
                c -> buildDraft(c, tree, scope, week, call.now()),
                (t, built, now) -> {
                    ExportStore.Link link = exports.save(t, user, scope.code(), week, built.fileName(), built.content(), now);
                    return draftReplies(link, built.fileName(), built.content(), week.label()
                            + (built.summary().running() ? ", tuần đang diễn ra," : "") + " – " + scope.name());
                });
    }

    /**
     * A report draft as delivered: the .docx as a Zalo file (its link instead when Zalo refuses it), then one line with
     * the same link for a desktop. {@code what}: "tuần 49 (…) – Tỉnh Bình Phước".
     */
    private List<Reply> draftReplies(ExportStore.Link link, String fileName, byte[] content, String what) {
        String until = VnDates.until(link.expiresAt(), settings.zone());
        Button download = Button.url("Tải dự thảo báo cáo (Word)", link.url());
        Reply.Text fallback = new Reply.Text("Zalo chưa nhận gửi tệp dự thảo báo cáo qua tin nhắn. Bạn tải tệp "
                + "Word tại liên kết sau (dùng được đến " + until + "): " + link.url(), List.of(download));
        String text = "Dự thảo báo cáo " + what + " (tệp Word, theo thể thức Nghị định 30/2020/NĐ-CP). Số văn bản, nơi "
                + "nhận, người ký và mục III để trống cho văn phòng hoàn thiện. Mở trên máy tính: liên kết dùng được đến "
                + until + ", vui lòng không chuyển cho người ngoài.";
        return List.of(new Reply.File(content, fileName, fallback), Reply.text(text, List.of(download)));
    }

    private Built buildDraft(Connection c, UnitTree tree, Unit scope, Week week, java.time.Instant now) throws Exception {
        long started = System.nanoTime();
        ScopeSummary s = summarizer.summarize(c, tree, scope, week, true, now);
        List<ReportDraft.Row> rows = new ArrayList<>();
        if (s.parts().isEmpty()) {
            rows.add(new ReportDraft.Row(scope, s.total()));
        } else {
            // A commune with hamlet teams: its own team's row first, then each hamlet's; their sum is the total.
            s.parts().stream().filter(ScopeSummary.Part::own).findFirst().ifPresent(p -> rows.add(new ReportDraft.Row(
                    new Unit(p.unit().code(), SummaryTexts.ownName(p.unit()), p.unit().parentCode(), p.unit().kind(), true),
                    p.tally())));
            for (Unit child : tree.children(scope)) {   // tree order, as a report lists its units
                ScopeSummary.Tally t = s.tallies().get(child.code());
                if (t != null && t.expected() > 0) rows.add(new ReportDraft.Row(child, t));
            }
        }
        byte[] docx = drafts.build(new ReportDraft.Input(s, rows, absences(c, s), settings.calendar().today(now),
                campaignsIn(c, tree, scope, week, now)));
        log.info("Report draft built: {} bytes in {} ms, scope {}, week {}", docx.length,
                (System.nanoTime() - started) / 1_000_000, scope.code(), week.key());
        return new Built(s, drafts.fileName(s), docx);
    }

    /** #vanban over a month, quarter or year: the week's layout, its sections worded for the period; a file and a link. */
    private List<Reply> periodDraft(CommandCall call, UnitTree tree, Unit scope, Period period) throws Exception {
        String user = call.sender().userId();
        Audit.record(call.tx(), call.now().toEpochMilli(), user, "summary.vanban", scope.code(),
                "period=" + period.typed() + " delivery=file");
        return desk.run(call, "vanban", "Đang soạn dự thảo báo cáo " + period.typed() + " – " + scope.name()
                        + ", bot sẽ gửi trong giây lát.",
                c -> buildPeriodDraft(c, tree, scope, period, call.now()),
                (t, built, now) -> {
                    ExportStore.Link link = exports.save(t, user, scope.code(), period, built.fileName(), built.content(), now);
                    PeriodSummary s = built.summary();
                    return draftReplies(link, built.fileName(), built.content(), s.name() + " (" + period.coverage() + ")"
                            + (s.running() ? ", đang diễn ra," : "") + " – " + scope.name());
                });
    }

    private PeriodBuilt buildPeriodDraft(Connection c, UnitTree tree, Unit scope, Period period, java.time.Instant now)
            throws Exception {
        long started = System.nanoTime();
        PeriodSummary s = summarizer.summarizePeriod(c, tree, scope, period, now);
        List<PeriodSummary.Part> rows = new ArrayList<>();
        for (Unit child : s.parts().isEmpty() ? List.of(scope) : tree.children(scope)) {   // tree order
            PeriodSummary.Tally t = s.tallies().get(child.code());
            if (t != null && t.units() > 0) rows.add(new PeriodSummary.Part(child, t));
        }
        byte[] docx = drafts.build(new ReportDraft.PeriodInput(s, rows, settings.calendar().today(now),
                campaignsIn(c, tree, scope, period, now)));
        log.info("Report draft built: {} bytes in {} ms, scope {}, period {}", docx.length,
                (System.nanoTime() - started) / 1_000_000, scope.code(), period.typed());
        return new PeriodBuilt(s, drafts.fileName(s), docx);
    }

    /**
     * The progress in {@code scope} of each campaign that ran during {@code period}, as of the period's last day (or
     * today, while the period runs): the "% of target" paragraphs of a week's or month's draft.
     */
    private List<vn.cdsbot.campaign.Progress.Result> campaignsIn(Connection c, UnitTree tree, Unit scope, Period period,
                                                                 java.time.Instant now) throws java.sql.SQLException {
        java.time.LocalDate today = settings.calendar().today(now);
        java.time.LocalDate asOf = period.last().isBefore(today) ? period.last() : today;
        List<vn.cdsbot.campaign.Progress.Result> out = new ArrayList<>();
        for (vn.cdsbot.campaign.Campaign campaign : vn.cdsbot.campaign.Campaigns.during(c, period.first(), period.last())) {
            if (!campaign.started(asOf)) continue;   // starts later in the period than the draft's date
            out.add(progress(c, tree, scope, campaign, asOf));
        }
        return out;
    }

    private vn.cdsbot.campaign.Progress.Result progress(Connection c, UnitTree tree, Unit scope,
                                                        vn.cdsbot.campaign.Campaign campaign, java.time.LocalDate asOf)
            throws java.sql.SQLException {
        return vn.cdsbot.campaign.Progress.compute(campaign, vn.cdsbot.campaign.Campaigns.targets(c, campaign),
                campaignFigures.of(c, campaign), tree, scope, asOf, Set.copyOf(settings.levels().kinds()));
    }

    /**
     * {@code #vanban chiến dịch CD1 [ĐƠN VỊ]} (or {@code #vanban CD1}): the campaign's report draft as of today, in the
     * layout of the week's; a file and a link.
     */
    private List<Reply> campaignDraft(CommandCall call, vn.cdsbot.campaign.CampaignArgs named) throws Exception {
        Connection tx = call.tx();
        vn.cdsbot.campaign.Campaign campaign = vn.cdsbot.campaign.Campaigns.find(tx, named.code()).orElseThrow(() ->
                new UserError("Không tìm thấy chiến dịch \"" + named.code() + "\". Gõ #chiendich để xem các chiến dịch."));
        List<String> words = new ArrayList<>(named.rest().isBlank() ? List.of() : List.of(named.rest().split("\\s+")));
        words.removeIf(w -> Set.of("word", "docx", "tep").contains(Texts.fold(w)));
        UnitTree tree = UnitTree.load(tx);
        Unit scope = Request.scope(call.sender(), tree, String.join(" ", words));
        String user = call.sender().userId();
        Audit.record(tx, call.now().toEpochMilli(), user, "summary.vanban", scope.code(),
                "campaign=" + campaign.code() + " delivery=file");
        vn.cdsbot.period.CampaignDays days = campaign.days();
        return desk.run(call, "vanban", "Đang soạn dự thảo báo cáo chiến dịch " + campaign.code() + " – " + scope.name()
                        + ", bot sẽ gửi trong giây lát.",
                c -> buildCampaignDraft(c, tree, scope, campaign, call.now()),
                (t, built, now) -> {
                    ExportStore.Link link = exports.save(t, user, scope.code(), days, built.fileName(), built.content(), now);
                    return draftReplies(link, built.fileName(), built.content(), days.label() + " – " + scope.name());
                });
    }

    /** A campaign's draft, built; the document alone. */
    private record CampaignBuilt(String fileName, byte[] content) {}

    private CampaignBuilt buildCampaignDraft(Connection c, UnitTree tree, Unit scope, vn.cdsbot.campaign.Campaign campaign,
                                             java.time.Instant now) throws Exception {
        long started = System.nanoTime();
        java.time.LocalDate today = settings.calendar().today(now);
        vn.cdsbot.campaign.Progress.Result p = progress(c, tree, scope, campaign, today);
        byte[] docx = drafts.build(new ReportDraft.CampaignInput(p, vn.cdsbot.campaign.Campaigns.targets(c, campaign), tree, today));
        log.info("Report draft built: {} bytes in {} ms, scope {}, campaign {}", docx.length,
                (System.nanoTime() - started) / 1_000_000, scope.code(), campaign.code());
        return new CampaignBuilt(drafts.fileName(p), docx);
    }

    /** Missing units that have not reported for two weeks or more in a row, most weeks first. */
    private List<ReportDraft.Absence> absences(Connection tx, ScopeSummary s) throws java.sql.SQLException {
        ReportCache values = summarizer.values(tx);
        List<Map<String, ReportData.Figures>> weeks = new ArrayList<>();
        for (int back = 0; back < ABSENCE_LOOKBACK; back++) weeks.add(values.week(s.week().plusWeeks(-back)));
        List<ReportDraft.Absence> out = new ArrayList<>();
        for (Unit u : s.missing()) {
            int run = 0;
            // Weeks before the campaign began, or before the unit existed, are not missed reports.
            while (run < ABSENCE_LOOKBACK && !weeks.get(run).containsKey(u.code())
                    && s.week().plusWeeks(-run).compareTo(settings.campaignStart()) >= 0
                    && summarizer.isExpected(u, null, s.week().plusWeeks(-run))) run++;
            if (run >= 2) out.add(new ReportDraft.Absence(u, run));
        }
        out.sort(java.util.Comparator.comparingInt((ReportDraft.Absence a) -> -a.weeks()));
        return out;
    }

    /** A button's command: always with its period, so it means the same whenever it is tapped. */
    static String command(String name, Period period, Unit scope) {
        return name + " " + period.typed() + (scope.virtual() ? "" : " " + scope.code());
    }

    /** The week next to the one shown, offered as a button so a summary never silently disagrees with a report. */
    private record OtherWeek(Week week, String title, String note) {}

    private java.util.Optional<OtherWeek> otherWeek(Connection tx, UnitTree tree, ScopeSummary s, java.time.Instant now)
            throws java.sql.SQLException {
        if (s.running()) {
            Week before = s.week().previous();
            return java.util.Optional.of(new OtherWeek(before, "Xem tuần " + before.number() + " (đã kết thúc)",
                    "Muốn xem tuần đã kết thúc: tuần " + before.number() + " (" + before.dates() + ")."));
        }
        Week next = s.week().next();
        if (!next.runningOn(settings.calendar().today(now))) return java.util.Optional.empty();
        Map<String, ReportData.Figures> reports = summarizer.values(tx).week(next);
        long reported = tree.subtree(s.scope()).stream().filter(u -> reports.containsKey(u.code())).count();
        return java.util.Optional.of(new OtherWeek(next, "Xem tuần " + next.number() + " (đang diễn ra)",
                "Tuần " + next.number() + " đang diễn ra: " + reported + " đơn vị đã báo cáo."));
    }
}
