package vn.cdsbot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV file the operator keeps (RFC 4180 quoting, UTF-8 with or without a BOM), read by Jackson, each
 * with the line it starts on, so a problem can be reported as "file line N: …". A file that is not valid CSV stops
 * start-up with a {@link ConfigException} naming the file and line.
 */
public final class CsvRecords {
    /** One record as written: its first line and its fields, never null (an empty field is ""). */
    public record Line(int line, List<String> fields) {
        public boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvRecords() {}

    public static List<Line> read(String content, String source) {
        String s = content.startsWith("\uFEFF") ? content.substring(1) : content;
        List<Line> out = new ArrayList<>();
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).readValues(s)) {
            while (true) {
                int line = it.getCurrentLocation().getLineNr();
                if (!it.hasNextValue()) break;
                int start = Math.max(line, it.getParser().currentTokenLocation().getLineNr());
                List<String> fields = it.nextValue();
                if (!fields.isEmpty()) out.add(new Line(start, fields.stream().map(f -> f == null ? "" : f).toList()));
            }
        } catch (IOException | RuntimeException e) {
            int line = e instanceof JsonProcessingException j && j.getLocation() != null ? j.getLocation().getLineNr() : -1;
            String cause = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            String where = source + (line > 0 ? " line " + line : "") + ": ";
            throw new ConfigException(cause.contains("quote") || cause.contains("EOF")
                    ? where + "a quoted field is never closed, or a double quote stands inside an unquoted field"
                    : where + "not a valid CSV file (" + cause + ")");
        }
        return out;
    }
}
