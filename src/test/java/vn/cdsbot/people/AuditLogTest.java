package vn.cdsbot.people;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.cdsbot.storage.Database;

class AuditLogTest {
    @TempDir
    Path dir;

    @Test
    void enrolmentsAndRoleChangesAreLoggedWithIdsOnlyOtherAuditRecordsAreNot() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(Audit.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try (Database db = Database.open(dir.resolve("a.db"), "NORMAL", 2)) {
            db.inTransaction(tx -> {
                Audit.record(tx, 1, "u-42", "member.enrol", "u-42", "unit=BP-DXO-01 role=member member=TV7");
                Audit.record(tx, 2, "u-1", "member.change", "u-42", "member=TV7 role: member -> leader");
                Audit.record(tx, 3, "u-1", "reminder.manual", "BP-DXO", "");
                return null;
            });
        } finally {
            logger.detachAppender(captured);
        }
        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "member.enrol by u-42: u-42 (unit=BP-DXO-01 role=member member=TV7)",
                "member.change by u-1: u-42 (member=TV7 role: member -> leader)");
    }
}
