package vn.cdsbot.zalo;

/** Where the OA access token comes from. Implementations must be safe for concurrent use. */
public interface TokenSource {

    /** A token believed valid, refreshing first when it is due. */
    String current() throws TokenUnavailableException;

    /**
     * Zalo said {@code rejected} is invalid or expired. Refreshes unless another thread already replaced it,
     * so a burst of failures costs one refresh.
     */
    String replace(String rejected) throws TokenUnavailableException;

    /** Zalo accepted a call made with {@code token}: it works (ends a pause after a refused fresh token). */
    default void accepted(String token) {}

    /** Human-readable state for /health: "ok", "refresh_failed: …", "missing". */
    String state();

    boolean healthy();

    /** Thrown when no usable token can be had; sends wait and retry. */
    final class TokenUnavailableException extends Exception {
        public TokenUnavailableException(String message) {
            super(message);
        }
    }

    /** Local mode and tests: one fixed token. */
    static TokenSource fixed(String token) {
        return new TokenSource() {
            @Override public String current() { return token; }
            @Override public String replace(String rejected) { return token; }
            @Override public String state() { return "ok (fixed token)"; }
            @Override public boolean healthy() { return true; }
        };
    }
}
