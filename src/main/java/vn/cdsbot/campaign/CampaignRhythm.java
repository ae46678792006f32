package vn.cdsbot.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.VnFormat;
import vn.cdsbot.messaging.MessagingWindow;
import vn.cdsbot.messaging.Outbox;
import vn.cdsbot.messaging.UserActivity;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.Member;
import vn.cdsbot.people.Members;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.VnDates;
import vn.cdsbot.storage.Database;

/**
 * The daily rhythm while a campaign runs (bot-config.yaml {@code campaigns}): an evening reminder to members of
 * teams with no figure for today, a morning note to each leader on their units behind plan up to yesterday, a
 * daily digest of the province's progress to the secretariat. Each run is recorded per kind and local day in
 * campaign_rhythm_runs in the same transaction as its messages, so a restart neither repeats nor skips it; a run
 * missed while the bot was down is made up within {@link #CATCH_UP}, and skipped after (a 19:00 reminder at
 * midnight would help nobody). Only people Zalo still lets the OA message are written to ({@link MessagingWindow}).
 */
final class CampaignRhythm implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(CampaignRhythm.class);
    static final Duration CATCH_UP = Duration.ofHours(3);

    enum Kind { EVENING, MORNING, DIGEST }

    private final Database db;
    private final Map<Kind, LocalTime> times;
    private final ZoneId zone;
    private final Set<String> reportingKinds;
    private final MessagingWindow window;
    private final CampaignTexts texts;
    private final CampaignFigures.Source figures;
    private final Clock clock;
    private final Runnable wakeOutbox;

    CampaignRhythm(Database db, Map<Kind, LocalTime> times, ZoneId zone, Set<String> reportingKinds, MessagingWindow window,
                   CampaignTexts texts, CampaignFigures.Source figures, Clock clock, Runnable wakeOutbox) {
        this.figures = figures;
        this.db = db;
        this.times = Map.copyOf(times);
        this.zone = zone;
        this.reportingKinds = Set.copyOf(reportingKinds);
        this.window = window;
        this.texts = texts;
        this.clock = clock;
        this.wakeOutbox = wakeOutbox;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        int queued = 0;
        for (Map.Entry<Kind, LocalTime> e : times.entrySet()) {
            Instant slot = latestSlot(e.getValue(), now);
            if (Duration.between(slot, now).compareTo(CATCH_UP) > 0) continue;
            Integer n = db.inTransaction(tx -> runSlot(tx, e.getKey(), slot, now));
            if (n != null) queued += n;
        }
        if (queued > 0) wakeOutbox.run();
    }

    /** Today's {@code time} when it has passed, else yesterday's. */
    Instant latestSlot(LocalTime time, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant slot = today.atTime(time).atZone(zone).toInstant();
        return slot.isAfter(now) ? today.minusDays(1).atTime(time).atZone(zone).toInstant() : slot;
    }

    /** One slot, once: null when it already ran. */
    private Integer runSlot(Connection tx, Kind kind, Instant slot, Instant now) throws SQLException {
        LocalDate day = slot.atZone(zone).toLocalDate();
        String key = kind.name().toLowerCase(java.util.Locale.ROOT);
        try (PreparedStatement ps = tx.prepareStatement("SELECT 1 FROM campaign_rhythm_runs WHERE kind = ? AND day = ?")) {
            ps.setString(1, key);
            ps.setString(2, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return null;
            }
        }
        List<Campaign> running = Campaigns.runningOn(tx, day);
        UnitTree tree = UnitTree.load(tx);
        long since = window.since(tx, now);
        int[] counts = {0, 0};   // messages, unreached
        if (!running.isEmpty()) {
            switch (kind) {
                case EVENING -> evening(tx, tree, running, day, since, now, counts);
                case MORNING -> morning(tx, tree, running, day, since, now, counts);
                case DIGEST -> digest(tx, tree, running, day, since, now, counts);
            }
        }
        String codes = String.join(",", running.stream().map(Campaign::code).toList());
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO campaign_rhythm_runs (kind, day, slot_at, ran_at, "
                + "campaigns, messages, unreached) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, day.toString());
            ps.setLong(3, slot.toEpochMilli());
            ps.setLong(4, now.toEpochMilli());
            ps.setString(5, codes);
            ps.setInt(6, counts[0]);
            ps.setInt(7, counts[1]);
            ps.executeUpdate();
        }
        if (!running.isEmpty()) {
            Audit.record(tx, now.toEpochMilli(), "system", "campaign." + key, codes,
                    "day=" + day + " messages=" + counts[0] + " unreached=" + counts[1]);
            log.info("Campaign {} run for {} ({}): {} messages, {} people out of Zalo's window", key, day, codes,
                    counts[0], counts[1]);
        }
        return counts[0];
    }

    private boolean reachable(Connection tx, Member m, long since) throws SQLException {
        return MessagingWindow.reaches(UserActivity.lastInteraction(tx, m.userId()), since);
    }

    // ---- evening: teams with no figure for today ------------------------------------------------------------

    private void evening(Connection tx, UnitTree tree, List<Campaign> running, LocalDate day, long since, Instant now,
                         int[] counts) throws SQLException {
        Set<String> reported = new HashSet<>();
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT DISTINCT unit_code FROM reports WHERE day = ? AND superseded_by IS NULL")) {
            ps.setString(1, day.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) reported.add(rs.getString(1));
            }
        }
        List<String> silent = tree.all().stream()
                .filter(u -> reportingKinds.contains(u.kind()) && !reported.contains(u.code())).map(Unit::code).toList();
        Campaign c = running.get(0);
        for (Member m : Members.activeIn(tx, silent)) {
            if (m.role() == Role.EDITOR || m.role() == Role.CITIZEN) continue;   // editors never report
            if (!reachable(tx, m, since)) {
                counts[1]++;
                continue;
            }
            Unit unit = tree.get(m.unitCode()).orElseThrow();
            String names = String.join(", ", running.stream().map(x -> x.code() + " “" + x.name() + "”").toList());
            String text = "Nhắc số hôm nay (" + VnFormat.capitalize(VnDates.weekday(day.getDayOfWeek())) + " "
                    + VnDates.date(day) + "): " + unit.name() + " chưa gửi số của chiến dịch " + names + ".\n"
                    + "Gõ ví dụ: #baocao hôm nay " + c.indicators().get(0) + "=35 (số làm được trong ngày), "
                    + "hoặc bấm nút dưới đây. Hôm nay không làm được gì thì gửi số 0.";
            Outbox.enqueue(tx, m.userId(), null, List.of(Reply.text(text,
                    List.of(Button.query("Báo số hôm nay", "#baocao hôm nay")))), now.toEpochMilli());
            counts[0]++;
        }
    }

    // ---- morning: each leader's units behind plan up to yesterday ---------------------------------------------

    private void morning(Connection tx, UnitTree tree, List<Campaign> running, LocalDate day, long since, Instant now,
                         int[] counts) throws SQLException {
        LocalDate yesterday = day.minusDays(1);
        Map<Campaign, CampaignFigures> figures = new LinkedHashMap<>();
        Map<Campaign, Targets> targets = new LinkedHashMap<>();
        for (Campaign c : running) {
            if (!c.runsOn(yesterday)) continue;   // its first day: nothing is behind yet
            figures.put(c, this.figures.of(tx, c));
            targets.put(c, Campaigns.targets(tx, c));
        }
        if (figures.isEmpty()) return;
        for (Member m : Members.activeWithRole(tx, Role.LEADER)) {
            Optional<Unit> scope = tree.get(m.unitCode());
            if (scope.isEmpty()) continue;
            List<String> parts = new ArrayList<>();
            List<Button> buttons = new ArrayList<>();
            for (Map.Entry<Campaign, CampaignFigures> e : figures.entrySet()) {
                Progress.Result p = Progress.compute(e.getKey(), targets.get(e.getKey()), e.getValue(), tree, scope.get(),
                        yesterday, reportingKinds);
                texts.behind(p).ifPresent(t -> {
                    parts.add(t);
                    if (buttons.size() < CampaignFeature.MAX_BUTTONS) {
                        buttons.add(Button.query("Xem tiến độ " + e.getKey().code(),
                                "#tiendo " + e.getKey().code() + " " + scope.get().code()));
                    }
                });
            }
            if (parts.isEmpty()) continue;   // nothing behind: no message
            if (!reachable(tx, m, since)) {
                counts[1]++;
                continue;
            }
            List<String> pages = vn.cdsbot.summary.Pager.pack(parts, "Đơn vị chậm kế hoạch · " + scope.get().name());
            List<Reply> replies = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) replies.add(Reply.text(pages.get(i), i == pages.size() - 1 ? buttons : List.of()));
            Outbox.enqueue(tx, m.userId(), null, replies, now.toEpochMilli());
            counts[0]++;
        }
    }

    // ---- digest: the province's progress to the secretariat ------------------------------------------------

    private void digest(Connection tx, UnitTree tree, List<Campaign> running, LocalDate day, long since, Instant now,
                        int[] counts) throws SQLException {
        List<Reply> replies = new ArrayList<>();
        for (Campaign c : running) {
            Progress.Result p = Progress.compute(c, Campaigns.targets(tx, c), this.figures.of(tx, c), tree, tree.root(),
                    day, reportingKinds);
            for (String page : texts.progress(p)) replies.add(Reply.text(page));
        }
        for (Member m : Members.activeWithRole(tx, Role.SECRETARIAT)) {
            if (!reachable(tx, m, since)) {
                counts[1]++;
                continue;
            }
            Outbox.enqueue(tx, m.userId(), null, replies, now.toEpochMilli());
            counts[0]++;
        }
    }
}
