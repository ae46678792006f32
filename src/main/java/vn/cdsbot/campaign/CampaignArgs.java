package vn.cdsbot.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.cdsbot.chat.Texts;

/**
 * A campaign named in a command's arguments: its code anywhere (CD1, cd1), optionally after the words "chiến dịch"
 * ({@code #bieudo chiến dịch CD1}, as {@link vn.cdsbot.period.CampaignDays#typed} writes it); the other words stay.
 *
 * @param code the code as typed, null when none
 */
public record CampaignArgs(String code, String rest) {
    private static final Pattern CODE = Pattern.compile("(?i)CD\\d{1,9}");

    public static CampaignArgs parse(String args) {
        String code = null;
        List<String> rest = new ArrayList<>();
        String[] words = args.strip().split("\\s+");
        for (int k = 0; k < words.length; k++) {
            String w = words[k];
            if (w.isEmpty()) continue;
            if (code == null && CODE.matcher(w).matches()) {
                code = w;
                // "chiến dịch CD1": the two words before the code belong to it
                if (rest.size() >= 2 && Texts.fold(rest.get(rest.size() - 2) + " " + rest.get(rest.size() - 1)).equals("chien dich")) {
                    rest.subList(rest.size() - 2, rest.size()).clear();
                } else if (!rest.isEmpty() && Texts.fold(rest.get(rest.size() - 1)).equals("chiendich")) {
                    rest.remove(rest.size() - 1);
                }
            } else {
                rest.add(w);
            }
        }
        return new CampaignArgs(code, String.join(" ", rest));
    }

    public boolean named() {
        return code != null;
    }
}
