package vn.cdsbot.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.ValidateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;
import vn.cdsbot.config.BotConfig;

/**
 * Backups of the SQLite database while the server runs, and restores while it does not.
 *
 * <p>A backup is SQLite's online backup copied in ONE step: a single read transaction, so the copy is a consistent
 * snapshot while writers (WAL) carry on; copying page batches instead would restart whenever the server commits
 * and could never finish under load. The copy is written beside the target, checked, switched to a self-contained
 * rollback-journal file and only then renamed into place.
 *
 * <p>Messages in {@link Failure} are for the operator, in Vietnamese.
 */
public final class Backups {
    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Backups() {}

    /** What a checked database file holds. */
    public record Summary(Path file, long bytes, String schemaVersion, Map<String, Long> rows) {
        public Summary {
            rows = Map.copyOf(rows);
        }
    }

    /** A restore that happened: the old database (if there was one) is kept at {@code previous}. */
    public record Restored(Path database, Optional<Path> previous, Summary summary) {}

    /** An expected refusal or a bad backup file; the message tells the operator what to do. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }

        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Copies the live database to {@code target}; safe while the server is serving. */
    public static Summary backup(Path database, Path target, boolean overwrite) {
        if (!Files.isRegularFile(database)) {
            throw new Failure("Không tìm thấy cơ sở dữ liệu " + database.toAbsolutePath()
                    + ". Kiểm tra storage.database trong bot-config.yaml hoặc biến CDSBOT_DB.");
        }
        Path out = target.toAbsolutePath().normalize();
        if (out.equals(database.toAbsolutePath().normalize())) {
            throw new Failure("Tệp sao lưu không được trùng với cơ sở dữ liệu đang dùng: " + out);
        }
        if (Files.exists(out) && !overwrite) {
            throw new Failure("Tệp " + out + " đã có. Chọn tên khác, hoặc thêm --force để ghi đè.");
        }
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try {
            Files.createDirectories(out.getParent());
            deleteWithSidecars(part);
            try (Connection c = open(database, false)) {
                // pagesPerStep -1: the whole copy in one step, one consistent snapshot (see the class comment)
                int rc = c.unwrap(SQLiteConnection.class).getDatabase()
                        .backup("main", part.toString(), null, 200, 50, -1);
                if (rc != 0) throw new SQLException("SQLite backup returned code " + rc);
            }
            try (Connection c = open(part, false); Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=DELETE");   // one self-contained file, no -wal beside it
            }
            Summary summary = check(part);
            fsync(part);
            move(part, out);
            fsyncDir(out.getParent());
            return new Summary(out, Files.size(out), summary.schemaVersion(), summary.rows());
        } catch (IOException | SQLException e) {
            deleteQuietly(part);
            throw new Failure("Sao lưu thất bại: " + e.getMessage(), e);
        } catch (Failure e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /**
     * Replaces the database with a checked copy of {@code backup}, keeping the old file as
     * {@code <database>.before-restore}. Refused while a server holds the database's lock.
     */
    public static Restored restore(Path backup, Path database, Clock clock) {
        if (!Files.isRegularFile(backup)) throw new Failure("Không tìm thấy tệp sao lưu " + backup.toAbsolutePath());
        Path db = database.toAbsolutePath().normalize();
        if (backup.toAbsolutePath().normalize().equals(db)) {
            throw new Failure("Tệp sao lưu chính là cơ sở dữ liệu đang dùng: " + db);
        }
        if (Files.exists(sidecar(backup, "-wal"))) {
            throw new Failure("Bên cạnh " + backup + " có tệp -wal: đây là bản chép thô của một cơ sở dữ liệu đang mở, "
                    + "không phải bản sao lưu. Hãy tạo bản sao lưu bằng lệnh: java -jar cdsbot.jar backup TỆP");
        }
        Optional<ServerLock> lock = ServerLock.tryAcquire(db, "restore");
        if (lock.isEmpty()) {
            throw new Failure("Máy chủ cdsbot đang chạy với cơ sở dữ liệu " + db + " (tệp khóa "
                    + ServerLock.fileFor(db) + " đang bị giữ). Không khôi phục đè lên dữ liệu đang phục vụ: hãy dừng máy "
                    + "chủ trước (ví dụ: sudo systemctl stop cdsbot), chạy lại lệnh restore, rồi khởi động lại.");
        }
        try (ServerLock held = lock.get()) {
            Files.createDirectories(db.getParent());
            Path part = db.resolveSibling(db.getFileName() + ".restore-part");
            deleteWithSidecars(part);
            Files.copy(backup, part, StandardCopyOption.REPLACE_EXISTING);
            Summary summary;
            try {
                try (Connection c = open(part, false); Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=DELETE");
                }
                summary = check(part);
                checkMigrations(part);
                fsync(part);
            } catch (Failure | IOException | SQLException e) {
                deleteWithSidecars(part);
                if (e instanceof Failure f) throw f;
                throw new Failure("Không đọc được tệp sao lưu " + backup + ": " + e.getMessage(), e);
            }

            Optional<Path> previous = Optional.empty();
            if (Files.exists(db)) previous = Optional.of(setAside(db, clock));
            move(part, db);
            fsyncDir(db.getParent());
            log.info("Database {} restored from {}; previous file kept at {}", db, backup,
                    previous.map(Path::toString).orElse("(none)"));
            return new Restored(db, previous, new Summary(db, Files.size(db), summary.schemaVersion(), summary.rows()));
        } catch (IOException e) {
            throw new Failure("Khôi phục thất bại: " + e.getMessage(), e);
        }
    }

    /**
     * Opens a database file and checks it: SQLite's integrity_check and a clean Flyway history.
     * Throws {@link Failure} listing the problems.
     */
    public static Summary check(Path file) {
        List<String> problems = new ArrayList<>();
        String version = "";
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = open(file, true); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                List<String> lines = new ArrayList<>();
                while (rs.next()) lines.add(rs.getString(1));
                if (!lines.equals(List.of("ok"))) {
                    problems.add("integrity_check: " + String.join("; ", lines.subList(0, Math.min(5, lines.size()))));
                }
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            if (!tables.contains("flyway_schema_history")) {
                problems.add("không có bảng flyway_schema_history: đây không phải cơ sở dữ liệu của cdsbot");
            } else {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")) {
                    if (rs.next() && rs.getLong(1) > 0) problems.add("lịch sử Flyway có bước chuyển đổi thất bại");
                }
                try (ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1 "
                        + "AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                    if (rs.next()) version = rs.getString(1);
                    else problems.add("lịch sử Flyway trống");
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    rows.put(t, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new Failure("Tệp " + file + " không dùng được: " + String.join("; ", problems));
        }
        try {
            return new Summary(file, Files.size(file), version, rows);
        } catch (IOException e) {
            throw new Failure("Không đọc được " + file + ": " + e.getMessage(), e);
        }
    }

    /** The migrations in the backup must be ones this program knows; newer or changed ones would stop the server. */
    private static void checkMigrations(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        ValidateResult result = Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .ignoreMigrationPatterns("*:pending")   // older backups are fine: the server migrates them on start
                .load().validateWithResult();
        if (!result.validationSuccessful) {
            List<String> details = new ArrayList<>();
            if (result.invalidMigrations != null) {
                result.invalidMigrations.forEach(m -> details.add(m.version + ": " + m.errorDetails.errorMessage));
            }
            throw new Failure("Bản sao lưu không khớp với phiên bản cdsbot này (có thể được tạo bởi bản mới hơn hoặc "
                    + "đã sửa tay): " + (details.isEmpty() ? result.getAllErrorMessages() : String.join("; ", details)));
        }
    }

    /** The daily backup job for the server's scheduler; a no-op when backup.daily_at is empty. */
    public static Runnable daily(BotConfig.Backup config, Path database, ZoneId zone, Clock clock) {
        return new Daily(config, database, zone, clock)::runIfDue;
    }

    static final class Daily {
        private final BotConfig.Backup config;
        private final Path database;
        private final ZoneId zone;
        private final Clock clock;
        private final Path dir;
        private final Pattern names;
        private LocalDate attempted;

        Daily(BotConfig.Backup config, Path database, ZoneId zone, Clock clock) {
            this.config = config;
            this.database = database.toAbsolutePath().normalize();
            this.zone = zone;
            this.clock = clock;
            this.dir = this.database.getParent().resolve(config.dir()).normalize();
            this.names = Pattern.compile(Pattern.quote(stem()) + "-(\\d{4}-\\d{2}-\\d{2})\\.db");
        }

        private String stem() {
            String name = database.getFileName().toString();
            return name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        }

        Path fileFor(LocalDate day) {
            return dir.resolve(stem() + "-" + day + ".db");
        }

        /** At most one attempt a day, from daily_at on (so a server that was down at that time catches up). */
        synchronized void runIfDue() {
            if (!config.daily()) return;
            ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), zone);
            LocalDate today = now.toLocalDate();
            if (now.toLocalTime().isBefore(LocalTime.parse(config.dailyAt())) || today.equals(attempted)) return;
            attempted = today;
            Path file = fileFor(today);
            if (!Files.exists(file)) {
                long start = System.nanoTime();
                try {
                    Summary s = backup(database, file, false);
                    log.info("Daily backup written: {} ({} bytes, {} ms)", s.file(), s.bytes(),
                            Duration.ofNanos(System.nanoTime() - start).toMillis());
                } catch (RuntimeException e) {
                    log.error("DAILY BACKUP FAILED: {}. Check the disk and backup.dir in bot-config.yaml; "
                            + "meanwhile run the backup command by hand.", e.getMessage());
                    return;
                }
            }
            prune(today);
        }

        private void prune(LocalDate today) {
            LocalDate oldestKept = today.minusDays(config.keepDays());
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    Matcher m = names.matcher(f.getFileName().toString());
                    if (m.matches() && LocalDate.parse(m.group(1)).isBefore(oldestKept)) {
                        Files.deleteIfExists(f);
                        log.info("Old daily backup deleted: {}", f);
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Could not prune old backups in {}: {}", dir, e.toString());
            }
        }
    }

    private static Path setAside(Path db, Clock clock) throws IOException {
        // Fold the WAL into the main file first so the kept copy is one file; a damaged database may refuse.
        try (Connection c = open(db, false); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("PRAGMA journal_mode=DELETE");
        } catch (SQLException e) {
            log.warn("Could not checkpoint {} before setting it aside: {}", db, e.getMessage());
        }
        Path before = db.resolveSibling(db.getFileName() + ".before-restore");
        if (Files.exists(before)) {
            // never delete an earlier safety copy: give it its own date-stamped name
            String stamp = STAMP.format(ZonedDateTime.ofInstant(
                    Files.getLastModifiedTime(before).toInstant(), clock.getZone()));
            moveWithSidecars(before, before.resolveSibling(before.getFileName() + "-" + stamp));
        }
        moveWithSidecars(db, before);
        return before;
    }

    private static void moveWithSidecars(Path from, Path to) throws IOException {
        move(from, to);
        for (String suffix : List.of("-wal", "-journal")) {   // their content belongs to the file: keep them together
            if (Files.exists(sidecar(from, suffix))) move(sidecar(from, suffix), sidecar(to, suffix));
        }
        Files.deleteIfExists(sidecar(from, "-shm"));   // an index rebuilt from the WAL on open
    }

    private static Path sidecar(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.resetOpenMode(SQLiteOpenMode.CREATE);   // never create an empty database by mistake
        if (readOnly) cfg.setReadOnly(true);
        cfg.setBusyTimeout(10_000);
        return cfg.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void fsyncDir(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not every file system lets a directory be synced; the rename is still atomic
        }
    }

    private static void deleteWithSidecars(Path file) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) Files.deleteIfExists(sidecar(file, suffix));
    }

    private static void deleteQuietly(Path file) {
        try {
            deleteWithSidecars(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    /** For log lines and the CLI: "inbox 12, outbox 30, …" without the bookkeeping tables. */
    public static String describeRows(Map<String, Long> rows) {
        StringBuilder b = new StringBuilder();
        rows.entrySet().stream().filter(e -> !e.getKey().equals("flyway_schema_history"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
        return b.toString();
    }
}
