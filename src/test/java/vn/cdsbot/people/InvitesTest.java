package vn.cdsbot.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Role;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;

class InvitesTest {
    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-24T10:00");
    Database db;

    @BeforeEach
    void open() throws Exception {
        db = PeopleFixture.database(PeopleFixture.config(dir), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<String> create(int count, int days) {
        return db.inTransaction(tx -> Invites.create(tx, "BP-DXO-01", Role.MEMBER, count, days, "admin", clock.millis()));
    }

    private Invites.Redemption redeem(String code, String user) {
        return db.inTransaction(tx -> {
            UnitTree tree = UnitTree.load(tx);
            return Invites.redeem(tx, code, user, clock.millis(), u -> tree.find(u).map(Unit::active).orElse(false));
        });
    }

    @Test
    void codesAreEightEasyCharactersAndDistinct() {
        List<String> codes = create(50, 7);
        assertThat(codes).hasSize(50).allMatch(c -> c.matches("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}"));
        assertThat(new HashSet<>(codes)).hasSize(50);
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) for (char ch : Invites.newCode().toCharArray()) seen.add(ch);
        assertThat(seen).hasSize(Invites.ALPHABET.length()); // every letter of the alphabet is used, nothing else
    }

    @Test
    void aCodeWorksOnceAndIsForgivingAboutCaseAndDashes() {
        String code = create(1, 7).get(0);
        String typed = code.substring(0, 4).toLowerCase() + "-" + code.substring(4);
        assertThat(redeem(typed, "u1")).isInstanceOf(Invites.Redemption.Accepted.class);
        assertThat(redeem(code, "u2")).isInstanceOf(Invites.Redemption.AlreadyUsed.class);
        assertThat(PeopleFixture.rows(db, "SELECT used_by FROM invites WHERE code = ?", code)).containsExactly("u1");
    }

    @Test
    void aCodeExpiresAfterItsDaysAndAnExpiredCodeStaysUnused() {
        String code = create(1, 7).get(0);
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        String second = create(1, 7).get(0);
        assertThat(redeem(second, "u1")).isInstanceOf(Invites.Redemption.Accepted.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(redeem(code, "u2")).isInstanceOf(Invites.Redemption.Expired.class);
        assertThat(PeopleFixture.rows(db, "SELECT used_by FROM invites WHERE code = ?", code)).containsExactly("null");
    }

    @Test
    void unknownCodesAndClosedUnitsAreRefused() throws Exception {
        assertThat(redeem("ZZZZZZZZ", "u1")).isInstanceOf(Invites.Redemption.Unknown.class);
        String code = create(1, 7).get(0);
        db.inTransaction(tx -> tx.createStatement().executeUpdate("UPDATE units SET active = 0 WHERE code = 'BP-DXO-01'"));
        assertThat(redeem(code, "u1")).isInstanceOf(Invites.Redemption.UnitClosed.class);
        assertThat(PeopleFixture.rows(db, "SELECT used_by FROM invites WHERE code = ?", code)).containsExactly("null");
    }
}
