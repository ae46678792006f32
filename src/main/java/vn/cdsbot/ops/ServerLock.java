package vn.cdsbot.ops;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive OS lock on {@code <database>.lock}, held by a running server (and by a restore) for its whole life.
 * The operating system drops it when the process dies, even by kill -9, so a stale lock file never blocks anyone.
 * A second server on the same database and a restore under a running server both fail to get it.
 *
 * <p>POSIX record locks belong to the process, and closing ANY descriptor of the file drops them all, so within
 * this JVM a held lock is looked up in {@link #HELD} and its file is never opened a second time.
 */
public final class ServerLock implements AutoCloseable {
    private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;

    private ServerLock(FileChannel channel, FileLock lock, Path file) {
        this.channel = channel;
        this.lock = lock;
        this.file = file;
    }

    /** The lock file next to the database. */
    public static Path fileFor(Path database) {
        Path abs = database.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".lock");
    }

    /** Takes the lock, or throws {@link HeldException} naming who holds it. */
    public static ServerLock acquire(Path database, String holder) {
        Optional<ServerLock> lock = tryAcquire(database, holder);
        if (lock.isEmpty()) throw new HeldException(fileFor(database), describeHolder(fileFor(database)));
        return lock.get();
    }

    /** Takes the lock if nobody holds it. */
    public static synchronized Optional<ServerLock> tryAcquire(Path database, String holder) {
        Path file = fileFor(database);
        if (HELD.containsKey(file)) return Optional.empty();
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            // Who holds it, for the refusal message; the lock itself, not this text, is what counts.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + " pid " + ProcessHandle.current().pid() + " since " + Instant.now()
                    + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            HELD.put(file, holder + " pid " + ProcessHandle.current().pid() + " (this process)");
            return Optional.of(new ServerLock(channel, lock, file));
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IllegalStateException("cannot use the lock file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String describeHolder(Path file) {
        String here = HELD.get(file);
        if (here != null) return here;
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        synchronized (ServerLock.class) {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock anyway
            } finally {
                HELD.remove(file);
            }
        }
    }

    public Path file() {
        return file;
    }

    /** The database is in use by a running server or a restore. */
    public static final class HeldException extends IllegalStateException {
        private final Path lockFile;
        private final String holder;

        HeldException(Path lockFile, String holder) {
            super("the database is in use: " + lockFile + " is locked by " + holder);
            this.lockFile = lockFile;
            this.holder = holder;
        }

        public Path lockFile() {
            return lockFile;
        }

        public String holder() {
            return holder;
        }
    }
}
