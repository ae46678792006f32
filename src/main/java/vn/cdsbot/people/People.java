package vn.cdsbot.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.Role;
import vn.cdsbot.chat.SenderResolver;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.feature.Feature;
import vn.cdsbot.storage.Database;
import vn.cdsbot.storage.PersonalData;
import vn.cdsbot.zalo.TokenSource;
import vn.cdsbot.zalo.ZaloClient;

/** Units, members and invites: what the rest of the bot needs from them, built in one place. */
public final class People implements Feature {
    private static final Logger log = LoggerFactory.getLogger(People.class);
    static final String EMBEDDED_NOTE = "from the demo list embedded in the jar";

    private final List<Command> commands;
    private final SenderResolver senders;
    private final PersonalData eraser;
    private final Runnable nameJob;

    private People(List<Command> commands, SenderResolver senders, PersonalData eraser, Runnable nameJob) {
        this.commands = commands;
        this.senders = senders;
        this.eraser = eraser;
        this.nameJob = nameJob;
    }

    /** Syncs the units CSV (a bad file stops start-up) and builds the commands, resolver and jobs. */
    public static People wire(BotConfig config, Database db, ZaloClient zalo, TokenSource tokens, Clock clock) {
        String summary = syncUnits(config, db, clock);
        if (summary.contains(EMBEDDED_NOTE)) log.warn("Units: {}", summary);
        else log.info("Units from {}: {}", config.units().file(), summary);
        PersonalData eraser = (tx, userId) -> {
            long now = clock.millis();
            try (PreparedStatement ps = tx.prepareStatement("UPDATE members SET display_name = NULL, active = 0, "
                    + "revoked_at = COALESCE(revoked_at, ?) WHERE user_id = ?")) {
                ps.setLong(1, now);
                ps.setString(2, userId);
                if (ps.executeUpdate() > 0) Audit.record(tx, now, userId, "member.withdraw", userId, null);
            }
        };
        return new People(new PeopleCommands(config.zone(), config.reporting().inviteDays()).all(),
                new MemberResolver(), eraser, new NameFetcher(db, zalo, tokens, clock));
    }

    @Override
    public List<Command> commands() {
        return commands;
    }

    @Override
    public List<PersonalData> personalData() {
        return List.of(eraser);
    }

    @Override
    public List<Runnable> schedules() {
        return List.of(nameJob);
    }

    public SenderResolver senders() {
        return senders;
    }

    /** Reads units.file and brings the units table in line with it. Returns a one-line summary (not logged: the CLI prints codes only). */
    public static String syncUnits(BotConfig config, Database db, Clock clock) {
        String file = config.units().file();
        Source source = read(file);
        List<UnitsCsv.Row> rows = UnitsCsv.parse(source.content(), file);
        ReportingLevels levels = ReportingLevels.of(config);
        if (rows.stream().noneMatch(r -> levels.isReportingKind(r.kind()))) {
            throw new ConfigException(file + ": no unit has a kind listed in units.reporting_kinds (" + levels.describe()
                    + "), so nobody could report");
        }
        String summary = db.inTransaction(tx -> UnitSync.apply(tx, rows, clock.millis())).toString();
        return source.embedded() ? summary + " " + EMBEDDED_NOTE + " (" + Path.of(file).toAbsolutePath() + " not found)" : summary;
    }

    /** One extra column of units.file (e.g. population), unit code → value as written; empty cells are left out. */
    public static Map<String, String> unitsColumn(BotConfig config, String column) {
        String file = config.units().file();
        return UnitsCsv.column(read(file).content(), file, column);
    }

    private record Source(String content, boolean embedded) {}

    /** The file, or the demo list shipped in the jar when the default path is missing (running from elsewhere). */
    private static Source read(String file) {
        Path path = Path.of(file);
        try {
            if (Files.isRegularFile(path)) return new Source(Files.readString(path, StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new ConfigException("units.file: cannot read " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        try (InputStream in = People.class.getResourceAsStream("/embedded/" + file.replace('\\', '/'))) {
            if (in != null) return new Source(new String(in.readAllBytes(), StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            throw new ConfigException("units.file: cannot read the embedded copy of " + file, e);
        }
        throw new ConfigException("units.file: file not found: " + path.toAbsolutePath());
    }

    /**
     * The {@code invite} command line: prints one code per line on {@code out}. Returns the exit status: 0, or 2
     * with a message on {@code err} for a bad unit, role, count or days.
     */
    public static int cliInvite(BotConfig config, String unitCode, String roleText, int count, Integer days, Clock clock,
                                PrintWriter out, PrintWriter err) {
        Optional<Role> role = Role.parse(roleText);
        if (role.isEmpty() || role.get() == Role.CITIZEN) {
            err.println("--role: expected member, leader, secretariat, editor or admin (or thanhvien, totruong, thuky, bientap, "
                    + "quantri), got '"
                    + roleText + "'");
            return 2;
        }
        if (count < 1 || count > Invites.MAX_COUNT) {
            err.println("--count: expected 1.." + Invites.MAX_COUNT + ", got " + count);
            return 2;
        }
        int validDays = days == null ? config.reporting().inviteDays() : days;
        if (validDays < 1 || validDays > 365) {
            err.println("--days: expected 1..365, got " + validDays);
            return 2;
        }
        try (Database db = Database.open(Path.of(config.storage().database()), config.storage().synchronous(), 2)) {
            String summary = syncUnits(config, db, clock);
            if (summary.contains(EMBEDDED_NOTE)) err.println("Units " + summary);
            List<String> codes = db.inTransaction(tx -> {
                Optional<Unit> unit = UnitTree.load(tx).find(unitCode);
                if (unit.isEmpty() || !unit.get().active()) return null;
                long now = clock.millis();
                List<String> created = Invites.create(tx, unit.get().code(), role.get(), count, validDays, Audit.CLI, now);
                Audit.record(tx, now, Audit.CLI, "invite.create", unit.get().code(),
                        "role=" + role.get().code() + " count=" + count + " days=" + validDays);
                return created;
            });
            if (codes == null) {
                err.println("--unit: no active unit with code '" + unitCode + "' in " + config.units().file());
                return 2;
            }
            codes.forEach(out::println);
            out.flush();
            // On standard error, so that standard output stays one code per line for scripts. The database matters:
            // codes written to another file than the one `serve` uses are unknown to the bot.
            java.time.ZonedDateTime expires = java.time.Instant.ofEpochMilli(clock.millis())
                    .plus(java.time.Duration.ofDays(validDays)).atZone(config.zone());
            err.println(codes.size() + " code(s) for " + unitCode.toUpperCase(java.util.Locale.ROOT) + " (" + role.get().code()
                    + ") written to " + Path.of(config.storage().database()).toAbsolutePath() + "; valid until "
                    + java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").format(expires) + " (" + config.zone()
                    + "), once each.");
            err.flush();
            return 0;
        }
    }
}
