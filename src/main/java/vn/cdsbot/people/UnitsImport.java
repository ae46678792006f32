package vn.cdsbot.people;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cdsbot.chat.Texts;
import vn.cdsbot.config.ConfigException;

/**
 * {@code units import}: turns a dataset of Vietnam's administrative units after 1/7/2025 (two levels: province,
 * then wards, communes and special zones; no districts) into a units file for one province. The dataset is the
 * JSON of thanglequoc/vietnamese-provinces-database ({@code json/simplified_json_generated_data_vn_units.json}: an
 * array of provinces, each with {@code Code}, {@code Name}, {@code FullName} and {@code Wards}, each ward with
 * {@code Code}, {@code Name}, {@code FullName}); other fields are ignored. Codes are the official codes with a
 * letter in front (T for the province, X for a commune-level unit), so a code typed in chat is never read as a
 * number. Hamlet teams are added to the file by the province afterwards.
 */
public final class UnitsImport {
    static final String PROVINCE_KIND = "province";
    static final String COMMUNE_KIND = "commune";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ward(@JsonProperty("Code") String code, @JsonProperty("Name") String name,
                @JsonProperty("FullName") String fullName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Province(@JsonProperty("Code") String code, @JsonProperty("Name") String name,
                    @JsonProperty("FullName") String fullName, @JsonProperty("Wards") List<Ward> wards) {}

    /** One line of the units file written. */
    record Line(String code, String name, String parentCode, String kind, String population) {}

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.builder().addColumn("code").addColumn("name")
            .addColumn("parent_code").addColumn("kind").addColumn("population").setUseHeader(true).build();

    private UnitsImport() {}

    /** Reads and checks the dataset; a problem names the file and what is wrong. */
    static List<Province> read(String json, String source) {
        List<Province> provinces;
        try {
            provinces = JSON.readerForListOf(Province.class).readValue(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new ConfigException(source + where + ": not a dataset of administrative units (expected a JSON array of "
                    + "provinces, each with Code, Name, FullName and Wards): " + e.getOriginalMessage());
        }
        if (provinces == null || provinces.isEmpty()) throw new ConfigException(source + ": no province in the file");
        for (int i = 0; i < provinces.size(); i++) {
            Province p = provinces.get(i);
            String at = source + ": province #" + (i + 1);
            if (p == null || blank(p.code()) || blank(p.name())) throw new ConfigException(at + " has no Code or Name");
            if (p.wards() == null) throw new ConfigException(at + " (" + p.name() + ") has no Wards list");
            for (int k = 0; k < p.wards().size(); k++) {
                Ward w = p.wards().get(k);
                if (w == null || blank(w.code()) || blank(w.fullName())) {
                    throw new ConfigException(at + " (" + p.name() + "), ward #" + (k + 1) + " has no Code or FullName");
                }
            }
        }
        return provinces;
    }

    /** The province named (its name or full name, any case, with or without diacritics, or its code). */
    static Province pick(List<Province> provinces, String wanted, String source) {
        String folded = Texts.fold(wanted).strip();
        for (Province p : provinces) {
            if (Texts.fold(p.name()).equals(folded) || (p.fullName() != null && Texts.fold(p.fullName()).equals(folded))
                    || p.code().equals(wanted.strip())) {
                return p;
            }
        }
        List<String> close = suggestions(provinces, folded);
        throw new ConfigException("--province: no province named '" + wanted + "' in " + source
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close.stream().map(s -> "'" + s + "'").toList()) + "?")
                + " (the file lists " + provinces.size() + (provinces.size() == 1 ? " province)" : " provinces)"));
    }

    /** Up to three names sharing the most letter pairs with what was typed (diacritics and case ignored). */
    static List<String> suggestions(List<Province> provinces, String folded) {
        Set<String> typed = pairs(folded);
        record Scored(String name, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (Province p : provinces) {
            Set<String> name = pairs(Texts.fold(p.name()));
            Set<String> common = new HashSet<>(typed);
            common.retainAll(name);
            double dice = typed.isEmpty() || name.isEmpty() ? 0 : 2.0 * common.size() / (typed.size() + name.size());
            if (dice >= 0.4) scored.add(new Scored(p.name(), dice));
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparing(Scored::name));
        return scored.stream().limit(3).map(Scored::name).toList();
    }

    private static Set<String> pairs(String s) {
        String t = s.replace(" ", "");
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < t.length(); i++) out.add(t.substring(i, i + 2));
        return out;
    }

    /** The province as a units file: its root, then every commune-level unit directly under it, by code. */
    static List<Line> lines(Province p) {
        List<Line> out = new ArrayList<>();
        String root = "T" + p.code().strip();
        out.add(new Line(root, Texts.nfc(blank(p.fullName()) ? p.name() : p.fullName()).strip(), "", PROVINCE_KIND, ""));
        Map<String, Ward> byCode = new LinkedHashMap<>();
        for (Ward w : p.wards()) {
            if (byCode.putIfAbsent(w.code().strip(), w) != null) {
                throw new ConfigException("ward code " + w.code() + " appears twice under " + p.name());
            }
        }
        byCode.keySet().stream().sorted().forEach(code ->
                out.add(new Line("X" + code, Texts.nfc(byCode.get(code).fullName()).strip(), root, COMMUNE_KIND, "")));
        return out;
    }

    static String csv(List<Line> lines) {
        try {
            return CSV.writer(SCHEMA).writeValueAsString(lines.stream().map(l -> new String[] {
                    l.code(), l.name(), l.parentCode(), l.kind(), l.population()}).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The command line. Exit status 0 with a summary on {@code out}; 2 with the reason on {@code err} for a dataset
     * that cannot be read, an unknown province or an output file that exists (without {@code force}).
     */
    public static int cli(Path dataset, String province, Path output, boolean force, PrintWriter out, PrintWriter err) {
        try {
            if (!Files.isRegularFile(dataset)) throw new ConfigException("--dataset: file not found: " + dataset.toAbsolutePath());
            if (Files.exists(output) && !force) {
                throw new ConfigException("--out: " + output + " already exists; add --force to replace it (a units file "
                        + "edited by hand, with hamlets added, would be lost)");
            }
            String source = dataset.getFileName().toString();
            Province p = pick(read(Files.readString(dataset, StandardCharsets.UTF_8), source), province, source);
            List<Line> lines = lines(p);
            String text = csv(lines);
            // Parsed back with the bot's own reader: what is written is a file the bot starts with.
            UnitsCsv.parse(text, output.toString());
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(output, text, StandardCharsets.UTF_8);
            long wards = lines.stream().filter(l -> l.name().startsWith("Phường")).count();
            long communes = lines.stream().filter(l -> l.name().startsWith("Xã")).count();
            long zones = lines.stream().filter(l -> l.name().startsWith("Đặc khu")).count();
            out.println("Đã ghi " + output + ": " + lines.get(0).name() + " (" + lines.get(0).code() + ") và "
                    + (lines.size() - 1) + " đơn vị cấp xã trực thuộc (" + wards + " phường, " + communes + " xã, " + zones
                    + " đặc khu).");
            out.println("Thêm các tổ thôn, ấp, khu phố (kind hamlet, parent_code là mã xã) rồi trỏ units.file tới tệp này "
                    + "(xem data/README.md).");
            out.flush();
            return 0;
        } catch (ConfigException e) {
            err.println(e.getMessage());
            err.flush();
            return 2;
        } catch (IOException e) {
            err.println("cannot read or write: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
