package vn.cdsbot.people;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.storage.Database;
import vn.cdsbot.zalo.TokenSource;
import vn.cdsbot.zalo.ZaloClient;
import vn.cdsbot.zalo.ZaloResponse;

/**
 * Fills in members' display names from /v3.0/oa/user/detail, once each. Runs as a periodic job, never inside
 * a message's transaction: an HTTP call there would hold SQLite's only write lock for seconds.
 */
final class NameFetcher implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(NameFetcher.class);
    private static final long RETRY_AFTER_MS = 3_600_000L;
    private static final int BATCH = 20;

    private final Database db;
    private final ZaloClient zalo;
    private final TokenSource tokens;
    private final Clock clock;

    NameFetcher(Database db, ZaloClient zalo, TokenSource tokens, Clock clock) {
        this.db = db;
        this.zalo = zalo;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public void run() {
        long now = clock.millis();
        List<String> users = db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM members WHERE active = 1 AND "
                    + "display_name IS NULL AND (name_checked_at IS NULL OR name_checked_at < ?) LIMIT " + BATCH)) {
                ps.setLong(1, now - RETRY_AFTER_MS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
        for (String user : users) fetch(user);
    }

    private void fetch(String user) {
        String name = null;
        try {
            ZaloResponse r = zalo.userDetail(tokens.current(), user);
            if (r.ok()) name = r.data().path("display_name").asText("").strip();
            else log.info("user/detail refused for a member: error {} {}", r.error(), r.message());
        } catch (IOException | TokenSource.TokenUnavailableException e) {
            log.info("user/detail failed, will retry later: {}", e.toString());
        }
        String found = name == null || name.isEmpty() ? null : vn.cdsbot.chat.Texts.nfc(name);
        long now = clock.millis();
        db.inTransaction(c -> {
            // Only for a still-active member: a withdrawal in the meantime must not bring the name back.
            try (PreparedStatement ps = c.prepareStatement(found != null
                    ? "UPDATE members SET display_name = ? WHERE user_id = ? AND active = 1 AND display_name IS NULL"
                    : "UPDATE members SET name_checked_at = ? WHERE user_id = ? AND active = 1")) {
                if (found != null) ps.setString(1, found); else ps.setLong(1, now);
                ps.setString(2, user);
                return ps.executeUpdate();
            }
        });
    }
}
