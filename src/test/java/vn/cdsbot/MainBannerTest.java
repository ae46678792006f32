package vn.cdsbot;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.cdsbot.config.ZaloCredentials;

class MainBannerTest {
    @Test
    void theLocalModeBannerIsWrittenAsSeparateLinesWithoutEscapedBreaks() {
        Logger logger = (Logger) LoggerFactory.getLogger(Main.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try {
            Main.Serve.announce(ZaloCredentials.LOCAL, 8123);
        } finally {
            logger.detachAppender(captured);
        }
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(5).noneMatch(l -> l.contains("\n"));
        assertThat(lines).anyMatch(l -> l.contains("http://localhost:8123/dev/chat"));
    }
}
