package vn.cdsbot.handoff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.config.ConfigException;
import vn.cdsbot.config.CsvRecords;
import vn.cdsbot.people.Unit;
import vn.cdsbot.people.UnitTree;

/**
 * The province's commune directory, kept in a CSV file ({@code handoff.directory}) and read at start: where each
 * commune's one-stop desk (bộ phận một cửa) is and when it is open, a phone, the team's hotline, a map link, and the
 * names the commune's parts had before a merger. Only {@code unit_code} is required; any problem stops start-up with
 * the file and line, because a wrong address sends people to the wrong office. A row of a unit the units file no
 * longer has (deactivated) is skipped with a warning.
 */
final class Directory {
    private static final Logger log = LoggerFactory.getLogger(Directory.class);
    static final String UNIT_CODE = "unit_code";
    static final List<String> COLUMNS = List.of(UNIT_CODE, "desk_address", "opening_hours", "phone", "hotline", "map_url",
            "former_names");
    private static final Pattern PHONE = Pattern.compile("[0-9+][0-9 .()+-]{2,30}");

    /** One commune's entry; an empty field is "" (not shown). */
    record Entry(String unitCode, String address, String hours, String phone, String hotline, String mapUrl,
                 List<String> formerNames) {}

    private final Map<String, Entry> byCode;

    private Directory(Map<String, Entry> byCode) {
        this.byCode = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCode));   // in file order
    }

    static Directory empty() {
        return new Directory(Map.of());
    }

    boolean isEmpty() {
        return byCode.isEmpty();
    }

    Optional<Entry> of(String unitCode) {
        return unitCode == null ? Optional.empty() : Optional.ofNullable(byCode.get(unitCode.toUpperCase(Locale.ROOT)));
    }

    /** Every former name with the commune it is part of now (a name split between communes appears once for each). */
    List<Communes.Former> formerNames() {
        List<Communes.Former> out = new ArrayList<>();
        for (Entry e : byCode.values()) e.formerNames().forEach(n -> out.add(new Communes.Former(n, e.unitCode())));
        return out;
    }

    /** The file named by {@code handoff.directory} ("" = none), or the demo copy in the jar when run from elsewhere. */
    static Directory load(String file, UnitTree tree, Predicate<Unit> isCommune) {
        if (file == null || file.isBlank()) return empty();
        return parse(read(file.strip()), file.strip(), tree, isCommune);
    }

    static Directory parse(String content, String source, UnitTree tree, Predicate<Unit> isCommune) {
        List<CsvRecords.Line> lines = CsvRecords.read(content, source);
        if (lines.isEmpty()) throw new ConfigException(source + ": empty file; expected a header naming at least " + UNIT_CODE);
        CsvRecords.Line header = lines.get(0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw new ConfigException(source + " line " + header.line() + ": unknown column '" + name + "' (allowed: "
                        + String.join(", ", COLUMNS) + ")");
            }
            if (index.putIfAbsent(name, i) != null) {
                throw new ConfigException(source + " line " + header.line() + ": column '" + name + "' appears twice");
            }
        }
        if (!index.containsKey(UNIT_CODE)) {
            throw new ConfigException(source + " line " + header.line() + ": missing column '" + UNIT_CODE + "'");
        }
        Map<String, Entry> byCode = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (CsvRecords.Line r : lines.subList(1, lines.size())) {
            if (r.blank()) continue;
            String at = source + " line " + r.line() + ": ";
            if (r.fields().size() != header.fields().size()) {
                throw new ConfigException(at + r.fields().size() + " fields, expected " + header.fields().size()
                        + " like the header (put a text containing a comma in \"double quotes\")");
            }
            String code = field(r, index, UNIT_CODE);
            Optional<Unit> unit = tree.get(code);
            if (unit.isEmpty()) throw new ConfigException(at + "unit_code '" + code + "' is not a code of the units file");
            if (!unit.get().active()) {
                // The units file moved on (a merger): the row is stale, not wrong; start-up goes on without it.
                log.warn("{}{} ({}) is no longer in the units file; its directory row is ignored", at, unit.get().code(),
                        unit.get().name());
                continue;
            }
            if (!isCommune.test(unit.get())) {
                throw new ConfigException(at + unit.get().code() + " (" + unit.get().name() + ") is not of the reporting "
                        + "kind; the directory lists communes only");
            }
            String key = unit.get().code().toUpperCase(Locale.ROOT);
            Integer previous = lineOf.putIfAbsent(key, r.line());
            if (previous != null) throw new ConfigException(at + "duplicate unit_code '" + code + "' (already on line " + previous + ")");
            String phone = field(r, index, "phone");
            String hotline = field(r, index, "hotline");
            for (String[] p : new String[][] {{"phone", phone}, {"hotline", hotline}}) {
                if (!p[1].isEmpty() && !PHONE.matcher(p[1]).matches()) {
                    throw new ConfigException(at + p[0] + " '" + p[1] + "' is not a phone number (digits, spaces, . - + ( ))");
                }
            }
            String map = field(r, index, "map_url");
            if (!map.isEmpty() && !map.startsWith("https://") && !map.startsWith("http://")) {
                throw new ConfigException(at + "map_url must start with https:// (was '" + map + "')");
            }
            List<String> former = new ArrayList<>();
            for (String n : field(r, index, "former_names").split(";")) {
                if (!n.isBlank()) former.add(n.strip());
            }
            byCode.put(key, new Entry(unit.get().code(), field(r, index, "desk_address"), field(r, index, "opening_hours"),
                    phone, hotline, map, List.copyOf(former)));
        }
        return new Directory(byCode);
    }

    private static String field(CsvRecords.Line r, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null ? "" : Texts.nfc(r.fields().get(i).strip());
    }

    private static String read(String file) {
        Path path = Path.of(file);
        try {
            if (Files.isRegularFile(path)) return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("handoff.directory: cannot read " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        try (InputStream in = Directory.class.getResourceAsStream("/embedded/" + file.replace('\\', '/'))) {
            if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("handoff.directory: cannot read the embedded copy of " + file, e);
        }
        throw new ConfigException("handoff.directory: file not found: " + path.toAbsolutePath()
                + " (write \"\" to run without a directory)");
    }
}
