package vn.cdsbot.campaign;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.cdsbot.chat.Button;
import vn.cdsbot.chat.FileIntake;
import vn.cdsbot.chat.Incoming;
import vn.cdsbot.chat.Reply;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.Sender;
import vn.cdsbot.people.Audit;
import vn.cdsbot.people.UnitTree;
import vn.cdsbot.period.ReportingCalendar;

/**
 * Targets sent as a CSV or XLSX file in chat by the secretariat or an admin: the file is read against the
 * indicators of the running and coming campaigns and previewed, then waits (one per user, expiring like a report
 * draft) until its sender taps the campaign it is for ({@code #chiendich CD1 nhận chỉ tiêu}) or cancels
 * ({@code #chiendich huỷ tệp}). Applying sets the targets through {@link Campaigns#setTargets}, audited per cell.
 */
final class TargetsFromChat implements FileIntake {
    static final Set<Role> SENDERS = EnumSet.of(Role.SECRETARIAT, Role.ADMIN);
    /** The words after a campaign code that apply the waiting file to it, folded. */
    static final String APPLY_WORDS = "nhan chi tieu";
    static final String CANCEL_WORDS = "huy tep";

    private final ReportingCalendar calendar;
    private final CampaignTexts texts;
    private final Duration keep;

    TargetsFromChat(ReportingCalendar calendar, CampaignTexts texts, Duration keep) {
        this.calendar = calendar;
        this.texts = texts;
        this.keep = keep;
    }

    @Override
    public Set<Role> roles() {
        return SENDERS;
    }

    @Override
    public List<Reply> handle(Incoming message, Sender sender, Connection tx) throws Exception {
        Incoming.File file = message.files().get(0);   // Zalo sends one file per message
        long now = message.at().toEpochMilli();
        if (!(file.fetched() instanceof Incoming.Fetched.Content content)) {
            String why = file.fetched() instanceof Incoming.Fetched.Failed f ? f.reason() : "tệp không tải được";
            Audit.record(tx, now, sender.userId(), "campaign.targets_file.failed", file.name(), why);
            return List.of(Reply.text(CampaignTexts.fileNotFetched(file.name(), why)));
        }
        LocalDate today = calendar.today(message.at());
        List<Campaign> open = Campaigns.all(tx).stream().filter(c -> !c.ended(today)).toList();
        if (open.isEmpty()) return List.of(Reply.text(CampaignTexts.fileNoOpenCampaign(file.name())));
        Set<String> indicators = new LinkedHashSet<>();
        open.forEach(c -> indicators.addAll(c.indicators()));
        UnitTree tree = UnitTree.load(tx);
        TargetsFile.Parsed parsed = TargetsFile.parse(content.bytes(), List.copyOf(indicators),
                typed -> CampaignCli.activeUnit(tree, typed));
        TargetUploads.delete(tx, sender.userId());   // a new file replaces whatever was waiting, even a bad one
        if (parsed instanceof TargetsFile.Parsed.Invalid invalid) {
            Audit.record(tx, now, sender.userId(), "campaign.targets_file.invalid", file.name(),
                    "problems=" + invalid.problems().size());
            return List.of(Reply.text(CampaignTexts.fileProblems(file.name(), invalid.problems())));
        }
        TargetsFile.Parsed.Ok ok = (TargetsFile.Parsed.Ok) parsed;
        List<Campaign> fit = open.stream().filter(c -> c.indicators().containsAll(ok.indicators())).toList();
        if (fit.isEmpty()) return List.of(Reply.text(texts.fileFitsNoCampaign(file.name(), ok.indicators(), open)));
        TargetUploads.put(tx, new TargetUploads.Pending(sender.userId(), file.name(), ok.targets(), ok.indicators(),
                message.inboxId(), now, now + keep.toMillis()));
        Audit.record(tx, now, sender.userId(), "campaign.targets_file", file.name(),
                "units=" + ok.targets().size() + " indicators=" + String.join(",", ok.indicators()));
        List<Button> buttons = new ArrayList<>();
        for (Campaign c : fit.subList(0, Math.min(CampaignFeature.MAX_BUTTONS - 1, fit.size()))) {
            buttons.add(Button.query("Áp dụng cho " + c.code(), "#chiendich " + c.code() + " nhận chỉ tiêu"));
        }
        buttons.add(Button.query("Huỷ", "#chiendich huỷ tệp"));
        return List.of(Reply.text(texts.filePreview(file.name(), ok.targets().size(), totals(ok.targets(), ok.indicators()),
                fit, today, keep), buttons));
    }

    /** Applies the sender's waiting file to {@code campaign}; a second tap finds nothing waiting and changes nothing. */
    String apply(Connection tx, Sender sender, Campaign campaign, long now) throws Exception {
        Optional<TargetUploads.Pending> waiting = TargetUploads.find(tx, sender.userId(), now);
        if (waiting.isEmpty()) return CampaignTexts.fileNothingWaiting();
        TargetUploads.Pending p = waiting.get();
        if (campaign.ended(calendar.today(java.time.Instant.ofEpochMilli(now)))) return CampaignTexts.fileCampaignEnded(campaign);
        if (!campaign.indicators().containsAll(p.indicators())) {
            return texts.fileFitsNoCampaign(p.fileName(), p.indicators(), List.of(campaign));
        }
        int changed = Campaigns.setTargets(tx, campaign, p.targets(), sender.userId(), now);
        TargetUploads.delete(tx, sender.userId());
        Audit.record(tx, now, sender.userId(), "campaign.targets_file.applied", campaign.code(),
                p.fileName() + " changed=" + changed);
        UnitTree tree = UnitTree.load(tx);
        Targets targets = Campaigns.targets(tx, campaign);
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String ind : campaign.indicators()) {
            totals.put(ind, targets.forSubtree(tree, tree.root(), ind).orElse(0L));
        }
        return texts.fileApplied(p.fileName(), campaign, changed, p.targets().size(), tree.root().name(), totals);
    }

    /** Drops the sender's waiting file. */
    String cancel(Connection tx, Sender sender, long now) throws Exception {
        Optional<TargetUploads.Pending> waiting = TargetUploads.find(tx, sender.userId(), now);
        if (waiting.isEmpty()) return CampaignTexts.fileNothingWaiting();
        TargetUploads.delete(tx, sender.userId());
        Audit.record(tx, now, sender.userId(), "campaign.targets_file.cancelled", waiting.get().fileName(), "-");
        return CampaignTexts.fileCancelled(waiting.get().fileName());
    }

    private static Map<String, Long> totals(Map<String, Map<String, Long>> targets, List<String> indicators) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String ind : indicators) {
            out.put(ind, targets.values().stream().mapToLong(m -> m.getOrDefault(ind, 0L)).sum());
        }
        return out;
    }
}
