package vn.cdsbot.testing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import vn.cdsbot.chat.ChatRouter;
import vn.cdsbot.chat.Command;
import vn.cdsbot.chat.QuestionAnswerer;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.people.People;
import vn.cdsbot.period.ReportingCalendar;
import vn.cdsbot.report.Reporting;
import vn.cdsbot.storage.Database;
import vn.cdsbot.zalo.TokenSource;
import vn.cdsbot.zalo.ZaloClient;

/**
 * The people and reporting features wired as App wires them, behind a router, for tests of chat commands
 * without the web server. Zalo is unreachable: nothing here sends.
 */
public final class ReportingRouter {
    private ReportingRouter() {}

    public static ChatRouter create(BotConfig config, Database db, Clock clock, QuestionAnswerer kb) {
        People people = People.wire(config, db, new ZaloClient(new OkHttpClient(), "http://127.0.0.1:9/",
                "http://127.0.0.1:9/"), TokenSource.fixed("t"), clock);
        Reporting reporting = Reporting.wire(config, db, ReportingCalendar.from(config), clock, () -> { });
        List<Command> commands = new ArrayList<>(people.commands());
        commands.addAll(reporting.commands());
        return new ChatRouter(commands, people.senders(), reporting.answerer(kb), clock);
    }
}
