package vn.cdsbot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

/** The daily job: runs once a day from daily_at on (Vietnam time), keeps keep_days of files, touches nothing else. */
class DailyBackupTest {
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    @TempDir Path dir;

    /** A clock the test moves. */
    @Test
    void runsOnceADayFromItsTimeAndPrunesOldFiles() throws Exception {
        Path database = dir.resolve("data").resolve("cdsbot.db");
        Database.open(database, "NORMAL", 2).close();
        Path backups = dir.resolve("data").resolve("backups");
        Files.createDirectories(backups);
        Path ancient = Files.writeString(backups.resolve("cdsbot-2026-11-01.db"), "old");
        Path edge = Files.writeString(backups.resolve("cdsbot-2026-11-09.db"), "kept: exactly keep_days old");
        Path foreign = Files.writeString(backups.resolve("cdsbot-manual.db"), "not ours to delete");

        MutableClock clock = new MutableClock(Instant.EPOCH);
        Backups.Daily daily = new Backups.Daily(new BotConfig.Backup("backups", "02:30", 14), database, VN, clock);

        clock.set("2026-11-23T02:29");
        daily.runIfDue();
        assertThat(daily.fileFor(LocalDate.parse("2026-11-23"))).doesNotExist();
        assertThat(ancient).exists();

        clock.set("2026-11-23T02:31");
        daily.runIfDue();
        Path today = daily.fileFor(LocalDate.parse("2026-11-23"));
        assertThat(today).isEqualTo(backups.resolve("cdsbot-2026-11-23.db"));
        assertThat(Backups.check(today).rows()).containsKey("inbox");
        assertThat(ancient).doesNotExist();
        assertThat(edge).exists();
        assertThat(foreign).exists();

        // a second run the same day does not rewrite it
        long written = Files.getLastModifiedTime(today).toMillis();
        Thread.sleep(20);
        clock.set("2026-11-23T23:59");
        daily.runIfDue();
        assertThat(Files.getLastModifiedTime(today).toMillis()).isEqualTo(written);

        // a server that was down at 02:30 catches up later that day; the edge file is now too old
        clock.set("2026-11-24T10:00");
        daily.runIfDue();
        assertThat(daily.fileFor(LocalDate.parse("2026-11-24"))).exists();
        assertThat(edge).doesNotExist();
        assertThat(foreign).exists();
    }

    @Test
    void emptyTimeMeansNoDailyBackup() throws Exception {
        Path database = dir.resolve("cdsbot.db");
        Database.open(database, "NORMAL", 2).close();
        MutableClock clock = new MutableClock(Instant.EPOCH);
        clock.set("2026-11-23T12:00");
        Backups.daily(new BotConfig.Backup("backups", "", 14), database, VN, clock).run();
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void anAbsoluteDirIsUsedAsIs() throws Exception {
        Path database = dir.resolve("db").resolve("cdsbot.db");
        Database.open(database, "NORMAL", 2).close();
        Path elsewhere = dir.resolve("mnt").resolve("backup-disk");
        MutableClock clock = new MutableClock(Instant.EPOCH);
        clock.set("2026-11-23T03:00");
        Backups.daily(new BotConfig.Backup(elsewhere.toString(), "02:30", 7), database, VN, clock).run();
        assertThat(elsewhere.resolve("cdsbot-2026-11-23.db")).exists();
    }
}
