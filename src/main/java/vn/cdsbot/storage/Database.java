package vn.cdsbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The one SQLite database: WAL, busy timeout, foreign keys, migrations on open. Write transactions begin
 * IMMEDIATE so two writers never deadlock upgrading a read lock.
 *
 * <p>SQLite has one writer at a time. Writers of this process queue on a fair Java lock instead of racing for
 * SQLite's lock: a loser there sleeps in SQLite's busy handler (1, 2, 5, 10 … 100 ms) even when the lock is
 * free again a few microseconds later, which under load cut throughput to about a hundred transactions a
 * second and put whole sleeps into webhook latency. The busy timeout still covers other processes.
 */
public final class Database implements AutoCloseable {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws Exception;
    }

    private final HikariDataSource pool;
    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    private Database(HikariDataSource pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /** Opens (creating if needed) and migrates the database. {@code synchronous} is NORMAL or FULL. */
    public static Database open(Path file, String synchronous, int poolSize) {
        return open(file, synchronous, poolSize, 10_000, 0);
    }

    /**
     * For fault tests: a short busy timeout makes a lock held by another process fail fast, and a page cap
     * ({@code maxPageCount} &gt; 0) makes a full disk reproducible.
     */
    static Database open(Path file, String synchronous, int poolSize, int busyTimeoutMs, int maxPageCount) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create the folder for " + file, e);
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous.toUpperCase(java.util.Locale.ROOT)));
        cfg.enforceForeignKeys(true);
        // Erased personal data (user_withdraw, the purge) is overwritten, not left readable in free pages.
        cfg.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "ON");
        cfg.setBusyTimeout(busyTimeoutMs);
        if (maxPageCount > 0) cfg.setMaxPageCount(maxPageCount);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(cfg);
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        HikariConfig hc = new HikariConfig();
        hc.setDataSource(sqlite);
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("sqlite");
        hc.setConnectionTimeout(30_000);
        HikariDataSource pool = new HikariDataSource(hc);

        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        return new Database(pool, file);
    }

    public DataSource dataSource() {
        return pool;
    }

    public Path file() {
        return file;
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Work<T> work) {
        writeLock.lock();
        try {
            return transaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    /** A single autocommit write (an INSERT, UPDATE or DELETE), queued with the other writers of this process. */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            return read(work);
        } finally {
            writeLock.unlock();
        }
    }

    /*
     * Transactions are begun and ended with plain SQL on a connection left in JDBC auto-commit mode. The
     * driver's own handling (setAutoCommit(false), commit(), rollback()) marks the connection as inside a
     * transaction before its BEGIN runs, and begins the next transaction right after each COMMIT or ROLLBACK.
     * With another process holding the lock, a failed BEGIN left a pooled connection on which the next
     * "transaction" ran statement by statement in auto-commit and then failed to commit (half-written data
     * reported as a failure), and a successful COMMIT could be reported as failed because the following BEGIN
     * was busy. Found by StorageFaultsTest.
     */
    private <T> T transaction(Work<T> work) {
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw new StorageException("no database connection: " + e.getMessage(), e);
        }
        boolean committed = false;
        try {
            exec(c, "BEGIN IMMEDIATE");
            T result = work.run(c);
            exec(c, "COMMIT");
            committed = true;
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException("transaction failed: " + e.getMessage(), e);
        } finally {
            if (!committed && !rollback(c)) pool.evictConnection(c);
            try {
                c.close();
            } catch (SQLException e) {
                // returned to the pool or already evicted: nothing left to do
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Ends whatever transaction may be open; false if the connection's state is now unknown. */
    private static boolean rollback(Connection c) {
        try {
            exec(c, "ROLLBACK");
            return true;
        } catch (SQLException e) {
            // "no transaction is active" (BEGIN itself failed) leaves the connection clean
            return e.getMessage() != null && e.getMessage().contains("no transaction is active");
        }
    }

    /** Runs read-only work on a pooled connection in autocommit mode. Writes go through {@link #write}. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException("query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
