package vn.cdsbot.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cdsbot.chat.Role;
import vn.cdsbot.storage.Database;
import vn.cdsbot.testing.MutableClock;
import vn.cdsbot.zalo.TokenSource;
import vn.cdsbot.zalo.ZaloClient;

/** Display names come from /v3.0/oa/user/detail once per member, outside message handling. */
class NameFetcherTest {
    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-24T10:00");
    MockWebServer zalo = new MockWebServer();
    Database db;
    NameFetcher fetcher;
    volatile boolean failing;

    @BeforeEach
    void setUp() throws Exception {
        zalo.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                if (failing) return new MockResponse().setBody("{\"error\":-213,\"message\":\"User has not followed OA\"}");
                String user = r.getRequestUrl().queryParameter("data").replaceAll(".*\"user_id\":\"([^\"]+)\".*", "$1");
                return new MockResponse().setHeader("Content-Type", "application/json")
                        .setBody("{\"error\":0,\"message\":\"Success\",\"data\":{\"user_id\":\"" + user
                                + "\",\"display_name\":\"Nguyễn Văn " + user + "\"}}");
            }
        });
        zalo.start();
        db = PeopleFixture.database(PeopleFixture.config(dir), clock);
        String base = zalo.url("/").toString();
        fetcher = new NameFetcher(db, new ZaloClient(new OkHttpClient(), base, base), TokenSource.fixed("tok"), clock);
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
        zalo.shutdown();
    }

    @Test
    void fetchesEachNameOnceWithTheAccessToken() throws Exception {
        PeopleFixture.enrol(db, "A", "BP-DXO-01", Role.MEMBER, clock.millis());
        fetcher.run();
        fetcher.run();
        assertThat(zalo.getRequestCount()).isEqualTo(1);
        RecordedRequest r = zalo.takeRequest();
        assertThat(r.getPath()).startsWith("/v3.0/oa/user/detail?data=");
        assertThat(r.getHeader("access_token")).isEqualTo("tok");
        assertThat(PeopleFixture.rows(db, "SELECT display_name FROM members WHERE user_id = 'A'")).containsExactly("Nguyễn Văn A");
    }

    @Test
    void aRefusalIsRetriedAnHourLaterNotAtEveryTick() {
        failing = true;
        PeopleFixture.enrol(db, "B", "BP-DXO-01", Role.MEMBER, clock.millis());
        fetcher.run();
        fetcher.run();
        assertThat(zalo.getRequestCount()).isEqualTo(1);
        failing = false;
        clock.advance(Duration.ofMinutes(61));
        fetcher.run();
        assertThat(zalo.getRequestCount()).isEqualTo(2);
        assertThat(PeopleFixture.rows(db, "SELECT display_name FROM members WHERE user_id = 'B'")).containsExactly("Nguyễn Văn B");
    }

    @Test
    void formerMembersAreNotLookedUp() {
        PeopleFixture.enrol(db, "C", "BP-DXO-01", Role.MEMBER, clock.millis());
        db.inTransaction(tx -> {
            Members.revoke(tx, "C", clock.millis());
            return null;
        });
        fetcher.run();
        assertThat(zalo.getRequestCount()).isZero();
    }
}
