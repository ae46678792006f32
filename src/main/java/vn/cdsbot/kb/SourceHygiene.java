package vn.cdsbot.kb;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Warnings on sources that have probably aged: portals of provinces merged on 1/7/2025 or of abolished
 * district-level units, pages in another language, listing or tag pages, and pages published before the last
 * legal change of their service ({@code legal-changes.yaml}). Warnings, not errors: such a page may still be
 * right, but a citizen should not be sent to it without an editor re-reading it.
 */
final class SourceHygiene {
    static final String CHANGES_FILE = "legal-changes.yaml";
    /** The key in legal-changes.yaml whose date applies to every service. */
    static final String ALL = "all";

    /** The last legal change of a service: sources published before it are suspect. */
    record Change(LocalDate date, String basis) {}

    /** Host labels of the 29 provinces merged into others on 1/7/2025 (Nghị quyết 202/2025/QH15). */
    private static final Set<String> MERGED_PROVINCES = Set.of("hagiang", "yenbai", "backan", "vinhphuc", "hoabinh",
            "bacgiang", "thaibinh", "hanam", "namdinh", "haiduong", "quangbinh", "quangnam", "kontum", "binhdinh",
            "phuyen", "ninhthuan", "daknong", "binhthuan", "binhphuoc", "binhduong", "baria-vungtau", "bariavungtau",
            "longan", "tiengiang", "bentre", "travinh", "soctrang", "haugiang", "baclieu", "kiengiang");
    /** Prefixes provincial departments and papers put before the province in one label (conganbacgiang.gov.vn). */
    private static final List<String> PROVINCE_LABEL_PREFIXES = List.of("congan", "bao", "sotuphap", "pbgdpl", "dichvucong", "so");
    /** Every province label before 1/7/2025; a host ward.district.province.gov.vn names a district-level unit. */
    private static final Set<String> PROVINCES = Set.of("hanoi", "hochiminhcity", "tphcm", "haiphong", "danang", "cantho",
            "hue", "thuathienhue", "laichau", "dienbien", "sonla", "langson", "quangninh", "thanhhoa", "nghean", "hatinh",
            "caobang", "tuyenquang", "laocai", "thainguyen", "phutho", "bacninh", "hungyen", "ninhbinh", "quangtri",
            "quangngai", "gialai", "khanhhoa", "lamdong", "daklak", "dongnai", "tayninh", "vinhlong", "dongthap", "camau",
            "angiang", "hagiang", "yenbai", "backan", "vinhphuc", "hoabinh", "bacgiang", "thaibinh", "hanam", "namdinh",
            "haiduong", "quangbinh", "quangnam", "kontum", "binhdinh", "phuyen", "ninhthuan", "daknong", "binhthuan",
            "binhphuoc", "binhduong", "baria-vungtau", "longan", "tiengiang", "bentre", "travinh", "soctrang", "haugiang",
            "baclieu", "kiengiang");
    /** Labels that put a provincial department, not a district, before the province (congan.nghean.gov.vn). */
    private static final Set<String> PROVINCIAL_SERVICES = Set.of("congan", "sotuphap", "pbgdpl", "dichvucong", "hcc",
            "dean06", "svhttdl", "bhxh", "www", "sonoivu", "sogtvt", "sotttt", "sokhcn", "soyte", "sogddt", "ubnd", "vpubnd");
    private static final Pattern DISTRICT_LABEL = Pattern.compile("(tp|quan|huyen|thixa|thanhpho)[a-z]{3,}");
    private static final Pattern FOREIGN_LANGUAGE = Pattern.compile(
            "^/(en|de|fr|zh|zh-cn|zh-tw|ja|ko|ru|es|it|pt|lo|km|th)(/|$)|[?&](lang|hl|locale)=(?!vi)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LISTING = Pattern.compile(
            "/tags?/|/tags?\\.html|tagname=|/chu-de/|/category/|/categories/|/danh-muc/|/tim-kiem|/search|/page/\\d",
            Pattern.CASE_INSENSITIVE);
    /** Dates news sites put in addresses: 2025-01-07 in "-20250107110632897.htm", 2024-12-28 in "185241228224737565". */
    private static final Pattern LONG_DATE = Pattern.compile("(?<!\\d)(20\\d{2})(\\d{2})(\\d{2})\\d{6,11}(?!\\d)");
    private static final Pattern SHORT_DATE = Pattern.compile("(?<!\\d)\\d{3}(\\d{2})(\\d{2})(\\d{2})\\d{9}(?!\\d)");
    private static final Pattern MONTH_FOLDER = Pattern.compile("/(20\\d{2})/?(0[1-9]|1[0-2])/");

    private SourceHygiene() {}

    static Map<String, Change> parseChanges(Path file, String text, List<KbProblem> problems) {
        Map<String, Change> out = new LinkedHashMap<>();
        Object root;
        try {
            root = new Yaml(new LoaderOptions()).load(text);
        } catch (YAMLException e) {
            problems.add(KbProblem.error(file, 1, "YAML error: " + e.getMessage().replaceAll("\\s+", " ")));
            return out;
        }
        if (root == null) return out;
        if (!(root instanceof Map<?, ?> map)) {
            problems.add(KbProblem.error(file, 1, CHANGES_FILE + " must map a service (dv01…dv25, vneid, general, all) "
                    + "to {date, basis}"));
            return out;
        }
        String[] lines = text.split("\n", -1);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String service = String.valueOf(e.getKey());
            LocalDate date = e.getValue() instanceof Map<?, ?> m ? Facts.date(m.get("date")) : null;
            Object basis = e.getValue() instanceof Map<?, ?> m ? m.get("basis") : null;
            if (date == null || basis == null) {
                problems.add(KbProblem.error(file, lineOf(lines, service + ":"), "'" + service
                        + "' needs {date: YYYY-MM-DD, basis: …}"));
                continue;
            }
            out.put(service, new Change(date, basis.toString()));
        }
        return out;
    }

    /** Adds one warning per doubtful source, at the source's line. */
    static void check(Article a, String text, Map<String, Change> changes, List<KbProblem> problems) {
        String[] lines = text.split("\n", -1);
        Change last = latest(changes.get(ALL), changes.get(a.service()));
        for (Article.Source s : a.sources()) {
            int line = lineOf(lines, s.url());
            for (String why : findings(s, last, a.service())) {
                problems.add(KbProblem.warning(a.file(), line, why + ": " + s.url()));
            }
        }
    }

    static List<String> findings(Article.Source s, Change last, String service) {
        List<String> out = new ArrayList<>();
        URI uri;
        try {
            uri = URI.create(s.url());
        } catch (IllegalArgumentException e) {
            return out;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String[] labels = host.split("\\.");
        mergedProvince(labels).ifPresent(p -> out.add("source on the portal of '" + p + "', a province merged on 1/7/2025;"
                + " use the page of the province it joined or a national portal"));
        districtLevel(labels).ifPresent(d -> out.add("source on the portal of '" + d + "', a district-level unit abolished"
                + " on 1/7/2025; use a provincial or national page"));
        if (FOREIGN_LANGUAGE.matcher(path).find()) out.add("source page is in another language; cite the Vietnamese page");
        if (LISTING.matcher(path).find()) out.add("source is a listing, tag or search page, not an article; cite the page itself");
        Optional<LocalDate> published = s.published() != null ? Optional.of(s.published()) : publishedFromUrl(s.url());
        if (last != null && published.isPresent() && published.get().isBefore(last.date())) {
            out.add("source published " + published.get() + " predates the last legal change of " + service + " ("
                    + last.date() + ", " + last.basis() + "); re-read it against the new rules or replace it");
        }
        return out;
    }

    private static Optional<String> mergedProvince(String[] labels) {
        for (String label : labels) {
            if (MERGED_PROVINCES.contains(label)) return Optional.of(label);
            for (String prefix : PROVINCE_LABEL_PREFIXES) {
                if (label.startsWith(prefix) && MERGED_PROVINCES.contains(label.substring(prefix.length()))) {
                    return Optional.of(label.substring(prefix.length()));
                }
            }
        }
        return Optional.empty();
    }

    /** ward.district.province.gov.vn, or a label like "tpthuduc", "huyenvinhlinh". */
    private static Optional<String> districtLevel(String[] labels) {
        int n = labels.length;
        if (n < 3 || !labels[n - 2].equals("gov") || !labels[n - 1].equals("vn")) return Optional.empty();
        for (int i = 0; i < n - 2; i++) {
            if (DISTRICT_LABEL.matcher(labels[i]).matches() && !PROVINCES.contains(labels[i])) return Optional.of(labels[i]);
        }
        if (n >= 5 && PROVINCES.contains(labels[n - 3]) && !PROVINCIAL_SERVICES.contains(labels[n - 4])) {
            return Optional.of(labels[n - 4]);
        }
        return Optional.empty();
    }

    /** The publication date news sites write into their addresses, when there is one. */
    static Optional<LocalDate> publishedFromUrl(String url) {
        Matcher m = LONG_DATE.matcher(url);
        if (m.find()) {
            Optional<LocalDate> d = date(m.group(1), m.group(2), m.group(3));
            if (d.isPresent()) return d;
        }
        m = SHORT_DATE.matcher(url);
        if (m.find()) {
            Optional<LocalDate> d = date("20" + m.group(1), m.group(2), m.group(3));
            if (d.isPresent()) return d;
        }
        m = MONTH_FOLDER.matcher(url);
        if (m.find()) return date(m.group(1), m.group(2), "01");
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String y, String mo, String d) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
            return date.getYear() >= 2010 ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Change latest(Change a, Change b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.date().isAfter(a.date()) ? b : a;
    }

    private static int lineOf(String[] lines, String needle) {
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(needle)) return i + 1;
        return 1;
    }
}
