package vn.cdsbot.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Zalo shows text as sent: decomposed accents render badly on some phones, so every sentence must be NFC. */
class VietnameseTextTest {
    @Test
    void everySourceFileOfPeopleAndReportingIsNfc() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.walk(Path.of("src/main/java/vn/cdsbot/people")),
                Files.walk(Path.of("src/main/java/vn/cdsbot/report")))) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            assertThat(Normalizer.isNormalized(Files.readString(f), Normalizer.Form.NFC)).as(f.toString()).isTrue();
        }
    }
}
