package vn.cdsbot.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

class InviteCliTest {
    @TempDir
    Path dir;

    @Test
    void printsOneCodePerLineAndStoresThem() throws Exception {
        BotConfig config = PeopleFixture.config(dir);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = People.cliInvite(config, "bp", "admin", 3, 2, MutableClock.at("2026-11-24T10:00"),
                new PrintWriter(out), new PrintWriter(err));
        assertThat(rc).isZero();
        assertThat(err.toString()).contains(Path.of(config.storage().database()).toAbsolutePath().toString(),
                "valid until 10:00 26/11/2026 (Asia/Ho_Chi_Minh)");
        String[] lines = out.toString().strip().split("\n");
        assertThat(lines).hasSize(3).allMatch(l -> l.matches("[A-Z2-9]{8}"));
        try (Database db = Database.open(Path.of(config.storage().database()), "NORMAL", 2)) {
            assertThat(PeopleFixture.rows(db, "SELECT unit_code, role, created_by, expires_at - created_at FROM invites"))
                    .hasSize(3).allMatch(r -> r.equals("BP|admin|cli|" + 2 * 86_400_000L));
            assertThat(PeopleFixture.rows(db, "SELECT action, subject FROM audit_log WHERE actor = 'cli'"))
                    .containsExactly("invite.create|BP");
        }
    }

    @Test
    void refusesUnknownUnitsAndRoles() throws Exception {
        BotConfig config = PeopleFixture.config(dir);
        StringWriter err = new StringWriter();
        PrintWriter e = new PrintWriter(err, true);
        PrintWriter o = new PrintWriter(new StringWriter());
        MutableClock clock = MutableClock.at("2026-11-24T10:00");
        assertThat(People.cliInvite(config, "NOPE", "admin", 1, null, clock, o, e)).isEqualTo(2);
        assertThat(People.cliInvite(config, "BP", "citizen", 1, null, clock, o, e)).isEqualTo(2);
        assertThat(People.cliInvite(config, "BP", "admin", 0, null, clock, o, e)).isEqualTo(2);
        assertThat(err.toString()).contains("--unit: no active unit with code 'NOPE'", "--role:", "--count:");
    }
}
