package vn.cdsbot.storage;

/** A database failure, wrapped once at the storage boundary. */
public final class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
