package vn.cdsbot.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.cdsbot.config.BotConfig;
import vn.cdsbot.config.ConfigException;

/**
 * The configured weekly indicators and every way people name them. A name matches when its words, run
 * together without spaces or diacritics, equal what the user typed run together: "hỗ trợ", "ho tro" and
 * "hotro" are one name.
 */
final class Indicators {

    /** One indicator: its code and Vietnamese name. */
    record Indicator(String code, String name) {
        /** The name with a capital first letter, for lists. */
        String title() {
            return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        }
    }

    /** A name found in the text: the indicator and how many words it took. */
    record Match(String code, int words) {}

    private final List<Indicator> list = new ArrayList<>();
    private final Map<String, String> codeByKey = new HashMap<>();
    private int maxWords = 1;

    Indicators(List<BotConfig.Indicator> config) {
        if (config.isEmpty()) throw new ConfigException("reporting.indicators: at least one indicator is needed");
        for (BotConfig.Indicator i : config) {
            String code = i.code().strip().toLowerCase(Locale.ROOT);
            if (!code.matches("[a-z][a-z0-9_]*")) {
                throw new ConfigException("reporting.indicators: code '" + i.code() + "' must be lower-case letters and digits");
            }
            if (byCode(code).isPresent()) throw new ConfigException("reporting.indicators: code '" + code + "' listed twice");
            list.add(new Indicator(code, vn.cdsbot.chat.Texts.nfc(i.name().strip())));
            List<String> names = new ArrayList<>(i.aliases());
            names.add(code);
            names.add(i.name());
            for (String name : names) {
                List<String> words = ReportParser.words(name);
                if (words.isEmpty()) continue;
                maxWords = Math.max(maxWords, words.size());
                String key = String.join("", words);
                String other = codeByKey.putIfAbsent(key, code);
                if (other != null && !other.equals(code)) {
                    throw new ConfigException("reporting.indicators: the name '" + name + "' would mean both "
                            + other + " and " + code);
                }
            }
        }
    }

    List<Indicator> all() {
        return List.copyOf(list);
    }

    int size() {
        return list.size();
    }

    Indicator get(int index) {
        return list.get(index);
    }

    int indexOf(String code) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).code().equals(code)) return i;
        return -1;
    }

    Optional<Indicator> byCode(String code) {
        return list.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The longest indicator name made of {@code words[from…]}, if any. */
    Optional<Match> match(List<String> words, int from) {
        for (int k = Math.min(maxWords + 2, words.size() - from); k >= 1; k--) {
            StringBuilder key = new StringBuilder();
            for (int j = from; j < from + k; j++) key.append(words.get(j));
            String code = codeByKey.get(key.toString());
            if (code != null) return Optional.of(new Match(code, k));
        }
        return Optional.empty();
    }

    /** "hotro, vneid, dvc, thanhtoan, tuyentruyen". */
    String codes() {
        return String.join(", ", list.stream().map(Indicator::code).toList());
    }
}
