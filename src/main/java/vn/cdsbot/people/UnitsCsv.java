package vn.cdsbot.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.config.CsvRecords;
import vn.cdsbot.config.CsvRecords.Line;

/**
 * Reads and checks the units CSV ({@code code,name,parent_code,kind}, any column order, UTF-8, RFC 4180
 * quoting; an optional {@code population} column, a whole number or empty; other columns are ignored). Any problem stops start-up with a message naming the file and line, because a half-loaded
 * hierarchy would misdirect reports and reminders.
 */
final class UnitsCsv {
    static final List<String> COLUMNS = List.of("code", "name", "parent_code", "kind");
    /** Optional: the people living in a unit, a weight for splitting a province-wide target. */
    static final String POPULATION = "population";
    /** Codes are typed in chat commands, so no spaces or punctuation beyond - _ . */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

    /** One unit as written in the file. */
    record Row(int line, String code, String name, String parentCode, String kind, Integer population) {
        Row(int line, String code, String name, String parentCode, String kind) {
            this(line, code, name, parentCode, kind, null);
        }
    }

    private UnitsCsv() {}

    static List<Row> parse(String content, String source) {
        List<Line> records = CsvRecords.read(content, source);
        if (records.isEmpty()) throw new ConfigException(source + ": empty file; expected the header " + String.join(",", COLUMNS));
        Line header = records.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (index.putIfAbsent(name, i) != null) {
                throw new ConfigException(source + " line " + header.line() + ": column '" + name + "' appears twice");
            }
        }
        for (String c : COLUMNS) {
            if (!index.containsKey(c)) {
                throw new ConfigException(source + " line " + header.line() + ": missing column '" + c
                        + "' (the header must name " + String.join(",", COLUMNS) + ")");
            }
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Row> byCode = new HashMap<>();
        for (Line r : records.subList(1, records.size())) {
            if (r.fields().stream().allMatch(String::isBlank)) continue;
            if (r.fields().size() != header.fields().size()) {
                throw new ConfigException(source + " line " + r.line() + ": " + r.fields().size() + " fields, expected "
                        + header.fields().size() + " like the header (put a name containing a comma in \"double quotes\")");
            }
            String code = field(r, index, "code");
            String name = Texts.nfc(field(r, index, "name"));
            String parent = field(r, index, "parent_code");
            String kind = field(r, index, "kind");
            if (code.isEmpty()) throw new ConfigException(source + " line " + r.line() + ": code is empty");
            if (!CODE.matcher(code).matches()) {
                throw new ConfigException(source + " line " + r.line() + ": code '" + code
                        + "' may only use letters, digits, '-', '_' and '.' (at most 40, no spaces)");
            }
            if (name.isEmpty()) throw new ConfigException(source + " line " + r.line() + ": name is empty for " + code);
            if (kind.isEmpty()) throw new ConfigException(source + " line " + r.line() + ": kind is empty for " + code);
            Integer population = null;
            if (index.containsKey(POPULATION)) {
                String p = field(r, index, POPULATION).replace(".", "").replace(",", "").replace(" ", "");
                if (!p.isEmpty()) {
                    try {
                        population = Integer.valueOf(p);
                    } catch (NumberFormatException e) {
                        population = -1;
                    }
                    if (population < 0) {
                        throw new ConfigException(source + " line " + r.line() + ": population of " + code
                                + " must be a whole number of people or empty, got '" + field(r, index, POPULATION) + "'");
                    }
                }
            }
            Row row = new Row(r.line(), code, name, parent.isEmpty() ? null : parent, kind, population);
            Row previous = byCode.putIfAbsent(key(code), row);
            if (previous != null) {
                throw new ConfigException(source + " line " + r.line() + ": duplicate code '" + code
                        + "' (already on line " + previous.line() + ")");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) throw new ConfigException(source + ": no units listed under the header");
        for (Row row : rows) {
            if (row.parentCode() != null && !byCode.containsKey(key(row.parentCode()))) {
                throw new ConfigException(source + " line " + row.line() + ": parent_code '" + row.parentCode()
                        + "' of " + row.code() + " is not a code in this file");
            }
        }
        for (Row row : rows) checkCycle(row, byCode, source);
        return rows;
    }

    /**
     * One extra column of the file (population, say), code → value as written; units with an empty cell are absent.
     * The file is checked as at start-up first.
     */
    static Map<String, String> column(String content, String source, String column) {
        List<Row> rows = parse(content, source);
        List<Line> records = CsvRecords.read(content, source);
        List<String> header = records.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int at = header.indexOf(column.strip().toLowerCase(Locale.ROOT));
        if (at < 0) throw new ConfigException(source + ": no column '" + column + "' (columns: " + String.join(",", header) + ")");
        Map<String, String> out = new java.util.LinkedHashMap<>();
        int i = 0;
        for (Line r : records.subList(1, records.size())) {
            if (r.blank()) continue;
            String v = r.fields().get(at).strip();
            if (!v.isEmpty()) out.put(rows.get(i).code(), v);
            i++;
        }
        return out;
    }

    private static void checkCycle(Row start, Map<String, Row> byCode, String source) {
        Set<String> seen = new LinkedHashSet<>();
        Row r = start;
        while (r != null) {
            if (!seen.add(key(r.code()))) {
                List<String> path = new ArrayList<>();
                for (String k : seen) path.add(byCode.get(k).code());
                path.add(r.code());
                throw new ConfigException(source + " line " + start.line() + ": unit " + start.code()
                        + " is inside a cycle of parent_code: " + String.join(" → ", path));
            }
            r = r.parentCode() == null ? null : byCode.get(key(r.parentCode()));
        }
    }

    private static String field(Line r, Map<String, Integer> index, String column) {
        return r.fields().get(index.get(column)).strip();
    }

    private static String key(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
