package vn.cdsbot;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import vn.cdsbot.config.BotClock;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.config.ConfigLoader;
import vn.cdsbot.config.ZaloCredentials;
import vn.cdsbot.handoff.Handoff;
import vn.cdsbot.ops.Backups;
import vn.cdsbot.ops.ServerLock;
import vn.cdsbot.people.People;
import vn.cdsbot.storage.Database;

/** The command line: serve, ask, kb check, invite, units import, backup, restore, campaign. */
@Command(name = "cdsbot", mixinStandardHelpOptions = true, version = "cdsbot 1.0",
        description = "Zalo OA chatbot for community digital-technology teams.",
        subcommands = {Main.Serve.class, Main.Ask.class, Main.Kb.class, Main.Invite.class, Main.Units.class, Main.Backup.class,
                Main.Restore.class, Main.CampaignCommand.class})
public final class Main implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @Option(names = "--config", description = "configuration file (default: bot-config.yaml, else the embedded default)",
            scope = CommandLine.ScopeType.INHERIT)
    Path config;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // UTF-8 whatever the locale: a server without LANG would print Vietnamese as '?'
        cli.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println("Configuration error: " + e.getMessage());
                return 2;
            }
            if (e instanceof Backups.Failure || e instanceof ServerLock.HeldException) {
                cmd.getErr().println(e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** The clock of every command: the system's, or the rehearsal clock of CDSBOT_CLOCK (announced once). */
    Clock clock() {
        BotClock.rehearsalStart(System.getenv()).ifPresent(start -> log.warn(
                "{} is set: the bot's clock started at {} and runs on from there (rehearsal), not at the real time.",
                BotClock.VARIABLE, start));
        return BotClock.fromEnv(System.getenv());
    }

    ConfigLoader.Loaded loadConfig() {
        boolean explicit = config != null;
        return ConfigLoader.load(explicit ? config : Path.of(ConfigLoader.DEFAULT_FILE), explicit, System.getenv());
    }

    @Command(name = "serve", description = "Run the webhook server.")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() throws InterruptedException {
            ConfigLoader.Loaded loaded = main.loadConfig();
            BotConfig cfg = loaded.config();
            ZaloCredentials credentials = ZaloCredentials.fromEnv(System.getenv());
            log.info("Configuration: {}", loaded.source());
            App app = App.start(cfg, credentials, main.clock());
            announce(credentials, app.port());
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stop.countDown();
            }));
            stop.await();
            return 0;
        }

        static void announce(ZaloCredentials credentials, int port) {
            switch (credentials.mode()) {
                // One log line each: line breaks inside a message are escaped (user text must not forge lines).
                case LOCAL -> {
                    log.warn("==============================================================");
                    log.warn(" LOCAL MODE: no Zalo credentials in the environment.");
                    log.warn(" Replies go to the built-in test sink, not to Zalo.");
                    log.warn(" Chat with the bot at:  http://localhost:{}/dev/chat", port);
                    log.warn("==============================================================");
                }
                case BOOTSTRAP -> log.warn("BOOTSTRAP MODE: ZALO_APP_ID is set but ZALO_OA_SECRET_KEY is not. "
                        + "Webhook POSTs are answered 200 without being handled so the Zalo console can save the URL "
                        + "http(s)://<your domain>/webhook/zalo. Then copy the OA secret key into ZALO_OA_SECRET_KEY and restart.");
                case PRODUCTION -> log.info("Zalo OA mode, app id {}; webhook at /webhook/zalo on port {}",
                        credentials.appId(), port);
            }
        }
    }

    @Command(name = "invite", description = "Print one-time enrolment codes, one per line (the first admin comes from here).")
    static final class Invite implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--unit", required = true, description = "unit code from the units CSV, e.g. BP")
        String unit;

        @Option(names = "--role", required = true, description = "member, leader, secretariat, editor or admin")
        String role;

        @Option(names = "--count", defaultValue = "1", description = "how many codes (default 1)")
        int count;

        @Option(names = "--days", description = "days until the codes expire (default reporting.invite_days)")
        Integer days;

        @Override
        public Integer call() {
            BotConfig cfg = main.loadConfig().config();
            return People.cliInvite(cfg, unit, role, count, days, main.clock(),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "units", description = "Units-file tools.", subcommands = {Main.UnitsImportCommand.class})
    static final class Units implements Callable<Integer> {
        @Override
        public Integer call() {
            new CommandLine(this).usage(System.out);
            return 0;
        }
    }

    @Command(name = "import", description = "Write the units file of one province (communes directly under it) from a "
            + "dataset of administrative units after 1/7/2025.")
    static final class UnitsImportCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--dataset", required = true, paramLabel = "FILE",
                description = "JSON of thanglequoc/vietnamese-provinces-database (see data/README.md)")
        Path dataset;

        @Option(names = "--province", required = true, description = "the province's name, e.g. \"Đồng Nai\"")
        String province;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the units file to write")
        Path out;

        @Option(names = "--force", description = "replace FILE if it exists")
        boolean force;

        @Override
        public Integer call() {
            return vn.cdsbot.people.UnitsImport.cli(dataset, province, out, force, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }

    @Command(name = "backup", description = "Copy the database to FILE (SQLite online backup: safe while the server runs).")
    static final class Backup implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @CommandLine.Parameters(paramLabel = "FILE", description = "the backup file to write")
        Path file;

        @Option(names = "--force", description = "overwrite FILE if it exists")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Path database = Path.of(main.loadConfig().config().storage().database());
            Backups.Summary s = Backups.backup(database, file, force);
            PrintWriter out = spec.commandLine().getOut();
            out.println("Đã sao lưu " + database + " vào " + s.file() + " (" + s.bytes() + " byte, lược đồ phiên bản "
                    + s.schemaVersion() + ", kiểm tra toàn vẹn: ok).");
            out.println("Số dòng: " + Backups.describeRows(s.rows()));
            return 0;
        }
    }

    @Command(name = "restore", description = "Replace the database with the backup FILE (the server must be stopped).")
    static final class Restore implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @CommandLine.Parameters(paramLabel = "FILE", description = "a file written by the backup command")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            BotConfig cfg = main.loadConfig().config();
            Path database = Path.of(cfg.storage().database());
            Backups.Restored r = Backups.restore(file, database, main.clock().withZone(cfg.zone()));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Đã khôi phục " + r.database() + " từ " + file + " (lược đồ phiên bản "
                    + r.summary().schemaVersion() + ", kiểm tra toàn vẹn: ok).");
            out.println("Số dòng: " + Backups.describeRows(r.summary().rows()));
            r.previous().ifPresent(p -> out.println("Cơ sở dữ liệu cũ được giữ lại tại " + p + "."));
            out.println("Bây giờ hãy khởi động lại máy chủ (ví dụ: sudo systemctl start cdsbot).");
            return 0;
        }
    }

    @Command(name = "ask", description = "Print the bot's reply to a question exactly as a user would see it.")
    static final class Ask implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @CommandLine.Parameters(arity = "0..1", paramLabel = "QUESTION")
        String question;

        @Option(names = "--batch", paramLabel = "FILE",
                description = "one question per line; prints one JSON object per line")
        Path batch;

        @Override
        public Integer call() {
            BotConfig cfg = main.loadConfig().config();
            if (batch != null) return vn.cdsbot.kb.KbCli.askBatch(cfg, batch, main.clock(), System.out);
            if (question == null || question.isBlank()) throw new CommandLine.ParameterException(
                    new CommandLine(this), "give a QUESTION or --batch FILE");
            return vn.cdsbot.kb.KbCli.ask(cfg, question, main.clock(), System.out);
        }
    }

    @Command(name = "kb", description = "Knowledge-base tools.", subcommands = {Main.KbCheck.class, Main.KbUnanswered.class,
            Main.KbAccept.class, Main.KbDraft.class})
    static final class Kb implements Callable<Integer> {
        @Override
        public Integer call() {
            new CommandLine(this).usage(System.out);
            return 0;
        }
    }

    @Command(name = "check", description = "Validate every knowledge-base file; non-zero exit on any error.")
    static final class KbCheck implements Callable<Integer> {
        @CommandLine.ParentCommand
        Kb kb;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(arity = "0..1", paramLabel = "DIR", description = "folder to check (default: kb.dir)")
        Path dir;

        @Option(names = "--strict", description = "also fail on warnings (sources not re-checked recently)")
        boolean strict;

        @Override
        public Integer call() {
            Main main = (Main) spec.parent().parent().userObject();
            return vn.cdsbot.kb.KbCli.check(main.loadConfig().config(), dir, strict, main.clock(), System.out);
        }
    }

    @Command(name = "unanswered", description = "List unanswered questions and \"Chưa đúng\" feedback by nearest article.")
    static final class KbUnanswered implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--days", defaultValue = "7", description = "how many days back, today included (default 7)")
        int days;

        @Override
        public Integer call() {
            Main main = (Main) spec.parent().parent().userObject();
            return vn.cdsbot.kb.KbCli.unanswered(main.loadConfig().config(), days, main.clock(), System.out, System.err);
        }
    }

    @Command(name = "accept", description = "Add a kept question (C12, P5 from kb unanswered; HT-4821, a closed hand-off "
            + "ticket) to an article's questions.")
    static final class KbAccept implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(index = "0", paramLabel = "REF",
                description = "C12 (unanswered), P5 (\"Chưa đúng\") or HT-4821 (a closed hand-off ticket)")
        String ref;

        @CommandLine.Parameters(index = "1", paramLabel = "ARTICLE_ID", description = "the article's id")
        String articleId;

        @Override
        public Integer call() {
            Main main = (Main) spec.parent().parent().userObject();
            BotConfig config = main.loadConfig().config();
            if (!Handoff.isTicketRef(ref)) {
                return vn.cdsbot.kb.KbCli.accept(config, ref, articleId, main.clock(), System.out, System.err);
            }
            return closedTicket(config, ref, "question", main.clock())
                    .map(t -> vn.cdsbot.kb.KbCli.addQuestion(config, t.question(), articleId, main.clock(), System.out, System.err))
                    .orElse(1);
        }
    }

    @Command(name = "draft", description = "Write a draft article (not live) from a closed hand-off ticket's question and answer.")
    static final class KbDraft implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(index = "0", paramLabel = "TICKET", description = "the ticket's code, e.g. HT-4821")
        String ref;

        @Override
        public Integer call() {
            Main main = (Main) spec.parent().parent().userObject();
            BotConfig config = main.loadConfig().config();
            return closedTicket(config, ref, "draft", main.clock())
                    .map(t -> vn.cdsbot.kb.KbCli.draft(config, t.code().toLowerCase(java.util.Locale.ROOT), t.question(),
                            t.answers(), "câu hỏi " + t.code() + " do Tổ công nghệ số cộng đồng trả lời", main.clock(),
                            System.out, System.err))
                    .orElse(1);
        }
    }

    /** A closed, answered hand-off ticket for the knowledge-base tools, or a message saying why there is none. */
    private static Optional<Handoff.ClosedTicket> closedTicket(BotConfig config, String ref, String use, Clock clock) {
        try (Database db = Database.open(Path.of(config.storage().database()), config.storage().synchronous(), 2)) {
            Optional<Handoff.ClosedTicket> t = Handoff.forEditors(db, ref, use, clock);
            if (t.isEmpty()) {
                System.err.println("no closed, answered hand-off ticket '" + ref + "' with its texts still kept "
                        + "(texts are dropped after kb.keep_questions_days and when the citizen withdraws)");
            }
            return t;
        }
    }

    @Command(name = "campaign", description = "Campaigns with targets per unit.", subcommands = {Main.CampaignCreate.class,
            Main.CampaignTargets.class, Main.CampaignList.class})
    static final class CampaignCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main main;

        @Override
        public Integer call() {
            new CommandLine(this).usage(System.out);
            return 0;
        }
    }

    /** Where a campaign's targets come from: a file, or totals split by a column of the units file. */
    static final class TargetOptions {
        @Option(names = "--targets", paramLabel = "FILE",
                description = "CSV or XLSX: a column unit_code and one column per indicator code")
        Path file;

        @Option(names = "--total", paramLabel = "CODE=N[,CODE=N]",
                description = "one province-wide target per indicator, split over units by --weight")
        String totals;

        @Option(names = "--weight", paramLabel = "COLUMN",
                description = "column of the units file to split --total by (e.g. population); parts add up exactly")
        String weight;

        vn.cdsbot.campaign.CampaignCli.TargetSource source() {
            return new vn.cdsbot.campaign.CampaignCli.TargetSource(file, totals, weight);
        }
    }

    @Command(name = "create", description = "Create a campaign and print its code.")
    static final class CampaignCreate implements Callable<Integer> {
        @CommandLine.ParentCommand
        CampaignCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--name", required = true, description = "the campaign's name, e.g. \"90 ngày, đêm VNeID\"")
        String name;

        @Option(names = "--from", required = true, description = "first day, YYYY-MM-DD")
        String from;

        @Option(names = "--to", required = true, description = "last day, YYYY-MM-DD")
        String to;

        @Option(names = "--indicator", required = true, description = "indicator code(s) from bot-config.yaml, comma-separated")
        String indicators;

        @CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
        TargetOptions targets;

        @Override
        public Integer call() {
            Main main = parent.main;
            return vn.cdsbot.campaign.CampaignCli.create(main.loadConfig().config(), name, from, to, indicators,
                    targets.source(), main.clock(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "targets", description = "Change a campaign's targets (each change is audited).")
    static final class CampaignTargets implements Callable<Integer> {
        @CommandLine.ParentCommand
        CampaignCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(paramLabel = "CODE", description = "the campaign's code, e.g. CD1")
        String code;

        @CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
        TargetOptions targets;

        @Override
        public Integer call() {
            Main main = parent.main;
            return vn.cdsbot.campaign.CampaignCli.setTargets(main.loadConfig().config(), code, targets.source(), main.clock(),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    @Command(name = "list", description = "List campaigns: code, dates, indicators, state, name.")
    static final class CampaignList implements Callable<Integer> {
        @CommandLine.ParentCommand
        CampaignCommand parent;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Main main = parent.main;
            return vn.cdsbot.campaign.CampaignCli.list(main.loadConfig().config(), main.clock(), spec.commandLine().getOut());
        }
    }
}
